/** A failure as one line for the UI: the message of an Error, anything else as text. */
export function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

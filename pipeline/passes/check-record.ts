/** Every record is checked against src/model/dataset.ts as it is made: a bad one stops the run, naming it. */

type SafeParseLike = { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }

/** Checks a record against its schema; throws what is wrong, naming the record ("mentions.<article id>.count: …"). */
export function checkRecord(schema: { safeParse: (value: unknown) => SafeParseLike }, what: string, record: unknown): void {
  const r = schema.safeParse(record)
  if (!r.success) throw new Error(`output does not match the dataset schema: ${what}.${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`)
}

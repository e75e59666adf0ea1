/** What a catalogue entry is: a plain message, or one form per plural category of its count `n`. */

/** A message that depends on a count `n`: one form per plural category of the language (Intl.PluralRules). */
export interface Plural {
  readonly zero?: string
  readonly one?: string
  readonly two?: string
  readonly few?: string
  readonly many?: string
  /** Every category without its own form, and a message called without `n`. */
  readonly other: string
}

export type Message = string | Plural

/** Values for the `{name}` placeholders; numbers are written in the language's number format. */
export type MessageParams = Readonly<Record<string, string | number>>

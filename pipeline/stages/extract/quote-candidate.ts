/** A quote found but not yet given its speaker: the words, the attribution, how strong the find is. */
import type { Range } from './quote-doc.ts'

/** How a candidate's speaker is found. */
export type SpeakerMode =
  /** from the attribution's words */
  | 'phrase'
  /** the speaker of the quote before (a quote paragraph, "demnach" with no one named) */
  | 'continuation'
  /** the subject of the clause ("nach eigenen Angaben", "seinen Worten zufolge") */
  | 'subject'
  /** a person named in the clause, else the source of the quote before ("Putin lobte demnach …") */
  | 'demnach'
  /** "hieß es", "so heißt es": no one */
  | 'impersonal'

export interface Candidate {
  kind: 'direct' | 'reported'
  /** The quoted words (direct: between the marks, several parts for an interrupted quote) or the reported clause. */
  parts: Range[]
  /** The words naming the speaker. */
  phrase: Range | null
  mode: SpeakerMode
  /** How the quote was found (pattern id). */
  rule: string
  /** The quote with its attribution: the sentences it keeps. */
  extent: Range
  /** Lower is stronger, where two candidates claim the same words. */
  priority: number
  /** For `demnach`/`subject`: where the source word stands. */
  anchor?: number
}

export const candidate = (parts: Range[], phrase: Range | null, mode: SpeakerMode, rule: string, extent: Range, priority: number, anchor?: number): Candidate => ({
  kind: 'reported',
  parts,
  phrase,
  mode,
  rule,
  extent,
  priority,
  ...(anchor === undefined ? {} : { anchor }),
})

/**
 * Records passed between pipeline stages (decode → clean → segment → date → actors → events →
 * figures → assemble). The dataset the stages build is typed by src/model/dataset.ts.
 */
import type { ActorKind, Decision, EventStatus, FigureKind } from '../../src/model/dataset.ts'

/** A sentence of the cleaned article text. Index 0 is the title. */
export interface Sentence {
  index: number
  text: string
  /** Index of the paragraph (block of lines) the sentence belongs to. */
  paragraph: number
}

/** One entry of the actor registry (data/actors.json). */
export interface ActorEntry {
  id: string
  name: string
  /** The name in English where it differs (shown by the English UI). */
  en?: string
  kind: ActorKind
  aliases: string[]
  /** For persons: the country they act for (actor id), used to infer host countries. */
  country?: string
  /** For discovered persons: how the text gave `country` ("die brasilianische Präsidentin"); registry facts have none. */
  countryFrom?: Decision
  /**
   * For discovered persons: the registry person this is another spelling of ("Sergei Lavrow" → "lawrow").
   * The matcher counts its forms for that person; the entry itself is never an actor of its own.
   */
  sameAs?: string
  /** For countries: capitals and seats of government that can stand for the state ("Moskau", "Kreml"). */
  seats?: string[]
  /**
   * For countries: nationality adjectives, as stems ("indisch", declined -e/-en/-er/-es/-em) or, when
   * capitalised, as written ("Schweizer"). They tell a discovered person's state ("der indische Premier …").
   */
  adjectives?: string[]
  /**
   * Forms that name the actor only where the article names it by another form too, after an article word
   * ("die Union" for the EU), and not in an article that has one of `contextUnless` (words of the other
   * reading: "CDU", "CSU").
   */
  contextAliases?: string[]
  contextUnless?: string[]
}

/** One place in a sentence where an actor is named. Offsets are into `Sentence.text`. */
export interface ActorMatch {
  actorId: string
  sentence: number
  start: number
  end: number
  /** The text as written, e.g. "Putins", "Kremlchef", "US". */
  surface: string
  /** true when a capital or seat was counted for its state ("Peking hat …"). */
  viaSeat: boolean
}

/** A point or span in time read from text, e.g. "im Frühjahr 2023" → { iso: "2023-03", approx: true }. */
export interface TimeRef {
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
  iso: string
  approx: boolean
}

/** A visit or call as one sentence reports it, before reports are merged across articles. */
export interface EventDraft {
  kind: 'visit' | 'call'
  visitors: string[]
  hosts: string[]
  place: string | null
  country: string | null
  date: string | null
  approx: boolean
  status: EventStatus
  sentence: number
  quote: string
  /** How this report's date and status were read (shown under the sentence). */
  dateFrom?: Decision
  statusFrom?: Decision
  /** How the travellers were read when the sentence does not name them as the trip's subject ("der chinesische Premier", "er", "die beiden"). */
  visitorsFrom?: Decision
}

export interface FigureDraft {
  value: number
  currency: string
  year: number | null
  kind: FigureKind
  sentence: number
  quote: string
  surface: string
  /** How `year` and `kind` were decided (rule, the words read, the date they were read against). */
  yearFrom?: Decision
  kindFrom?: Decision
}

/** A statement the text attributes to a speaker (GUIDE "Quotes"), as one article gives it. */
export interface QuoteDraft {
  kind: 'direct' | 'reported'
  /** The quoted words without their marks (the parts of an interrupted quote joined by " … "), or the reported clause. */
  text: string
  /** Actor id of the speaker; null for a medium, a document, impersonal or several speakers, or no one named. */
  speaker: string | null
  /** How the speaker was decided (rule ids in pipeline/README.md), the attribution's words as the cue. */
  speakerFrom: Decision
  /** Indexes of the sentences holding the quote and its attribution (ascending). */
  sentences: number[]
  /** Actors named inside the quoted words or the reported clause (sorted, unique). */
  actors: string[]
}

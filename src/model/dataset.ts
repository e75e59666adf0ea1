/**
 * THE dataset contract, shared by the pipeline (which writes it) and the app (which reads it).
 * Mirrors ../shared/DATASET.md and extends it; the fields there stay exactly as written.
 * No Vue, DOM or Node imports here.
 * Written in zod/mini (functional checks, no method chains): the app ships this schema, and zod/mini is a
 * fraction of full zod's size and never probes `new Function` (which the CSP forbids).
 */
import * as z from 'zod/mini'

export const DATASET_VERSION = 1 as const

const nonEmpty = () => z.string().check(z.minLength(1))
const nonNegativeInt = () => z.int().check(z.nonnegative())

/** "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
export const IsoDateLike = z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/))
/** "YYYY-MM-DD" or "YYYY-MM" (an article's date is never year-only). */
export const PublishedDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/))

/**
 * How the pipeline decided a value it inferred: the rule it applied, the words of the text it read (the
 * cue), and the date it read them against. Shown under the sentence so an analyst can see why, e.g.
 * { rule: 'weekday', cue: 'am Dienstag', reference: '2019-03-14' } → "Datum aus »am Dienstag«, bezogen
 * auf 14.03.2019". `rule` is a short stable id (the app names the known ones and shows any other as is).
 */
export const DecisionSchema = z.object({
  rule: nonEmpty(),
  /** The words of the sentence the value was read from, as written; null when no single phrase decided it. */
  cue: z.nullable(z.string()),
  /** The date the cue was resolved against (publication date or the text's reference point), if any. */
  reference: z.nullable(IsoDateLike),
})

export const ArticleSchema = z.object({
  id: nonEmpty(),
  file: nonEmpty(),
  title: z.string(),
  outlet: z.nullable(z.string()),
  url: z.nullable(z.string()),
  published: z.nullable(PublishedDate),
  publishedFrom: z.nullable(z.enum(['meta', 'page', 'text', 'estimated'])),
  // --- extensions ---
  /** Number of sentences in the cleaned text; sentence indexes elsewhere point into 0..sentenceCount-1. */
  sentenceCount: nonNegativeInt(),
  /** Path (relative to the dataset file) of the shard holding this article's text, loaded on demand. */
  textShard: nonEmpty(),
  /** Id of an earlier article with the same text (a wire copy), or null. */
  duplicateOf: z.nullable(z.string()),
  /** How `published` was found (a printed stamp, a header line, an estimate from dated occasions). */
  publishedCue: z.optional(DecisionSchema),
})

export const ActorKind = z.enum(['person', 'country', 'organization'])
export const ActorSchema = z.object({
  id: nonEmpty(),
  name: nonEmpty(),
  kind: ActorKind,
  aliases: z.array(z.string()),
  // --- extensions ---
  /** The name in English where it differs from the German one ("Russia", "Sergey Lavrov"); the English UI shows it. */
  en: z.optional(nonEmpty()),
  /** true for people found in the text (role noun, speech verb) who are not in the registry. */
  discovered: z.boolean(),
})

export const MentionSchema = z.object({
  articleId: nonEmpty(),
  actorId: nonEmpty(),
  count: nonNegativeInt(),
  // --- extensions ---
  /** Indexes of the sentences that name the actor (ascending, unique). */
  sentences: z.array(nonNegativeInt()),
})

export const EventStatus = z.enum(['happened', 'ongoing', 'planned', 'invited'])

export const EvidenceSchema = z.object({
  articleId: nonEmpty(),
  quote: nonEmpty(),
  // --- extensions ---
  /** Index of the quoted sentence in its article. */
  sentence: nonNegativeInt(),
  /** What this report says of the event: lets the app show a lifecycle (announced, then happened). */
  status: EventStatus,
  /** The date this report gives (null: none of its own) and how it was read. */
  date: z.optional(z.nullable(IsoDateLike)),
  dateFrom: z.optional(DecisionSchema),
  /** How this report's status was read (a verb, a tense, a modal, a date ahead of the article). */
  statusFrom: z.optional(DecisionSchema),
  /** How the travellers were read when the sentence does not name them as the trip's subject (a role with a state, a pronoun, "die beiden", the one sent). */
  visitorsFrom: z.optional(DecisionSchema),
})
export const DiplomaticEventSchema = z.object({
  id: nonEmpty(),
  kind: z.enum(['visit', 'call']),
  visitors: z.array(z.string()),
  hosts: z.array(z.string()),
  place: z.nullable(z.string()),
  country: z.nullable(z.string()),
  date: z.nullable(IsoDateLike),
  approx: z.boolean(),
  status: EventStatus,
  evidence: z.array(EvidenceSchema).check(z.minLength(1)),
  // --- extensions ---
  /** Shared by all events that are stages of one visit or call (announced, then happened); an event with no other stage carries its own id. */
  lifecycle: nonEmpty(),
})

export const FigureKind = z.enum(['trade_volume', 'trade_target', 'contract', 'other'])
export const FigureSchema = z.object({
  id: nonEmpty(),
  articleId: nonEmpty(),
  quote: nonEmpty(),
  value: z.number().check(z.nonnegative()),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  year: z.nullable(z.int()),
  kind: FigureKind,
  // --- extensions ---
  /** Index of the quoted sentence in its article. */
  sentence: nonNegativeInt(),
  /** The amount as written, e.g. "1,5 Mrd. US-Dollar". */
  surface: z.string(),
  /** How `year` and `kind` were decided: { rule: 'relative-year', cue: 'im Vorjahr', reference: '2019-02' }. */
  yearFrom: z.optional(DecisionSchema),
  kindFrom: z.optional(DecisionSchema),
})

/**
 * A statement the text attributes to a speaker (../shared/corpus-dev/GUIDE.md "Quotes"): quoted words
 * (direct) or a clause in reported speech, with the sentences it stands in and how its speaker was read.
 */
export const QuoteSchema = z.object({
  id: nonEmpty(),
  articleId: nonEmpty(),
  /** Actor id of who said it; null for a medium, a document, "hieß es", several speakers together, or no one named. */
  speaker: z.nullable(nonEmpty()),
  kind: z.enum(['direct', 'reported']),
  /** The quoted words without their marks (an interrupted quote's parts joined by " … "), or the reported clause. */
  text: nonEmpty(),
  // --- extensions ---
  /** Indexes of the sentences holding the quote and its attribution (ascending, unique): the reader opens at the first. */
  sentences: z.array(nonNegativeInt()).check(z.minLength(1)),
  /** Actors named inside the quoted words (sorted, unique): the "names" filter of the Quotes view. */
  actors: z.array(nonEmpty()),
  /** How the speaker was decided: { rule: 'office', cue: 'der chinesische Staatschef', reference: null } (rule ids in pipeline/README.md). */
  speakerFrom: DecisionSchema,
})

export const DatasetSchema = z.object({
  schemaVersion: z.literal(DATASET_VERSION),
  generatedAt: z.string(),
  articles: z.array(ArticleSchema),
  actors: z.array(ActorSchema),
  mentions: z.array(MentionSchema),
  events: z.array(DiplomaticEventSchema),
  figures: z.array(FigureSchema),
  /** Quotes (the contract's optional `quotes`; the pipeline always writes it). */
  quotes: z.optional(z.array(QuoteSchema)),
})

/** The cleaned text of one article, split into sentences, with actor spans. */
export const ArticleTextSchema = z.object({
  articleId: nonEmpty(),
  /** Sentences in reading order; `paragraphStarts` marks which of them open a paragraph. */
  sentences: z.array(z.string()),
  paragraphStarts: z.array(nonNegativeInt()),
  /** Actor names found in the text: sentence index and character offsets inside that sentence. */
  spans: z.array(
    z.object({
      actorId: nonEmpty(),
      sentence: nonNegativeInt(),
      start: nonNegativeInt(),
      end: nonNegativeInt(),
    }),
  ),
})

/** One shard file: the texts of a group of articles, fetched when one of them is opened. */
export const TextShardSchema = z.object({ texts: z.array(ArticleTextSchema) })

export type Dataset = z.infer<typeof DatasetSchema>
export type Article = z.infer<typeof ArticleSchema>
export type Actor = z.infer<typeof ActorSchema>
export type ActorKind = z.infer<typeof ActorKind>
export type Mention = z.infer<typeof MentionSchema>
export type Evidence = z.infer<typeof EvidenceSchema>
export type Decision = z.infer<typeof DecisionSchema>
export type DiplomaticEvent = z.infer<typeof DiplomaticEventSchema>
export type EventStatus = z.infer<typeof EventStatus>
export type Figure = z.infer<typeof FigureSchema>
export type FigureKind = z.infer<typeof FigureKind>
export type Quote = z.infer<typeof QuoteSchema>
export type ArticleText = z.infer<typeof ArticleTextSchema>
export type TextShard = z.infer<typeof TextShardSchema>
export type ArticleTextSpan = ArticleText['spans'][number]

/** Every event status, most advanced first (the order the views list them in). */
export const EVENT_STATUSES: readonly EventStatus[] = EventStatus.options
/** Every figure kind, in the order the views list them. */
export const FIGURE_KINDS: readonly FigureKind[] = FigureKind.options

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string }

/** The first issues of a failed parse in one line: "path: message; …". */
function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
}

/** A function that narrows unknown JSON to the schema's type, or says in one line what is wrong. */
export function parser<T>(schema: z.ZodMiniType<T>): (json: unknown) => ParseResult<T> {
  return (json) => {
    const result = schema.safeParse(json)
    return result.success ? { ok: true, value: result.data } : { ok: false, error: describeIssues(result.error) }
  }
}

/** Narrows unknown JSON to a text shard, or says in one line what is wrong. */
export const parseTextShard = parser(TextShardSchema)

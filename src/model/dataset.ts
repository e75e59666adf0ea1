/**
 * THE dataset contract, shared by the pipeline (which writes it) and the app (which reads it).
 * Mirrors ../shared/DATASET.md and extends it; the fields there stay exactly as written.
 * No Vue, DOM or Node imports here.
 */
import { z } from 'zod'

export const DATASET_VERSION = 1 as const

/** "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
export const IsoDateLike = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)
/** "YYYY-MM-DD" or "YYYY-MM" (an article's date is never year-only). */
export const PublishedDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/)

export const ArticleSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  title: z.string(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published: PublishedDate.nullable(),
  publishedFrom: z.enum(['meta', 'text', 'estimated']).nullable(),
  // --- extensions ---
  /** Number of sentences in the cleaned text; sentence indexes elsewhere point into 0..sentenceCount-1. */
  sentenceCount: z.number().int().nonnegative(),
  /** Path (relative to the dataset file) of the shard holding this article's text, loaded on demand. */
  textShard: z.string().min(1),
  /** Id of an earlier article with the same text (a wire copy), or null. */
  duplicateOf: z.string().nullable(),
})

export const ActorKind = z.enum(['person', 'country', 'organization'])
export const ActorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: ActorKind,
  aliases: z.array(z.string()),
  // --- extensions ---
  /** true for people found in the text (role noun, speech verb) who are not in the registry. */
  discovered: z.boolean(),
})

export const MentionSchema = z.object({
  articleId: z.string().min(1),
  actorId: z.string().min(1),
  count: z.number().int().nonnegative(),
  // --- extensions ---
  /** Indexes of the sentences that name the actor (ascending, unique). */
  sentences: z.array(z.number().int().nonnegative()),
})

export const EvidenceSchema = z.object({
  articleId: z.string().min(1),
  quote: z.string().min(1),
  // --- extensions ---
  /** Index of the quoted sentence in its article. */
  sentence: z.number().int().nonnegative(),
  /** What this report says of the event: lets the app show a lifecycle (announced, then happened). */
  status: z.enum(['happened', 'ongoing', 'planned', 'invited']),
})

export const EventStatus = z.enum(['happened', 'ongoing', 'planned', 'invited'])
export const DiplomaticEventSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['visit', 'call']),
  visitors: z.array(z.string()),
  hosts: z.array(z.string()),
  place: z.string().nullable(),
  country: z.string().nullable(),
  date: IsoDateLike.nullable(),
  approx: z.boolean(),
  status: EventStatus,
  evidence: z.array(EvidenceSchema).min(1),
  // --- extensions ---
  /** Shared by all events that are stages of one visit or call (announced, then happened); an event with no other stage carries its own id. */
  lifecycle: z.string().min(1),
})

export const FigureKind = z.enum(['trade_volume', 'trade_target', 'contract', 'other'])
export const FigureSchema = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  quote: z.string().min(1),
  value: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  year: z.number().int().nullable(),
  kind: FigureKind,
  // --- extensions ---
  /** Index of the quoted sentence in its article. */
  sentence: z.number().int().nonnegative(),
  /** The amount as written, e.g. "1,5 Mrd. US-Dollar". */
  surface: z.string(),
})

export const DatasetSchema = z.object({
  schemaVersion: z.literal(DATASET_VERSION),
  generatedAt: z.string(),
  articles: z.array(ArticleSchema),
  actors: z.array(ActorSchema),
  mentions: z.array(MentionSchema),
  events: z.array(DiplomaticEventSchema),
  figures: z.array(FigureSchema),
})

/** The cleaned text of one article, split into sentences, with actor spans. */
export const ArticleTextSchema = z.object({
  articleId: z.string().min(1),
  /** Sentences in reading order; `paragraphStarts` marks which of them open a paragraph. */
  sentences: z.array(z.string()),
  paragraphStarts: z.array(z.number().int().nonnegative()),
  /** Actor names found in the text: sentence index and character offsets inside that sentence. */
  spans: z.array(
    z.object({
      actorId: z.string().min(1),
      sentence: z.number().int().nonnegative(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
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
export type DiplomaticEvent = z.infer<typeof DiplomaticEventSchema>
export type EventStatus = z.infer<typeof EventStatus>
export type Figure = z.infer<typeof FigureSchema>
export type FigureKind = z.infer<typeof FigureKind>
export type ArticleText = z.infer<typeof ArticleTextSchema>
export type TextShard = z.infer<typeof TextShardSchema>
export type ArticleTextSpan = ArticleText['spans'][number]

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string }

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
}

/** Narrows unknown JSON to a Dataset, or says in one line what is wrong. */
export function parseDataset(json: unknown): ParseResult<Dataset> {
  const result = DatasetSchema.safeParse(json)
  return result.success ? { ok: true, value: result.data } : { ok: false, error: describeIssues(result.error) }
}

/** Narrows unknown JSON to a text shard, or says in one line what is wrong. */
export function parseTextShard(json: unknown): ParseResult<TextShard> {
  const result = TextShardSchema.safeParse(json)
  return result.success ? { ok: true, value: result.data } : { ok: false, error: describeIssues(result.error) }
}

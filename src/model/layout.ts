/**
 * The files laid out for the first screen, beside the contract file `dataset.json` (which stays whole,
 * for the scorer and other tools). Written by the pipeline, read by the app:
 *
 *   dataset.index.json        what the first view needs: actors, outlets, and mention / article counts
 *                             per month × actor × outlet set, in columns (small at any corpus size)
 *   dataset.days/2019.json    the same counts per day for one year, fetched for the day and week grains
 *                             and for date filters that cut a month
 *   dataset.events.json       every diplomatic event (the markers on the mentions chart, which need every event)
 *   dataset.parts/2019-06.json the articles, mentions and figures published in one month (undated.json for
 *                             the rest), fetched when a click or a view needs the records behind a count
 *   dataset.text/NN.json      article texts (see TextShardSchema), fetched when an article is read
 *   dataset.comentions.json   stories naming both actors of a pair, per month × pair × outlet set, fetched
 *                             by the "named together" view only
 *   dataset.search/           the search index (src/model/search.ts), fetched term by term for a query
 *   dataset.events.summary.json, dataset.events/YYYY-MM.json
 *                             the visits and calls split for the Visits view: counts for the first draw,
 *                             the full records per month on demand (src/model/event-layout.ts)
 *   dataset.ids/NNN.json      where each article and event is (its month part), in shards by a hash of
 *                             the id, for direct links (src/model/id-map.ts)
 *
 * Paths inside the index are relative to the index file's folder. No Vue, DOM or Node imports here.
 */
import * as z from 'zod/mini'
import { ActorSchema, ArticleSchema, DiplomaticEventSchema, FigureSchema, IsoDateLike, MentionSchema, QuoteSchema, parser } from './dataset.ts'

export const LAYOUT_VERSION = 1 as const

const count = () => z.int().check(z.nonnegative())

/**
 * A column of integers ≥ `min`, checked in one loop. The cell columns hold 10 000s of numbers per file;
 * checking each as its own zod schema cost 4× the JSON.parse of a day file (≈ 140 ms against 35 ms at
 * 1 M articles; the week and day grains read every day file), and ≈ 0.65 s on the 3.4 M numbers of the
 * co-mention file of a million articles.
 */
export function intColumn(min: number) {
  return z.custom<number[]>(
    (value) => {
      if (!Array.isArray(value)) return false
      for (const item of value as unknown[]) if (typeof item !== 'number' || !Number.isInteger(item) || item < min) return false
      return true
    },
    { error: `expected an array of integers ≥ ${min}` },
  )
}
export const relativePath = () => z.string().check(z.regex(/^[\w.-]+(\/[\w.-]+)*$/))
/**
 * Counts per (period, actor, outlet set), in columns of equal length. Wire copies are folded into their
 * story, which is dated by its earliest copy. `period` indexes the file's period list; -1 = undated.
 */
export const MentionCellsSchema = z.object({
  period: intColumn(-1),
  actor: intColumn(0),
  outletSet: intColumn(0),
  /** Times the actor is named, summed over the stories of the cell. */
  mentions: intColumn(0),
  /** Stories naming the actor. */
  articles: intColumn(0),
})

/** Stories per (period, outlet set): the denominator of shares and the size of a filter. */
export const ArticleCellsSchema = z.object({
  period: intColumn(-1),
  outletSet: intColumn(0),
  articles: intColumn(0),
})

/**
 * Stories naming both actors of a pair, per (period, pair, outlet set), in columns of equal length: `first` <
 * `second` index the index file's actors, `period` its months (-1 = undated). Wire copies are folded into their
 * story as in the mention cells (dated by the earliest copy, under the outlet set of all copies, with that
 * copy's actors); only pairs some story names together have a cell.
 */
export const ComentionCellsSchema = z.object({
  period: intColumn(-1),
  first: intColumn(0),
  second: intColumn(0),
  outletSet: intColumn(0),
  articles: intColumn(0),
})

/** The co-mention file beside the index (its path is the index's `comentions`). */
export const ComentionsFileSchema = z.object({ cells: ComentionCellsSchema })

export const IndexSchema = z.object({
  layoutVersion: z.literal(LAYOUT_VERSION),
  generatedAt: z.string(),
  totals: z.object({
    articles: count(),
    /** Articles marked as a wire copy of an earlier one (`duplicateOf`). */
    wireCopies: count(),
    mentions: count(),
    events: count(),
    figures: count(),
    quotes: z.optional(count()),
  }),
  actors: z.array(ActorSchema),
  /** Every outlet; "" stands for articles that name none. */
  outlets: z.array(z.string()),
  /**
   * The outlets one wire story appears in (indexes into `outlets`, ascending). A story counts once under a
   * filter that keeps any of them; most sets hold one outlet.
   */
  outletSets: z.array(z.array(count())),
  /** Months with articles, ascending ("YYYY-MM"): the periods of the cells below. */
  months: z.array(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))),
  mentionCells: MentionCellsSchema,
  articleCells: ArticleCellsSchema,
  /** The per-day counts, one file per year, ascending. */
  dayFiles: z.array(z.object({ year: z.string().check(z.regex(/^\d{4}$/)), path: relativePath() })),
  /** The month parts, ascending by month, "undated" last. */
  parts: z.array(
    z.object({
      /** "YYYY-MM" or "undated". */
      month: z.string().check(z.regex(/^(\d{4}-(0[1-9]|1[0-2])|undated)$/)),
      path: relativePath(),
      /** Articles in the part (wire copies included). */
      articles: count(),
    }),
  ),
  /** Path of the events file. */
  events: relativePath(),
  /** Path of the co-mention file (absent in layouts written before it existed). */
  comentions: z.optional(relativePath()),
  /** Path of the search index's meta file (src/model/search.ts); absent in layouts written before search. */
  search: z.optional(relativePath()),
  /** Path of the event summary (src/model/event-layout.ts); absent in layouts written before the events were split. */
  eventSummary: z.optional(relativePath()),
  /** The id shards (src/model/id-map.ts): their folder and number; absent in older layouts. */
  ids: z.optional(z.object({ folder: relativePath(), shards: z.int().check(z.positive()) })),
})

/**
 * One year's counts per day (outlet sets and actors index the index file's lists). `days` holds
 * "YYYY-MM-DD", and "YYYY-MM" for articles dated only by month; undated articles are not here.
 */
export const DayFileSchema = z.object({
  year: z.string(),
  days: z.array(IsoDateLike),
  mentionCells: MentionCellsSchema,
  articleCells: ArticleCellsSchema,
})

/** The records of one month: articles published in it, their mentions, figures and quotes. */
export const PartSchema = z.object({
  month: z.string(),
  articles: z.array(ArticleSchema),
  mentions: z.array(MentionSchema),
  figures: z.array(FigureSchema),
  /** Absent in parts written before quotes were extracted. */
  quotes: z.optional(z.array(QuoteSchema)),
})

export const EventsFileSchema = z.object({ events: z.array(DiplomaticEventSchema) })

export type DatasetIndex = z.infer<typeof IndexSchema>
export type DayFile = z.infer<typeof DayFileSchema>
export type MentionCells = z.infer<typeof MentionCellsSchema>
export type ArticleCells = z.infer<typeof ArticleCellsSchema>
export type DatasetPart = z.infer<typeof PartSchema>
export type EventsFile = z.infer<typeof EventsFileSchema>
export type ComentionCells = z.infer<typeof ComentionCellsSchema>
export type ComentionsFile = z.infer<typeof ComentionsFileSchema>

/** The part a publication date belongs to: its month, or "undated". */
export function partMonthOf(published: string | null): string {
  return published === null ? 'undated' : published.slice(0, 7)
}


/** Narrows unknown JSON to an index, a day file, a part or the events file, or says in one line what is wrong. */
export const parseIndex = parser(IndexSchema)
export const parseDayFile = parser(DayFileSchema)
export const parsePart = parser(PartSchema)
export const parseEventsFile = parser(EventsFileSchema)
export const parseComentionsFile = parser(ComentionsFileSchema)

/**
 * The search index beside the layout (written by pipeline/io/search-index.ts, read by src/data/search-loader.ts;
 * the format written up in docs/search-index.md):
 *
 *   dataset.search/meta.json       what every query needs first: the stories in index order as runs of
 *                                  (date, outlet set), and the first term of each term shard
 *   dataset.search/terms/N.json    the postings of a range of terms (sorted): per term, the stories that
 *                                  contain it (delta-coded story numbers) and how often
 *   dataset.search/pos/N.json      the same terms' word positions, fetched only for phrases
 *   dataset.search/ids/N.json      the article ids of a range of story numbers, fetched for lists and sentences
 *
 * A story is an article with its wire copies (`duplicateOf`), counted once: dated by its earliest copy,
 * under the outlets of all copies — as the index's cells count it — with the words of its first article.
 * Stories are numbered by (date, outlet set, id), so the stories of one date and outlet set are a run of
 * numbers and a query's per-period counts follow from its postings and the runs alone.
 *
 * Terms are words folded by src/lib/search/tokens.ts (lower case, ä → ae, ß → ss), stop words left out.
 * No Vue, DOM or Node imports here.
 */
import * as z from 'zod/mini'
import { parser } from './dataset.ts'

export const SEARCH_VERSION = 1 as const

const count = () => z.int().check(z.nonnegative())
const relativePath = () => z.string().check(z.regex(/^[\w.-]+(\/[\w.-]+)*$/))

export const SearchMetaSchema = z.object({
  searchVersion: z.literal(SEARCH_VERSION),
  generatedAt: z.string(),
  /** Stories indexed (wire copies folded). */
  stories: count(),
  /** Story dates, ascending: "" (undated) first, then "YYYY-MM" (month only) and "YYYY-MM-DD" as sorted. */
  dates: z.array(z.string().check(z.regex(/^(\d{4}-\d{2}(-\d{2})?)?$/))),
  /** Outlet sets by number: outlet names ("" = none), ascending. */
  outletSets: z.array(z.array(z.string())),
  /** Runs of consecutive story numbers with one date and outlet set, in story-number order. */
  runs: z.object({ date: z.array(count()), outletSet: z.array(count()), stories: z.array(count()) }),
  /** The term shards, in term order: each holds the terms from its `first` up to the next shard's. */
  shards: z.object({ first: z.array(z.string()), folder: relativePath(), positions: relativePath() }),
  /** Id chunks: story numbers [i × size, (i + 1) × size) are in `${folder}/${i}.json`. */
  ids: z.object({ size: z.int().check(z.positive()), folder: relativePath(), chunks: count() }),
  /** Words left out of the index (src/lib/search/tokens.ts#STOP_WORDS when written). */
  stopWords: z.array(z.string()),
})

/**
 * A list of counts as text: comma-separated decimal numbers, delta-coded where said (first value absolute).
 * Text, not a JSON array: a common word's million postings validate as one string, not a million numbers.
 */
const numberList = () => z.string().check(z.refine(isNumberList, 'expected comma-separated decimal numbers'))

/**
 * `^(\d+(,\d+)*)?$` as a loop: the regular expression backtracks once per number and overflowed the stack on a
 * 1 M index's position list of a common word (tens of MB), so phrase queries failed there.
 */
export function isNumberList(text: string): boolean {
  let digits = 0
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) digits += 1
    else if (c === 44 && digits > 0) digits = 0
    else return false
  }
  return text.length === 0 || digits > 0
}

/** Postings of a range of terms, in parallel arrays: `stories[i]` delta-coded story numbers, `counts[i]` how often in each. */
export const TermShardSchema = z.object({
  terms: z.array(z.string()),
  stories: z.array(numberList()),
  counts: z.array(numberList()),
})

/** Word positions of the same terms: per term, each story's positions delta-coded, concatenated (lengths = counts). */
export const PositionShardSchema = z.object({
  terms: z.array(z.string()),
  positions: z.array(numberList()),
})

/** Article ids of consecutive story numbers from `first`: the story's id, or [id, …its wire copies]. */
export const IdChunkSchema = z.object({
  first: count(),
  ids: z.array(z.union([z.string(), z.array(z.string())])),
})

export type SearchMeta = z.infer<typeof SearchMetaSchema>
export type TermShard = z.infer<typeof TermShardSchema>
export type PositionShard = z.infer<typeof PositionShardSchema>
export type IdChunk = z.infer<typeof IdChunkSchema>

/** The file of shard or chunk number `n` in `folder`. */
export function searchFilePath(folder: string, n: number): string {
  return `${folder}/${n}.json`
}

export const parseSearchMeta = parser(SearchMetaSchema)
export const parseTermShard = parser(TermShardSchema)
export const parsePositionShard = parser(PositionShardSchema)
export const parseIdChunk = parser(IdChunkSchema)

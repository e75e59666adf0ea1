/**
 * The search index's files from stories and postings (src/model/search.ts), shared by the pipeline's
 * builder (./search-index.ts) and the benchmarks that plant an index. Pure: no Vue, DOM or Node imports.
 */
import { byCodeUnit } from '../../src/model/order.ts'
import { SEARCH_VERSION, type IdChunk, type PositionShard, type SearchMeta, type TermShard } from '../../src/model/search.ts'
import { STOP_WORDS } from '../../src/lib/search/tokens.ts'
import type { ArticleTerms } from '../../src/lib/search/tokens.ts'

/** One story as the index numbers it: its date ("" undated), its outlets (sorted, "" = none), its article ids (first one first). */
export interface StoryEntry {
  date: string
  outlets: string[]
  ids: string[]
}

/** Stories in index order with their runs of (date, outlet set), and the id chunks. */
export interface NumberedStories {
  /** Story number of each entry given (by its position in the input). */
  numberOf: Int32Array
  dates: string[]
  outletSets: string[][]
  runs: SearchMeta['runs']
  idChunks: IdChunk[]
  /** Ids per chunk. */
  chunk: number
}

/** Ids per chunk file. */
export const ID_CHUNK = 2000

/** Numbers the stories by (date, outlet set, first id) and cuts them into runs and id chunks. */
export function numberStories(stories: readonly StoryEntry[], chunk = ID_CHUNK): NumberedStories {
  const setKeys = [...new Set(stories.map((s) => s.outlets.join('\u0000')))].sort(byCodeUnit)
  const setNumber = new Map(setKeys.map((key, i) => [key, i]))
  const dates = [...new Set(stories.map((s) => s.date))].sort(byCodeUnit)
  const dateNumber = new Map(dates.map((d, i) => [d, i]))
  const keyed = stories.map((s, i) => ({ i, date: dateNumber.get(s.date) ?? 0, set: setNumber.get(s.outlets.join('\u0000')) ?? 0, id: s.ids[0] ?? '' }))
  keyed.sort((a, b) => a.date - b.date || a.set - b.set || byCodeUnit(a.id, b.id))
  const numberOf = new Int32Array(stories.length)
  const runs: SearchMeta['runs'] = { date: [], outletSet: [], stories: [] }
  const idChunks: IdChunk[] = []
  keyed.forEach((k, n) => {
    numberOf[k.i] = n
    const last = runs.date.length - 1
    if (last >= 0 && runs.date[last] === k.date && runs.outletSet[last] === k.set) runs.stories[last] = (runs.stories[last] ?? 0) + 1
    else {
      runs.date.push(k.date)
      runs.outletSet.push(k.set)
      runs.stories.push(1)
    }
    if (n % chunk === 0) idChunks.push({ first: n, ids: [] })
    const ids = stories[k.i]?.ids ?? []
    idChunks[idChunks.length - 1]?.ids.push(ids.length === 1 ? (ids[0] ?? '') : [...ids])
  })
  return { numberOf, dates, outletSets: setKeys.map((key) => key.split('\u0000')), runs, idChunks, chunk }
}

/** One term's postings: story numbers ascending, each with its word positions ascending. */
export interface TermPostings {
  term: string
  stories: readonly number[]
  positions: readonly (readonly number[])[]
}

function deltas(values: readonly number[]): number[] {
  return values.map((v, i) => (i === 0 ? v : v - (values[i - 1] ?? 0)))
}

/** A story's word positions as the position shards hold them: the first, then each one's distance from the one before. */
export function positionDeltas(positions: readonly number[]): string {
  // one string built in a loop (a line of the spool per term and story: no array of deltas in between)
  let text = ''
  let previous = 0
  for (let i = 0; i < positions.length; i += 1) {
    const value = positions[i] ?? 0
    text += i === 0 ? String(value) : `,${value - previous}`
    previous = value
  }
  return text
}

/**
 * An article's words as the search spool takes them: per term, in term order, "term TAB count TAB deltas" (count of
 * positions, `positionDeltas`). Made once where the article is extracted and kept in the cache, so neither a
 * cached article's positions are parsed again nor their deltas computed again.
 */
export function encodeTerms(words: ArticleTerms): string[] {
  return words.terms.map((term, i) => {
    const positions = words.positions[i] ?? []
    return `${term}\t${positions.length}\t${positionDeltas(positions)}`
  })
}

/** `encodeTerms`' lines as one text, each ended by a newline. */
export function blockOf(lines: readonly string[]): string {
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

/**
 * One term's postings as the shards print them: story numbers ascending; per story, its count of positions and
 * its positions as `positionDeltas` (so a bucket of the spool becomes shards without parsing its positions).
 */
export interface EncodedPostings {
  term: string
  stories: readonly number[]
  /** Per story: how many positions, and the positions' delta text. */
  counts: readonly number[]
  deltas: readonly string[]
}

/** Raw bytes a term shard aims at: a rare word's query fetches about this much (a third of it gzipped). */
export const SHARD_TARGET = 64 * 1024

/** Shard files cut from terms fed in term order; a term larger than the target gets a shard of its own. */
export interface ShardCutter {
  add(postings: TermPostings): void
  addEncoded(postings: EncodedPostings): void
  /** Emits the last shard; returns the first term of every shard. */
  finish(): string[]
}

export function createShardCutter(emit: (n: number, terms: TermShard, positions: PositionShard) => void, target = SHARD_TARGET): ShardCutter {
  let terms: TermShard = { terms: [], stories: [], counts: [] }
  let positions: PositionShard = { terms: [], positions: [] }
  let bytes = 0
  const firsts: string[] = []
  const flush = (): void => {
    if (terms.terms.length === 0) return
    emit(firsts.length, terms, positions)
    firsts.push(terms.terms[0] ?? '')
    terms = { terms: [], stories: [], counts: [] }
    positions = { terms: [], positions: [] }
    bytes = 0
  }
  const addEncoded = ({ term, stories, counts, deltas: texts }: EncodedPostings): void => {
    const storyText = deltas(stories).join(',')
    // Σ (digits + 3) over the stories: the text's length less its commas, plus 3 a story
    const size = term.length + 4 + (stories.length === 0 ? 0 : storyText.length + 2 * stories.length + 1)
    if (bytes > 0 && bytes + size > target) flush()
    terms.terms.push(term)
    terms.stories.push(storyText)
    terms.counts.push(counts.join(','))
    positions.terms.push(term)
    // a story without positions adds nothing (as the numbers of all stories joined)
    positions.positions.push(texts.filter((t) => t !== '').join(','))
    bytes += size
    if (bytes >= target) flush()
  }
  return {
    add: ({ term, stories, positions: pos }) => addEncoded({ term, stories, counts: pos.map((p) => p.length), deltas: pos.map(positionDeltas) }),
    addEncoded,
    finish() {
      flush()
      return firsts
    },
  }
}

/** Paths of the index files inside their folder ("dataset.search"). */
export function searchFolders(folder: string): { terms: string; positions: string; ids: string; meta: string } {
  return { terms: `${folder}/terms`, positions: `${folder}/pos`, ids: `${folder}/ids`, meta: `${folder}/meta.json` }
}

/** The meta file of numbered stories and the shards' first terms. */
export function searchMeta(generatedAt: string, numbered: NumberedStories, firsts: string[], folder: string): SearchMeta {
  const f = searchFolders(folder)
  return {
    searchVersion: SEARCH_VERSION,
    generatedAt,
    stories: numbered.numberOf.length,
    dates: numbered.dates,
    outletSets: numbered.outletSets,
    runs: numbered.runs,
    shards: { first: firsts, folder: f.terms, positions: f.positions },
    ids: { size: numbered.chunk, folder: f.ids, chunks: numbered.idChunks.length },
    stopWords: [...STOP_WORDS].sort(byCodeUnit),
  }
}

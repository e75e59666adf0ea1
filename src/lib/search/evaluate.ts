/**
 * A parsed query (./query.ts) over the index's postings (src/model/search.ts): the stories that match and
 * how many hits each has. Pure: the caller fetches the shards first and hands their terms in (`TermSource`).
 */
import { atomTerms, type Atom, type SearchQuery } from './query.ts'
import { isIndexed } from './tokens.ts'

/** One term's postings, decoded: story numbers ascending, how often the term stands in each, and where. */
export interface TermData {
  stories: Int32Array
  counts: Int32Array
  /** Positions of posting i: `positions(i)`; absent until the position shard is loaded. */
  positions?: (posting: number) => Int32Array
}

/** The loaded part of the index. */
export interface TermSource {
  /** A term's postings; undefined when the term is in no story. */
  term(term: string): TermData | undefined
  /** The loaded terms starting with `prefix`. */
  expand(prefix: string): readonly string[]
}

/** Stories (ascending) with their hit counts, in parallel. */
export interface Matches {
  stories: Int32Array
  hits: Int32Array
}

const NONE: Matches = { stories: new Int32Array(0), hits: new Int32Array(0) }

/** Reads a comma-separated list of decimal numbers (src/model/search.ts), summing as it goes when `delta`. */
export function readNumbers(text: string, delta: boolean): Int32Array {
  if (text === '') return new Int32Array(0)
  let n = 1
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++
  const out = new Int32Array(n)
  let k = 0
  let value = 0
  let sum = 0
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44
    if (c === 44) {
      sum = delta ? sum + value : value
      out[k++] = sum
      value = 0
    } else value = value * 10 + (c - 48)
  }
  return out
}

/** Running sums of a slice (a story's delta-coded positions). */
function runningSums(values: Int32Array, from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from))
  let sum = 0
  for (let i = from; i < to; i++) {
    sum += values[i] ?? 0
    out[i - from] = sum
  }
  return out
}

/** A term's postings from its shard columns (and its position column, when loaded). */
export function termData(stories: string, counts: string, positions?: string): TermData {
  const data: TermData = { stories: readNumbers(stories, true), counts: readNumbers(counts, false) }
  if (positions !== undefined) {
    const flat = readNumbers(positions, false)
    const starts = new Int32Array(data.counts.length + 1)
    for (let i = 0; i < data.counts.length; i++) starts[i + 1] = (starts[i] ?? 0) + (data.counts[i] ?? 0)
    data.positions = (posting) => runningSums(flat, starts[posting] ?? 0, starts[posting + 1] ?? 0)
  }
  return data
}

/** Union of sorted lists, hits summed. */
export function union(lists: readonly Matches[]): Matches {
  const present = lists.filter((list) => list.stories.length > 0)
  if (present.length <= 1) return present[0] ?? NONE
  const hits = new Map<number, number>()
  for (const list of present) list.stories.forEach((story, i) => hits.set(story, (hits.get(story) ?? 0) + (list.hits[i] ?? 0)))
  const stories = Int32Array.from(hits.keys()).sort()
  return { stories, hits: Int32Array.from(stories, (story) => hits.get(story) ?? 0) }
}

/** Intersection of two sorted lists, hits summed. */
export function intersect(a: Matches, b: Matches): Matches {
  const stories: number[] = []
  const hits: number[] = []
  let i = 0
  let j = 0
  while (i < a.stories.length && j < b.stories.length) {
    const x = a.stories[i] ?? 0
    const y = b.stories[j] ?? 0
    if (x < y) i++
    else if (y < x) j++
    else {
      stories.push(x)
      hits.push((a.hits[i] ?? 0) + (b.hits[j] ?? 0))
      i++
      j++
    }
  }
  return { stories: Int32Array.from(stories), hits: Int32Array.from(hits) }
}

/** The stories of `a` that are not in `b`. */
export function subtract(a: Matches, b: Matches): Matches {
  const stories: number[] = []
  const hits: number[] = []
  let j = 0
  a.stories.forEach((story, i) => {
    while (j < b.stories.length && (b.stories[j] ?? 0) < story) j++
    if (b.stories[j] !== story) {
      stories.push(story)
      hits.push(a.hits[i] ?? 0)
    }
  })
  return { stories: Int32Array.from(stories), hits: Int32Array.from(hits) }
}

function ofTerm(data: TermData | undefined): Matches {
  return data ? { stories: data.stories, hits: data.counts } : NONE
}

/** Where each of a story's postings stands in a term's list (binary search). */
function postingOf(data: TermData, story: number): number {
  let lo = 0
  let hi = data.stories.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const value = data.stories[mid] ?? 0
    if (value === story) return mid
    if (value < story) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** A phrase: the stories holding all its indexed words, then those where they stand at the phrase's distances. */
function phraseMatches(terms: readonly string[], source: TermSource): Matches {
  const indexed = terms.map((term, offset) => ({ term, offset })).filter(({ term }) => isIndexed(term))
  const data = indexed.map(({ term }) => source.term(term))
  if (data.some((d) => d === undefined)) return NONE
  const all = data as TermData[]
  const candidates = all.map(ofTerm).reduce((acc, next) => intersect(acc, next))
  const first = all[0] as TermData
  if (!first.positions || all.length === 0) return candidates
  const stories: number[] = []
  const hits: number[] = []
  for (const story of candidates.stories) {
    const lists = all.map((d) => d.positions?.(postingOf(d, story)) ?? new Int32Array(0))
    const others = lists.slice(1).map((list) => new Set(list))
    let found = 0
    for (const start of lists[0] ?? []) {
      const base = start - (indexed[0]?.offset ?? 0)
      if (others.every((set, k) => set.has(base + (indexed[k + 1]?.offset ?? 0)))) found++
    }
    if (found > 0) {
      stories.push(story)
      hits.push(found)
    }
  }
  return { stories: Int32Array.from(stories), hits: Int32Array.from(hits) }
}

function atomMatches(atom: Atom, source: TermSource): Matches {
  if (atom.kind === 'word') return ofTerm(source.term(atom.term))
  if (atom.kind === 'prefix') return union(source.expand(atom.prefix).map((term) => ofTerm(source.term(term))))
  return atomTerms(atom).length === 1 && atom.terms.length === 1 ? ofTerm(source.term(atom.terms[0] ?? '')) : phraseMatches(atom.terms, source)
}

/** The stories matching the query, with their hits (occurrences of the positive items). */
export function evaluate(query: SearchQuery, source: TermSource): Matches {
  const groups = query.must.map((group) => union(group.map((atom) => atomMatches(atom, source))))
  if (groups.length === 0) return NONE
  const kept = groups.reduce((acc, next) => intersect(acc, next))
  return query.not.reduce((acc, atom) => subtract(acc, atomMatches(atom, source)), kept)
}

/** True when the query needs word positions (it has a phrase). */
export function needsPositions(query: SearchQuery): boolean {
  return [...query.must.flat(), ...query.not].some((atom) => atom.kind === 'phrase')
}

/**
 * The search index of a run (src/model/search.ts), built from the articles as the extract pass hands them
 * over: each story's words go to a spool on disk, bucketed by their first two letters, so memory holds a
 * few numbers per story and one bucket's postings at a time; `write` numbers the stories, then turns the
 * buckets, in term order, into the term and position shards, the id chunks and the meta file.
 *
 * Wire copies: the story of an article and its copies is dated by its earliest copy (then lowest id),
 * under the outlets of all copies, as the layout's cells count it (./layout-build.ts), with the words of
 * its first article (the one `duplicateOf` points to; copies share its body).
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Article } from '../../src/model/dataset.ts'
import { byCodeUnit } from '../../src/model/order.ts'
import { searchFilePath } from '../../src/model/search.ts'
import type { ArticleTerms } from '../../src/lib/search/tokens.ts'
import { earlier } from './layout-build.ts'
import { blockOf, createShardCutter, encodeTerms, numberStories, searchFolders, searchMeta, type EncodedPostings, type StoryEntry } from './search-encode.ts'
import { compactJson } from './stream-dataset.ts'

export interface SearchIndexBuilder {
  /** One article; `terms` are its words (./src/lib/search/tokens.ts#articleTerms), null for a wire copy. */
  add(article: Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'>, terms: ArticleTerms | null): void
  /** The same with the words as `encodeTerms` gives them. */
  addEncoded(article: Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'>, lines: readonly string[] | null): void
  /** The same with `encodeTerms`' lines as one text, each line ended by a newline (as the run cache parks them). */
  addBlock(article: Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'>, block: string | null): void
  /** Writes the index into `dir` (the temporary of `folder`, e.g. "dataset.search", relative to the index file). */
  write(dir: string, folder: string, generatedAt: string): void
  /** Removes the spool. */
  close(): void
}

/** A story's other members, once it has any: the outlets of all its members and the ids of its copies. */
interface StoryMembers {
  outlets: Set<string>
  copies: string[]
}

/** Characters buffered before the spool buckets are appended to their files. */
const FLUSH_CHARS = 4 << 20
/**
 * Code units of a term that name its bucket: three keep the largest bucket of a 1 M-article corpus (terms on
 * "ber…", "ver…") to some tens of MB, read one at a time; buckets in code-unit order are the terms in order.
 */
const KEY_UNITS = 3

function bucketFile(dir: string, key: string): string {
  let name = ''
  for (let i = 0; i < key.length; i += 1) name += key.charCodeAt(i).toString(16).padStart(4, '0')
  return join(dir, `${name}.tsv`)
}

/**
 * Puts the lines of one term in story order. A story stands at most once in a term (one line per story and
 * term), so no comparison of (story, line) keys is needed: `lineOfStory` (−1 everywhere, as it is left) maps each
 * story to its line, and a frequent term walks the story numbers in order, a rarer one sorts its stories as
 * 32-bit integers. (A Float64Array of story × lines + line sorted per term was a third of a 1 M index's write.)
 */
function linesInStoryOrder(lines: readonly number[], storyOf: Int32Array, lineOfStory: Int32Array): Int32Array {
  const n = lines.length
  const ordered = new Int32Array(n)
  for (let k = 0; k < n; k += 1) {
    const story = storyOf[lines[k] ?? 0] ?? 0
    if ((lineOfStory[story] ?? -1) >= 0) {
      // a story twice in one term: clear what was marked, order by (story, line) instead
      for (let j = 0; j < k; j += 1) lineOfStory[storyOf[lines[j] ?? 0] ?? 0] = -1
      const keys = Float64Array.from(lines, (line) => (storyOf[line] ?? 0) * storyOf.length + line).sort()
      return Int32Array.from(keys, (key) => key % storyOf.length)
    }
    lineOfStory[story] = lines[k] ?? 0
  }
  if (n * 16 >= lineOfStory.length) {
    let at = 0
    for (let story = 0; story < lineOfStory.length && at < n; story += 1) {
      const line = lineOfStory[story] ?? -1
      if (line >= 0) {
        ordered[at++] = line
        lineOfStory[story] = -1
      }
    }
    return ordered
  }
  const stories = Int32Array.from(lines, (line) => storyOf[line] ?? 0).sort()
  for (let k = 0; k < n; k += 1) {
    const story = stories[k] ?? 0
    ordered[k] = lineOfStory[story] ?? 0
    lineOfStory[story] = -1
  }
  return ordered
}

/**
 * Reads one bucket's lines into postings per term, in term order and story order: a line "TAB story" names the story
 * of the lines after it, "term TAB count TAB deltas". Lines stay in the file's text; per line only its term number,
 * story and offsets are kept. `lineOfStory`: scratch of one entry per story, all −1 (left so).
 */
function bucketPostings(file: string, numberOf: Int32Array, lineOfStory: Int32Array): EncodedPostings[] {
  const text = readFileSync(file, 'utf8')
  const termNumber = new Map<string, number>()
  const termOf: number[] = []
  const storyList: number[] = []
  const countOf: number[] = []
  const deltasAt: number[] = []
  let story = 0
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start)
    const lineEnd = end < 0 ? text.length : end
    const t1 = text.indexOf('\t', start)
    if (t1 === start) {
      story = numberOf[Number(text.slice(start + 1, lineEnd))] ?? 0
      start = lineEnd + 1
      continue
    }
    const t2 = text.indexOf('\t', t1 + 1)
    const term = text.slice(start, t1)
    let n = termNumber.get(term)
    if (n === undefined) termNumber.set(term, (n = termNumber.size))
    termOf.push(n)
    countOf.push(Number(text.slice(t1 + 1, t2)))
    deltasAt.push(t2 + 1, lineEnd)
    storyList.push(story)
    start = lineEnd + 1
  }
  const storyOf = Int32Array.from(storyList)
  storyList.length = 0
  const linesOf: number[][] = Array.from({ length: termNumber.size }, () => [])
  termOf.forEach((n, line) => linesOf[n]?.push(line))
  return [...termNumber.keys()].sort(byCodeUnit).map((term) => {
    const lines = linesInStoryOrder(linesOf[termNumber.get(term) ?? 0] ?? [], storyOf, lineOfStory)
    const stories = new Array<number>(lines.length)
    const counts = new Array<number>(lines.length)
    const deltas = new Array<string>(lines.length)
    lines.forEach((l, k) => {
      stories[k] = storyOf[l] ?? 0
      counts[k] = countOf[l] ?? 0
      deltas[k] = text.slice(deltasAt[2 * l] ?? 0, deltasAt[2 * l + 1] ?? 0)
    })
    return { term, stories, counts, deltas }
  })
}

/** Sizes of the files (defaults: SHARD_TARGET, ID_CHUNK); tests make them small to get many files. */
export interface SearchIndexSizes {
  shardTarget?: number
  idChunk?: number
}

/**
 * The stories of the index as the articles arrive: `seqOf` an article's story number (by the order its story's
 * first member arrived), `entries` the stories as `numberStories` takes them (the columns are let go then).
 */
function createStoryColumns(): { seqOf: (article: Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'>) => number; entries: () => StoryEntry[] } {
  /**
   * Per story, by the order its first member arrived (its seq): its key (the id its copies point to), the date and
   * id of its earliest member, its first member's outlet; members beyond the first in `members`. Columns, not an
   * object per story: at 1 M articles that was ≈ 250 MB of the main thread's heap.
   */
  const keys: string[] = []
  const dates: (string | null)[] = []
  const firstIds: string[] = []
  const firstOutlets: string[] = []
  const members = new Map<number, StoryMembers>()
  const outletNames = new Map<string, string>()
  const seqOf = new Map<string, number>()
  const outletName = (outlet: string): string => {
    const known = outletNames.get(outlet)
    if (known !== undefined) return known
    outletNames.set(outlet, outlet)
    return outlet
  }
  const storyOf = (article: Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'>): number => {
    const key = article.duplicateOf ?? article.id
    const outlet = outletName(article.outlet ?? '')
    let seq = seqOf.get(key)
    if (seq === undefined) {
      seq = keys.length
      seqOf.set(key, seq)
      keys.push(key)
      dates.push(article.published)
      firstIds.push(article.id)
      firstOutlets.push(outlet)
    } else if (earlier(article.published, article.id, dates[seq] ?? null, firstIds[seq] ?? '')) {
      dates[seq] = article.published
      firstIds[seq] = article.id
    }
    if (article.duplicateOf !== null || outlet !== firstOutlets[seq]) {
      let more = members.get(seq)
      if (!more) members.set(seq, (more = { outlets: new Set([firstOutlets[seq] ?? '']), copies: [] }))
      more.outlets.add(outlet)
      if (article.duplicateOf !== null) more.copies.push(article.id)
    }
    return seq
  }
  const storyEntries = (): StoryEntry[] => {
    const lone = new Map<string, string[]>()
    const entries = keys.map((key, seq): StoryEntry => {
      const more = members.get(seq)
      const first = firstOutlets[seq] ?? ''
      let outlets = more ? [...more.outlets].sort(byCodeUnit) : lone.get(first)
      if (!outlets) lone.set(first, (outlets = [first]))
      return { date: dates[seq] ?? '', outlets, ids: more ? [key, ...more.copies.sort(byCodeUnit)] : [key] }
    })
    for (const column of [keys, dates, firstIds, firstOutlets]) column.length = 0
    members.clear()
    seqOf.clear()
    return entries
  }

  return { seqOf: storyOf, entries: storyEntries }
}

export function createSearchIndexBuilder(workDir: string, sizes: SearchIndexSizes = {}): SearchIndexBuilder {
  const spoolDir = join(workDir, 'search-spool')
  mkdirSync(spoolDir, { recursive: true })
  const stories = createStoryColumns()
  const pending = new Map<string, string[]>()
  const buckets = new Set<string>()
  let pendingChars = 0

  const flush = (): void => {
    for (const [key, lines] of pending) appendFileSync(bucketFile(spoolDir, key), lines.join(''))
    pending.clear()
    pendingChars = 0
  }
  const push = (key: string, text: string): void => {
    const bucket = pending.get(key)
    if (bucket) bucket.push(text)
    else {
      pending.set(key, [text])
      buckets.add(key)
    }
    pendingChars += text.length
  }
  /**
   * An article's lines go to the buckets of their terms' first code units, each run of lines of one bucket after a
   * line naming the story ("TAB seq"): lines come sorted by term, so a bucket's lines are one run, copied as one piece.
   */
  const addBlock: SearchIndexBuilder['addBlock'] = (article, block) => {
    const seq = stories.seqOf(article)
    if (!block) return
    const marker = `\t${seq}\n`
    let runKey = ''
    let runStart = 0
    for (let start = 0; start < block.length; ) {
      const end = block.indexOf('\n', start)
      const lineEnd = end < 0 ? block.length : end
      const units = Math.min(KEY_UNITS, block.indexOf('\t', start) - start)
      if (units !== runKey.length || !block.startsWith(runKey, start)) {
        if (start > runStart) push(runKey, marker + block.slice(runStart, start))
        runKey = block.slice(start, start + units)
        runStart = start
      }
      start = lineEnd + 1
    }
    if (block.length > runStart) push(runKey, marker + block.slice(runStart) + (block.endsWith('\n') ? '' : '\n'))
    if (pendingChars >= FLUSH_CHARS) flush()
  }
  return {
    add: (article, terms) => addBlock(article, terms ? blockOf(encodeTerms(terms)) : null),
    addEncoded: (article, lines) => addBlock(article, lines ? blockOf(lines) : null),
    addBlock,

    write(dir, folder, generatedAt) {
      flush()
      const numbered = numberStories(stories.entries(), sizes.idChunk)
      const f = searchFolders(folder)
      const inDir = (path: string): string => join(dir, path.slice(folder.length + 1))
      for (const sub of [f.terms, f.positions, f.ids]) mkdirSync(inDir(sub), { recursive: true })
      const cutter = createShardCutter((n, terms, positions) => {
        writeFileSync(inDir(searchFilePath(f.terms, n)), compactJson(terms))
        writeFileSync(inDir(searchFilePath(f.positions, n)), compactJson(positions))
      }, sizes.shardTarget)
      const lineOfStory = new Int32Array(numbered.numberOf.length).fill(-1)
      for (const key of [...buckets].sort(byCodeUnit))
        for (const postings of bucketPostings(bucketFile(spoolDir, key), numbered.numberOf, lineOfStory)) cutter.addEncoded(postings)
      const firsts = cutter.finish()
      numbered.idChunks.forEach((chunk, i) => writeFileSync(inDir(searchFilePath(f.ids, i)), compactJson(chunk)))
      writeFileSync(inDir(f.meta), compactJson(searchMeta(generatedAt, numbered, firsts, folder)))
    },

    close() {
      rmSync(spoolDir, { recursive: true, force: true })
    },
  }
}

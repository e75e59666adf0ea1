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
import { createShardCutter, numberStories, searchFolders, searchMeta, type StoryEntry, type TermPostings } from './search-encode.ts'
import { compactJson } from './stream-dataset.ts'

export interface SearchIndexBuilder {
  /** One article; `terms` are its words (./src/lib/search/tokens.ts#articleTerms), null for a wire copy. */
  add(article: Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'>, terms: ArticleTerms | null): void
  /** Writes the index into `dir` (the temporary of `folder`, e.g. "dataset.search", relative to the index file). */
  write(dir: string, folder: string, generatedAt: string): void
  /** Removes the spool. */
  close(): void
}

interface Story {
  /** Representative (earliest copy): its date and id. */
  published: string | null
  id: string
  outlets: Set<string>
  copies: string[]
}

/** Characters buffered before the spool buckets are appended to their files. */
const FLUSH_CHARS = 4 << 20

function bucketFile(dir: string, key: string): string {
  return join(dir, `${Buffer.from(key, 'utf8').toString('hex')}.tsv`)
}

/** Reads one bucket's lines into postings per term, in term order. */
function bucketPostings(file: string, numberOf: Int32Array): TermPostings[] {
  const byTerm = new Map<string, { story: number; positions: number[] }[]>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue
    const [term = '', seq = '0', positions = ''] = line.split('\t')
    const list = byTerm.get(term) ?? []
    list.push({ story: numberOf[Number(seq)] ?? 0, positions: positions.split(',').map(Number) })
    byTerm.set(term, list)
  }
  return [...byTerm.keys()].sort(byCodeUnit).map((term) => {
    const list = (byTerm.get(term) ?? []).sort((a, b) => a.story - b.story)
    return { term, stories: list.map((p) => p.story), positions: list.map((p) => p.positions) }
  })
}

/** Sizes of the files (defaults: SHARD_TARGET, ID_CHUNK); tests make them small to get many files. */
export interface SearchIndexSizes {
  shardTarget?: number
  idChunk?: number
}

export function createSearchIndexBuilder(workDir: string, sizes: SearchIndexSizes = {}): SearchIndexBuilder {
  const spoolDir = join(workDir, 'search-spool')
  mkdirSync(spoolDir, { recursive: true })
  /** Per story (by the order its first member arrived): the story, or a lone article's date, outlet, id. */
  const stories: Story[] = []
  const seqOf = new Map<string, number>()
  const pending = new Map<string, string[]>()
  const buckets = new Set<string>()
  let pendingChars = 0

  const flush = (): void => {
    for (const [key, lines] of pending) appendFileSync(bucketFile(spoolDir, key), lines.join(''))
    pending.clear()
    pendingChars = 0
  }
  const storyOf = (article: Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'>): number => {
    const key = article.duplicateOf ?? article.id
    let seq = seqOf.get(key)
    if (seq === undefined) {
      seq = stories.length
      seqOf.set(key, seq)
      stories.push({ published: article.published, id: article.id, outlets: new Set(), copies: [] })
    }
    const story = stories[seq] as Story
    story.outlets.add(article.outlet ?? '')
    if (article.duplicateOf !== null) story.copies.push(article.id)
    if (earlier(article.published, article.id, story.published, story.id)) {
      story.published = article.published
      story.id = article.id
    }
    return seq
  }

  return {
    add(article, terms) {
      const seq = storyOf(article)
      if (!terms) return
      terms.terms.forEach((term, i) => {
        const key = term.slice(0, 2)
        const line = `${term}\t${seq}\t${(terms.positions[i] ?? []).join(',')}\n`
        const lines = pending.get(key)
        if (lines) lines.push(line)
        else pending.set(key, [line])
        buckets.add(key)
        pendingChars += line.length
      })
      if (pendingChars >= FLUSH_CHARS) flush()
    },

    write(dir, folder, generatedAt) {
      flush()
      const entries: StoryEntry[] = [...seqOf.entries()].map(([key, seq]) => {
        const story = stories[seq] as Story
        return { date: story.published ?? '', outlets: [...story.outlets].sort(byCodeUnit), ids: [key, ...story.copies.sort(byCodeUnit)] }
      })
      const numbered = numberStories(entries, sizes.idChunk)
      const f = searchFolders(folder)
      const inDir = (path: string): string => join(dir, path.slice(folder.length + 1))
      for (const sub of [f.terms, f.positions, f.ids]) mkdirSync(inDir(sub), { recursive: true })
      const cutter = createShardCutter((n, terms, positions) => {
        writeFileSync(inDir(searchFilePath(f.terms, n)), compactJson(terms))
        writeFileSync(inDir(searchFilePath(f.positions, n)), compactJson(positions))
      }, sizes.shardTarget)
      for (const key of [...buckets].sort(byCodeUnit)) for (const postings of bucketPostings(bucketFile(spoolDir, key), numbered.numberOf)) cutter.add(postings)
      const firsts = cutter.finish()
      numbered.idChunks.forEach((chunk, i) => writeFileSync(inDir(searchFilePath(f.ids, i)), compactJson(chunk)))
      writeFileSync(inDir(f.meta), compactJson(searchMeta(generatedAt, numbered, firsts, folder)))
    },

    close() {
      rmSync(spoolDir, { recursive: true, force: true })
    },
  }
}

/**
 * The first pass, wherever it runs (main thread or worker): read a file, decode, clean, title, segment,
 * date; key its body for wire copies; find people not in the registry. The article as read goes back as
 * JSON for the read cache, so the second pass need not read and clean it again.
 */
import { basename, join } from 'node:path'
import type { Article, Decision } from '../../src/model/dataset.ts'
import { PublishedDate } from '../../src/model/dataset.ts'
import { readArticleBytes } from '../io/read-article.ts'
import { readMeta } from '../io/read-meta.ts'
import type { ActorMatcher } from '../stages/extract/actor-registry.ts'
import { slugify } from '../stages/extract/actor-registry.ts'
import { discoverPeople } from '../stages/extract/discover-people.ts'
import { cleanText, looksGerman } from '../stages/text/clean-text.ts'
import { decodeText } from '../stages/text/decode-text.ts'
import { extractTitle } from '../stages/text/extract-title.ts'
import { segmentSentences } from '../stages/text/segment-sentences.ts'
import { extractDate } from '../stages/time/extract-date.ts'
import type { Occasion } from '../stages/time/occasions.ts'
import type { Sentence } from '../stages/types.ts'
import { bodyKey } from './plan.ts'

/** An article as the first pass reads it: what the second pass starts from. */
export interface ReadArticle {
  id: string
  file: string
  title: string
  outlet: string | null
  url: string | null
  published: string | null
  publishedFrom: Article['publishedFrom']
  /** How the text gave `published` (rule, words read, reference); absent for meta dates and undated pages. */
  publishedCue?: Decision
  sentences: Sentence[]
}

/** An article as read, parked by the first pass for the second (the JSON of the read cache). */
export interface CachedRead {
  bytes: number
  article: ReadArticle
}

/** A person on no list the first pass found: the name and, when the text gave it, the state (actor id). */
export interface FoundPerson {
  name: string
  country?: string
  countryFrom?: Decision
  /** The registry person this is another spelling of. */
  sameAs?: string
}

/** What the first pass learns of one file (structured-cloneable: it crosses from a worker thread). */
export type FirstPassResult =
  | { file: string; ok: true; id: string; bodyKey: string | null; people: FoundPerson[]; warnings: string[]; bytes: number; cached: string }
  | { file: string; ok: false; reason: string; warnings: string[]; bytes: number }

/** A stable article id from the file name: "002_436c9eb40a421347.txt" → "002_436c9eb40a421347". */
export function articleIdFor(file: string): string {
  const stem = basename(file).replace(/\.txt$/i, '')
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug || `article-${slugify(stem) || 'x'}`
}

/** A meta date as "YYYY-MM-DD" or "YYYY-MM" (a timestamp is cut to its day), or undefined when it is not one. */
export function metaPublished(raw: string): string | undefined {
  const prefix = /^(\d{4}-\d{2}(?:-\d{2})?)(?:$|T|\s)/.exec(raw.trim())?.[1]
  return prefix !== undefined && PublishedDate.safeParse(prefix).success ? prefix : undefined
}

/** Outlet named in the text: "Quelle: ntv.de, …" or a header field like "nd-aktuell.de / …". */
function outletFromText(text: string): string | null {
  const source = /^Quelle:\s*([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:de|at|ch|com|net|org))\b/im.exec(text)
  if (source?.[1]) return source[1]
  const header = /^\s*([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:de|at|ch|com|net|org))\s\/\s/im.exec(text)
  return header?.[1] ?? null
}

type ReadResult = { ok: true; article: ReadArticle; bytes: number } | { ok: false; reason: string; bytes: number }

/** The publication date: the meta file's when it gives one, else what the text prints or lets estimate. */
function publishedOf(
  file: string,
  text: string,
  metaDate: string | null | undefined,
  occasions: readonly Occasion[],
  warn: (msg: string) => void,
): Pick<ReadArticle, 'published' | 'publishedFrom' | 'publishedCue'> {
  const fromMeta = metaDate ? metaPublished(metaDate) : undefined
  if (metaDate && !fromMeta) warn(`${file}: meta published "${metaDate}" is not a date, read the text instead`)
  if (fromMeta) return { published: fromMeta, publishedFrom: 'meta' }
  const found = extractDate(text, occasions)
  return found ? { published: found.date, publishedFrom: found.from, ...(found.cue ? { publishedCue: found.cue } : {}) } : { published: null, publishedFrom: null }
}

/** One file of the folder, read: the article, or why it is skipped. */
export function readArticle(dir: string, file: string, occasions: readonly Occasion[], warn: (msg: string) => void): ReadResult {
  const read = readArticleBytes(join(dir, file))
  if (!read.ok) return { ok: false, reason: read.reason, bytes: 0 }
  const size = read.bytes.byteLength
  const decoded = decodeText(read.bytes)
  if (!decoded.ok) return { ok: false, reason: decoded.reason, bytes: size }
  const { lines } = cleanText(decoded.text)
  if (lines.length === 0) return { ok: false, reason: 'only boilerplate, no article text', bytes: size }
  if (!looksGerman(lines.join('\n'))) return { ok: false, reason: 'not German', bytes: size }
  const meta = readMeta(join(dir, file.replace(/\.txt$/i, '.meta.json')), warn)
  const titled = extractTitle(lines)
  const metaTitle = meta?.title?.trim()
  const title = metaTitle ? metaTitle : titled.title
  const sentences = segmentSentences(title, titled.body)
  const published = publishedOf(file, decoded.text, meta?.published, occasions, warn)
  return {
    ok: true,
    bytes: size,
    article: { id: articleIdFor(file), file, title, outlet: meta?.outlet ?? outletFromText(decoded.text), url: meta?.url ?? null, ...published, sentences },
  }
}

/** The first pass over some files of `inDir`: one result per file, in the order given. */
export function readFiles(inDir: string, files: readonly string[], baseMatcher: ActorMatcher, occasions: readonly Occasion[]): FirstPassResult[] {
  return files.map((file) => {
    const warnings: string[] = []
    const result = readArticle(inDir, file, occasions, (msg) => warnings.push(msg))
    if (!result.ok) return { file, ok: false, reason: result.reason, warnings, bytes: result.bytes }
    const { id, sentences } = result.article
    const people = discoverPeople(sentences, baseMatcher).map(({ name, country, countryFrom, sameAs }): FoundPerson => ({
      name,
      ...(country !== undefined ? { country, countryFrom } : {}),
      ...(sameAs !== undefined ? { sameAs } : {}),
    }))
    const cached: CachedRead = { bytes: result.bytes, article: result.article }
    return { file, ok: true, id, bodyKey: bodyKey(sentences), people, warnings, bytes: result.bytes, cached: JSON.stringify(cached) }
  })
}

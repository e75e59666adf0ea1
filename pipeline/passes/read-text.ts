/**
 * An article's text → the article as read (clean, title, segment, date), whatever it came in: a .txt file, a
 * page's main text, a record of a JSON export. What came with the text (a sibling meta file, the page's own
 * metadata, the record's fields) gives title, outlet, url and date first; the text is read for what they leave.
 */
import { createHash } from 'node:crypto'
import type { Decision } from '../../src/model/dataset.ts'
import type { ProcessedArticle } from '../stages/article-records.ts'
import { PublishedDate } from '../../src/model/dataset.ts'
import type { Meta } from '../io/read-meta.ts'
import { slugify } from '../stages/extract/actor-registry.ts'
import { cleanText, looksGerman } from '../stages/text/clean-text.ts'
import { extractTitle } from '../stages/text/extract-title.ts'
import { segmentSentences } from '../stages/text/segment-sentences.ts'
import { extractDate } from '../stages/time/extract-date.ts'
import type { Occasion } from '../stages/time/occasions.ts'

/** An article as the first pass reads it: what the second pass starts from (the processed article before extraction). */
export type ReadArticle = Omit<ProcessedArticle, 'matches' | 'events' | 'figures' | 'quotes' | 'discovered'>

/** A date that came with the text: from a meta file ('meta'), a record's field ('meta', with a cue) or the page's head ('page'). */
export interface GivenDate {
  value: string
  from: 'meta' | 'page'
  cue?: Decision
}

/** What came with the text; a field left out is read from the text. */
export interface Given {
  title?: string | null
  outlet?: string | null
  url?: string | null
  date?: GivenDate
  /** The outlet when neither the source nor the text names one (a page's host). */
  fallbackOutlet?: string | null
  /** The language the source declares ("en"), named when the text is not German. */
  lang?: string | null
}

export type ReadResult = { ok: true; article: ReadArticle } | { ok: false; reason: string }

/** A stable article id from a path: "002_436c9eb40a421347.txt" → "002_436c9eb40a421347", "2024/Mai/a.html" → "2024-Mai-a". */
export function articleIdFor(file: string): string {
  const stem = file.replace(/\.(?:txt|html?|json|jsonl|ndjson|warc)(?:\.gz)?$/i, '')
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug || `article-${slugify(stem) || 'x'}`
}

/** The id of an article inside a container file: by its URL when it has one (stable when records move), else by its place. */
export function recordIdFor(file: string, url: string | null | undefined, place: string): string {
  const key = url ? createHash('sha1').update(url).digest('hex').slice(0, 12) : place
  return `${articleIdFor(file)}-${key}`
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

/** The host of a URL without "www." ("https://www.beispiel.de/a" → "beispiel.de"); null when it is none. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null
  } catch {
    return null
  }
}

/** The publication date: the one that came with the text when it is a date, else what the text prints or lets estimate. */
function publishedOf(label: string, text: string, given: GivenDate | undefined, occasions: readonly Occasion[], warn: (msg: string) => void): Pick<ReadArticle, 'published' | 'publishedFrom' | 'publishedCue'> {
  const date = given ? metaPublished(given.value) : undefined
  if (given && !date) warn(`${label}: ${given.from === 'page' ? 'page' : 'meta'} published "${given.value}" is not a date, read the text instead`)
  if (given && date) return { published: date, publishedFrom: given.from, ...(given.cue ? { publishedCue: given.cue } : {}) }
  const found = extractDate(text, occasions)
  return found ? { published: found.date, publishedFrom: found.from, ...(found.cue ? { publishedCue: found.cue } : {}) } : { published: null, publishedFrom: null }
}

/** The meta file's fields over what the source gave (a meta date has no cue). */
export function withMeta(given: Given, meta: Meta | undefined): Given {
  if (!meta) return given
  return {
    ...given,
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.outlet ? { outlet: meta.outlet } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.published ? { date: { value: meta.published, from: 'meta' } } : {}),
  }
}

/** One article's text read: the article, or why it is none (only boilerplate, not German). */
export function readText(label: string, id: string, text: string, given: Given, occasions: readonly Occasion[], warn: (msg: string) => void): ReadResult {
  const { lines } = cleanText(text)
  if (lines.length === 0) return { ok: false, reason: 'only boilerplate, no article text' }
  if (!looksGerman(lines.join('\n'))) return { ok: false, reason: given.lang && !/^de\b/i.test(given.lang) ? `not German (declared "${given.lang}")` : 'not German' }
  const titled = extractTitle(lines)
  const title = given.title?.trim() || titled.title
  const sentences = segmentSentences(title, titled.body)
  const published = publishedOf(label, text, given.date, occasions, warn)
  const outlet = given.outlet ?? outletFromText(text) ?? given.fallbackOutlet ?? null
  return { ok: true, article: { id, file: label, title, outlet, url: given.url ?? null, ...published, sentences } }
}

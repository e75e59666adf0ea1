/**
 * The articles of one input file, by its format: a .txt or .html file is one article; a .json file one
 * object or an array of them; a .jsonl/.ndjson file one object per line; a .warc file one article per HTML
 * response. A line or record that is broken is skipped on its own line (`FILE:LINE: reason`); records that
 * are sound but no article (not HTML, not German, no text found) are counted and said in one line per file.
 */
import { join } from 'node:path'
import { readArticleBytes, MAX_ARTICLE_BYTES } from '../io/read-article.ts'
import type { SourceKind } from '../io/list-sources.ts'
import { GzipError, readLinesOf } from '../io/read-lines.ts'
import { readMeta } from '../io/read-meta.ts'
import { readWarc } from '../io/read-warc.ts'
import { headerCharset, metaCharset } from '../stages/source/page-charset.ts'
import { mapRecord } from '../stages/source/map-record.ts'
import type { MappedRecord } from '../stages/source/map-record.ts'
import { readPage } from '../stages/source/read-page.ts'
import type { PageMeta } from '../stages/source/page-meta.ts'
import { decodeDeclared, decodeText } from '../stages/text/decode-text.ts'
import type { Occasion } from '../stages/time/occasions.ts'
import { articleIdFor, hostOf, readText, recordIdFor, withMeta } from './read-text.ts'
import type { Given, ReadArticle } from './read-text.ts'

/** Most bytes of a .json export read whole (a JSON Lines file is streamed and has no limit). */
export const MAX_JSON_BYTES = 64 * 1024 * 1024

/**
 * An article of the file, or a part of it skipped (`records`: how many records one line stands for; `folded`: a
 * file that is sound but no article at all, said with the others of its folder in one line).
 */
export type SourceItem = { ok: true; article: ReadArticle; bytes: number } | { ok: false; file: string; reason: string; bytes: number; records?: number; folded?: true }

/** The reason of a .json file that holds one object with no text field (a gold file, a settings file). */
export const NO_ARTICLE_JSON = 'no article (a JSON object without any text field: text, maintext, raw_text, articleBody)'

interface Reading {
  inDir: string
  file: string
  kind: SourceKind
  occasions: readonly Occasion[]
  warn: (msg: string) => void
}

/** Records that were sound but no article, counted by reason: one line for the file. */
class PassedRecords {
  private readonly reasons = new Map<string, number>()
  private count = 0
  add(reason: string): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1)
    this.count += 1
  }
  summary(file: string): SourceItem[] {
    if (this.count === 0) return []
    const parts = [...this.reasons].map(([reason, n]) => `${n} ${reason}`)
    return [{ ok: false, file, reason: `${this.count} ${this.count === 1 ? 'record' : 'records'} not read (${parts.join('; ')})`, bytes: 0, records: this.count }]
  }
}

/** The NAME.meta.json beside a .txt or .html file. */
function siblingMeta(r: Reading): Given {
  const meta = readMeta(join(r.inDir, r.file.replace(/(?:\.gz)?$/i, '').replace(/\.[^./]+$/, '.meta.json')), r.warn)
  return withMeta({}, meta)
}

/** What a page's head gives, as the fields of the article (a sibling meta file over it). */
function pageGiven(meta: PageMeta, url: string | null): Given {
  const pageUrl = meta.url ?? url
  const rule = meta.publishedField === 'json-ld datePublished' ? 'page-json-ld' : 'page-published-time'
  return {
    title: meta.title ?? null,
    outlet: meta.outlet ?? null,
    url: pageUrl,
    fallbackOutlet: hostOf(pageUrl),
    lang: meta.lang ?? null,
    ...(meta.published ? { date: { value: meta.published, from: 'page', cue: { rule, cue: meta.published, reference: null } } } : {}),
  }
}

/** A page's bytes (charset from the header, else the page's own declaration) → the article, or why not. */
function pageArticle(r: Reading, label: string, id: string, bytes: Uint8Array, contentType: string | null, url: string | null, over: Given): SourceItem {
  const decoded = decodeDeclared(bytes, headerCharset(contentType) ?? metaCharset(bytes))
  if (!decoded.ok) return { ok: false, file: label, reason: decoded.reason, bytes: bytes.byteLength }
  const page = readPage(decoded.text)
  if (!page.ok) return { ok: false, file: label, reason: page.reason, bytes: bytes.byteLength }
  const given = { ...pageGiven(page.meta, url), ...over }
  const read = readText(label, id, page.lines.join('\n'), given, r.occasions, r.warn)
  return read.ok ? { ok: true, article: read.article, bytes: bytes.byteLength } : { ok: false, file: label, reason: read.reason, bytes: bytes.byteLength }
}

function wholeFile(r: Reading): SourceItem | Uint8Array {
  const limit = r.kind.format === 'json' ? MAX_JSON_BYTES : MAX_ARTICLE_BYTES
  const read = readArticleBytes(join(r.inDir, r.file), limit, r.kind.gzip)
  return read.ok ? read.bytes : { ok: false, file: r.file, reason: read.reason, bytes: 0 }
}

/** A .txt file (its meta file over what the text says). */
function txtArticle(r: Reading): SourceItem {
  const bytes = wholeFile(r)
  if (!(bytes instanceof Uint8Array)) return bytes
  const decoded = decodeText(bytes)
  if (!decoded.ok) return { ok: false, file: r.file, reason: decoded.reason, bytes: bytes.byteLength }
  const read = readText(r.file, articleIdFor(r.file), decoded.text, siblingMeta(r), r.occasions, r.warn)
  return read.ok ? { ok: true, article: read.article, bytes: bytes.byteLength } : { ok: false, file: r.file, reason: read.reason, bytes: bytes.byteLength }
}

/** A saved page (its meta file over what the page says of itself). */
function htmlArticle(r: Reading): SourceItem {
  const bytes = wholeFile(r)
  if (!(bytes instanceof Uint8Array)) return bytes
  const meta = siblingMeta(r)
  return pageArticle(r, r.file, articleIdFor(r.file), bytes, null, null, meta)
}

/** A record of a JSON export → the article's text and fields (the date with the field it came from). */
function recordArticle(r: Reading, label: string, id: string, record: MappedRecord, passed: PassedRecords): SourceItem | undefined {
  const bytes = Buffer.byteLength(record.text)
  if (record.language && !/^de\b/i.test(record.language)) {
    passed.add('not German (declared)')
    return undefined
  }
  const date = record.published ? { value: record.published.value, from: 'meta' as const, cue: { rule: 'record-field', cue: `${record.published.field}: ${record.published.value}`, reference: null } } : undefined
  const given: Given = { title: record.title, outlet: record.outlet, url: record.url, fallbackOutlet: hostOf(record.url), ...(date ? { date } : {}) }
  const text = record.title ? `${record.title}\n\n${record.text}` : record.text
  const read = readText(label, id, text, given, r.occasions, r.warn)
  if (read.ok) return { ok: true, article: read.article, bytes }
  passed.add(read.reason)
  return undefined
}

/** A .json file: one object, or an array of objects. */
function* jsonArticles(r: Reading): Generator<SourceItem> {
  const bytes = wholeFile(r)
  if (!(bytes instanceof Uint8Array)) return yield bytes
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    return yield { ok: false, file: r.file, reason: `not valid JSON (${(e as Error).message.split('\n')[0]})`, bytes: bytes.byteLength }
  }
  const passed = new PassedRecords()
  const values = Array.isArray(value) ? value : [value]
  for (const [i, v] of values.entries()) {
    const label = Array.isArray(value) ? `${r.file}[${i}]` : r.file
    const mapped = mapRecord(v)
    if (!mapped.ok) {
      const folded = mapped.noText && !Array.isArray(value)
      yield folded ? { ok: false, file: label, reason: NO_ARTICLE_JSON, bytes: bytes.byteLength, folded } : { ok: false, file: label, reason: mapped.reason, bytes: 0 }
      continue
    }
    const id = Array.isArray(value) ? recordIdFor(r.file, mapped.record.url, `i${i}`) : articleIdFor(r.file)
    const item = recordArticle(r, label, id, mapped.record, passed)
    if (item) yield item
  }
  yield* passed.summary(r.file)
}

/** A JSON Lines file, streamed: a broken line is said with its number, the rest is read. */
async function* jsonLinesArticles(r: Reading): AsyncGenerator<SourceItem> {
  const passed = new PassedRecords()
  try {
    for await (const line of readLinesOf(join(r.inDir, r.file), r.kind.gzip, MAX_ARTICLE_BYTES)) {
      const label = `${r.file}:${line.number}`
      if (line.tooLong) {
        yield { ok: false, file: label, reason: `line too long (over ${MAX_ARTICLE_BYTES / 2 ** 20} MB)`, bytes: line.bytes }
        continue
      }
      if (!line.text.trim()) continue
      let value: unknown
      try {
        value = JSON.parse(line.text)
      } catch (e) {
        yield { ok: false, file: label, reason: `not valid JSON (${(e as Error).message.split('\n')[0]})`, bytes: line.bytes }
        continue
      }
      const mapped = mapRecord(value)
      if (!mapped.ok) {
        yield { ok: false, file: label, reason: mapped.reason, bytes: line.bytes }
        continue
      }
      const item = recordArticle(r, label, recordIdFor(r.file, mapped.record.url, `l${line.number}`), mapped.record, passed)
      if (item) yield item
    }
  } catch (e) {
    if (!(e instanceof GzipError)) throw e
    yield { ok: false, file: r.file, reason: e.message, bytes: 0 }
  }
  yield* passed.summary(r.file)
}

/** A WARC file, streamed: each HTML response read as a page; a broken record said with its offset. */
async function* warcArticles(r: Reading): AsyncGenerator<SourceItem> {
  const passed = new PassedRecords()
  for await (const item of readWarc(join(r.inDir, r.file), MAX_ARTICLE_BYTES)) {
    const label = `${r.file}@${item.offset}`
    if (item.kind === 'broken') yield { ok: false, file: label, reason: `broken record (${item.reason}); read on from the next record`, bytes: 0 }
    else if (item.kind === 'passed') passed.add(item.reason)
    else {
      const read = pageArticle(r, label, recordIdFor(r.file, item.uri, `o${item.offset}`), item.payload, item.contentType, item.uri, {})
      if (read.ok) yield read
      else passed.add(read.reason)
    }
  }
  yield* passed.summary(r.file)
}

/** The articles (and skips) of one input file, in file order. */
export async function* sourceItems(inDir: string, file: string, kind: SourceKind, occasions: readonly Occasion[], warn: (msg: string) => void): AsyncGenerator<SourceItem> {
  const r: Reading = { inDir, file, kind, occasions, warn }
  if (kind.format === 'txt') yield txtArticle(r)
  else if (kind.format === 'html') yield htmlArticle(r)
  else if (kind.format === 'json') yield* jsonArticles(r)
  else if (kind.format === 'jsonl') yield* jsonLinesArticles(r)
  else yield* warcArticles(r)
}

/**
 * One object of a JSON export → an article's fields, whichever crawler wrote it:
 *
 * | field    | news-please     | trafilatura (JSON)      | plain       |
 * | -------- | --------------- | ----------------------- | ----------- |
 * | title    | `title`         | `title`                 | `title`     |
 * | text     | `maintext`      | `text` (or `raw_text`)  | `text`      |
 * | date     | `date_publish`  | `date`                  | `published` |
 * | outlet   | `source_domain` | `sitename`, `hostname`  | `outlet`    |
 * | url      | `url`           | `url` (or `source`)     | `url`       |
 * | language | `language`      | `language`              | `language`  |
 *
 * The first field in this order that holds a non-empty string wins: text `text`, `maintext`, `raw_text`,
 * `articleBody`; date `published`, `date_publish`, `datePublished`, `date`; outlet `outlet`, `sitename`,
 * `source_domain`, `hostname`; url `url`, `source`, `link`.
 */

export interface MappedRecord {
  title: string | null
  text: string
  /** The date as written, and the field it came from ("date_publish"). */
  published: { value: string; field: string } | null
  outlet: string | null
  url: string | null
  language: string | null
}

/** `noText`: a sound object with no text field at all, most likely no article (a gold or settings file), not a broken record. */
export type RecordResult = { ok: true; record: MappedRecord } | { ok: false; reason: string; noText?: true }

const TEXT = ['text', 'maintext', 'raw_text', 'articleBody']
const DATE = ['published', 'date_publish', 'datePublished', 'date']
const OUTLET = ['outlet', 'sitename', 'source_domain', 'hostname']
const URL_FIELDS = ['url', 'source', 'link']

type Json = Record<string, unknown>

function first(obj: Json, fields: readonly string[]): { value: string; field: string } | null {
  for (const field of fields) {
    const v = obj[field]
    if (typeof v === 'string' && v.trim()) return { value: v.trim(), field }
  }
  return null
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`
}

/** A parsed JSON value → the article fields, or why it is none ("not an object (an array)", "no text field"). */
export function mapRecord(value: unknown): RecordResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: `not an object (${describe(value)})` }
  const obj = value as Json
  const text = first(obj, TEXT)
  if (!text) return { ok: false, reason: `no text (none of ${TEXT.join(', ')} is a non-empty string)`, noText: true }
  const title = first(obj, ['title', 'headline'])
  return {
    ok: true,
    record: {
      title: title?.value ?? null,
      text: text.value,
      published: first(obj, DATE),
      outlet: first(obj, OUTLET)?.value ?? null,
      url: first(obj, URL_FIELDS)?.value ?? null,
      language: first(obj, ['language', 'lang'])?.value ?? null,
    },
  }
}

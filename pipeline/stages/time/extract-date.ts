/**
 * The publication date an article carries: page stamps ("Stand: 22.02.2023 16:00 Uhr"),
 * outlet stamps glued to a date ("Epoch Times26. April 2024"), "veröffentlicht am …",
 * broadcast lines ("… am 28.06.2021 … gesendet"), bylines "(red, APA, 11.9.2018)", dated
 * datelines, header fields ("nd-aktuell.de / 22.05.2014 / …") and the " date 2023-02" header.
 * Failing those, an estimate from the text's own time references (estimate-date.ts), else the month
 * of the latest full calendar date the text names.
 */

import { MONTH } from './calendar.ts'
import { estimateDate } from './estimate-date.ts'
import type { Occasion } from './occasions.ts'

export interface PublishedDate {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  date: string
  from: 'text' | 'estimated'
}

const MONTH_NAMES: Record<string, number> = {
  januar: 1, jänner: 1, jan: 1, februar: 2, feb: 2, märz: 3, mär: 3, april: 4, apr: 4, mai: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11,
  dezember: 12, dez: 12,
}
/** "22.02.2023", "11.9.2018", "4. 2. 22" */
const NUMERIC_DATE = '(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})(?!\\d)'
/** "26. April 2024" */
const WORD_DATE = `(\\d{1,2})\\.\\s?(${MONTH})\\s+(\\d{4})(?!\\d)`
const ANY_DATE = `(?:${NUMERIC_DATE}|${WORD_DATE})`

/** Stamps that print the page's own date, strongest first. Each has one ANY_DATE group set. */
const STAMPS: readonly RegExp[] = [
  new RegExp(`\\bStand:\\s*${ANY_DATE}`, 'i'),
  new RegExp(`\\b(?:veröffentlicht|erschienen|publiziert|erstellt|aktualisiert)(?:\\s+am)?:?\\s*${ANY_DATE}`, 'i'),
  new RegExp(`\\b(?:wurde|wird)\\s+am\\s+${ANY_DATE}[^\\n]{0,80}?\\bgesendet\\b`, 'i'),
  new RegExp(`\\b(?:Sendung|Beitrag|Artikel|Meldung|Ausgabe)\\s+vom\\s+${ANY_DATE}`, 'i'),
  // ISO stamp alone or labelled: "Datum: 2023-02-22", "2023-02-22T16:00"
  /(?:^|\bDatum:\s*)\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/im,
  new RegExp(`\\bgesendet\\s+am\\s+${ANY_DATE}`, 'i'),
  // outlet name glued to or followed by a date, alone on a line: "Epoch Times26. April 2024"
  new RegExp(`^\\s*[\\p{L}][\\p{L}\\p{N} .,&'-]{0,40}?\\s*${ANY_DATE}(?:,?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*Uhr)?)?\\s*$`, 'imu'),
  // a date alone on a line
  new RegExp(`^\\s*${ANY_DATE}(?:,?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*Uhr)?)?\\s*$`, 'im'),
  // slash-separated page header: "nd-aktuell.de / 22.05.2014 / Politik / Seite 6"
  new RegExp(`^[^\\n/]{1,40}\\s\\/\\s${ANY_DATE}\\s*(?:\\/|$)`, 'im'),
  // byline tag with a date: "(red, APA, 11.9.2018)"
  new RegExp(`\\((?:[\\p{L}/ ]{1,20},\\s*){1,3}${ANY_DATE}\\)`, 'iu'),
  // dated dateline: "Moskau, 22.02.2023 (dpa)", "PEKING, 4. Februar 2022 –", "Peking/Moskau. 14. März 2023" alone on a line
  new RegExp(`^\\s*\\p{Lu}[\\p{L}-]+(?:[\\s/]\\p{Lu}[\\p{L}-]+)?,\\s+(?:den\\s+)?${ANY_DATE}\\s*(?:\\(|[-–—:])`, 'imu'),
  new RegExp(`^\\s*\\p{Lu}[\\p{L}-]+(?:[\\s/]\\p{Lu}[\\p{L}-]+)?[.,]\\s+(?:den\\s+)?${ANY_DATE}\\s*$`, 'imu'),
  // labelled ISO stamp: "Published on 2023-03-13", "veröffentlicht: 2023-03-13"
  /\b(?:published|updated|veröffentlicht|aktualisiert)(?:\s+(?:on|am))?:?\s*(\d{4})-(\d{2})-(\d{2})\b/i,
]
/** Lower-case words a page's date line may carry besides names: "um 17:30 Uhr", "Lesezeit 3 min", "von", agency tags. */
const STAMP_WORDS = new Set(['um', 'uhr', 'von', 'und', 'min', 'min.', 'ca.', 'am', 'aktualisiert', 'veröffentlicht', 'zuletzt', 'lesezeit', 'dpa', 'afp', 'ap', 'rtr', 'epd', 'kna', 'apa', 'sda', 'red'])
const WEEKDAY = '(?:Mo|Di|Mi|Do|Fr|Sa|So)\\.?|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag'
/** One field of a date line: an optional weekday, the date, an optional time. */
const DATE_FIELD = new RegExp(`^(?:(?:${WEEKDAY}),?\\s+)?${ANY_DATE}(?:,?\\s*(?:um\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*Uhr)?)?$`, 'i')
/** What separates the fields of a date line: "|", "·", "•", a dash between spaces, a comma. */
const FIELD_SEPARATOR = /\s+[|·•–—-]\s+|\s*[|·•]\s*|,\s+/u
/** The lines before the body: the page's date line, if any, is among them. */
const HEADER_LINES = 8

/** The lines after the title that may hold the page's date line, cut from the text's start only. */
function headerLines(text: string): string[] {
  const lines: string[] = []
  let start = text.indexOf('\n') + 1
  while (start > 0 && lines.length < HEADER_LINES) {
    const end = text.indexOf('\n', start)
    lines.push(end < 0 ? text.slice(start) : text.slice(start, end))
    start = end + 1
  }
  return lines
}

/**
 * A page's date line among the header lines: a line of fields ("13.03.2023 | 17:30 Uhr | Lesezeit 3 Min.",
 * "Von Anna Beispiel · 14. März 2023", "Di 14.03.2023 | 10:00") where one field is a date and the others are
 * names, times and page words — never a sentence (a lower-case word outside STAMP_WORDS), which keeps out a
 * chronology ("04.02.2022 – Putin reist nach Peking") and any lead paragraph.
 */
function headerLineDate(text: string): string | undefined {
  for (const line of headerLines(text)) {
    const trimmed = line.trim()
    if (trimmed.length > 200) break
    if (trimmed.length === 0 || trimmed.length > 120) continue
    const fields = trimmed.split(FIELD_SEPARATOR).map((f) => f.trim()).filter((f) => f.length > 0)
    const dated = fields.map((f) => DATE_FIELD.exec(f))
    const at = dated.findIndex((m) => m !== null)
    if (at < 0) continue
    const others = fields.filter((_, i) => i !== at).join(' ')
    const words = others.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w))
    if (!words.every((w) => STAMP_WORDS.has(w.toLowerCase()))) continue
    const day = dateFromGroups((dated[at] ?? []).slice(1))
    if (day) return day
  }
  return undefined
}

/** " date 2023-02" header of the crawl (month or day precision). */
const DATE_HEADER = /^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b/im

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function fullYear(raw: string): number {
  const y = Number(raw)
  return raw.length === 2 ? 2000 + y : y
}

/** Reads the first date group set in a match of ANY_DATE (numeric groups first, then word groups). */
function dateFromGroups(groups: readonly (string | undefined)[]): string | undefined {
  const [d1, m1, y1, d2, m2, y2] = groups
  // ISO stamps have exactly three groups: year, month, day
  if (groups.length === 3 && d1 && m1 && y1 && d1.length === 4) {
    const y = Number(d1)
    const m = Number(m1)
    const d = Number(y1)
    return validDay(y, m, d) ? `${d1}-${m1}-${y1}` : undefined
  }
  if (d1 && m1 && y1) {
    const y = fullYear(y1)
    const m = Number(m1)
    const d = Number(d1)
    return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined
  }
  if (d2 && m2 && y2) {
    const m = MONTH_NAMES[m2.toLowerCase().replace(/\.$/, '')]
    const y = Number(y2)
    const d = Number(d2)
    return m !== undefined && validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined
  }
  return undefined
}

function headerDate(text: string): string | undefined {
  const m = DATE_HEADER.exec(text)
  if (!m || !m[1] || !m[2]) return undefined
  const y = Number(m[1])
  const mo = Number(m[2])
  if (m[3] && validDay(y, mo, Number(m[3]))) return `${m[1]}-${m[2]}-${m[3]}`
  return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 ? `${m[1]}-${m[2]}` : undefined
}

/** The latest full calendar date ("4. Februar 2022", "22.02.2023") named anywhere in the text, as a month. */
function estimateFromText(text: string): string | undefined {
  const re = new RegExp(ANY_DATE, 'g')
  let latest: string | undefined
  for (const m of text.matchAll(re)) {
    const day = dateFromGroups(m.slice(1))
    if (day && (!latest || day > latest)) latest = day
  }
  return latest?.slice(0, 7)
}

/** Publication date from the raw article text, or undefined when the text gives none. */
export function extractDate(text: string, occasions: readonly Occasion[]): PublishedDate | undefined {
  const header = headerDate(text)
  for (const stamp of STAMPS) {
    const m = stamp.exec(text)
    if (!m) continue
    const day = dateFromGroups(m.slice(1))
    if (!day) continue
    // a stamp that contradicts the crawl's month header is a date the text talks about, not the page date
    if (header && !day.startsWith(header.slice(0, 7))) continue
    return { date: day, from: 'text' }
  }
  const line = headerLineDate(text)
  if (line && (!header || line.startsWith(header.slice(0, 7)))) return { date: line, from: 'text' }
  if (header) return { date: header, from: 'text' }
  const fromReferences = estimateDate(text, occasions)
  if (fromReferences) return { date: fromReferences.date, from: 'estimated' }
  const estimate = estimateFromText(text)
  return estimate ? { date: estimate, from: 'estimated' } : undefined
}

/**
 * The publication date an article carries, and how it was found (`Article.publishedCue`).
 *
 * The page's own date, from the kinds of stamp German news pages print (each with its rule id):
 * - `stand-stamp`      "Stand: 22.02.2023 16:00 Uhr" (tagesschau, BR, MDR, Ippen sites); not "(Stand: 31.12.2022)",
 *                      a data cut-off inside the text
 * - `published-stamp`  "Veröffentlicht am 14.03.2023 | Lesedauer …" (Welt), "Publiziert: 14.3.2023" (CH),
 *                      "Erstellt am …", "erschienen am …"
 * - `updated-stamp`    "Aktualisiert am 14.03.2023-17:30" (FAZ), "Zuletzt aktualisiert: …", "Letzte Aktualisierung: …"
 *                      (only where the page prints no publication stamp)
 * - `date-label`       "Datum: 14.03.2023 17:30 Uhr" (ZDF), "Datum 14.03.2023" (DW)
 * - `broadcast-line`   "Diese Nachricht wurde am 28.06.2021 im Programm … gesendet", "gesendet am …"
 * - `edition-stamp`    "(Print)Ausgabe vom …", "Sendung vom …", "Artikel vom …" on a short line
 * - `iso-stamp`        "2023-02-22T16:00:00Z", "Datum: 2023-02-22", "Published on 2023-03-13"
 * - `outlet-stamp`     an outlet name glued to or followed by the date on its own line ("Epoch Times26. April 2024",
 *                      "Dienstag, 14. März 2023")
 * - `date-line`        a date alone on a line, with an optional time ("08.07.2015 13:02:41", dpa-AFX tickers;
 *                      "14.03.2023-17:30"; "03.05.2016")
 * - `print-header`     slash-separated print headers: "nd-aktuell.de / 22.05.2014 / Politik / Seite 6",
 *                      "31.12.2022 / Ausland / Seite 2" (junge Welt)
 * - `byline-tag`       a closing credit with a date: "(red, APA, 11.9.2018)", "(Anna Muster, 14.3.2023)" (derStandard)
 * - `dateline`         a dated dateline: "Moskau, 22.02.2023 (dpa) –", "Peking/Moskau. 14. März 2023"
 * - `header-line`      a line of fields among the header lines: "Von: Redaktion | 13.09.18", "13.03.2023 | 17:30 Uhr |
 *                      Lesezeit 3 Min.", "Frankfurter Allgemeine Zeitung, 14.03.2023, Nr. 62, S. 5"
 * - `glued-lead`       a header line whose date the crawl glued to the lead: "9. November 2014Eine klassische …"
 * - `dateline-day`     a dateline with day and month only, "PEKING, 14. März (Reuters) –", its year from the
 *                      crawl's month header or the estimate
 * - `crawl-header`     the crawl's " date 2023-02" header (month precision)
 * Failing those, `occasion-estimate` (estimate-date.ts: offsets and weekdays against dated occasions), else nothing.
 */

import type { Decision } from '../../../src/model/dataset.ts'
import { MONTH, MONTH_FULL } from './calendar.ts'
import { estimateDate } from './estimate-date.ts'
import type { Occasion } from './occasions.ts'

export interface PublishedDate {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  date: string
  from: 'text' | 'estimated'
  /** The rule, the words as written, and (for estimates) the dated occasion it was read against. */
  cue: Decision
}

const MONTH_NAMES: Record<string, number> = {
  januar: 1, jänner: 1, jan: 1, februar: 2, feber: 2, feb: 2, märz: 3, mär: 3, april: 4, apr: 4, mai: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, dezember: 12, dez: 12,
}
/** "22.02.2023", "11.9.2018", "13.09.18", "4. 2. 22" */
const NUMERIC_DATE = '(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})(?!\\d)'
/** "26. April 2024", "26 April 2024" */
const WORD_DATE = `(\\d{1,2})(?:\\.\\s?|\\s)(${MONTH})\\s+(\\d{4})(?!\\d)`
const ANY_DATE = `(?:${NUMERIC_DATE}|${WORD_DATE})`
/** A clock time after a date: ", 17:30 Uhr", " um 17.30", "-17:30" (FAZ), " 13:02:41" (tickers). */
const TIME = '(?:[ \\t]*(?:,|-|–)?[ \\t]*(?:um[ \\t]+)?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:[ \\t]*Uhr)?)'
const WEEKDAY = '(?:Mo|Di|Mi|Do|Fr|Sa|So)\\.?|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag'

/**
 * A stamp kind: its rule id and pattern (one ANY_DATE group set, or three ISO groups). `short` stamps count only
 * on a line of page furniture — a short line, or the label at the line's start or after a field separator — so
 * the same words inside a sentence ("die Studie, veröffentlicht am 3. März 2022, zeigt …") are not the page date.
 */
export interface Stamp {
  rule: string
  re: RegExp
  short?: boolean
  /** Only in the page's header lines or on its last line: a bare date line elsewhere is a chronology's entry. */
  edge?: boolean
  /** Words every match holds, with the pattern's flags: a text without them is not searched (a cheap first test). */
  cue?: RegExp
}

/** Labels of a publication stamp, and of an update stamp (taken only when the page prints no publication stamp). */
const PUBLISHED_LABEL = '(?:veröffentlicht|erschienen|publiziert|erstellt|online\\s+seit|(?:erst)?veröffentlichung|erscheinungsdatum|publikationsdatum)'
const UPDATED_LABEL = '(?:(?:zuletzt\\s+)?aktualisiert|(?:letzte\\s+)?Aktualisierung|geändert)'

/** What every publication label holds ("veröffentlicht" and "Erstveröffentlichung" both hold "veröffentlich"). */
const PUBLISHED_CUE = /veröffentlich|erschienen|publiziert|erstellt|online\s+seit|erscheinungsdatum|publikationsdatum/iu
/** What every update label holds ("aktualisiert", "Aktualisierung", "geändert"). */
const UPDATED_CUE = /aktualisier|geändert/iu
/** An ISO date, which both ISO stamps hold. */
const ISO_CUE = /\d{4}-\d{2}-\d{2}/

/** Stamps that print the page's own date, strongest first. */
export const STAMPS: readonly Stamp[] = [
  // not "(Stand: 31.12.2022)" or "[Stand: …]": a data cut-off inside the text
  { rule: 'stand-stamp', re: new RegExp(`(?<![([]\\s*)\\bStand:\\s*(?:(?:${WEEKDAY}),?\\s+)?${ANY_DATE}`, 'iu'), cue: /stand:/iu },
  { rule: 'published-stamp', re: new RegExp(`\\b${PUBLISHED_LABEL}(?:\\s+am)?:?\\s*(?:(?:${WEEKDAY}),?\\s+)?${ANY_DATE}`, 'iu'), short: true, cue: PUBLISHED_CUE },
  // a date, then its update on the same line: "26.04.2019 (aktualisiert 27.04.2019)" was published on the first
  { rule: 'published-stamp', re: new RegExp(`^[ \\t]*(?:(?:${WEEKDAY}),?[ \\t]+)?${ANY_DATE}${TIME}?(?=[ \\t]*[(|·,–-]?[ \\t]*${UPDATED_LABEL})`, 'imu'), cue: UPDATED_CUE },
  { rule: 'updated-stamp', re: new RegExp(`\\b${UPDATED_LABEL}(?:\\s+am)?:?\\s*(?:(?:${WEEKDAY}),?\\s+)?${ANY_DATE}`, 'iu'), short: true, cue: UPDATED_CUE },
  { rule: 'date-label', re: new RegExp(`^\\s*Datum:?\\s+(?:(?:${WEEKDAY}),?\\s+)?${ANY_DATE}`, 'mu'), cue: /Datum/u },
  { rule: 'broadcast-line', re: new RegExp(`\\b(?:wurde|wird)\\s+am\\s+${ANY_DATE}[^\\n]{0,80}?\\bgesendet\\b`, 'iu'), cue: /gesendet/iu },
  { rule: 'edition-stamp', re: new RegExp(`(?:\\b|\\p{L})(?:Ausgabe|Sendung|Beitrag|Artikel|Meldung)\\s+vom\\s+${ANY_DATE}`, 'iu'), short: true, cue: /(?:Ausgabe|Sendung|Beitrag|Artikel|Meldung)\s+vom/iu },
  // ISO stamp alone or labelled: "Datum: 2023-02-22", "2023-02-22T16:00"
  { rule: 'iso-stamp', re: /(?:^|\bDatum:\s*)\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/im, cue: ISO_CUE },
  // labelled ISO stamp: "Published on 2023-03-13", "veröffentlicht: 2023-03-13"
  { rule: 'iso-stamp', re: /\b(?:published|updated|veröffentlicht|aktualisiert)(?:\s+(?:on|am))?:?\s*(\d{4})-(\d{2})-(\d{2})\b/i, cue: ISO_CUE },
  { rule: 'broadcast-line', re: new RegExp(`\\bgesendet\\s+am\\s+${ANY_DATE}`, 'iu'), cue: /gesendet/iu },
  // a date alone on a line (before the outlet stamp, which would read a weekday as an outlet)
  { rule: 'date-line', edge: true, re: new RegExp(`^[ \\t]*(?:(?:${WEEKDAY}),?[ \\t]+)?${ANY_DATE}${TIME}?[ \\t]*$`, 'imu') },
  // outlet name glued to or followed by a date, alone on a line: "Epoch Times26. April 2024"
  { rule: 'outlet-stamp', edge: true, re: new RegExp(`^[ \\t]*[\\p{L}][\\p{L}\\p{N} .,&'-]{0,40}?[ \\t]*${ANY_DATE}${TIME}?[ \\t]*$`, 'imu') },
  // slash-separated print header: "nd-aktuell.de / 22.05.2014 / Politik / Seite 6", "31.12.2022 / Ausland / Seite 2"
  { rule: 'print-header', re: new RegExp(`^[^\\n/]{1,40}\\s\\/\\s${ANY_DATE}\\s*(?:\\/|$)`, 'imu') },
  { rule: 'print-header', re: new RegExp(`^\\s*${ANY_DATE}\\s+\\/\\s+\\p{Lu}[^\\n]{0,60}$`, 'imu') },
  // byline tag with a date: "(red, APA, 11.9.2018)", "(Anna Muster-Beispiel, 14.3.2023)"
  { rule: 'byline-tag', re: new RegExp(`\\((?:[\\p{L}/ .-]{1,30},\\s*){1,3}${ANY_DATE}\\)`, 'iu') },
  // dated dateline: "Moskau, 22.02.2023 (dpa)", "PEKING, 4. Februar 2022 –", "Peking/Moskau. 14. März 2023" alone on a line
  { rule: 'dateline', re: new RegExp(`^\\s*\\p{Lu}[\\p{L}-]+(?:[\\s/]\\p{Lu}[\\p{L}-]+)?[.,]\\s+(?:den\\s+)?${ANY_DATE}\\s*(?:\\(|[-–—:])`, 'imu') },
  { rule: 'dateline', re: new RegExp(`^\\s*\\p{Lu}[\\p{L}-]+(?:[\\s/]\\p{Lu}[\\p{L}-]+)?[.,]\\s+(?:den\\s+)?${ANY_DATE}\\s*$`, 'imu') },
]

/**
 * What every stamp built on ANY_DATE holds: ANY_DATE itself (it has no lookbehind, so it matches on its own
 * wherever it matched inside a stamp; "i" finds at least what a stamp without "i" finds). The stamps that hold
 * it are found in their sources, not listed by hand.
 */
export const DATE_CUE = new RegExp(ANY_DATE, 'iu')
export const HOLDS_DATE: ReadonlySet<Stamp> = new Set(STAMPS.filter((s) => s.re.source.includes(ANY_DATE)))

/** Lower-case words a page's date line may carry besides names: "um 17:30 Uhr", "Lesezeit 3 min", "von", agency tags. */
const STAMP_WORDS = new Set([
  'um', 'uhr', 'von', 'und', 'min', 'min.', 'ca.', 'am', 'aktualisiert', 'veröffentlicht', 'zuletzt', 'lesezeit',
  'lesedauer', 'der', 'die', 'das', 'aus', 'dpa', 'afp', 'ap', 'rtr', 'epd', 'kna', 'apa', 'sda', 'red', 'vor',
])
/** One field of a date line: an optional weekday, the date, an optional time. */
const DATE_FIELD = new RegExp(`^(?:(?:${WEEKDAY}),?\\s+)?${ANY_DATE}${TIME}?$`, 'iu')
/** An ISO field of a date line, with an optional time: "2025-03-11 09:42:17", "2025-03-11T09:42". */
const ISO_FIELD = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/u
/** A day, a month's short name and a year joined by dashes, as English-language templates print it: "21-Aug-2024". */
const DASH_FIELD = /^(\d{1,2})-(\p{L}{3,4})-(\d{4})$/u
/** English short month names a dashed field may carry (German ones are in MONTH_NAMES). */
const ENGLISH_SHORT_MONTHS: Record<string, number> = { mar: 3, may: 5, oct: 10, dec: 12 }
/** A field that is only a short lower-case tag or a site's domain: an author's initials, an agency, "german.example.cn". */
const TAG_FIELD = /^(?:\p{Ll}{2,4}|(?:[\p{Ll}\d-]+\.)+[a-z]{2,6})$/u
/** What separates the fields of a date line: "|", "·", "•", a dash or a slash between spaces, a comma. */
const FIELD_SEPARATOR = /\s+[|·•–—/-]\s+|\s*[|·•]\s*|,\s+/u
/** A paragraph line of the body's length. */
const LONG_LINE = /(?:^|\n)[^\n]{201,}/u
/** The lines before the body: the page's date line, if any, is among them. */
const HEADER_LINES = 8
/** A month without a day as a field of the header: a monthly's "März 2023", "Ausgabe März 2023". */
const MONTH_FIELD = new RegExp(`^(?:Ausgabe\\s+|Heft\\s+)?(${MONTH_FULL})\\s+(\\d{4})$`, 'u')
/** " date 2023-02" header of the crawl (month or day precision), before the title on the first line. */
const DATE_HEADER = /^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b/im
/** A header line that opens with a full date glued to the lead: "9. November 2014Eine …" (the crawl lost the break). */
const GLUED_LEAD = new RegExp(`^\\s*(?:(?:${WEEKDAY}),?\\s+)?${ANY_DATE}(?=\\p{Lu})`, 'u')
/** A dateline with day and month only: "PEKING, 14. März (Reuters) –", "Moskau, 14. Mär (dpa) -". */
const DATELINE_DAY = new RegExp(`^\\s*\\p{Lu}[\\p{L}-]+(?:[\\s/]\\p{Lu}[\\p{L}-]+)?,\\s+(\\d{1,2})\\.\\s?(${MONTH})\\s*\\([\\p{L}/ -]{2,30}\\)\\s*[-–—:]`, 'imu')

/** The title line without the crawl's date header, then the lines after it: the page's date line is among them. */
function headerLines(text: string): string[] {
  const firstEnd = text.indexOf('\n')
  const first = (firstEnd < 0 ? text : text.slice(0, firstEnd)).replace(DATE_HEADER, '')
  const lines: string[] = [first]
  let start = firstEnd + 1
  while (start > 0 && lines.length <= HEADER_LINES) {
    const end = text.indexOf('\n', start)
    lines.push(end < 0 ? text.slice(start) : text.slice(start, end))
    start = end + 1
  }
  return lines
}

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

function monthNumber(name: string): number | undefined {
  return MONTH_NAMES[name.toLowerCase().replace(/\.$/, '')]
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
    const m = monthNumber(m2)
    const y = Number(y2)
    const d = Number(d2)
    return m !== undefined && validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined
  }
  return undefined
}

/** The line of `text` around `index`. */
function lineAt(text: string, index: number): { line: string; column: number } {
  const start = text.lastIndexOf('\n', index - 1) + 1
  const end = text.indexOf('\n', index)
  return { line: text.slice(start, end < 0 ? text.length : end), column: index - start }
}

/** Lower-case words a line of page furniture may carry around a labelled stamp ("Aus der Sendung vom … im …"). */
const FURNITURE_WORDS = new Set([...STAMP_WORDS, 'in', 'im', 'vom', 'auf', 'bei', 'seit', 'online', 'zuerst', 'erstmals', 'erschienen', 'erstellt', 'publiziert'])

/**
 * A stamp on a line of page furniture: the label opens the line (after at most one word: "Zuletzt aktualisiert",
 * "Artikel veröffentlicht") or a field of it, or the line has no lower-case word a sentence would need — so "Die
 * Studie, veröffentlicht am 3. März 2022, zeigt …" is not the page's stamp, however short.
 */
function onFurnitureLine(text: string, index: number, length: number): boolean {
  const { line, column } = lineAt(text, index)
  const before = line.slice(0, column)
  if (/^\s*(?:\p{L}+\s+)?$/u.test(before) || /[|·•]\s*$/u.test(before)) return true
  const rest = `${before} ${line.slice(column + length)}`
  return rest.split(/[\s,;:()]+/).filter((w) => /^\p{Ll}/u.test(w)).every((w) => FURNITURE_WORDS.has(w.toLowerCase().replace(/[.!?]+$/, '')))
}

function decision(rule: string, cue: string, reference: string | null = null): Decision {
  return { rule, cue: cue.trim(), reference }
}

/** The month of a monthly's month field ("März 2023" → "2023-03"). */
function monthFieldDate(groups: readonly (string | undefined)[]): string | undefined {
  const n = monthNumber(groups[1] ?? '')
  return n !== undefined && validDay(Number(groups[2]), n, 1) ? `${groups[2]}-${pad(n)}` : undefined
}

/** The day of a date field: German ("14. März 2023", "14.03.2023"), ISO, or dashed ("21-Aug-2024"). */
function fieldDate(groups: readonly (string | undefined)[]): string | undefined {
  const [whole, d, mon, y] = groups
  if (whole && DASH_FIELD.test(whole) && d && mon && y) {
    const m = monthNumber(mon) ?? ENGLISH_SHORT_MONTHS[mon.toLowerCase()]
    return m !== undefined && validDay(Number(y), m, Number(d)) ? `${y}-${pad(m)}-${pad(Number(d))}` : undefined
  }
  return dateFromGroups(groups.slice(1))
}

/**
 * A page's date line among the header lines: a line of fields ("13.03.2023 | 17:30 Uhr | Lesezeit 3 Min.",
 * "Von Anna Beispiel · 14. März 2023", "Di 14.03.2023 | 10:00", "Von: Redaktion | 13.09.18") where one field is a
 * date and the others are names, times and page words — never a sentence (a lower-case word outside STAMP_WORDS),
 * which keeps out a chronology ("04.02.2022 – Putin reist nach Peking") and any lead paragraph. Failing a day, a
 * monthly's month field ("Ausgabe März 2023", "Beispielmagazin | März 2023") gives the month.
 */
function headerLineDate(lines: readonly string[], monthOnly = false, text = ''): { date: string; cue: string } | undefined {
  // a teaser paragraph may stand above the date line; a second long paragraph is the body
  let paragraphs = 0
  for (const line of lines) {
    const trimmed = line.trim()
    if (trimmed.length > 200 && ++paragraphs > 1) break
    if (trimmed.length === 0 || trimmed.length > 120) continue
    const fields = trimmed.split(FIELD_SEPARATOR).map((f) => f.trim()).filter((f) => f.length > 0)
    const dated = fields.map((f) => (monthOnly ? MONTH_FIELD.exec(f) : (DATE_FIELD.exec(f) ?? ISO_FIELD.exec(f) ?? DASH_FIELD.exec(f))))
    const at = dated.findIndex((m) => m !== null)
    if (at < 0) continue
    const others = fields.filter((f, i) => i !== at && !TAG_FIELD.test(f)).join(' ')
    // (a name with capitals inside, "dpa-AFX", is no sentence word)
    const words = others.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/\p{Lu}/u.test(w))
    if (!words.every((w) => STAMP_WORDS.has(w.toLowerCase()))) continue
    const groups = dated[at] ?? []
    const date = monthOnly ? monthFieldDate(groups) : fieldDate(groups)
    // under a long paragraph, only where the body follows (that paragraph was a teaser, not the text)
    if (date && paragraphs > 0 && !LONG_LINE.test(text.slice(text.indexOf(trimmed) + trimmed.length))) continue
    if (date) return { date, cue: trimmed }
  }
  return undefined
}

/** A header line opening with a date glued to the lead paragraph: "9. November 2014Eine klassische …". */
function gluedLeadDate(lines: readonly string[]): { date: string; cue: string } | undefined {
  for (const line of lines) {
    const m = GLUED_LEAD.exec(line)
    if (!m) continue
    const day = dateFromGroups(m.slice(1))
    if (day) return { date: day, cue: m[0] }
  }
  return undefined
}

/** " date 2023-02" header of the crawl: "YYYY-MM" or "YYYY-MM-DD". */
function crawlHeader(text: string): { date: string; cue: string } | undefined {
  const m = DATE_HEADER.exec(text)
  if (!m || !m[1] || !m[2]) return undefined
  const y = Number(m[1])
  const mo = Number(m[2])
  if (m[3] && validDay(y, mo, Number(m[3]))) return { date: `${m[1]}-${m[2]}-${m[3]}`, cue: m[0] }
  return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 ? { date: `${m[1]}-${m[2]}`, cue: m[0] } : undefined
}

/** "PEKING, 14. März (Reuters) –": day and month of the page, without its year. */
function datelineDay(text: string): { month: number; day: number; cue: string } | undefined {
  const m = DATELINE_DAY.exec(text)
  if (!m || !m[1] || !m[2]) return undefined
  const month = monthNumber(m[2])
  const day = Number(m[1])
  if (month === undefined || day < 1 || day > 31) return undefined
  return { month, day, cue: m[0] }
}

/**
 * The page's stamp. Labelled stamps ("Stand:", "Veröffentlicht am", a broadcast line, an ISO stamp) in order of
 * strength, each the first of its kind; then the line stamps (a date alone on a line, an outlet stamp, a print
 * header, a byline tag, a dated dateline), the one printed first. A stamp that contradicts the crawl's month header
 * (if any) is a date the text talks about, not the page date.
 */
function stampDate(text: string, headerMonth: string | undefined): PublishedDate | undefined {
  const edges = edgesOf(text)
  let published = false
  let lineStamp: { index: number; found: PublishedDate } | undefined
  // a text with no date in it has no stamp that holds one (tested once, not once per stamp)
  const dated = DATE_CUE.test(text)
  for (const stamp of STAMPS) {
    // an update stamp only where no publication stamp was printed
    if (stamp.rule === 'updated-stamp' && published) continue
    if (!dated && HOLDS_DATE.has(stamp)) continue
    if (stamp.cue && !stamp.cue.test(text)) continue
    const line = LINE_STAMPS.has(stamp.rule)
    for (const m of text.matchAll(globalOf(stamp.re))) {
      const index = m.index ?? 0
      if (stamp.short && !onFurnitureLine(text, index, m[0].length)) continue
      if (stamp.edge && index >= edges.headerEnd && index < edges.lastLine) continue
      const day = dateFromGroups(m.slice(1))
      if (!day) continue
      if (stamp.rule === 'published-stamp') published = true
      if (headerMonth && !day.startsWith(headerMonth)) continue
      const found: PublishedDate = { date: day, from: 'text', cue: decision(stamp.rule, m[0]) }
      if (!line) return found
      if (!lineStamp || index < lineStamp.index) lineStamp = { index, found }
      break
    }
  }
  return lineStamp?.found
}

/** Where the header lines end (the title line and HEADER_LINES more) and where the last non-empty line starts. */
function edgesOf(text: string): { headerEnd: number; lastLine: number } {
  let headerEnd = -1
  for (let i = 0; i <= HEADER_LINES; i += 1) {
    const next = text.indexOf('\n', headerEnd + 1)
    if (next < 0) {
      headerEnd = text.length
      break
    }
    headerEnd = next
  }
  return { headerEnd, lastLine: text.trimEnd().lastIndexOf('\n') + 1 }
}

/** Rules of the stamps that stand on a line of their own; the first printed wins among them. */
const LINE_STAMPS: ReadonlySet<string> = new Set(['date-line', 'outlet-stamp', 'print-header', 'byline-tag', 'dateline'])

const globals = new Map<RegExp, RegExp>()
/** The regex with the "g" flag, made once (matchAll copies it, so no lastIndex is shared). */
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re)
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)
    globals.set(re, g)
  }
  return g
}

/** Publication date from the raw article text, or undefined when the text gives none. */
export function extractDate(text: string, occasions: readonly Occasion[]): PublishedDate | undefined {
  const header = crawlHeader(text)
  const headerMonth = header?.date.slice(0, 7)
  const stamped = stampDate(text, headerMonth)
  if (stamped) return stamped
  const lines = headerLines(text)
  const candidates = [
    ['header-line', () => headerLineDate(lines, false, text)],
    ['glued-lead', () => gluedLeadDate(lines)],
  ] as const
  for (const [rule, find] of candidates) {
    const found = find()
    if (found && (!headerMonth || found.date.startsWith(headerMonth))) return { date: found.date, from: 'text', cue: decision(rule, found.cue) }
  }
  const dayOnly = datelineDay(text)
  if (dayOnly && headerMonth && Number(headerMonth.slice(5, 7)) === dayOnly.month) {
    const y = Number(headerMonth.slice(0, 4))
    if (validDay(y, dayOnly.month, dayOnly.day)) {
      return { date: `${headerMonth}-${pad(dayOnly.day)}`, from: 'text', cue: decision('dateline-day', dayOnly.cue, headerMonth) }
    }
  }
  const month = headerLineDate(lines, true)
  if (month && (!headerMonth || month.date === headerMonth)) return { date: month.date, from: 'text', cue: decision('month-stamp', month.cue) }
  if (header) return { date: header.date, from: 'text', cue: decision('crawl-header', header.cue) }
  const estimate = estimateDate(text, occasions, dayOnly)
  if (estimate) {
    // a day-and-month dateline inside the estimated month gives the day
    if (dayOnly && estimate.date.length === 7 && Number(estimate.date.slice(5, 7)) === dayOnly.month && validDay(Number(estimate.date.slice(0, 4)), dayOnly.month, dayOnly.day)) {
      return { date: `${estimate.date}-${pad(dayOnly.day)}`, from: 'estimated', cue: decision('dateline-day', dayOnly.cue, estimate.date) }
    }
    return { date: estimate.date, from: 'estimated', cue: decision('occasion-estimate', estimate.cue, estimate.reference) }
  }
  // GUIDE: no printed date and no day the text pins down is null, not the month of some date the text names (a
  // plan ahead or a past event); events and figures of such a page resolve against estimateReference instead
  return undefined
}

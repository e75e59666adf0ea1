import * as chrono from 'chrono-node'
import type { TimeRef } from './types.ts'

/**
 * German time expressions → TimeRef, resolved against a reference date (the article's published date).
 * Own parsers cover what chrono's German parser lacks (seasons, "Anfang Januar", "im vergangenen Jahr",
 * "vorigen Monat", "in der kommenden Woche", bare years); chrono.de adds explicit calendar dates we did
 * not read ourselves, and only those (its weekday, "so", "Fr" and "von 2024" hits are dropped).
 */

/** How a sentence speaks of its event: picks the year of "im Mai" or the day of "am Mittwoch". */
export type Tense = 'past' | 'present' | 'future'

/** What kind of expression was read; decides the precision an event date may keep. */
export type TimeKind =
  | 'date' // "4. Februar 2022", "21.11.2023": day precision
  | 'weekday' // "am Mittwoch", "am Wochenende"
  | 'today' // "heute", "gestern", "morgen"
  | 'week' // "in der kommenden Woche"
  | 'month' // "im Mai", "Februar 2022", "vorigen Monat"
  | 'season' // "im Frühjahr", "Anfang Januar", "Ende des Jahres" (approx)
  | 'year' // "2017", "im vergangenen Jahr"

export interface TimeMention {
  start: number
  end: number
  text: string
  kind: TimeKind
  /** The word(s) before the expression that change its role: "ab", "seit", "bis", "vor", "gegenüber", "für". */
  preposition: string | null
  /** null when the expression needs a reference date and none is known. */
  ref: TimeRef | null
}

/** A reference date: year always, month and day when known. */
export interface ReferenceDate {
  year: number
  month: number | null
  day: number | null
}

export const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, februar: 2, feber: 2, märz: 3, april: 4, mai: 5, juni: 6, juli: 7,
  august: 8, september: 9, oktober: 10, november: 11, dezember: 12,
}
const MONTH_NAMES = '(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?![a-zäöüß])'

/** Season → the month it starts in (GUIDE: "Frühjahr 2023" → "2023-03", approx). */
export const SEASONS: Readonly<Record<string, number>> = {
  frühjahr: 3, frühling: 3, sommer: 6, herbst: 9, winter: 12,
}
const SEASON_NAMES = '(?:Frühjahrs?|Frühlings?|Sommers?|Herbstes|Herbsts?|Winters?)(?![a-zäöüß])'

const WEEKDAYS: Readonly<Record<string, number>> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
}
const WEEKDAY_NAMES = 'Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag'

/** "vorigen", "letzten", "vergangenen" → -1; "nächsten", "kommenden" → +1; "diesen", "laufenden" → 0. */
const RELATIVE_WORDS = 'vergangenen|vorigen|letzten|vorherigen|nächsten|kommenden|folgenden|diesen|dieses|diesem|laufenden|selben|gleichen'
function relativeOffset(word: string): number {
  const w = word.toLowerCase()
  if (/^(vergangen|vorig|letzt|vorherig)/.test(w)) return -1
  if (/^(nächst|kommend|folgend)/.test(w)) return 1
  return 0
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  einem: 1, einen: 1, ein: 1, eins: 1, eine: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
}

/** Words before an expression that change its role, longest first. */
const PREPOSITION = /(?:^|[\s(„"])((?:bis(?:\s+(?:zum|zur|Ende|Anfang|Mitte))?|seit(?:\s+dem)?|ab|vor|gegenüber(?:\s+dem)?|für|von|im|am|in|zum|um)\s+(?:(?:dem|der|den|das|Jahr|Jahre|Jahres|Monat)\s+)*)$/i

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "2023-02-22" | "2023-02" | "2023" → ReferenceDate; anything else → undefined. */
export function parseReference(published: string | null | undefined): ReferenceDate | undefined {
  if (!published) return undefined
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published)
  if (!m) return undefined
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null }
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

function addDays(ref: ReferenceDate, days: number): TimeRef | null {
  if (ref.month === null) return null
  if (ref.day === null) return days === 0 ? { iso: `${ref.year}-${pad(ref.month)}`, approx: false } : null
  const d = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + days))
  return { iso: isoDay(d), approx: false }
}

function shiftMonth(ref: ReferenceDate, offset: number, approx = false): TimeRef | null {
  if (ref.month === null) return null
  const total = ref.year * 12 + (ref.month - 1) + offset
  return { iso: `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`, approx }
}

/** How many of a unit a count before "Tagen"/"Wochen"/"Monaten" says; a vague one ("wenigen") is a few. */
const AGO_WORDS = 'wenigen|wenige|einigen|einige|ein\\s+paar|einem|einer|eine|zwei|drei|vier|fünf|sechs'
const AGO_COUNT = `${AGO_WORDS}|\\d{1,2}`

function backFrom(ref: ReferenceDate, count: string, unit: string): TimeRef | null {
  if (ref.month === null) return null
  const word = count.toLowerCase().replace(/\s+/g, ' ')
  const vague = word === '' || /^(?:wenig|einig|ein paar)/.test(word)
  const n = vague ? 0 : (NUMBER_WORDS[word] ?? Number(word))
  if (!vague && !(n > 0)) return null
  const u = unit.toLowerCase()
  if (u.startsWith('monat')) return shiftMonth(ref, -(vague ? 2 : n), vague)
  const days = u.startsWith('woche') ? (vague ? 3 : n) * 7 : vague ? 3 : n
  const d = new Date(Date.UTC(ref.year, ref.month - 1, (ref.day ?? 15) - days))
  return { iso: ref.day === null || vague ? isoDay(d).slice(0, 7) : isoDay(d), approx: vague }
}

/** The year of a month named without one ("im Mai"), given the tense the sentence speaks in. */
export function yearForMonth(month: number, ref: ReferenceDate, tense: Tense): number {
  if (ref.month === null) return ref.year
  if (tense === 'future') return month < ref.month ? ref.year + 1 : ref.year
  if (tense === 'past') return month > ref.month ? ref.year - 1 : ref.year
  if (month - ref.month > 6) return ref.year - 1
  if (ref.month - month > 6) return ref.year + 1
  return ref.year
}

/** The year of a season named without one ("im Frühjahr"), given the tense. */
export function yearForSeason(startMonth: number, ref: ReferenceDate, tense: Tense): number {
  if (ref.month === null) return ref.year
  if (tense === 'future') return startMonth + 2 < ref.month ? ref.year + 1 : ref.year
  if (tense === 'past') return startMonth > ref.month ? ref.year - 1 : ref.year
  return yearForMonth(startMonth, ref, 'present')
}

/** The day a weekday refers to: the latest such day up to the reference (past), the next one (future), the nearer (present). */
export function dayForWeekday(weekday: number, ref: ReferenceDate, tense: Tense): TimeRef | null {
  if (ref.month === null) return null
  if (ref.day === null) return { iso: `${ref.year}-${pad(ref.month)}`, approx: false }
  const base = new Date(Date.UTC(ref.year, ref.month - 1, ref.day))
  const diff = weekday - base.getUTCDay()
  const ahead = (diff + 7) % 7
  const back = (-diff + 7) % 7
  // the present tense names the nearer of the two ("kommt am Donnerstag" on a Monday is this Thursday)
  const offset = tense === 'future' ? ahead : tense === 'past' || back <= ahead ? -back : ahead
  return addDays(ref, offset)
}

interface Rule {
  pattern: RegExp
  /** What the pattern cannot match without, cheaper to look for: a text without it is not searched. */
  cue?: RegExp
  kind: TimeKind
  /**
   * 'after': the expression dates the clause that follows it, so its span is the next word ("nachdem")
   * while its text stays the expression.
   */
  at?: 'after'
  read: (m: RegExpExecArray, ref: ReferenceDate | undefined, tense: Tense) => TimeRef | null
}

function yearOf(group: string | undefined, relative: string | undefined, ref: ReferenceDate | undefined): number | null {
  if (group) return Number(group)
  if (relative !== undefined) return ref ? ref.year + relativeOffset(relative) : null
  return null
}

/**
 * Dated occasions the press names instead of a date (GUIDE: "a date tied to a known event gives the day").
 * Each lists its occurrences; the one in the reference year (else the latest before it) is meant.
 */
interface KnownOccasion {
  pattern: string
  dates: readonly string[]
}
const KNOWN_OCCASIONS: readonly KnownOccasion[] = [
  {
    pattern: '(?:Eröffnung\\p{L}*|Auftakt)\\s+(?:der\\s+)?Olympischen\\s+Winterspiele',
    dates: ['2010-02-12', '2014-02-07', '2018-02-09', '2022-02-04', '2026-02-06'],
  },
  {
    pattern: '(?:Eröffnung\\p{L}*|Auftakt)\\s+(?:der\\s+)?Olympischen\\s+(?:Sommerspiele|Spiele)',
    dates: ['2012-07-27', '2016-08-05', '2021-07-23', '2024-07-26'],
  },
  {
    pattern: '(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)\\s+(?:von\\s+|des\\s+)?(?:US-Präsident(?:en)?\\s+)?(?:Donald\\s+)?Trumps?',
    dates: ['2017-01-20', '2025-01-20'],
  },
  {
    pattern: '(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)\\s+(?:von\\s+|des\\s+)?(?:US-Präsident(?:en)?\\s+)?(?:Joe\\s+)?Bidens?',
    dates: ['2021-01-20'],
  },
  {
    pattern: '(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)\\s+(?:von\\s+)?(?:Wladimir\\s+)?Putins?',
    dates: ['2012-05-07', '2018-05-07', '2024-05-07'],
  },
  {
    pattern: '(?:Beginn|Start)\\s+(?:des\\s+)?(?:russischen\\s+)?(?:Angriffskrieg\\p{L}*|Einmarsch\\p{L}*|Invasion)',
    dates: ['2022-02-24'],
  },
]
const DAY_OFFSET_WORDS: Readonly<Record<string, number>> = { einen: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5 }

function occasionDate(dates: readonly string[], ref: ReferenceDate | undefined): string | null {
  if (dates.length === 1) return dates[0] ?? null
  if (!ref) return null
  const before = dates.filter((d) => Number(d.slice(0, 4)) <= ref.year)
  return dates.find((d) => Number(d.slice(0, 4)) === ref.year) ?? before[before.length - 1] ?? null
}

/** Any occasion, without the "einen Tag nach" before it that each rule may also read. */
const ANY_OCCASION = new RegExp(KNOWN_OCCASIONS.map((o) => `(?:${o.pattern})`).join('|'), 'u')
/** A month name as the rules read it. */
const ANY_MONTH = new RegExp(MONTH_NAMES)
/** The words "Anfang", "Mitte", "Ende" that open a part of a month or year. */
const PART_OF = /Anfang|Mitte|Ende/
/** A season as SEASON_NAMES spells it. */
const ANY_SEASON = /Frühjahr|Frühling|Sommer|Herbst|Winter/
/** "Jahr" in any letter case, as the year rules read it (case-insensitive). */
const YEAR_WORD = /jahr/i
/** A weekday or the weekend: every name but two ends in "tag". */
const ANY_WEEKDAY = /tag|Mittwoch|Sonnabend|Wochenende/
/** A digit, as "\\d" reads one with and without the u flag (ASCII only), and as chrono's kept dates need one. */
const DIGIT = /[0-9]/

const OCCASION_RULES: readonly Rule[] = KNOWN_OCCASIONS.map((occasion) => ({
  cue: ANY_OCCASION,
  // "einen Tag nach dem Amtsantritt von Trump", "pünktlich zur Eröffnungsfeier der Olympischen Winterspiele"
  pattern: new RegExp(`(?:\\b([Ee]inen|[Ee]inem|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|\\d)\\s+Tag(?:e|en)?\\s+(nach|vor)\\s+(?:dem|der|des)?\\s*)?${occasion.pattern}`, 'gu'),
  kind: 'date' as const,
  read: (m: RegExpExecArray, ref: ReferenceDate | undefined) => {
    const base = occasionDate(occasion.dates, ref)
    if (!base) return null
    const n = m[1] ? (DAY_OFFSET_WORDS[m[1].toLowerCase()] ?? Number(m[1])) : 0
    const d = new Date(`${base}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() + (m[2] === 'vor' ? -n : n))
    return { iso: isoDay(d), approx: false }
  },
}))

/** Day (group 1), month name (group 2) and an optional year (group 3); without a year, the one the tense points to. */
function readDayOfMonth(m: RegExpExecArray, ref: ReferenceDate | undefined, tense: Tense): TimeRef | null {
  const month = MONTHS[(m[2] ?? '').toLowerCase()] ?? 0
  const day = Number(m[1])
  if (day < 1 || day > 31) return null
  const year = m[3] ? Number(m[3]) : ref ? yearForMonth(month, ref, tense) : null
  return year === null ? null : { iso: `${year}-${pad(month)}-${pad(day)}`, approx: false }
}

const RULES: readonly Rule[] = [
  ...OCCASION_RULES,
  // "vom 22. bis 24. Oktober", "22.–24. Oktober 2024": the first day
  {
    cue: DIGIT,
    pattern: new RegExp(`\\b(?:vom\\s+)?(\\d{1,2})\\.\\s*(?:bis(?:\\s+zum)?|-|–)\\s*\\d{1,2}\\.\\s?(${MONTH_NAMES})(?:\\s+(\\d{4})\\b)?`, 'g'),
    kind: 'date',
    read: readDayOfMonth,
  },
  // "4. Februar 2022", "am 14. Februar"
  {
    cue: DIGIT,
    pattern: new RegExp(`\\b(\\d{1,2})\\.\\s?(${MONTH_NAMES})(?:\\s+(\\d{4})\\b)?`, 'g'),
    kind: 'date',
    read: readDayOfMonth,
  },
  // "22.02.2023", "11.9.2018"
  {
    cue: DIGIT,
    pattern: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g,
    kind: 'date',
    read: (m) => {
      const day = Number(m[1])
      const month = Number(m[2])
      if (day < 1 || day > 31 || month < 1 || month > 12) return null
      return { iso: `${m[3]}-${pad(month)}-${pad(day)}`, approx: false }
    },
  },
  // "Anfang Januar", "Mitte März 2023", "Ende Mai des vergangenen Jahres"
  {
    cue: PART_OF,
    pattern: new RegExp(
      `\\b(?:Anfang|Mitte|Ende)\\s+(${MONTH_NAMES})(?:\\s+(\\d{4})\\b|\\s+(?:des|dieses)\\s+(${RELATIVE_WORDS})?\\s*Jahres)?`,
      'g',
    ),
    kind: 'season',
    read: (m, ref, tense) => {
      const month = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0
      const year = yearOf(m[2], m[3] ?? (m[0].includes('Jahres') ? '' : undefined), ref) ?? (ref ? yearForMonth(month, ref, tense) : null)
      return year === null ? null : { iso: `${year}-${pad(month)}`, approx: true }
    },
  },
  // "Anfang des Jahres", "Ende des vergangenen Jahres", "Anfang 2022", "Mitte nächsten Jahres"
  {
    cue: PART_OF,
    pattern: new RegExp(`\\b(Anfang|Mitte|Ende)\\s+(?:(\\d{4})\\b|(?:des\\s+|dieses\\s+)?(${RELATIVE_WORDS})?\\s*Jahres\\b)`, 'g'),
    kind: 'season',
    read: (m, ref) => {
      const month = m[1] === 'Anfang' ? 1 : m[1] === 'Mitte' ? 6 : 12
      const year = yearOf(m[2], m[3] ?? '', ref)
      return year === null ? null : { iso: `${year}-${pad(month)}`, approx: true }
    },
  },
  // "im Frühjahr", "im Frühling 2023", "im Herbst des vergangenen Jahres"
  {
    cue: ANY_SEASON,
    pattern: new RegExp(`\\b(${SEASON_NAMES})(?:\\s+(\\d{4})\\b|\\s+(?:des|dieses)\\s+(${RELATIVE_WORDS})?\\s*Jahres\\b)?`, 'g'),
    kind: 'season',
    read: (m, ref, tense) => {
      const key = (m[1] ?? '').toLowerCase().replace(/(?:e?s)$/, '')
      const month = SEASONS[key] ?? SEASONS[`${key}s`] ?? 0
      if (!month) return null
      const explicit = yearOf(m[2], m[3] ?? (m[0].includes('Jahres') ? '' : undefined), ref)
      const year = explicit ?? (ref ? yearForSeason(month, ref, tense) : null)
      return year === null ? null : { iso: `${year}-${pad(month)}`, approx: true }
    },
  },
  // "im Februar 2022", "im Mai", "für Mai", "im Februar des letzten Jahres"
  {
    cue: ANY_MONTH,
    pattern: new RegExp(
      `(?:\\b(?:im|Im|in|In|seit|Seit|ab|Ab|bis|Bis|für|Für|vom|zum|bereits|schon|noch)\\s+)?\\b(${MONTH_NAMES})(?:\\s+(\\d{4})\\b|\\s+(?:des|dieses)\\s+(${RELATIVE_WORDS})?\\s*Jahres\\b)?`,
      'g',
    ),
    kind: 'month',
    read: (m, ref, tense) => {
      const month = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0
      const explicit = yearOf(m[2], m[3] ?? (m[0].includes('Jahres') ? '' : undefined), ref)
      // a bare month name needs a preposition or a year to be a date ("August" may be a first name)
      if (explicit === null && !/\s/.test(m[0])) return null
      const year = explicit ?? (ref ? yearForMonth(month, ref, tense) : null)
      return year === null ? null : { iso: `${year}-${pad(month)}`, approx: false }
    },
  },
  // "vorigen Monat", "im vergangenen Monat", "nächsten Monat", "in den kommenden Monaten"
  {
    cue: /monat/i,
    pattern: new RegExp(`\\b(${RELATIVE_WORDS})\\s+(Monat|Monats|Monaten)\\b`, 'gi'),
    kind: 'month',
    read: (m, ref) => (ref ? shiftMonth(ref, relativeOffset(m[1] ?? ''), m[2] === 'Monaten') : null),
  },
  // "in der kommenden Woche", "vergangene Woche", "diese Woche"
  {
    cue: /woche/i,
    pattern: /\b(vergangene[nr]?|vorige[nr]?|letzte[nr]?|nächste[nr]?|kommende[nr]?|diese[nr]?)\s+Woche\b/gi,
    kind: 'week',
    read: (m, ref) => (ref ? addDays(ref, relativeOffset(m[1] ?? '') * 7) : null),
  },
  // "im vergangenen Jahr", "in diesem Jahr", "nächstes Jahr", "im darauffolgenden Jahr 2017"
  {
    cue: YEAR_WORD,
    pattern: /\b(vergangenen|vorigen|letzten|vorherigen|nächsten|kommenden|diesem|dieses|laufenden|selben|gleichen)\s+Jahr(?:es)?\b(?!\s+\d{4})/gi,
    kind: 'year',
    read: (m, ref) => (ref ? { iso: String(ref.year + relativeOffset(m[1] ?? '')), approx: false } : null),
  },
  // "vor drei Jahren", "vor einem Jahr"
  {
    cue: YEAR_WORD,
    pattern: /\bvor\s+(einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d{1,2})\s+Jahr(?:en)?\b/gi,
    kind: 'year',
    read: (m, ref) => {
      const word = (m[1] ?? '').toLowerCase()
      const n = NUMBER_WORDS[word] ?? Number(word)
      return ref && Number.isFinite(n) ? { iso: String(ref.year - n), approx: false } : null
    },
  },
  // "vor wenigen Wochen", "vor zwei Monaten", "vor einigen Tagen": back from the reference (a vague count
  // is a few: three days, three weeks, two months), approximate unless counted
  {
    cue: /vor\s/i,
    // (days and weeks counted in digits, "vor 3 Tagen", are dates: chrono reads them to the day)
    pattern: new RegExp(
      `\\bvor\\s+(?:(wenigen|einigen|ein\\s+paar)\\s+(Tagen)|(${AGO_WORDS})\\s+(Woche(?:n)?)|(${AGO_COUNT})\\s+(Monat(?:en)?))\\b`,
      'gi',
    ),
    kind: 'week',
    read: (m, ref) => (ref ? backFrom(ref, m[1] ?? m[3] ?? m[5] ?? '', m[2] ?? m[4] ?? m[6] ?? '') : null),
  },
  // "Der Besuch findet (einige) Wochen statt, nachdem X nach Peking geflogen ist", "zwei Monate, nachdem …":
  // the clause after "nachdem" lies that far back; the expression is placed on "nachdem", in that clause
  {
    cue: /nachdem/,
    pattern: new RegExp(`\\b(?:(${AGO_COUNT})\\s+)?(Tage|Wochen|Monate)\\s+(?:statt\\s*)?,?\\s*(?=nachdem\\b)`, 'gi'),
    kind: 'week',
    at: 'after',
    read: (m, ref) => (ref ? backFrom(ref, m[1] ?? '', m[2] ?? '') : null),
  },
  // "am Mittwoch", "Am Dienstag", "am Wochenende"
  {
    cue: ANY_WEEKDAY,
    pattern: new RegExp(`\\b(?:am|Am|vom|seit|bis|ab)?\\s?\\b(${WEEKDAY_NAMES}|Wochenende)\\b(?!s\\b)`, 'g'),
    kind: 'weekday',
    read: (m, ref, tense) => {
      if (!ref) return null
      const name = (m[1] ?? '').toLowerCase()
      const weekday = name === 'wochenende' ? 6 : (WEEKDAYS[name] ?? 0)
      return dayForWeekday(weekday, ref, tense)
    },
  },
  // "heute", "gestern", "morgen" (not "am Morgen", "morgige")
  {
    cue: /eute|estern|morgen/,
    pattern: /(?<!\b(?:am|Am|jeden|den|vom|zum|heute)\s)\b(heute|Heute|gestern|Gestern|morgen)\b/g,
    kind: 'today',
    read: (m, ref) => {
      if (!ref) return null
      const w = (m[1] ?? '').toLowerCase()
      return addDays(ref, w === 'gestern' ? -1 : w === 'morgen' ? 1 : 0)
    },
  },
  // "2017", "im Jahr 2016", "bis 2024" — not an amount ("2000 Dollar") or a round count ("1500 Soldaten")
  {
    cue: DIGIT,
    pattern:
      /(?<![\d.,])\b(19[4-9]\d|20\d\d)\b(?![.,]\d)(?!\s*(?:Mrd|Mio|Milliarde|Million|Tausend|Dollar|US-Dollar|Euro|Yuan|Rubel|Prozent|%|\$|€))(?<!(?:00|50)(?=\s+[A-ZÄÖÜ][a-zäöüß]+(?:en|er|n)\b))/g,
    kind: 'year',
    read: (m) => ({ iso: m[1] ?? '', approx: false }),
  },
]

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

function prepositionBefore(text: string, start: number): string | null {
  const m = PREPOSITION.exec(text.slice(Math.max(0, start - 40), start))
  if (!m?.[1]) return null
  const word = (m[1].trim().split(/\s+/)[0] ?? '').toLowerCase()
  return word || null
}

/**
 * What a date chrono.de gives with a certain day and month starts from (its parsers, read in
 * chrono-node 2.x): an ISO or numeric date (digits around "-", "/", "."), a day before a month name
 * ("4. Feb", "4. Jänner"), a casual day word (heute, morgen, gestern, jetzt, letzte Nacht) or a count of
 * seconds, minutes, hours, days or weeks ("vor 3 Tagen", "in 2 Std."). Months, quarters and years only
 * imply the day; times of day only imply the date. A sentence without any of these is not given to chrono.
 */
const CHRONO_CUE = /\d\s?[/.-]\s?\d|jan|jän|feb|mär|maerz|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez|jetzt|heute|morgen|gestern|nacht|sek|min|std|stunde|tag|woche|\d\s*h\b/i

/** Whether some stretch of `text` outside the `taken` spans has a digit and a chrono date cue. */
function uncoveredCue(text: string, taken: readonly TimeMention[]): boolean {
  if (!DIGIT.test(text) || !CHRONO_CUE.test(text)) return false
  if (taken.length === 0) return true
  const spans = [...taken].sort((a, b) => a.start - b.start)
  let from = 0
  for (const span of [...spans, { start: text.length, end: text.length }]) {
    if (span.start > from) {
      const stretch = text.slice(from, span.start)
      if (DIGIT.test(stretch) && CHRONO_CUE.test(stretch)) return true
    }
    from = Math.max(from, span.end)
  }
  return false
}

/** chrono.de's explicit calendar dates that our rules did not read (e.g. "4.2.2022" written with spaces). */
function chronoDates(text: string, ref: ReferenceDate | undefined, taken: readonly TimeMention[]): TimeMention[] {
  // every date kept below has a digit in its text and one of chrono's date cues, and lies between the
  // expressions already read: without a stretch between them that has both, chrono is not asked
  if (!uncoveredCue(text, taken)) return []
  const refDate = ref ? new Date(Date.UTC(ref.year, (ref.month ?? 1) - 1, ref.day ?? 15, 12)) : new Date(Date.UTC(2000, 0, 1, 12))
  const out: TimeMention[] = []
  for (const r of chrono.de.parse(text, refDate)) {
    // only dates with a written day and month: drops "Fr" in "Frühjahr", "so", "von 2024", weekdays, times
    if (!r.start.isCertain('day') || !r.start.isCertain('month') || !/\d/.test(r.text)) continue
    if (/^\d{4}$/.test(r.text.trim()) || /\b(?:heute|morgen|gestern)\b/i.test(r.text)) continue
    const span = { start: r.index, end: r.index + r.text.length }
    if (taken.some((t) => overlaps(t, span))) continue
    if (!r.start.isCertain('year') && !ref) continue
    const d = r.start.date()
    const iso = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
    out.push({ ...span, text: r.text, kind: 'date', preposition: prepositionBefore(text, r.index), ref: { iso, approx: false } })
  }
  return out
}

/**
 * The last few answers of findTimeMentions: the events and figures of a sentence ask for the same text
 * several times (once per clause tense, per amount, for the reference year). Callers get their own
 * array; the mentions in it are shared and never changed by any caller.
 */
const MEMO_SIZE = 64
const memo = new Map<string, readonly TimeMention[]>()

/**
 * Every time expression in `text`, in reading order, each resolved against `published` when it needs a
 * reference (ref null when it cannot be). Longer, more specific expressions win over parts of them.
 */
export function findTimeMentions(text: string, published: string | null, tense: Tense = 'past'): TimeMention[] {
  const key = `${tense}\u0000${published ?? '\u0001'}\u0000${text}`
  let found = memo.get(key)
  if (found === undefined) {
    found = readTimeMentions(text, published, tense)
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value ?? '')
    memo.set(key, found)
  }
  return [...found]
}

function readTimeMentions(text: string, published: string | null, tense: Tense): TimeMention[] {
  const ref = parseReference(published)
  const found: TimeMention[] = []
  const cues = new Map<RegExp, boolean>()
  for (const rule of RULES) {
    if (rule.cue) {
      let present = cues.get(rule.cue)
      if (present === undefined) {
        present = rule.cue.test(text)
        cues.set(rule.cue, present)
      }
      if (!present) continue
    }
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++
        continue
      }
      const lead = /^\s*/.exec(m[0])?.[0].length ?? 0
      const next = rule.at === 'after' ? (/^\p{L}+/u.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0) : 0
      const span = rule.at === 'after' ? { start: m.index + m[0].length, end: m.index + m[0].length + next } : { start: m.index + lead, end: m.index + m[0].length }
      if (found.some((f) => overlaps(f, span))) continue
      let timeRef: TimeRef | null
      try {
        timeRef = rule.read(m, ref, tense)
      } catch {
        timeRef = null
      }
      if (timeRef === null && rule.kind === 'month' && !/\s/.test(m[0])) continue
      found.push({
        ...span,
        text: rule.at === 'after' ? m[0].trim() : text.slice(span.start, span.end),
        kind: rule.kind,
        preposition: prepositionBefore(text, span.start) ?? leadingPreposition(text.slice(span.start, span.end)),
        ref: timeRef,
      })
    }
  }
  let chronoFound: TimeMention[] = []
  try {
    chronoFound = chronoDates(text, ref, found)
  } catch {
    chronoFound = []
  }
  return [...found, ...chronoFound].sort((a, b) => a.start - b.start)
}

function leadingPreposition(expression: string): string | null {
  const m = /^(ab|seit|bis|für|im|am|in|vom)\s/i.exec(expression)
  return m?.[1]?.toLowerCase() ?? null
}

/** The first time expression in `text` that can be resolved, or undefined. */
export function resolveTime(text: string, published: string | null, tense: Tense = 'past'): TimeRef | undefined {
  for (const mention of findTimeMentions(text, published, tense)) if (mention.ref) return mention.ref
  return undefined
}

/** The precision an event date keeps (GUIDE): a weekday, "heute" or a week gives the month only. */
export function eventDate(mention: TimeMention): TimeRef | null {
  if (!mention.ref) return null
  if (mention.kind === 'weekday' || mention.kind === 'today' || mention.kind === 'week') {
    return { iso: mention.ref.iso.slice(0, 7), approx: mention.ref.approx }
  }
  return mention.ref
}

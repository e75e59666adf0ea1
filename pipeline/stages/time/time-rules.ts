/** Our own parsers of German time expressions (the rules chrono's German parser lacks), each with a cheap cue. */
import { AGO_COUNT, AGO_WORDS, MONTHS, MONTH_NAMES, NUMBER_WORDS, RELATIVE_WORDS, SEASONS, SEASON_NAMES, WEEKDAYS, WEEKDAY_NAMES, addDays, backFrom, dayForWeekday, isoDay, pad, relativeOffset, shiftMonth, yearForMonth, yearForSeason } from './time-reference.ts'
import type { ReferenceDate, Tense, TimeKind } from './time-reference.ts'
import type { TimeRef } from '../types.ts'

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
    pattern: '(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)\\s+(?:von\\s+|des\\s+)?(?:US-Präsident(?:en)?\\s+)?(?:Donald\\s+)?Trumps?|(?:Donald\\s+)?Trumps\\s+(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)',
    dates: ['2017-01-20', '2025-01-20'],
  },
  {
    pattern: '(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)\\s+(?:von\\s+|des\\s+)?(?:US-Präsident(?:en)?\\s+)?(?:Joe\\s+)?Bidens?|(?:Joe\\s+)?Bidens\\s+(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)',
    dates: ['2021-01-20'],
  },
  {
    pattern: '(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)\\s+(?:von\\s+)?(?:Wladimir\\s+)?Putins?|(?:Wladimir\\s+)?Putins\\s+(?:Amtsantritt\\p{L}*|Amtseinführung|Vereidigung|Inauguration)',
    dates: ['2012-05-07', '2018-05-07', '2024-05-07'],
  },
  {
    pattern: '(?:Beginn|Start)\\s+(?:des\\s+)?(?:russischen\\s+)?(?:Angriffskrieg\\p{L}*|Einmarsch\\p{L}*|Invasion)',
    dates: ['2022-02-24'],
  },
]
const DAY_OFFSET_WORDS: Readonly<Record<string, number>> = { einen: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5 }

function occasionDate(dates: readonly string[], ref: ReferenceDate | undefined, tense: Tense): string | null {
  if (dates.length === 1) return dates[0] ?? null
  if (!ref) return null
  // a trip still to come goes to the next occurrence: "werde im Februar zur Eröffnung der Winterspiele reisen",
  // said in September, is the next February's
  if (tense === 'future') {
    const from = `${ref.year}-${String(ref.month ?? 1).padStart(2, '0')}-${String(ref.day ?? 1).padStart(2, '0')}`
    const next = dates.find((d) => d >= from)
    if (next) return next
  }
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
export const DIGIT = /[0-9]/

/** Words that make an offset vague: "mehr als 17 Monate nach …", "knapp ein Jahr nach …". */
const VAGUE_OFFSET = '(?:[Mm]ehr\\s+als|[Kk]napp|[Rr]und|[Ff]ast|[Ee]twa|[Gg]ut|[Üü]ber|[Bb]einahe|[Nn]ahezu)'

const OCCASION_RULES: readonly Rule[] = KNOWN_OCCASIONS.map((occasion) => ({
  cue: ANY_OCCASION,
  // "einen Tag nach dem Amtsantritt von Trump", "Mehr als 17 Monate nach Beginn des Angriffskriegs",
  // "pünktlich zur Eröffnungsfeier der Olympischen Winterspiele"
  pattern: new RegExp(
    `(?:\\b(${VAGUE_OFFSET}\\s+)?(\\p{L}+|\\d{1,3})\\s+(Tag|Tage|Tagen|Woche|Wochen|Monat|Monate|Monaten|Jahr|Jahre|Jahren)\\s+(nach|vor)\\s+(?:dem|der|des)?\\s*)?(?:${occasion.pattern})`,
    'gu',
  ),
  kind: 'date' as const,
  read: (m: RegExpExecArray, ref: ReferenceDate | undefined, tense: Tense) => {
    const base = occasionDate(occasion.dates, ref, tense)
    if (!base) return null
    if (!m[2]) return { iso: base, approx: false }
    const word = m[2].toLowerCase()
    const n = DAY_OFFSET_WORDS[word] ?? NUMBER_WORDS[word] ?? Number(word)
    if (!Number.isFinite(n) || n <= 0) return null
    const sign = m[4]?.toLowerCase() === 'vor' ? -1 : 1
    const unit = (m[3] ?? '').toLowerCase()
    const d = new Date(`${base}T00:00:00Z`)
    if (unit.startsWith('tag')) d.setUTCDate(d.getUTCDate() + sign * n)
    else if (unit.startsWith('woche')) d.setUTCDate(d.getUTCDate() + sign * 7 * n)
    else if (unit.startsWith('monat')) d.setUTCMonth(d.getUTCMonth() + sign * n)
    else d.setUTCFullYear(d.getUTCFullYear() + sign * n)
    // days and weeks counted exactly keep the day; months and years, or a vague count, only the month
    const exact = !m[1] && (unit.startsWith('tag') || unit.startsWith('woche'))
    return exact ? { iso: isoDay(d), approx: false } : { iso: isoDay(d).slice(0, 7), approx: m[1] !== undefined }
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

export const RULES: readonly Rule[] = [
  ...OCCASION_RULES,
  // "vom 22. bis 24. Oktober", "22.–24. Oktober 2024": the first day
  {
    cue: DIGIT,
    // (also "30./31. Oktober", a weekend of two days)
    pattern: new RegExp(`\\b(?:vom\\s+)?(\\d{1,2})\\.\\s*(?:bis(?:\\s+zum)?|-|–|/)\\s*\\d{1,2}\\.\\s?(${MONTH_NAMES})(?:\\s+(\\d{4})\\b)?`, 'g'),
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
      `\\b(?:Anfang|Mitte|Ende)\\s+(${MONTH_NAMES})(?:\\s+(\\d{4})\\b|\\s+(?:(?:des|dieses)\\s+)?(${RELATIVE_WORDS})?\\s*Jahres)?`,
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
    pattern: new RegExp(`\\b(${SEASON_NAMES})(?:\\s+(\\d{4})\\b|\\s+(?:(?:des|dieses)\\s+)?(${RELATIVE_WORDS})?\\s*Jahres\\b)?`, 'g'),
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
      `(?:\\b(?:im|Im|in|In|seit|Seit|ab|Ab|bis|Bis|für|Für|vom|zum|bereits|schon|noch)\\s+)?\\b(${MONTH_NAMES})(?:\\s+(\\d{4})\\b|\\s+(?:(?:des|dieses)\\s+)?(${RELATIVE_WORDS})?\\s*Jahres\\b)?`,
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
  // "Ende des Monats", "Anfang nächsten Monats", "Mitte dieses Monats": that month (the part of it is read by the status)
  {
    cue: /onats/,
    pattern: new RegExp(`\\b(?:Anfang|Mitte|Ende)\\s+(?:des\\s+|dieses\\s+)?(${RELATIVE_WORDS})?\\s*Monats\\b`, 'g'),
    kind: 'month',
    read: (m, ref) => (ref ? shiftMonth(ref, relativeOffset(m[1] ?? '')) : null),
  },
  // "vorigen Monat", "im vergangenen Monat", "nächsten Monat", "in den kommenden Monaten"
  {
    cue: /monat/i,
    pattern: new RegExp(`\\b(${RELATIVE_WORDS})\\s+(Monat|Monats|Monaten)\\b`, 'gi'),
    kind: 'month',
    read: (m, ref) => (ref ? shiftMonth(ref, relativeOffset(m[1] ?? ''), m[2] === 'Monaten') : null),
  },
  // "Ende der Woche", "Anfang kommender Woche", "Mitte dieser Woche": a day of the reference's week (or the next)
  {
    cue: /Woche/,
    pattern: /\b(Anfang|Mitte|Ende)\s+(?:der|dieser|(nächsten|kommenden|folgenden)|nächster|kommender)\s+Woche\b/g,
    kind: 'weekday',
    read: (m, ref) => {
      if (!ref) return null
      const next = m[2] !== undefined || /nächster|kommender/.test(m[0]) ? 7 : 0
      const weekday = m[1] === 'Anfang' ? 1 : m[1] === 'Mitte' ? 3 : 5
      if (ref.day === null || ref.month === null) return ref.month === null ? null : { iso: `${ref.year}-${pad(ref.month)}`, approx: false }
      const today = new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay() || 7
      return addDays(ref, weekday - today + next)
    },
  },
  // "in der kommenden Woche", "vergangene Woche", "diese Woche"
  {
    cue: /woche/i,
    pattern: /\b(vergangene[nr]?|vorige[nr]?|letzte[nr]?|nächste[nr]?|kommende[nr]?|diese[nr]?)\s+Woche\b/gi,
    kind: 'week',
    read: (m, ref) => (ref ? addDays(ref, relativeOffset(m[1] ?? '') * 7) : null),
  },
  // "im vergangenen Jahr", "letztes Jahr", "in diesem Jahr", "nächstes Jahr", "im abgelaufenen Jahr", "für das kommende Jahr",
  // "Ende Mai diesen Jahres" (the common wrong case), "im darauffolgenden Jahr 2017"
  {
    cue: YEAR_WORD,
    pattern:
      /\b(vergangenen|vergangenes|vergangene|vorigen|voriges|letzten|letztes|letzte|vorherigen|abgelaufenen|abgelaufene|nächsten|nächstes|nächste|kommenden|kommendes|kommende|diesem|dieses|diesen|laufenden|laufende|selben|gleichen)\s+Jahr(?:es)?\b(?!\s+\d{4})/gi,
    kind: 'year',
    read: (m, ref) => (ref ? { iso: String(ref.year + relativeOffset(m[1] ?? '')), approx: false } : null),
  },
  // "im Vorjahr", "des Vorjahres", "gegenüber dem Vorjahr" (the role is the preposition's): the year before
  // the reference; not the comparison nouns "Vorjahreszeitraum", "Vorjahresniveau", "Vorjahres-Wert"
  {
    cue: YEAR_WORD,
    pattern: /\bVorjahr(?:es|s)?\b(?!-)/g,
    kind: 'year',
    read: (_m, ref) => (ref ? { iso: String(ref.year - 1), approx: false } : null),
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
  // "am Mittwoch", "Am Dienstag", "am Wochenende", "am Dienstagabend" (not the habitual "dienstags", "Dienstagabends")
  {
    cue: ANY_WEEKDAY,
    pattern: new RegExp(
      `\\b(?:am|Am|vom|seit|bis|ab)?\\s?(?:(vergangenen|letzten|vorigen|kommenden|nächsten)\\s+)?\\b(${WEEKDAY_NAMES}|Wochenende)(?:abend|morgen|vormittag|nachmittag|mittag|nacht)?\\b(?!s\\b)`,
      'g',
    ),
    kind: 'weekday',
    read: (m, ref, tense) => {
      if (!ref) return null
      const name = (m[2] ?? '').toLowerCase()
      const weekday = name === 'wochenende' ? 6 : (WEEKDAYS[name] ?? 0)
      // "am vergangenen Freitag" is behind whatever the clause's tense, "am kommenden Freitag" ahead
      const told = m[1] ? (/^(?:kommenden|nächsten)$/.test(m[1]) ? 'future' : 'past') : tense
      return dayForWeekday(weekday, ref, told)
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

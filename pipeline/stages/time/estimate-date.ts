import { namedIn, regex, visitWords } from './occasions.ts'
import type { Occasion } from './occasions.ts'

/**
 * The publication date of an article that prints none, estimated from the text's own time references
 * (GUIDE: "else the date of the main event when the text pins it down to the day (weekday + known event)").
 *
 * Every reference becomes a constraint: a set of day ranges the article's day must fall in.
 * - hard (must all hold, else the estimate is null): offsets from a dated occasion ("etwa ein Jahr, nachdem …
 *   Invasion der Ukraine", "zwei Jahre nach der Annexion der Krim"), anniversaries ("75. Jahrestag … 1949"),
 *   "im vergangenen Jahr" tied to a year or an occasion, a conference "am vergangenen Wochenende", and lower
 *   bounds from past dates and occasions the text names ("im Februar 2022", "seit 2019", "seit der Invasion").
 * - soft (kept only when they agree with what is already known): one-off events and summits named without a
 *   year, and a leader's visit named in the sentence that carries the article's own day ("am Donnerstag in Peking").
 * The article's own day is the first "am <Wochentag>", "heute" or "gestern": a weekday picks the single such day in
 * the remaining range (at most nine days wide), "heute"/"gestern" the first day of a range of at most two days.
 * Without one, a range inside one calendar month gives the month; anything wider gives null. A day needs at least
 * two agreeing constraints. Occasions live in data/occasions.json.
 */



// ---- day arithmetic: days since 1970-01-01 ----

type Range = readonly [number, number]
/** A union of day ranges. */
type Constraint = readonly Range[]

const DAY_MS = 86_400_000
const OPEN_END = Number.MAX_SAFE_INTEGER

function toDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
}
function toIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}
function yearRange(y: number): Range {
  return [toDay(`${y}-01-01`), toDay(`${y}-12-31`)]
}

function intersect(a: Constraint, b: Constraint): Constraint {
  const out: Range[] = []
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0)
      const hi = Math.min(a1, b1)
      if (lo <= hi) out.push([lo, hi])
    }
  }
  return out
}

// ---- reading the text ----

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ein: 1, eine: 1, einem: 1, einen: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, elf: 11, zwölf: 12, anderthalb: 1.5, eineinhalb: 1.5,
}
const NUMBER = '(\\d{1,2}|ein|eine|einem|einen|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|anderthalb|eineinhalb)'
const APPROX = '(etwa|rund|ungefähr|circa|ca\\.|fast|knapp|beinahe|nahezu|gut|mehr\\s+als|über|weniger\\s+als)'
const UNIT = '(Jahr|Jahre|Jahren|Monat|Monate|Monaten|Woche|Wochen|Tag|Tage|Tagen)'
/** "etwa ein Jahr, nachdem", "zwei Jahre nach der", "drei Monate seit dem" — the occasion follows in the sentence. */
const OFFSET = new RegExp(`(?:(?<!\\p{L})${APPROX}\\s+)?\\b${NUMBER}\\s+${UNIT}\\s*,?\\s+(?:nachdem|nach|seit)\\b`, 'giu')
/** "75. Jahrestag" */
const ORDINALS: Readonly<Record<string, number>> = {
  ersten: 1, zweiten: 2, dritten: 3, vierten: 4, fünften: 5, sechsten: 6, siebten: 7, achten: 8, neunten: 9, zehnten: 10,
  elften: 11, zwölften: 12, fünfzehnten: 15, zwanzigsten: 20, fünfundzwanzigsten: 25, dreißigsten: 30, fünfzigsten: 50,
}
/** "75. Jahrestag", "zehnten Jahrestag" */
const ANNIVERSARY = new RegExp(`(?:\\b(\\d{1,3})\\.|(?<!\\p{L})(${Object.keys(ORDINALS).join('|')}))\\s+Jahrestag`, 'giu')
/** "die Annexion der Krim vor zehn Jahren": the occasion, up to four words, then the offset back from the article. */
const AGO = new RegExp(`^(?:\\s+[\\p{L}-]+){0,4}?\\s+vor\\s+(?:${APPROX}\\s+)?${NUMBER}\\s+(Jahren|Monaten|Wochen|Tagen)\\b`, 'iu')
export const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, februar: 2, märz: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, dezember: 12,
}
export const MONTH = '(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)'
/** Past dates that bound the article from below: "am 4. Februar 2022", "im Februar 2022", "im Jahr 2016", "seit 2019". */
export const PAST_DATE = new RegExp(`(?:\\b(\\d{1,2})\\.\\s*${MONTH}\\s+((?:19|20)\\d{2})|\\b(?:im|Anfang|Mitte|Ende)\\s+${MONTH}\\s+((?:19|20)\\d{2})|\\b(?:im\\s+Jahr(?:e)?|[Ss]eit)\\s+((?:19|20)\\d{2}))\\b`, 'gu')
/** PAST_DATE without the global flag, for a test of the whole text. */
const PAST_DATE_CUE = new RegExp(PAST_DATE.source, 'u')
/** Words that make a sentence speak of the future or a target; its dates are no lower bounds. */
export const FUTURE = /\b(?:soll|sollen|sollte|sollten|will|wollen|werden|wird|würde|würden|plant|planen|geplant|bis|Ziel\p{L}*|künftig|erwartet|kommenden|nächsten|bevorstehend\p{L}*)\b/iu
/** An occasion named as still to come: "das geplante Treffen", "der bevorstehende Gipfel". */
const PLANNED_OCCASION = /\b(?:geplant|bevorstehend|anstehend|angekündigt|angesetzt|erwartet|kommend)\p{L}*\s+$/iu
/** Words of a visit's first day: the guest arrives, is welcomed; "zum Auftakt". */
const ARRIVAL = /\b(?:begrüßt\p{L}*|empf(?:ing|ingen|angen|ängt)\b|eingetroffen|angekommen|Ankunft|Auftakt)/u
/** Words that place an occasion as not yet (or not) happened: "vor der Wahl". */
export const BEFORE_OCCASION = /\b(?:vor|bevor|bis\s+zu[mr]?)\s+(?:\p{L}+\s+){0,2}$/iu
const WEEKDAYS: Readonly<Record<string, number>> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
}
/** The article's own day: "am Mittwoch", "am Donnerstagabend", "heute", "gestern" (not "am Mittwoch zuvor"). */
const OWN_DAY = /\b(?:am\s+(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(?:abend|morgen|vormittag|nachmittag)?\b(?!\s+zuvor)|(heute|gestern)\b(?!\s+vor\b))/iu
const PLUPERFECT = /\b(?:hatte|hatten|hattest|hattet)\b/iu
const VISIT_WORDS = /\b(?:Teilnahme|teilnimmt|teilnehmen|teilgenommen|Besuch\p{L}*|Staatsbesuch\p{L}*|besucht\p{L}*|eingetroffen|angekommen|empf\p{L}*|begrüßt\p{L}*|Gespräch\p{L}*|Treffen|trafen|getroffen|Gipfel\p{L}*|Reise\p{L}*|reist\p{L}*)/u
/** Sentences that tell of something earlier than the article's news. */
const EARLIER = /\b(?:damals|einst|früher|bereits|schon|zuvor|vergangenen|vorigen|letzten|(?:19|20)\d{2})\b/iu

export function sentences(text: string): string[] {
  // no break after ordinals and initials ("75. Jahrestag", "4. Februar", "W. Putin")
  return text.split(/(?<=[.!?…])(?<!(?:^|[^\p{L}\d])(?:\d{1,3}|\p{Lu})\.)\s+(?=[„"«\p{Lu}\d])|\n+/u).map((s) => s.trim()).filter((s) => s.length > 0)
}

function occasionRanges(o: Occasion): Constraint {
  return o.dates.map(([a, b]) => [toDay(a), toDay(b)] as const)
}

function offsetDays(n: number, unit: string): { days: number; tolerance: number } {
  const u = unit.toLowerCase()
  if (u.startsWith('jahr')) return { days: Math.round(n * 365.25), tolerance: 45 }
  if (u.startsWith('monat')) return { days: Math.round(n * 30.44), tolerance: 10 }
  if (u.startsWith('woche')) return { days: n * 7, tolerance: 3 }
  return { days: n, tolerance: 0 }
}

/**
 * Hard constraints from offsets after a reference occasion: "etwa ein Jahr, nachdem … Invasion der Ukraine",
 * "die Annexion der Krim vor zehn Jahren".
 */
function offsetConstraints(sentence: string, references: readonly Occasion[]): Constraint[] {
  const out: Constraint[] = []
  for (const m of sentence.matchAll(OFFSET)) {
    const n = /^\d/.test(m[2] ?? '') ? Number(m[2]) : (NUMBER_WORDS[(m[2] ?? '').toLowerCase()] ?? 0)
    if (n <= 0) continue
    const { days, tolerance } = offsetDays(n, m[3] ?? '')
    // approximate offsets widen by a quarter of the span, at least a month
    const tol = m[1] ? Math.max(tolerance, 30, Math.round(days / 4)) : tolerance
    const rest = sentence.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 160)
    for (const o of references) {
      const re = regex(o.pattern ?? '', 'u')
      if (!re.test(rest)) continue
      out.push(occasionRanges(o).map(([a]) => [a + days - tol, a + days + tol] as const))
      break
    }
  }
  for (const o of references) {
    for (const m of sentence.matchAll(regex(o.pattern ?? '', 'gu'))) {
      const ago = AGO.exec(sentence.slice((m.index ?? 0) + m[0].length))
      if (!ago) continue
      const n = /^\d/.test(ago[2] ?? '') ? Number(ago[2]) : (NUMBER_WORDS[(ago[2] ?? '').toLowerCase()] ?? 0)
      if (n <= 0) continue
      const { days, tolerance } = offsetDays(n, ago[3] ?? '')
      const tol = ago[1] ? Math.max(tolerance, 30, Math.round(days / 4)) : tolerance
      out.push(occasionRanges(o).map(([a]) => [a + days - tol, a + days + tol] as const))
    }
  }
  return out
}

/** "75. Jahrestag der Aufnahme … 1949" → 2024; "zehnten Jahrestag der Krim-Annexion" → 2024 (the year only). */
function anniversaryConstraints(sentence: string, references: readonly Occasion[]): Constraint[] {
  const out: Constraint[] = []
  for (const m of sentence.matchAll(ANNIVERSARY)) {
    const n = m[1] ? Number(m[1]) : (ORDINALS[(m[2] ?? '').toLowerCase()] ?? 0)
    const rest = sentence.slice((m.index ?? 0) + m[0].length)
    const year = /\b((?:19|20)\d{2})\b/.exec(rest)
    // the year must be the founding one: an anniversary that lands outside the press era is another year
    if (year && Number(year[1]) + n >= 1990 && Number(year[1]) + n <= 2100) {
      out.push([yearRange(Number(year[1]) + n)])
      continue
    }
    const o = references.find((r) => regex(r.pattern ?? '', 'u').test(rest.slice(0, 120)))
    if (o) out.push(o.dates.map(([a]) => yearRange(Number(a.slice(0, 4)) + n)))
  }
  return out
}

const LAST_YEAR = /\b(?:im\s+)?(?:vergangenen|vorigen|letzten)\s+Jahr\b/iu

/** "im vergangenen Jahr (2023)" → 2024; "im vergangenen Jahr … vor dem Einmarsch …" → the occasion's year + 1. */
function lastYearConstraints(sentence: string, references: readonly Occasion[]): Constraint[] {
  const m = LAST_YEAR.exec(sentence)
  if (!m) return []
  const after = sentence.slice(m.index + m[0].length)
  const year = /^\s*[(,]?\s*((?:19|20)\d{2})\b/.exec(after)
  if (year) return [[yearRange(Number(year[1]) + 1)]]
  if (/\b(?:19|20)\d{2}\b/.test(sentence)) return []
  const near = sentence.slice(m.index, m.index + m[0].length + 80)
  const o = references.find((r) => r.dates.length === 1 && regex(`\\b(?:vor|nach)\\s+(?:\\p{L}+\\s+){0,2}(?:${r.pattern ?? ''})`, 'u').test(near))
  return o ? [o.dates.map(([a]) => yearRange(Number(a.slice(0, 4)) + 1))] : []
}

/**
 * Upper bounds from reference occasions named as still to come ("das geplante Treffen von A und B"): the text was
 * written before one of the occurrences (and, where the table knows it, after that occurrence was announced).
 * Holds in future sentences too — a plan is spoken of in the future.
 */
function plannedBounds(sentence: string, references: readonly Occasion[]): Constraint[] {
  const out: Constraint[] = []
  for (const o of references) {
    for (const m of sentence.matchAll(regex(o.pattern ?? '', 'gu'))) {
      if (!PLANNED_OCCASION.test(sentence.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0))) continue
      out.push(o.dates.map(([first], i): Range => [o.announced?.[i] ? toDay(o.announced[i] ?? '') : 0, toDay(first) - 1]))
      break
    }
  }
  return out
}

/** Lower bounds from dates and reference occasions a past sentence names. */
function lowerBounds(sentence: string, references: readonly Occasion[]): Constraint[] {
  if (FUTURE.test(sentence)) return []
  const out: Constraint[] = []
  for (const m of sentence.matchAll(PAST_DATE)) {
    let iso: string | undefined
    if (m[1] && m[2] && m[3]) iso = `${m[3]}-${String(MONTHS[m[2].toLowerCase()] ?? 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`
    else if (m[4] && m[5]) iso = `${m[5]}-${String(MONTHS[m[4].toLowerCase()] ?? 1).padStart(2, '0')}-01`
    else if (m[6]) iso = `${m[6]}-01-01`
    if (iso && !Number.isNaN(Date.parse(iso))) out.push([[toDay(iso), OPEN_END]])
  }
  for (const o of references) {
    const re = regex(o.pattern ?? '', 'gu')
    for (const m of sentence.matchAll(re)) {
      const before = sentence.slice(0, m.index ?? 0)
      if (BEFORE_OCCASION.test(before) || PLANNED_OCCASION.test(before.slice(-40))) continue
      const first = o.dates[0]
      if (first) out.push([[toDay(first[0]), OPEN_END]])
      break
    }
  }
  return out
}

/** A conference "am vergangenen Wochenende": the article is in the week after one of its weekends. */
function weekendConstraints(sentence: string, weekends: readonly Occasion[]): Constraint[] {
  const past = /\b(?:vergangenen|letzten|vorigen)\s+Wochenende\b/iu.test(sentence)
  const plain = /\bam\s+Wochenende\b/iu.test(sentence)
  if (!past && !plain) return []
  const out: Constraint[] = []
  for (const o of weekends) {
    if (!regex(o.pattern ?? '', 'u').test(sentence)) continue
    out.push(occasionRanges(o).map(([a, b]): Range => (past ? [b + 1, b + 7] : [a - 6, b + 7])))
  }
  return out
}


export interface DateEstimate {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  date: string
  /** Ids of the constraints that held, for the log. */
  reasons: string[]
}

type Found = { id: string; c: Constraint }

/** What every sentence says for sure: hard constraints (offsets, anniversaries, …) and lower bounds. */
function sentenceConstraints(text: string, all: readonly string[], occasions: readonly Occasion[]): { hard: Found[]; bounds: Constraint[] } {
  const references = occasions.filter((o) => o.kind === 'reference')
  const weekends = occasions.filter((o) => o.kind === 'weekend')
  const hard: Found[] = []
  const bounds: Constraint[] = []
  // which rules can find anything at all in this text (each needs its cue somewhere in it)
  const anniversaries = /Jahrestag/iu.test(text)
  const lastYear = LAST_YEAR.test(text)
  const pastDates = references.length > 0 || PAST_DATE_CUE.test(text)
  for (const s of all) {
    if (references.length > 0) for (const c of offsetConstraints(s, references)) hard.push({ id: 'offset', c })
    if (anniversaries) for (const c of anniversaryConstraints(s, references)) hard.push({ id: 'anniversary', c })
    if (lastYear) for (const c of lastYearConstraints(s, references)) hard.push({ id: 'last-year', c })
    if (weekends.length > 0) for (const c of weekendConstraints(s, weekends)) hard.push({ id: 'weekend', c })
    if (pastDates) bounds.push(...lowerBounds(s, references))
    if (references.length > 0) bounds.push(...plannedBounds(s, references))
  }
  return { hard, bounds }
}

/** The article's own day: the first "am <Wochentag>", "heute" or "gestern" not told in the pluperfect ("hatten am Mittwoch angekündigt"). */
function ownDayOf(all: readonly string[]): RegExpExecArray | null {
  for (const x of all) {
    const own = OWN_DAY.exec(x)
    if (own && !PLUPERFECT.test(x)) return own
  }
  return null
}

/** The occasions named as the news (one-off events, a leader's visit in the sentence of the own day), and which are arrivals. */
function newsConstraints(all: readonly string[], occasions: readonly Occasion[], own: RegExpExecArray | null, shift: number): { soft: Found[]; arrivals: Set<string> } {
  const ownRe = own ? new RegExp(`\\b${own[0].trim()}\\b`, 'iu') : null
  // sentences that tell the news: they carry its day, or a one-off event named without a year
  const news = new Set(ownRe ? all.filter((x) => ownRe.test(x)) : [])
  const soft: Found[] = []
  for (const o of occasions) {
    if (o.kind !== 'event' && o.kind !== 'summit') continue
    const re = regex(o.pattern ?? '', 'u')
    const named = all.filter((x) => re.test(x) && !EARLIER.test(x) && !FUTURE.test(x))
    for (const x of named) news.add(x)
    if (named.length > 0) soft.push({ id: o.id, c: occasionRanges(o).map(([a, b]) => [a + shift, b + shift + (o.kind === 'summit' ? 1 : 0)] as const) })
  }
  const arrivals = new Set<string>()
  for (const o of occasions) {
    if (o.kind !== 'visit') continue
    const { traveller, place } = visitWords(o)
    const named = [...news].filter((x) => traveller.test(x) && place.test(x) && VISIT_WORDS.test(x))
    if (named.some((x) => ARRIVAL.test(x))) arrivals.add(o.id)
    if (named.length > 0) soft.push({ id: o.id, c: occasionRanges(o).map(([a, b]) => [a + shift, b + shift] as const) })
  }
  return { soft, arrivals }
}

/** The one day range all hard constraints and bounds leave, narrowed by the soft ones that agree; null on a conflict. */
function narrowed(hard: readonly Found[], bounds: readonly Constraint[], soft: readonly Found[]): { lo: number; hi: number; reasons: string[] } | null {
  let range: Constraint = [[0, OPEN_END]]
  const reasons: string[] = []
  for (const { id, c } of hard) {
    range = intersect(range, c)
    reasons.push(id)
  }
  if (range.length === 0) return null
  const unbounded = range
  for (const c of bounds) {
    const next = intersect(range, c)
    // a lower bound past every estimate means the anchors conflict
    if (next.length === 0) return null
    range = next
  }
  for (const { id, c } of soft) {
    const next = intersect(range, c)
    if (next.length === 0) continue
    // bounds that leave one occurrence of several are a constraint of their own
    if (next.length === 1 && intersect(unbounded, c).length > 1 && !reasons.includes('bounds')) reasons.push('bounds')
    range = next
    reasons.push(id)
  }
  if (reasons.length === 0 || range.length !== 1) return null
  const only = range[0]
  if (!only || only[1] === OPEN_END) return null
  return { lo: only[0], hi: only[1], reasons }
}

/** Estimates the article's day (or month) from its time references; null when they are too vague or conflict. */
export function estimateDate(text: string, table: readonly Occasion[]): DateEstimate | null {
  const occasions = namedIn(text, table)
  const all = sentences(text)
  const { hard, bounds } = sentenceConstraints(text, all, occasions)
  const own = ownDayOf(all)
  const ownWord = own ? (own[1] ?? own[2] ?? '').toLowerCase() : ''
  // the article's own day reads "gestern": the news happened the day before
  const shift = ownWord === 'gestern' ? 1 : 0
  const { soft, arrivals } = newsConstraints(all, occasions, own, shift)
  const found = narrowed(hard, bounds, soft)
  if (!found) return null
  const { lo, hi, reasons } = found
  const dated = hard.length

  if (reasons.length >= 2 || (dated > 0 && hi - lo <= 1)) {
    const weekday = own?.[1] ? WEEKDAYS[own[1].toLowerCase()] : undefined
    if (weekday !== undefined && hi - lo <= 8) {
      const days: number[] = []
      for (let d = lo; d <= hi; d += 1) if (new Date(d * DAY_MS).getUTCDay() === weekday) days.push(d)
      if (days.length === 1 && days[0] !== undefined) return { date: toIso(days[0]), reasons }
    } else if (ownWord && weekday === undefined && hi - lo <= 1) {
      return { date: toIso(lo), reasons }
    } else if (ownWord && weekday === undefined && hi - lo <= 4 && reasons.some((id) => arrivals.has(id))) {
      // "heute" in the sentence that welcomes the guest: a visit's first day
      return { date: toIso(lo), reasons }
    }
  }
  const first = toIso(lo)
  const last = toIso(hi)
  return first.slice(0, 7) === last.slice(0, 7) ? { date: first.slice(0, 7), reasons } : null
}

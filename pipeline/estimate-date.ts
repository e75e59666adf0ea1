import occasionsJson from '../data/occasions.json' with { type: 'json' }

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

export type OccasionKind = 'reference' | 'event' | 'summit' | 'weekend' | 'visit'

export interface Occasion {
  id: string
  kind: OccasionKind
  /** Regex source (flag u) naming the occasion; for visits, `traveller` and `place` instead. */
  pattern?: string
  traveller?: string
  place?: string
  /** Regex source (flag u) of each occurrence's host place, parallel to `dates` ("in Peking" picks 2022). */
  places?: readonly string[]
  /** [first day, last day] of each occurrence, ISO. */
  dates: readonly (readonly [string, string])[]
  /**
   * The day each occurrence was first announced (parallel to `dates`): a text that names the occasion as
   * still to come ("das geplante Treffen …") was written between that day and the occurrence.
   */
  announced?: readonly string[]
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const KINDS: readonly string[] = ['reference', 'event', 'summit', 'weekend', 'visit']

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Narrows the occasion table (data/occasions.json), or throws naming the bad entry. */
export function parseOccasions(json: unknown): Occasion[] {
  if (!isRecord(json) || !Array.isArray(json.occasions)) throw new Error('occasions: expected { occasions: [...] }')
  return json.occasions.map((raw: unknown, i: number): Occasion => {
    const where = `occasions[${i}]`
    if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.kind !== 'string' || !KINDS.includes(raw.kind)) {
      throw new Error(`${where}: needs id and a kind of ${KINDS.join(', ')}`)
    }
    const kind = raw.kind as OccasionKind
    const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined)
    const pattern = text(raw.pattern)
    const traveller = text(raw.traveller)
    const place = text(raw.place)
    if (kind === 'visit' ? !traveller || !place : !pattern) throw new Error(`${where} (${raw.id}): missing pattern`)
    for (const p of [pattern, traveller, place]) if (p !== undefined) new RegExp(p, 'u')
    if (!Array.isArray(raw.dates) || raw.dates.length === 0) throw new Error(`${where} (${raw.id}): missing dates`)
    const dates = raw.dates.map((d: unknown): readonly [string, string] => {
      if (!Array.isArray(d) || d.length !== 2 || !d.every((x) => typeof x === 'string' && ISO_DAY.test(x) && !Number.isNaN(Date.parse(x)))) {
        throw new Error(`${where} (${raw.id}): each date is ["YYYY-MM-DD", "YYYY-MM-DD"]`)
      }
      const [a, b] = d as [string, string]
      if (a > b) throw new Error(`${where} (${raw.id}): ${a} after ${b}`)
      return [a, b]
    })
    let places: string[] | undefined
    if (raw.places !== undefined) {
      if (!Array.isArray(raw.places) || raw.places.length !== dates.length || !raw.places.every((x) => typeof x === 'string' && x.length > 0)) {
        throw new Error(`${where} (${raw.id}): places needs one pattern per date`)
      }
      places = raw.places as string[]
      for (const p of places) new RegExp(p, 'u')
    }
    let announced: string[] | undefined
    if (raw.announced !== undefined) {
      if (!Array.isArray(raw.announced) || raw.announced.length !== dates.length || !raw.announced.every((x, j) => typeof x === 'string' && ISO_DAY.test(x) && x <= (dates[j]?.[0] ?? ''))) {
        throw new Error(`${where} (${raw.id}): announced needs one day per date, each before it`)
      }
      announced = raw.announced as string[]
    }
    return {
      id: raw.id,
      kind,
      ...(pattern ? { pattern } : {}),
      ...(traveller ? { traveller } : {}),
      ...(place ? { place } : {}),
      ...(places ? { places } : {}),
      ...(announced ? { announced } : {}),
      dates,
    }
  })
}

export const OCCASIONS: readonly Occasion[] = parseOccasions(occasionsJson)

const compiled = new Map<string, RegExp>()
/**
 * The regex for a source and flags, compiled once: occasion patterns are tried on every sentence of every
 * article. Only for `test` and `matchAll` (which copies the regex), never `exec` with "g": no shared lastIndex.
 */
function regex(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`
  let re = compiled.get(key)
  if (!re) {
    re = new RegExp(source, flags)
    compiled.set(key, re)
  }
  return re
}

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
const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, februar: 2, märz: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, dezember: 12,
}
const MONTH = '(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)'
/** Past dates that bound the article from below: "am 4. Februar 2022", "im Februar 2022", "im Jahr 2016", "seit 2019". */
const PAST_DATE = new RegExp(`(?:\\b(\\d{1,2})\\.\\s*${MONTH}\\s+((?:19|20)\\d{2})|\\b(?:im|Anfang|Mitte|Ende)\\s+${MONTH}\\s+((?:19|20)\\d{2})|\\b(?:im\\s+Jahr(?:e)?|[Ss]eit)\\s+((?:19|20)\\d{2}))\\b`, 'gu')
/** PAST_DATE without the global flag, for a test of the whole text. */
const PAST_DATE_CUE = new RegExp(PAST_DATE.source, 'u')
/** Words that make a sentence speak of the future or a target; its dates are no lower bounds. */
const FUTURE = /\b(?:soll|sollen|sollte|sollten|will|wollen|werden|wird|würde|würden|plant|planen|geplant|bis|Ziel\p{L}*|künftig|erwartet|kommenden|nächsten|bevorstehend\p{L}*)\b/iu
/** An occasion named as still to come: "das geplante Treffen", "der bevorstehende Gipfel". */
const PLANNED_OCCASION = /\b(?:geplant|bevorstehend|anstehend|angekündigt|angesetzt|erwartet|kommend)\p{L}*\s+$/iu
/** Words of a visit's first day: the guest arrives, is welcomed; "zum Auftakt". */
const ARRIVAL = /\b(?:begrüßt\p{L}*|empf(?:ing|ingen|angen|ängt)\b|eingetroffen|angekommen|Ankunft|Auftakt)/u
/** Words that place an occasion as not yet (or not) happened: "vor der Wahl". */
const BEFORE_OCCASION = /\b(?:vor|bevor|bis\s+zu[mr]?)\s+(?:\p{L}+\s+){0,2}$/iu
const WEEKDAYS: Readonly<Record<string, number>> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
}
/** The article's own day: "am Mittwoch", "am Donnerstagabend", "heute", "gestern" (not "am Mittwoch zuvor"). */
const OWN_DAY = /\b(?:am\s+(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(?:abend|morgen|vormittag|nachmittag)?\b(?!\s+zuvor)|(heute|gestern)\b(?!\s+vor\b))/iu
const PLUPERFECT = /\b(?:hatte|hatten|hattest|hattet)\b/iu
const VISIT_WORDS = /\b(?:Teilnahme|teilnimmt|teilnehmen|teilgenommen|Besuch\p{L}*|Staatsbesuch\p{L}*|besucht\p{L}*|eingetroffen|angekommen|empf\p{L}*|begrüßt\p{L}*|Gespräch\p{L}*|Treffen|trafen|getroffen|Gipfel\p{L}*|Reise\p{L}*|reist\p{L}*)/u
/** Sentences that tell of something earlier than the article's news. */
const EARLIER = /\b(?:damals|einst|früher|bereits|schon|zuvor|vergangenen|vorigen|letzten|(?:19|20)\d{2})\b/iu

function sentences(text: string): string[] {
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

/** A visit occasion's traveller and place, each as a whole-word regex. */
function visitWords(o: Occasion): { traveller: RegExp; place: RegExp } {
  return { traveller: regex(`\\b(?:${o.traveller ?? ''})\\b`, 'u'), place: regex(`\\b(?:${o.place ?? ''})\\b`, 'u') }
}

/**
 * The occasions the text names anywhere: one scan of the whole text per occasion, so the per-sentence rules
 * only try the few that can match (a pattern that fails on the text fails on each of its sentences).
 */
function namedIn(text: string, occasions: readonly Occasion[]): Occasion[] {
  return occasions.filter((o) => {
    if (o.kind !== 'visit') return regex(o.pattern ?? '', 'u').test(text)
    const { traveller, place } = visitWords(o)
    return traveller.test(text) && place.test(text)
  })
}

export interface DateEstimate {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  date: string
  /** Ids of the constraints that held, for the log. */
  reasons: string[]
}

/** Estimates the article's day (or month) from its time references; null when they are too vague or conflict. */
export function estimateDate(text: string, table: readonly Occasion[] = OCCASIONS): DateEstimate | null {
  const occasions = namedIn(text, table)
  const references = occasions.filter((o) => o.kind === 'reference')
  const weekends = occasions.filter((o) => o.kind === 'weekend')
  const all = sentences(text)
  const hard: { id: string; c: Constraint }[] = []
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

  // the news day is not told in the pluperfect ("hatten am Mittwoch angekündigt")
  let own: RegExpExecArray | null = null
  for (const x of all) {
    own = OWN_DAY.exec(x)
    if (own && !PLUPERFECT.test(x)) break
    own = null
  }
  const ownWord = own ? (own[1] ?? own[2] ?? '').toLowerCase() : ''
  // the article's own day reads "gestern": the news happened the day before
  const shift = ownWord === 'gestern' ? 1 : 0
  const ownRe = own ? new RegExp(`\\b${own[0].trim()}\\b`, 'iu') : null
  // sentences that tell the news: they carry its day, or a one-off event named without a year
  const news = new Set(ownRe ? all.filter((x) => ownRe.test(x)) : [])
  const soft: { id: string; c: Constraint }[] = []
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

  let range: Constraint = [[0, OPEN_END]]
  const reasons: string[] = []
  for (const { id, c } of hard) {
    range = intersect(range, c)
    reasons.push(id)
  }
  if (range.length === 0) return null
  const dated = hard.length
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
  const [lo, hi] = only

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

// ---- the reference date of an undated article ----

/** "in Peking" right after the occasion picks its occurrence; -1 when places are listed and none is named. */
function occurrenceAt(o: Occasion, after: string): number {
  if (!o.places) return o.dates.length === 1 ? 0 : -1
  const near = after.slice(0, 60)
  const hits = o.places.map((p, i) => (regex(`^\\s*(?:in|im|von)\\s+(?:${p})\\b`, 'u').test(near) ? i : -1)).filter((i) => i >= 0)
  return hits.length === 1 ? (hits[0] ?? -1) : -1
}

/** "im Dezember", "Anfang Dezember" without a year, in a past sentence. */
const BARE_MONTH = new RegExp(`\\b(?:[Ii]m|Anfang|Mitte|Ende)\\s+${MONTH}\\b(?!\\s*(?:\\d|des\\s+(?:nächsten|kommenden|vergangenen|vorigen)))`, 'gu')
/** PAST_DATE, also at the start of a sentence ("Im Juli 2022 …"). */
const PAST_DATE_ANY = new RegExp(PAST_DATE.source.replace('(?:im|', '(?:[Ii]m|'), 'gu')
/** A finite past verb: Präteritum of sein/haben, the perfect's participle, common weak past endings. */
const PAST_VERB = /\b(?:war|waren|hatte|hatten|hielten|hielt|traf|trafen|reiste|reisten|fand|fanden|kam|kamen|sagte|sagten|unterzeichnete\p{L}*|ge\p{L}+(?:t|en)|\p{L}+(?:te|ten))\b/u

/**
 * The latest point an undated article names as past — not its publication date, but a date its relative
 * expressions ("im Frühjahr", "im Herbst", "Anfang des Jahres") can be resolved against: "YYYY-MM" or "YYYY".
 * Clues, from sentences that do not speak of the future: past dates with a year ("im Februar 2022"), reference
 * occasions (data/occasions.json; one with several occurrences only when its place is named: Winterspiele "in
 * Peking"). A month named without a year in a past sentence ("Im Dezember hielten …") moves the reference later
 * within the latest clue's year. Null without clues, or when the latest clue is a bare year ("seit 2023"): too
 * vague to say where in it the text speaks from.
 */
export function estimateReference(text: string, table: readonly Occasion[] = OCCASIONS): string | null {
  const references = namedIn(text, table).filter((o) => o.kind === 'reference')
  const clues: string[] = []
  const all = sentences(text)
  const past = all.filter((s) => !FUTURE.test(s))
  for (const s of past) {
    for (const m of s.matchAll(PAST_DATE_ANY)) {
      if (m[1] && m[2] && m[3]) clues.push(`${m[3]}-${String(MONTHS[m[2].toLowerCase()] ?? 1).padStart(2, '0')}`)
      else if (m[4] && m[5]) clues.push(`${m[5]}-${String(MONTHS[m[4].toLowerCase()] ?? 1).padStart(2, '0')}`)
      else if (m[6]) clues.push(m[6])
    }
    for (const o of references) {
      for (const m of s.matchAll(regex(o.pattern ?? '', 'gu'))) {
        if (BEFORE_OCCASION.test(s.slice(0, m.index ?? 0))) continue
        const i = occurrenceAt(o, s.slice((m.index ?? 0) + m[0].length))
        const d = i >= 0 ? o.dates[i] : undefined
        if (d) clues.push(d[0].slice(0, 7))
      }
    }
  }
  if (clues.length === 0) return null
  const latest = clues.reduce((a, b) => (b.slice(0, 7) > a.slice(0, 7) ? b : a))
  if (latest.length < 7) return null
  const year = Number(latest.slice(0, 4))
  let month = Number(latest.slice(5, 7))
  for (const s of past) {
    if (!PAST_VERB.test(s)) continue
    for (const m of s.matchAll(BARE_MONTH)) {
      const n = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0
      if (n > month) month = n
    }
  }
  return `${year}-${String(month).padStart(2, '0')}`
}

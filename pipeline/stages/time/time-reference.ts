/** A time mention's types, the reference date it resolves against, and the date arithmetic of the time rules. */
import type { TimeRef } from '../types.ts'

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
export const MONTH_NAMES = '(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?![a-zäöüß])'

/** Season → the month it starts in (GUIDE: "Frühjahr 2023" → "2023-03", approx). */
export const SEASONS: Readonly<Record<string, number>> = {
  frühjahr: 3, frühling: 3, sommer: 6, herbst: 9, winter: 12,
}
export const SEASON_NAMES = '(?:Frühjahrs?|Frühlings?|Sommers?|Herbstes|Herbsts?|Winters?)(?![a-zäöüß])'

export const WEEKDAYS: Readonly<Record<string, number>> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
}
export const WEEKDAY_NAMES = 'Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag'

/** "vorigen", "letzten", "vergangenen", "abgelaufenen" → -1; "nächsten", "kommenden" → +1; "diesen", "laufenden" → 0. */
export const RELATIVE_WORDS = 'vergangenen|vorigen|letzten|vorherigen|nächsten|kommenden|folgenden|diesen|dieses|diesem|laufenden|selben|gleichen'
export function relativeOffset(word: string): number {
  const w = word.toLowerCase()
  if (/^(vergangen|vorig|letzt|vorherig|abgelaufen)/.test(w)) return -1
  if (/^(nächst|kommend|folgend)/.test(w)) return 1
  return 0
}

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  einem: 1, einen: 1, ein: 1, eins: 1, eine: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
}

/** Words before an expression that change its role, longest first. */
export const PREPOSITION = /(?:^|[\s(„"])((?:bis(?:\s+(?:zum|zur|Ende|Anfang|Mitte))?|seit(?:\s+dem)?|ab|vor|gegenüber(?:\s+dem)?|für|von|im|am|in|zum|um)\s+(?:(?:dem|der|den|das|Jahr|Jahre|Jahres|Monat)\s+)*)$/i

export function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "2023-02-22" | "2023-02" | "2023" → ReferenceDate; anything else → undefined. */
export function parseReference(published: string | null | undefined): ReferenceDate | undefined {
  if (!published) return undefined
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published)
  if (!m) return undefined
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null }
}

export function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function addDays(ref: ReferenceDate, days: number): TimeRef | null {
  if (ref.month === null) return null
  if (ref.day === null) return days === 0 ? { iso: `${ref.year}-${pad(ref.month)}`, approx: false } : null
  const d = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + days))
  return { iso: isoDay(d), approx: false }
}

export function shiftMonth(ref: ReferenceDate, offset: number, approx = false): TimeRef | null {
  if (ref.month === null) return null
  const total = ref.year * 12 + (ref.month - 1) + offset
  return { iso: `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`, approx }
}

/** How many of a unit a count before "Tagen"/"Wochen"/"Monaten" says; a vague one ("wenigen") is a few. */
export const AGO_WORDS = 'wenigen|wenige|einigen|einige|ein\\s+paar|einem|einer|eine|zwei|drei|vier|fünf|sechs'
export const AGO_COUNT = `${AGO_WORDS}|\\d{1,2}`

export function backFrom(ref: ReferenceDate, count: string, unit: string): TimeRef | null {
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

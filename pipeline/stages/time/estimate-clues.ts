/**
 * The clues a sentence gives to the date of an undated article (estimate-date.ts combines them): each a set of
 * day ranges with the words that gave it and the occasion day it was read against.
 */
import { clue, DAY_MS, OPEN_END, toDay, yearRange } from './day-ranges.ts'
import type { Clue, Constraint, Range } from './day-ranges.ts'
import { regex, visitWords } from './occasions.ts'
import type { Occasion } from './occasions.ts'
import {
  AGO, ANNIVERSARY, BEFORE_OCCASION, FUTURE, MONTH, MONTHS, NUMBER_WORDS, OFFSET, ORDINALS, PAST_DATE, PAST_VERB,
  PLANNED_OCCASION, VISIT_WORDS, WEEKDAY, WEEKDAYS,
} from './estimate-words.ts'

export function occasionRanges(o: Occasion): Constraint {
  return o.dates.map(([a, b]) => [toDay(a), toDay(b)] as const)
}

export function occasionStarts(o: Occasion): number[] {
  return o.dates.map(([a]) => toDay(a))
}

function offsetDays(n: number, unit: string): { days: number; tolerance: number } {
  const u = unit.toLowerCase()
  if (u.startsWith('jahr')) return { days: Math.round(n * 365.25), tolerance: 45 }
  if (u.startsWith('monat')) return { days: Math.round(n * 30.44), tolerance: 10 }
  if (u.startsWith('woche')) return { days: n * 7, tolerance: 3 }
  return { days: n, tolerance: 0 }
}

function count(word: string | undefined): number {
  return /^\d/.test(word ?? '') ? Number(word) : (NUMBER_WORDS[(word ?? '').toLowerCase()] ?? 0)
}

/**
 * Hard constraints from offsets after a reference occasion: "etwa ein Jahr, nachdem … Invasion der Ukraine",
 * "die Annexion der Krim vor zehn Jahren".
 */
export function offsetClues(sentence: string, references: readonly Occasion[]): Clue[] {
  const out: Clue[] = []
  for (const m of sentence.matchAll(OFFSET)) {
    const n = count(m[2])
    if (n <= 0) continue
    const { days, tolerance } = offsetDays(n, m[3] ?? '')
    // approximate offsets widen by a quarter of the span, at least a month
    const tol = m[1] ? Math.max(tolerance, 30, Math.round(days / 4)) : tolerance
    const restStart = (m.index ?? 0) + m[0].length
    const rest = sentence.slice(restStart, restStart + 160)
    for (const o of references) {
      const hit = regex(o.pattern ?? '', 'u').exec(rest)
      if (!hit) continue
      const words = sentence.slice(m.index ?? 0, restStart + hit.index + hit[0].length)
      out.push(clue(occasionRanges(o).map(([a]) => [a + days - tol, a + days + tol] as const), words, occasionStarts(o)))
      break
    }
  }
  for (const o of references) {
    for (const m of sentence.matchAll(regex(o.pattern ?? '', 'gu'))) {
      const ago = AGO.exec(sentence.slice((m.index ?? 0) + m[0].length))
      if (!ago) continue
      const n = count(ago[2])
      if (n <= 0) continue
      const { days, tolerance } = offsetDays(n, ago[3] ?? '')
      const tol = ago[1] ? Math.max(tolerance, 30, Math.round(days / 4)) : tolerance
      out.push(clue(occasionRanges(o).map(([a]) => [a + days - tol, a + days + tol] as const), m[0] + ago[0], occasionStarts(o)))
    }
  }
  return out
}

/** "75. Jahrestag der Aufnahme … 1949" → 2024; "zehnten Jahrestag der Krim-Annexion" → 2024 (the year only). */
export function anniversaryClues(sentence: string, references: readonly Occasion[]): Clue[] {
  const out: Clue[] = []
  for (const m of sentence.matchAll(ANNIVERSARY)) {
    const n = m[1] ? Number(m[1]) : (ORDINALS[(m[2] ?? '').toLowerCase()] ?? 0)
    const restStart = (m.index ?? 0) + m[0].length
    const rest = sentence.slice(restStart)
    const year = /\b((?:19|20)\d{2})\b/.exec(rest)
    // the year must be the founding one: an anniversary that lands outside the press era is another year
    if (year && Number(year[1]) + n >= 1990 && Number(year[1]) + n <= 2100) {
      out.push(clue([yearRange(Number(year[1]) + n)], sentence.slice(m.index ?? 0, restStart + year.index + year[0].length)))
      continue
    }
    for (const o of references) {
      const hit = regex(o.pattern ?? '', 'u').exec(rest.slice(0, 120))
      if (!hit) continue
      const words = sentence.slice(m.index ?? 0, restStart + hit.index + hit[0].length)
      out.push(clue(o.dates.map(([a]) => yearRange(Number(a.slice(0, 4)) + n)), words, occasionStarts(o)))
      break
    }
  }
  return out
}

export const LAST_YEAR = /\b(?:im\s+)?(?:vergangenen|vorigen|letzten)\s+Jahr\b/iu

/** "im vergangenen Jahr (2023)" → 2024; "im vergangenen Jahr … vor dem Einmarsch …" → the occasion's year + 1. */
export function lastYearClues(sentence: string, references: readonly Occasion[]): Clue[] {
  const m = LAST_YEAR.exec(sentence)
  if (!m) return []
  const after = sentence.slice(m.index + m[0].length)
  const year = /^\s*[(,]?\s*((?:19|20)\d{2})\b/.exec(after)
  if (year) return [clue([yearRange(Number(year[1]) + 1)], m[0] + year[0])]
  if (/\b(?:19|20)\d{2}\b/.test(sentence)) return []
  const near = sentence.slice(m.index, m.index + m[0].length + 80)
  for (const r of references) {
    if (r.dates.length !== 1) continue
    const hit = regex(`\\b(?:vor|nach)\\s+(?:\\p{L}+\\s+){0,2}(?:${r.pattern ?? ''})`, 'u').exec(near)
    if (hit) return [clue(r.dates.map(([a]) => yearRange(Number(a.slice(0, 4)) + 1)), near.slice(0, hit.index + hit[0].length), occasionStarts(r))]
  }
  return []
}

/**
 * Upper bounds from reference occasions named as still to come ("das geplante Treffen von A und B"): the text was
 * written before one of the occurrences (and, where the table knows it, after that occurrence was announced).
 * Holds in future sentences too — a plan is spoken of in the future.
 */
export function plannedBounds(sentence: string, references: readonly Occasion[]): Constraint[] {
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
export function lowerBounds(sentence: string, references: readonly Occasion[]): Constraint[] {
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

const PAST_WEEKEND = /\b(?:vergangenen|letzten|vorigen)\s+Wochenende\b/iu
const PLAIN_WEEKEND = /\bam\s+Wochenende\b/iu

/** A conference "am vergangenen Wochenende": the article is in the week after one of its weekends. */
export function weekendClues(sentence: string, weekends: readonly Occasion[]): Clue[] {
  const past = PAST_WEEKEND.exec(sentence)
  const said = past ?? PLAIN_WEEKEND.exec(sentence)
  if (!said) return []
  const out: Clue[] = []
  for (const o of weekends) {
    const hit = regex(o.pattern ?? '', 'u').exec(sentence)
    if (!hit) continue
    out.push(clue(occasionRanges(o).map(([a, b]): Range => (past ? [b + 1, b + 7] : [a - 6, b + 7])), `${hit[0]} … ${said[0]}`, occasionStarts(o)))
  }
  return out
}

/** A time ahead within this week ("Ende der Woche", "am Wochenende") or the next ("in der kommenden Woche"). */
const THIS_WEEK = /\b(?:Ende\s+der\s+Woche|am\s+(?:kommenden\s+)?Wochenende|im\s+Laufe\s+der\s+Woche|(?:in\s+)?dieser\s+Woche|diese\s+Woche)\b/iu
const NEXT_WEEK = /\b(?:(?:in\s+der\s+)?(?:kommenden|nächsten|folgenden)\s+Woche|nächste\s+Woche)\b/iu

/**
 * A summit or one-off event named as still to come within the week ("Beide werden Ende der Woche beim G20-Gipfel in
 * Hamburg erwartet") or the next: the article was written in the six (thirteen) days before one of its occurrences.
 */
export function comingOccasionClues(sentence: string, occasions: readonly Occasion[]): Clue[] {
  if (!FUTURE.test(sentence)) return []
  const thisWeek = THIS_WEEK.exec(sentence)
  const near = thisWeek ?? NEXT_WEEK.exec(sentence)
  if (!near) return []
  const before = thisWeek ? 6 : 13
  const out: Clue[] = []
  for (const o of occasions) {
    if (o.kind !== 'summit' && o.kind !== 'event') continue
    const hit = regex(o.pattern ?? '', 'u').exec(sentence)
    if (hit) out.push(clue(occasionStarts(o).map((a) => [a - before, a - 1] as const), `${near[0]} … ${hit[0]}`, occasionStarts(o)))
  }
  return out
}

/** A day and month without a year: "16. April", "am 16. und 17. April", "vom 16. bis zum 18. April" (the first day). */
const DAY_MONTH = new RegExp(`(?<![\\d.])(\\d{1,2})\\.\\s*(?:(?:bis(?:\\s+zum)?|und|-|–)\\s*\\d{1,2}\\.\\s*)?${MONTH}(?!\\s*\\d)`, 'gu')
/** A weekday that points ahead within the week: "an diesem Sonntag", "am kommenden Sonntag", "diesen Sonntag". */
export const COMING_WEEKDAY = new RegExp(`\\b(?:an\\s+diesem|am\\s+kommenden|kommenden|diesen|am\\s+nächsten)\\s+${WEEKDAY}\\b`, 'iu')
/** A weekday with its date: "am Freitag (14. April)", "am Freitag, dem 14. April", "Freitag, den 14. April". */
const WEEKDAY_WITH_DATE = new RegExp(`\\b(?:(?:am|an\\s+diesem|am\\s+kommenden|am\\s+vergangenen|vergangenen|kommenden)\\s+)?${WEEKDAY}\\s*(?:,\\s*|\\(\\s*)(?:(?:den|dem)\\s+)?(\\d{1,2})\\.\\s*${MONTH}(?!\\s*\\d)`, 'giu')
/** WEEKDAY_WITH_DATE without the global flag, for a test of the whole text. */
export const WEEKDAY_WITH_DATE_CUE = new RegExp(WEEKDAY_WITH_DATE.source, 'iu')

/** Every day from 1990 to 2100 that is the given day of the month and falls on the weekday. */
function daysOnWeekday(month: number, day: number, weekday: number): number[] {
  const out: number[] = []
  for (let y = 1990; y <= 2100; y += 1) {
    const ms = Date.UTC(y, month - 1, day)
    const date = new Date(ms)
    if (date.getUTCMonth() === month - 1 && date.getUTCDay() === weekday) out.push(Math.round(ms / DAY_MS))
  }
  return out
}

/**
 * A weekday tied to a day of the month named without a year — "am Freitag (14. April)", "am Sonntag, dem 16. April",
 * or "reist an diesem Sonntag …" followed by "… den Besuch vom 16. bis zum 18. April" in the same or the next
 * sentence (the one day-and-month there): the year is one in which that day falls on that weekday, and the article
 * was written within the week around it (before it for a coming weekday, after it for a past one). The years such
 * a pair allows are five to eleven apart, so alone it dates nothing: it picks among the other constraints.
 */
export function weekdayDateClues(all: readonly string[], i: number): Clue[] {
  const sentence = all[i] ?? ''
  const out: Clue[] = []
  for (const m of sentence.matchAll(WEEKDAY_WITH_DATE)) {
    const weekday = WEEKDAYS[(m[1] ?? '').toLowerCase()]
    const month = MONTHS[(m[3] ?? '').toLowerCase()]
    if (weekday === undefined || month === undefined) continue
    const lead = m[0].toLowerCase()
    const [before, after] = /vergangenen/.test(lead) ? [0, 7] : /diesem|kommenden/.test(lead) ? [6, 0] : [6, 6]
    const days = daysOnWeekday(month, Number(m[2]), weekday)
    out.push(clue(days.map((d) => [d - before, d + after] as const), m[0], days))
  }
  if (out.length > 0) return out
  const coming = COMING_WEEKDAY.exec(sentence)
  const weekday = coming ? WEEKDAYS[(coming[1] ?? '').toLowerCase()] : undefined
  if (!coming || weekday === undefined) return out
  // in the next sentence only when both speak of a trip or meeting ("reist an diesem Sonntag …" / "den Besuch vom …")
  const next = VISIT_WORDS.test(sentence) && VISIT_WORDS.test(all[i + 1] ?? '') ? (all[i + 1] ?? '') : ''
  for (const s of [sentence, next]) {
    const dates = [...s.matchAll(DAY_MONTH)]
    if (dates.length === 0) continue
    const only = dates[0]
    const month = MONTHS[(only?.[2] ?? '').toLowerCase()]
    if (dates.length === 1 && only && month !== undefined) {
      const days = daysOnWeekday(month, Number(only[1]), weekday)
      out.push(clue(days.map((d) => [d - 6, d] as const), `${coming[0]} … ${only[0]}`, days))
    }
    break
  }
  return out
}

/** Words of a trip announced or offered, not made: "Im März hatte Putin angekündigt, nach China zu reisen". */
const ANNOUNCED = /\b(?:angekündigt|ankündigte\p{L}*|eingeladen|Einladung\p{L}*|zugesagt|vereinbart)\b/iu
/** "Im März war Xi … nach Moskau gereist": a month named without a year (not "im März vor zwei Jahren", "im März vergangenen Jahres"). */
export const PAST_MONTH = new RegExp(`\\b(?:[Ii]m|Anfang|Mitte|Ende)\\s+${MONTH}\\b(?!\\s*(?:\\d|vor\\s|des\\s+(?:nächsten|kommenden|laufenden|vergangenen|vorigen|letzten|Vorjahres)|(?:nächsten|kommenden|vergangenen|vorigen|letzten)\\s+Jahres))`, 'u')

/**
 * An occasion the text places in a month without a year, in a past sentence ("Im März war Chinas Präsident Xi zu
 * einem Staatsbesuch nach Russland gereist"): it is that month's occurrence, and a month told as past without its
 * year lies within the year before the article. A soft clue: kept only where it agrees with the others.
 */
export function pastMonthClues(sentence: string, occasions: readonly Occasion[]): Clue[] {
  const month = PAST_MONTH.exec(sentence)
  if (!month || FUTURE.test(sentence) || ANNOUNCED.test(sentence) || !PAST_VERB.test(sentence)) return []
  const n = MONTHS[(month[1] ?? '').toLowerCase()] ?? 0
  const out: Clue[] = []
  for (const o of occasions) {
    let named: string | undefined
    if (o.kind === 'visit') {
      const { traveller, place } = visitWords(o)
      const t = traveller.exec(sentence)
      const p = place.exec(sentence)
      if (t && p && VISIT_WORDS.test(sentence)) named = `${t[0]} … ${p[0]}`
    } else if (o.kind !== 'weekend') {
      named = regex(o.pattern ?? '', 'u').exec(sentence)?.[0]
    }
    if (!named) continue
    const starts = o.dates.map(([a]) => a).filter((a) => Number(a.slice(5, 7)) === n).map(toDay)
    if (starts.length > 0) out.push(clue(starts.map((a) => [a, a + 365] as const), `${month[0]} … ${named}`, starts))
  }
  return out
}

import { clue, intersect, OPEN_END, toDay, toIso, weekdayOf } from './day-ranges.ts'
import type { Clue, Constraint, Range } from './day-ranges.ts'
import {
  anniversaryClues, COMING_WEEKDAY, comingOccasionClues, LAST_YEAR, lastYearClues, lowerBounds, occasionRanges,
  occasionStarts, offsetClues, PAST_MONTH, pastMonthClues, plannedBounds, WEEKDAY_WITH_DATE_CUE, weekdayDateClues,
  weekendClues,
} from './estimate-clues.ts'
import { AGENCY_DATELINE, ARRIVAL, EARLIER, FUTURE, OWN_DAY, PAST_DATE_CUE, PLUPERFECT, sentences, VISIT_WORDS, WEEKDAYS } from './estimate-words.ts'
import { namedIn, regex, visitWords } from './occasions.ts'
import type { Occasion } from './occasions.ts'

/**
 * The publication date of an article that prints none, estimated from the text's own time references
 * (GUIDE: "else the date of the main event when the text pins it down to the day (weekday + known event)").
 *
 * Every reference becomes a constraint: a set of day ranges the article's day must fall in (estimate-clues.ts).
 * - hard (must all hold, else the estimate is null): offsets from a dated occasion ("etwa ein Jahr, nachdem …
 *   Invasion der Ukraine", "zwei Jahre nach der Annexion der Krim"), anniversaries ("75. Jahrestag … 1949"),
 *   "im vergangenen Jahr" tied to a year or an occasion, a conference "am vergangenen Wochenende", a summit still to
 *   come "Ende der Woche", a weekday tied to a day of the month ("am Freitag (14. April)", "an diesem Sonntag …
 *   vom 16. bis zum 18. April"), and lower
 *   bounds from past dates and occasions the text names ("im Februar 2022", "seit 2019", "seit der Invasion").
 * - soft (kept only when they agree with what is already known): one-off events and summits named without a
 *   year, a leader's visit named in the sentence that carries the article's own day ("am Donnerstag in Peking") or
 *   in the agency's lead ("Moskau (dpa) - Putin hat bei einem Staatsbesuch Xis in Moskau …"),
 *   and an occasion placed in a month without a year in a past sentence ("Im März war Xi … in Moskau").
 * The article's own day is the first "am <Wochentag>", "heute" or "gestern": a weekday picks the single such day in
 * the remaining range (at most thirteen days wide), "heute"/"gestern" the first day of a range of at most two days.
 * Without one, a range inside one calendar month gives the month; anything wider gives null. A day needs two
 * agreeing constraints, or a known occasion and a weekday that falls on one of its days (the GUIDE's "weekday +
 * known event"). Occasions live in data/occasions.json.
 */

export interface DateEstimate {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  date: string
  /** Ids of the constraints that held, for the log. */
  reasons: string[]
  /** The words of the text that decided it: the news day ("am Dienstag"), then the clues that held, joined by " · ". */
  cue: string
  /** The first day of the dated occasion the estimate was read against, if one was. */
  reference: string | null
}

type Found = Clue & { id: string }

/** Words that name a meeting's first day: "zum Auftakt des Gipfels", "bei der Eröffnung des Forums". */
const OPENING = /\b(?:Auftakt|Eröffnung|eröffnet\p{L}*)\b/u

/** What every sentence says: hard constraints (offsets, anniversaries, …), lower bounds, and months of occasions. */
function sentenceConstraints(text: string, all: readonly string[], occasions: readonly Occasion[]): { hard: Found[]; bounds: Constraint[]; months: Found[] } {
  const references = occasions.filter((o) => o.kind === 'reference')
  const weekends = occasions.filter((o) => o.kind === 'weekend')
  const hard: Found[] = []
  const bounds: Constraint[] = []
  const months: Found[] = []
  // which rules can find anything at all in this text (each needs its cue somewhere in it)
  const anniversaries = /Jahrestag/iu.test(text)
  const lastYear = LAST_YEAR.test(text)
  const pastDates = references.length > 0 || PAST_DATE_CUE.test(text)
  const weekdayDates = WEEKDAY_WITH_DATE_CUE.test(text) || COMING_WEEKDAY.test(text)
  const pastMonths = occasions.length > 0 && PAST_MONTH.test(text)
  const coming = occasions.some((o) => o.kind === 'summit' || o.kind === 'event')
  all.forEach((s, i) => {
    if (references.length > 0) for (const c of offsetClues(s, references)) hard.push({ id: 'offset', ...c })
    if (anniversaries) for (const c of anniversaryClues(s, references)) hard.push({ id: 'anniversary', ...c })
    if (lastYear) for (const c of lastYearClues(s, references)) hard.push({ id: 'last-year', ...c })
    if (weekends.length > 0) for (const c of weekendClues(s, weekends)) hard.push({ id: 'weekend', ...c })
    if (weekdayDates) for (const c of weekdayDateClues(all, i)) hard.push({ id: 'weekday-date', ...c })
    if (coming) for (const c of comingOccasionClues(s, occasions)) hard.push({ id: 'coming-occasion', ...c })
    if (pastDates) bounds.push(...lowerBounds(s, references))
    if (references.length > 0) bounds.push(...plannedBounds(s, references))
    if (pastMonths) for (const c of pastMonthClues(s, occasions)) months.push({ id: 'past-month', ...c })
  })
  return { hard, bounds, months }
}

/** The article's own day: the first "am <Wochentag>", "heute" or "gestern" not told in the pluperfect ("hatten am Mittwoch angekündigt"). */
function ownDayOf(all: readonly string[]): RegExpExecArray | null {
  for (const x of all) {
    const own = OWN_DAY.exec(x)
    if (own && !PLUPERFECT.test(x)) return own
  }
  return null
}

/** The weekdays the text names as a day of its news ("am Sonntag"), in reading order, outside the pluperfect. */
function weekdaysNamed(all: readonly string[]): { weekday: number; cue: string }[] {
  const out: { weekday: number; cue: string }[] = []
  for (const x of all) {
    if (PLUPERFECT.test(x)) continue
    for (const m of x.matchAll(new RegExp(OWN_DAY.source, 'giu'))) {
      const weekday = m[1] ? WEEKDAYS[m[1].toLowerCase()] : undefined
      if (weekday !== undefined && !out.some((o) => o.weekday === weekday)) out.push({ weekday, cue: m[0] })
    }
  }
  return out
}

/**
 * The occasions named as the news — one-off events and summits told neither as earlier, as still to come nor in
 * the pluperfect; a leader's visit in the sentence of the own day or the agency's lead — and which are arrivals.
 */
function newsConstraints(all: readonly string[], occasions: readonly Occasion[], own: RegExpExecArray | null, shift: number): { soft: Found[]; arrivals: Set<string> } {
  const ownRe = own ? new RegExp(`\\b${own[0].trim()}\\b`, 'iu') : null
  // sentences that tell the news: they carry its day, open with an agency's dateline ("Moskau (dpa) - …"), or
  // name a one-off event without a year
  const news = new Set(all.filter((x) => (ownRe !== null && ownRe.test(x)) || (AGENCY_DATELINE.test(x) && !PLUPERFECT.test(x) && !EARLIER.test(x))))
  const soft: Found[] = []
  for (const o of occasions) {
    if (o.kind !== 'event' && o.kind !== 'summit') continue
    const re = regex(o.pattern ?? '', 'u')
    const named = all.filter((x) => {
      const clause = clauseNaming(x, re)
      return clause !== null && !EARLIER.test(clause) && !FUTURE.test(clause) && !PLUPERFECT.test(clause)
    })
    for (const x of named) news.add(x)
    const first = named[0]
    if (first === undefined) continue
    // a summit held in a different city each time: the occurrences whose host city the article names
    const hosted = hostedIn(o, all)
    // "zum Auftakt des Gipfels", "bei der Eröffnung des Forums": its first day (or the next, in print)
    const hit = re.exec(first)
    const at = hit?.index ?? 0
    const opening = OPENING.test(first.slice(Math.max(0, at - 40), at))
    const c = occasionRanges(o)
      .map(([a, b]) => (opening ? [a + shift, a + shift + 1] : [a + shift, b + shift + (o.kind === 'summit' ? 1 : 0)]) as Range)
      .filter((_, i) => hosted === null || hosted.has(i))
    soft.push({ id: o.id, ...clue(c, hit?.[0] ?? '', occasionStarts(o).filter((_, i) => hosted === null || hosted.has(i))) })
  }
  const arrivals = new Set<string>()
  for (const o of occasions) {
    if (o.kind !== 'visit') continue
    const { traveller, place } = visitWords(o)
    const named = [...news].filter((x) => traveller.test(x) && place.test(x) && VISIT_WORDS.test(x))
    if (named.some((x) => ARRIVAL.test(x))) arrivals.add(o.id)
    const first = named[0]
    if (first === undefined) continue
    const c = occasionRanges(o).map(([a, b]) => [a + shift, b + shift] as const)
    soft.push({ id: o.id, ...clue(c, `${traveller.exec(first)?.[0] ?? ''} … ${place.exec(first)?.[0] ?? ''}`, occasionStarts(o)) })
  }
  return { soft, arrivals }
}

/**
 * The part of a sentence that names an occasion, cut at a headline's colon or a dash between words: in
 * "SOZ-Gipfel in Duschanbe: Putin nur am Bildschirm – Iran wird Mitglied" the summit is told in the present, the
 * future belongs to the last part. Null when the sentence does not name it.
 */
function clauseNaming(sentence: string, re: RegExp): string | null {
  const hit = re.exec(sentence)
  if (!hit) return null
  const parts = /:\s|\s[–—-]\s/gu
  let start = 0
  let end = sentence.length
  for (const m of sentence.matchAll(parts)) {
    const at = m.index ?? 0
    if (at + m[0].length <= hit.index) start = at + m[0].length
    else if (at >= hit.index + hit[0].length) {
      end = at
      break
    }
  }
  return sentence.slice(start, end)
}

/** The occurrences of an occasion whose host place the text names (null: the table gives none, or the text names none). */
function hostedIn(o: Occasion, all: readonly string[]): Set<number> | null {
  if (!o.places) return null
  const text = all.join('\n')
  const found = new Set<number>()
  o.places.forEach((p, i) => {
    if (regex(`(?<![\\p{L}-])(?:${p})(?![\\p{L}-])`, 'u').test(text)) found.add(i)
  })
  return found.size > 0 ? found : null
}

/** The one day range all hard constraints and bounds leave, narrowed by the soft ones that agree; null on a conflict. */
function narrowed(hard: readonly Found[], bounds: readonly Constraint[], soft: readonly Found[], weekday: number | undefined): { lo: number; hi: number; reasons: string[]; held: Found[] } | null {
  let range: Constraint = [[0, OPEN_END]]
  const reasons: string[] = []
  const held: Found[] = []
  for (const h of hard) {
    range = intersect(range, h.c)
    reasons.push(h.id)
    held.push(h)
  }
  if (range.length === 0) return null
  const unbounded = range
  for (const c of bounds) {
    const next = intersect(range, c)
    // a lower bound past every estimate means the anchors conflict
    if (next.length === 0) return null
    range = next
  }
  for (const s of soft) {
    const next = intersect(range, s.c)
    if (next.length === 0) continue
    // bounds that leave one occurrence of several are a constraint of their own
    if (next.length === 1 && intersect(unbounded, s.c).length > 1 && !reasons.includes('bounds')) reasons.push('bounds')
    range = next
    reasons.push(s.id)
    held.push(s)
  }
  // occurrences of a summit the bounds leave several of: the news day's weekday falls in one of them only
  if (range.length > 1 && weekday !== undefined && reasons.length > 0) {
    const onWeekday = range.filter(([a, b]) => b - a <= 12 && holdsWeekday(a, b, weekday))
    if (onWeekday.length === 1) {
      range = onWeekday
      reasons.push('weekday')
    }
  }
  if (reasons.length === 0 || range.length !== 1) return null
  const only = range[0]
  if (!only || only[1] === OPEN_END) return null
  return { lo: only[0], hi: only[1], reasons, held }
}

/** The estimate with its cue (the news day, then the clues that held) and the occasion day it was read against. */
function explained(date: string, found: { lo: number; hi: number; reasons: string[]; held: readonly Found[] }, ownDay: string | undefined): DateEstimate {
  const cues: string[] = ownDay ? [ownDay.trim()] : []
  let reference: string | null = null
  for (const h of found.held) {
    if (h.cue && !cues.includes(h.cue) && cues.length < 3) cues.push(h.cue)
    if (reference !== null) continue
    const at = h.c.findIndex(([a, b]) => a <= found.hi && b >= found.lo)
    const anchor = at >= 0 ? h.anchors[at] : null
    if (anchor !== null && anchor !== undefined) reference = toIso(anchor)
  }
  return { date, reasons: found.reasons, cue: cues.join(' · '), reference }
}

/** Whether a day from `a` to `b` falls on the weekday (0 = Sunday). */
function holdsWeekday(a: number, b: number, weekday: number): boolean {
  for (let d = a; d <= b; d += 1) if (weekdayOf(d) === weekday) return true
  return false
}

/** A page's day and month printed without its year: "PEKING, 18. Oktober (Xinhua) –". */
export interface PageDay {
  month: number
  day: number
  cue: string
}

/** That day and month in every year of the press era: alone it dates nothing, an occasion picks the year. */
function everyYear({ month, day, cue }: PageDay): Found {
  const days: Range[] = []
  const monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  for (let y = 1990; y <= 2100; y += 1) {
    const d = toDay(`${y}-${monthDay}`)
    // (29 February only in leap years: another year's date rolls over)
    if (toIso(d).slice(5) === monthDay) days.push([d, d])
  }
  return { id: 'dateline-day', ...clue(days, cue) }
}

/** Estimates the article's day (or month) from its time references; null when they are too vague or conflict. */
export function estimateDate(text: string, table: readonly Occasion[], pageDay?: PageDay): DateEstimate | null {
  const occasions = namedIn(text, table)
  const all = sentences(text)
  const told = sentenceConstraints(text, all, occasions)
  const { bounds, months } = told
  const hard = pageDay ? [...told.hard, everyYear(pageDay)] : told.hard
  const own = ownDayOf(all)
  const ownWord = own ? (own[1] ?? own[2] ?? '').toLowerCase() : ''
  // the article's own day reads "gestern": the news happened the day before
  const shift = ownWord === 'gestern' ? 1 : 0
  const { soft, arrivals } = newsConstraints(all, occasions, own, shift)
  const weekday = own?.[1] ? WEEKDAYS[own[1].toLowerCase()] : undefined
  const found = narrowed(hard, bounds, [...soft, ...months], weekday)
  if (!found) return null
  const { lo, hi, reasons } = found
  const dated = hard.length
  // a known occasion that was the news (not only a month of one) and a weekday that falls on one of its days
  const known = soft.some((s) => reasons.includes(s.id))

  if (reasons.length >= 2 || (dated > 0 && hi - lo <= 1) || (known && weekday !== undefined)) {
    if (weekday !== undefined && hi - lo <= 12) {
      // the news day: the first weekday named (outside the pluperfect) that falls on exactly one day of the range —
      // "Am Mittwoch ist er bei der Parade zu Gast" looks ahead, "landete am Sonntag in Tianjin" is the news
      for (const named of weekdaysNamed(all)) {
        const days: number[] = []
        for (let d = lo; d <= hi; d += 1) if (weekdayOf(d) === named.weekday) days.push(d)
        if (days.length === 1 && days[0] !== undefined) return explained(toIso(days[0]), found, named.cue)
      }
    } else if (ownWord && weekday === undefined && hi - lo <= 1) {
      return explained(toIso(lo), found, own?.[0])
    } else if (ownWord && weekday === undefined && hi - lo <= 4 && reasons.some((id) => arrivals.has(id))) {
      // "heute" in the sentence that welcomes the guest: a visit's first day
      return explained(toIso(lo), found, own?.[0])
    }
  }
  const first = toIso(lo)
  const last = toIso(hi)
  return first.slice(0, 7) === last.slice(0, 7) ? explained(first.slice(0, 7), found, undefined) : null
}

/**
 * A trip to a recurring summit or forum the text names but does not date ("beim G20-Gipfel in Hamburg",
 * "beim Treffen der Shanghaier Organisation"): the occasion table (data/occasions.json) knows each
 * occurrence's days and host city. The occurrence is the one the named host city picks, else the one of
 * the article's year on the side of now the report speaks of; none when that leaves several or none.
 * GUIDE: "a date tied to a known event gives the day".
 */
import type { Occasion } from '../time/occasions.ts'
import { regex } from '../time/occasions.ts'
import type { Tense } from '../time/time-reference.ts'

/** One occurrence of a recurring occasion. */
export interface Occurrence {
  occasion: string
  /** First and last day. */
  from: string
  to: string
  /** Host city (a gazetteer name), or null when the table names none. */
  city: string | null
  /** The words that named it. */
  cue: string
}

/** Occasions that recur with a host city per occurrence (the ones that can place and date a trip). */
export function hostedOccasions(occasions: readonly Occasion[]): Occasion[] {
  return occasions.filter((o) => (o.kind === 'summit' || o.kind === 'event') && o.pattern && o.cities && o.cities.length === o.dates.length)
}

/**
 * The occurrence a clause names. `city` is a destination the clause gives ("in Hamburg"); `reference`
 * the article's date (or the text's reference point); `tense` how the clause speaks of the trip.
 */
export function occurrenceIn(
  clause: string,
  occasions: readonly Occasion[],
  city: string | null,
  reference: string | null,
  tense: Tense,
  /** Only an occurrence the city picks (for occasions named elsewhere in the article). */
  byCityOnly = false,
): Occurrence | undefined {
  const found: Occurrence[] = []
  for (const o of occasions) {
    const m = regex(o.pattern ?? '', 'u').exec(clause)
    // "vor dem Gipfel", "nach dem Forum", "seit dem Gipfel": the occasion bounds the trip, it does not date it
    if (!m || BOUND_BEFORE.test(clause.slice(Math.max(0, m.index - 40), m.index))) continue
    const all = o.dates.map(([from, to], i) => ({ occasion: o.id, from, to, city: o.cities?.[i] ?? null, cue: m[0] }))
    const byCity = city ? all.filter((x) => x.city === city && onSide(x, reference, tense)) : []
    const picked = byCity.length === 1 ? byCity[0] : byCity.length > 1 ? byYear(byCity, reference, tense) : byCityOnly ? undefined : city && all.some((x) => x.city === city) ? undefined : byYear(all, reference, tense)
    // a city that held no occurrence of this occasion: another meeting
    if (picked && !(city && byCity.length === 0 && all.some((x) => x.city !== null))) found.push(picked)
  }
  // two occasions the text names that both fit (a double summit): none decides
  const days = new Set(found.map((x) => x.from))
  return days.size === 1 ? found[0] : undefined
}

/** A preposition that makes an occasion a bound: "vor dem", "nach dem", "seit dem", "bis zum". */
const BOUND_BEFORE = /\b(?:vor|nach|seit|bis\s+zum|bis\s+zur|Vor|Nach|Seit)\s+(?:de[mnrs]|die|das|eine[mnrs]?)?\s*(?:[\p{L}-]+\s+){0,2}$/u

/** An occurrence on the side of now the tense points to (unknown reference: any). */
function onSide(x: Occurrence, reference: string | null, tense: Tense): boolean {
  if (!reference) return true
  const ref = reference.slice(0, 10)
  return tense === 'future' ? x.to >= ref : tense === 'past' ? x.from.slice(0, ref.length) <= ref : true
}

/**
 * The occurrence nearest the reference on the side of now the tense points to (the same year first): a
 * past report speaks of one begun before the article, a future one of one still to end; within a year.
 */
function byYear(list: readonly Occurrence[], reference: string | null, tense: Tense): Occurrence | undefined {
  if (!reference) return undefined
  const ref = reference.slice(0, 10)
  const fits = list.filter((x) => (tense === 'future' ? x.to >= ref : tense === 'past' ? x.from.slice(0, ref.length) <= ref : true))
  const year = Number(reference.slice(0, 4))
  const same = fits.filter((x) => Number(x.from.slice(0, 4)) === year)
  if (same.length) return same.length === 1 ? same[0] : undefined
  const near = fits.filter((x) => Math.abs(Number(x.from.slice(0, 4)) - year) <= 1)
  return tense === 'future' ? near[0] : tense === 'past' ? near[near.length - 1] : undefined
}

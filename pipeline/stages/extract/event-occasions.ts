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
): Occurrence | undefined {
  for (const o of occasions) {
    const m = regex(o.pattern ?? '', 'u').exec(clause)
    if (!m) continue
    const all = o.dates.map(([from, to], i) => ({ occasion: o.id, from, to, city: o.cities?.[i] ?? null, cue: m[0] }))
    const byCity = city ? all.filter((x) => x.city === city) : []
    if (byCity.length === 1) return byCity[0]
    if (city && byCity.length === 0 && all.some((x) => x.city !== null)) continue // held elsewhere: another meeting
    const picked = byYear(byCity.length > 1 ? byCity : all, reference, tense)
    if (picked) return picked
  }
  return undefined
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

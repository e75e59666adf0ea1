/**
 * The occasion table (data/occasions.json by default, `--occasions FILE`): dated events that date an undated
 * page. Parsed once by the caller and passed to the date rules; patterns compiled once and cached here.
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
  /** The host city of each occurrence (a data/places.json name, parallel to `dates`; null when held online). */
  cities?: readonly (string | null)[]
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
    let cities: (string | null)[] | undefined
    if (raw.cities !== undefined) {
      if (!Array.isArray(raw.cities) || raw.cities.length !== dates.length || !raw.cities.every((x) => x === null || (typeof x === 'string' && x.length > 0))) {
        throw new Error(`${where} (${raw.id}): cities needs one city (or null) per date`)
      }
      cities = raw.cities as (string | null)[]
    }
    return {
      id: raw.id,
      kind,
      ...(pattern ? { pattern } : {}),
      ...(traveller ? { traveller } : {}),
      ...(place ? { place } : {}),
      ...(places ? { places } : {}),
      ...(announced ? { announced } : {}),
      ...(cities ? { cities } : {}),
      dates,
    }
  })
}
const compiled = new Map<string, RegExp>()
/**
 * The regex for a source and flags, compiled once: occasion patterns are tried on every sentence of every
 * article. Only for `test` and `matchAll` (which copies the regex), never `exec` with "g": no shared lastIndex.
 */
export function regex(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`
  let re = compiled.get(key)
  if (!re) {
    re = new RegExp(source, flags)
    compiled.set(key, re)
  }
  return re
}
/** A visit occasion's traveller and place, each as a whole-word regex. */
export function visitWords(o: Occasion): { traveller: RegExp; place: RegExp } {
  return { traveller: regex(`\\b(?:${o.traveller ?? ''})\\b`, 'u'), place: regex(`\\b(?:${o.place ?? ''})\\b`, 'u') }
}

/**
 * The occasions the text names anywhere: one scan of the whole text per occasion, so the per-sentence rules
 * only try the few that can match (a pattern that fails on the text fails on each of its sentences).
 */
export function namedIn(text: string, occasions: readonly Occasion[]): Occasion[] {
  return occasions.filter((o) => {
    if (o.kind !== 'visit') return regex(o.pattern ?? '', 'u').test(text)
    const { traveller, place } = visitWords(o)
    return traveller.test(text) && place.test(text)
  })
}

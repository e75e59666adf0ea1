/** The city gazetteer (data/places.json by default, `--places FILE`): German name, other spellings, host country. */

/** One city of data/places.json: German name, other spellings, host country (actor id). */
export interface Place {
  name: string
  variants: string[]
  country: string
}

/** Narrows the gazetteer JSON; malformed entries are dropped. */
export function parsePlaces(json: unknown): Place[] {
  const list = typeof json === 'object' && json !== null && 'places' in json ? (json as { places: unknown }).places : json
  if (!Array.isArray(list)) return []
  const out: Place[] = []
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { name, variants, country } = item as Record<string, unknown>
    if (typeof name !== 'string' || typeof country !== 'string' || !name) continue
    const forms = Array.isArray(variants) ? variants.filter((v): v is string => typeof v === 'string' && v.length > 0) : []
    out.push({ name, variants: forms, country })
  }
  return out
}

/** What makes a gazetteer file unusable, or undefined: it must list places, each with a name and a host country. */
export function placesProblem(json: unknown): string | undefined {
  const list = typeof json === 'object' && json !== null && 'places' in json ? (json as { places: unknown }).places : json
  if (!Array.isArray(list)) return 'expected { "places": [...] }'
  for (const [i, item] of (list as unknown[]).entries()) {
    const { name, country } = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {}
    if (typeof name !== 'string' || !name || typeof country !== 'string') return `places[${i}]: needs a name and a country`
  }
  return undefined
}

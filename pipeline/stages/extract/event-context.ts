/** What the event rules know of one article: registry and place lookups, the people a sentence names, the places a trip goes to. */
import { DIRECTED, DIRECTED_WITH_ADJECTIVE, NOT_A_TRIP, allMatches, escape } from './event-words.ts'
import type { Leg, Person, Span } from './event-words.ts'
import type { Place } from './places.ts'
import type { ActorEntry, ActorMatch } from '../types.ts'
import { nationalityTable } from './nationality.ts'
import type { NationalityTable } from './nationality.ts'
import type { Occasion } from '../time/occasions.ts'

// --- the context of one article -------------------------------------------------------------------

export interface Context {
  registry: ReadonlyMap<string, ActorEntry>
  countryIds: ReadonlySet<string>
  /** Lower-cased country names and aliases → id, for closed compounds ("Chinabesuch", "Russlandreise"). */
  countryByName: ReadonlyMap<string, string>
  placePattern: RegExp | null
  placeByForm: ReadonlyMap<string, Place>
  /** Declined nationality adjective → the country's capital as a gazetteer place ("italienischen" → Rom). */
  capitalByAdjective: ReadonlyMap<string, Place>
  /** Country id → its capital as a gazetteer place (the registry's first seat that is a place of that country). */
  capitalOf: ReadonlyMap<string, Place>
  /** The registry's nationality adjectives and genitives ("chinesische", "Chinas" → china), for roles (event-roles.ts). */
  nationality: NationalityTable
  published: string | null
  /** Recurring summits and forums with a host city per occurrence (data/occasions.json). */
  occasions: readonly Occasion[]
}

type Lookups = Omit<Context, 'published' | 'occasions'>

/** Lookups depend only on the registry and the gazetteer: built once per pair, reused for every article. */
const lookupCache = new WeakMap<readonly ActorEntry[], WeakMap<readonly Place[], Lookups>>()

function buildLookups(registry: readonly ActorEntry[], places: readonly Place[]): Lookups {
  const byId = new Map(registry.map((a) => [a.id, a]))
  const countryByName = new Map<string, string>()
  for (const a of registry) {
    if (a.kind !== 'country') continue
    for (const form of [a.name, ...a.aliases]) {
      if (form.length >= 3 || /^\p{Lu}{2}$/u.test(form)) countryByName.set(form.toLowerCase(), a.id)
    }
  }
  const placeByForm = new Map<string, Place>()
  for (const p of places) for (const form of [p.name, ...p.variants]) if (!placeByForm.has(form)) placeByForm.set(form, p)
  const forms = [...placeByForm.keys()].sort((a, b) => b.length - a.length).map(escape)
  const placePattern = forms.length ? new RegExp(`(?<![\\p{L}\\d-])(?:${forms.join('|')})(?![\\p{L}\\d-])`, 'gu') : null
  const capitalOf = new Map<string, Place>()
  for (const a of registry) {
    const capital = a.kind === 'country' ? (a.seats ?? []).map((seat) => placeByForm.get(seat)).find((p) => p?.country === a.id) : undefined
    if (capital) capitalOf.set(a.id, capital)
  }
  const capitalByAdjective = new Map<string, Place>()
  const nationality = nationalityTable(registry)
  for (const [adjective, country] of nationality.adjectives) {
    const capital = capitalOf.get(country)
    if (capital) capitalByAdjective.set(adjective, capital)
  }
  return {
    registry: byId,
    capitalByAdjective,
    capitalOf,
    countryIds: new Set(registry.filter((a) => a.kind === 'country').map((a) => a.id)),
    countryByName,
    nationality,
    placePattern,
    placeByForm,
  }
}

export function buildContext(registry: readonly ActorEntry[], places: readonly Place[], published: string | null, occasions: readonly Occasion[] = []): Context {
  let byPlaces = lookupCache.get(registry)
  if (!byPlaces) {
    byPlaces = new WeakMap()
    lookupCache.set(registry, byPlaces)
  }
  let lookups = byPlaces.get(places)
  if (!lookups) {
    lookups = buildLookups(registry, places)
    byPlaces.set(places, lookups)
  }
  return { ...lookups, published, occasions }
}

/** A country id the registry knows (or any id when the registry has no countries, as in small tests). */
export function knownCountry(ctx: Context, id: string | null | undefined): string | null {
  if (!id) return null
  return ctx.countryIds.size === 0 || ctx.countryIds.has(id) ? id : null
}

export function personsIn(ctx: Context, matches: readonly ActorMatch[]): Person[] {
  if (matches.length === 0) return []
  const seen = new Set<string>()
  const out: Person[] = []
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const entry = ctx.registry.get(m.actorId)
    if (entry && entry.kind !== 'person') continue
    if (seen.has(m.actorId)) continue
    seen.add(m.actorId)
    out.push({ id: m.actorId, country: entry?.country ?? null, start: m.start, end: m.end, surface: m.surface })
  }
  return out
}

/** "in der italienischen Hauptstadt", "in die russische Hauptstadt" (not "in der Hauptstadt Astana", named). */
const CAPITAL_BY_ADJECTIVE = /\b(?:in|nach)\s+(?:die|der)\s+(\p{Ll}+)\s+Hauptstadt(?!\s+\p{Lu})/gu
const CAPITAL_CUE = /Hauptstadt/

/** A venue of a city: "auf dem Flughafen von Kasan", "am Flughafen in Tianjin", "im Zentrum von Moskau". */
const VENUE_OF = /\b(?:Flughafen|Flughafens|Bahnhof|Hafen|Zentrum|Stadtzentrum|Stadtrand|Regierungssitz)\s+(?:von|in)\s+$/u

/** A compass point before a country's name, one word: "Südchina", "Nordost-China", "Westrussland". */
const REGION = /(?<![\p{L}-])(?:Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Zentral|Mittel)-?\p{L}+(?![\p{L}-])/gu
const REGION_CUE = /Nord|Süd|Ost|West|Zentral|Mittel/

/** A trip noun closing a compound with a place or country: "Chinabesuch", "China-Reise", "Russlandreise". */
const TRIP_COMPOUND = /(?<![\p{L}-])(\p{Lu}[\p{L}]+?)-?(?:[Bb]esuch|[Rr]eise|[Vv]isite)(?:s|es|e|en)?(?!\p{L})/gu
/** What TRIP_COMPOUND cannot match without. */
const TRIP_WORD = /esuch|eise|isite/

/** Destinations in a sentence: "in Moskau", "nach Moskau und Kiew", "Moskau … zu besuchen", "nach China", "Chinabesuch". */
export function findLegs(ctx: Context, text: string, matches: readonly ActorMatch[]): Leg[] {
  const legs: Leg[] = []
  const candidates: (Span & { place: string | null; country: string | null })[] = []
  if (ctx.placePattern) {
    for (const m of allMatches(ctx.placePattern, text)) {
      const place = ctx.placeByForm.get(m.text)
      if (place) candidates.push({ start: m.start, end: m.end, place: place.name, country: place.country })
    }
  }
  // "in der italienischen Hauptstadt": the capital of the state the adjective names
  if (CAPITAL_CUE.test(text)) {
    for (const m of text.matchAll(CAPITAL_BY_ADJECTIVE)) {
      const capital = ctx.capitalByAdjective.get(m[1] ?? '')
      if (!capital || m.index === undefined) continue
      const start = m.index + m[0].length - 'Hauptstadt'.length
      legs.push({ start, end: start + 'Hauptstadt'.length, place: capital.name, country: capital.country })
    }
  }
  // a part of a country by its compass point: "in Südchina", "nach Ostrussland" (not "Südkorea", a country of its own)
  if (REGION_CUE.test(text)) {
    for (const m of allMatches(REGION, text)) {
      const country = ctx.countryByName.get((/^(?:Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Zentral|Mittel)-?(.+)$/u.exec(m.text)?.[1] ?? '').toLowerCase())
      if (country && !ctx.countryByName.has(m.text.toLowerCase())) candidates.push({ start: m.start, end: m.end, place: null, country })
    }
  }
  for (const m of matches) {
    const entry = ctx.registry.get(m.actorId)
    if (entry?.kind !== 'country' || m.viaSeat) continue
    if (/^-/.test(text.slice(m.end))) continue
    candidates.push({ start: m.start, end: m.end, place: null, country: m.actorId })
  }
  candidates.sort((a, b) => a.start - b.start)
  let previous: Leg | undefined
  for (const c of candidates) {
    if (legs.some((l) => l.start < c.end && c.start < l.end)) continue
    const before = text.slice(Math.max(0, c.start - 40), c.start)
    const after = text.slice(c.end, c.end + 60)
    const directed =
      (DIRECTED.test(before) || (c.place !== null && (DIRECTED_WITH_ADJECTIVE.test(before) || VENUE_OF.test(before)))) &&
      !NOT_A_TRIP.test(before)
    const listed =
      previous !== undefined &&
      text.slice(previous.end, c.start).length <= 8 &&
      /^\s*(?:,|und|sowie|oder)\s*(?:(?:die|den|der)\s+)?$/u.test(text.slice(previous.end, c.start))
    const visited =
      /^\s+(?:[\p{L}-]+\s+){0,4}?(?:zu\s+besuchen|besuchen|besucht|besuchte|besuchten|zu\s+bereisen|bereisen|bereist|bereiste)\b/u.test(after) ||
      /\b(?:besucht|besuchte|besuchten|besuchen|bereist|bereiste|bereisen)\s+(?:(?:ab|am|im|in|von|der|die|den|das|diese[rnm]?|nächste[nr]?|kommende[nr]?|kommenden|zunächst|erstmals|auch|zudem|dann|noch|bald|heute|morgen|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Woche|Monat)\s+){0,4}$/u.test(before)
    if (!directed && !listed && !visited) continue
    const leg: Leg = { start: c.start, end: c.end, place: c.place, country: c.country }
    legs.push(leg)
    previous = leg
  }
  // closed and hyphenated compounds: "Chinabesuch", "China-Reise", "Russlandreise"
  const compounds = TRIP_WORD.test(text) ? allMatches(TRIP_COMPOUND, text) : []
  for (const m of compounds) {
    const prefix = /^(\p{Lu}[\p{L}]+?)-?(?:[Bb]esuch|[Rr]eise|[Vv]isite)/u.exec(m.text)?.[1] ?? ''
    if (!prefix || /^(?:Staats|Arbeits|Antritts|Auslands|Gegen|Kurz|Höflichkeits|Privat|Freundschafts|Dienst|Gipfel)$/u.test(prefix)) continue
    const countryId = ctx.countryByName.get(prefix.toLowerCase())
    const place = ctx.placeByForm.get(prefix)
    if (countryId) legs.push({ start: m.start, end: m.end, place: null, country: countryId })
    else if (place) legs.push({ start: m.start, end: m.end, place: place.name, country: place.country })
  }
  return legs.sort((a, b) => a.start - b.start)
}

/** Past-tense reports: "ist eingetroffen", "besuchte", "traf … in", "hat … empfangen". */

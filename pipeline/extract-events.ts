import type { EventStatus } from '../src/model/dataset.ts'
import placesJson from '../data/places.json' with { type: 'json' }
import { eventDate, findTimeMentions, parseReference } from './resolve-time.ts'
import type { Tense, TimeMention } from './resolve-time.ts'
import type { ActorEntry, ActorMatch, EventDraft, Sentence, TimeRef } from './types.ts'

/**
 * Visits and calls reported in one article. A sentence states a visit when a travel, meeting, invitation
 * or reception word ("eingetroffen", "Besuch", "Gespräche", "lud … ein", "empfängt") stands in the same
 * clause as a destination ("in Moskau", "nach China", "Moskau zu besuchen", "Chinabesuch") and a named
 * person from another state. Phone and video calls need no place.
 */

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

export const PLACES: readonly Place[] = parsePlaces(placesJson)

// --- word lists ------------------------------------------------------------------------------------

/** Phone and video calls. */
const CALL =
  /\p{L}*(?:[Tt]elefonat|[Tt]elefongespräch|[Tt]elefonkonferenz|[Vv]ideokonferenz|[Vv]ideoschalte|[Vv]ideoanruf|[Vv]ideotelefonat|[Vv]ideogespräch|[Vv]ideobrücke|[Vv]ideogipfel|[Vv]ideoverbindung|[Vv]ideocall)\p{L}*|\btelefonier\p{L}*|\btelefonisch\b|\b(?:am|per|über\s+das)\s+Telefon\b|\bper\s+Video\b|\bvirtuell\p{L}*\s+(?:\p{L}+\s+)?(?:Gipfel\p{L}*|Treffen|Sitzung|Konferenz)/gu

/** Words that report a trip, a meeting at a place, an invitation or a reception. */
export const TRIGGER =
  /\p{L}*(?:Besuch(?:s|es|e|en)?|besuch(?:s|es|e|en)?)(?!\p{L})|\bbesuch(?:t|te|ten|en|e|st)\b|\p{L}*(?:Reise|Reisen|reise|reisen)(?!\p{L})|\b(?:reist|reiste|reisten|gereist|angereist|eingetroffen|eintreffen|trifft|traf|trafen|getroffen|treffen|zusammentraf|zusammentrafen|zusammengetroffen|zusammenkommen|zusammengekommen|angekommen|ankommen|kommt|kommen|kam|kamen|geflogen|fliegt|flog|flogen|fliegen|weilt|weilte|gewesen|empfängt|empfing|empfangen|begrüßt|begrüßte|begrüßten|teilnimmt|teilnehmen|teilgenommen|nimmt|nahm|nahmen|beteiligt|erwartet|eingeladen|einladen|lädt|lud|luden|aufgebrochen|bricht|brach|abgereist|gelandet|landete|landet|bereist|bereiste|bereisen|hält\s+sich|hielt\s+sich)\b|\b(?:Ankunft|Visite|Stippvisite|Einladung|Gespräch|Gespräche|Gesprächen|Treffen|Treffens|Gipfel\p{L}*|\p{L}+gipfel\p{L}*|Teilnahme)\b|\bwillkommen\b/gu

/**
 * TRIGGER with its two "any word ending in …" alternatives (…besuch, …reise) tried only where a word
 * starts. Equal to TRIGGER from any position not inside a word: where such an alternative matches inside
 * a word it also matches at the word's start, which TRIGGER tries first. (TRIGGER tries every letter
 * of every word, and its scan was the largest cost of this stage.)
 */
const TRIGGER_AT_WORD = new RegExp(
  TRIGGER.source
    .replace('\\p{L}*(?:Besuch(?:s|es|e|en)?|besuch', '(?<!\\p{L})\\p{L}*(?:Besuch(?:s|es|e|en)?|besuch')
    .replace('|\\p{L}*(?:Reise|Reisen|reise|reisen)', '|(?<!\\p{L})\\p{L}*(?:Reise|Reisen|reise|reisen)'),
  TRIGGER.flags,
)
const LETTER = /\p{L}/u
/**
 * What a match of TRIGGER cannot be without (each alternative spelled out: "esuch" for Besuch/besucht,
 * "eise" for Reise, "kommen" for angekommen and willkommen, "ipfel" for Gipfel and …gipfel, …). About
 * two sentences in three have none of them and are not searched.
 */
const TRIGGER_CUE =
  /esuch|eise|reist|troffen|treffen|trifft|traf|kommen|kommt|kam|flog|flieg|weilt|gewesen|empf|begrüßt|nimmt|teilnehmen|genommen|nahm|beteiligt|erwartet|geladen|einladen|lädt|lud|gebrochen|bricht|brach|landet|hält|hielt|Ankunft|isite|Einladung|Gespräch|Treffen|ipfel|Teilnahme/

/** The trigger words of a sentence, as allMatches(TRIGGER, text) finds them. */
export function triggersIn(text: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = []
  if (!TRIGGER_CUE.test(text)) return out
  let from = 0
  while (from < text.length) {
    // inside a word (a trigger ended before a letter) only TRIGGER itself is exact, for one match
    const re = from > 0 && LETTER.test(charBefore(text, from)) && LETTER.test(String.fromCodePoint(text.codePointAt(from) ?? 0)) ? TRIGGER : TRIGGER_AT_WORD
    re.lastIndex = from
    const m = re.exec(text)
    if (!m) break
    if (m[0].length === 0) {
      from = m.index + 1
      continue
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] })
    from = m.index + m[0].length
  }
  return out
}

function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1)
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1)
}

/** What a call cannot be named without (CALL is case-sensitive): most sentences have none of them. */
const CALL_WORD = /elefon|ideo|virtuell/

/** Invitations: an event of their own kind when no date is given. */
const INVITE = /\b(?:eingeladen|einladen|lädt|lud|luden|Einladung\p{L}*|willkommen)\b/u

/** Announced, intended or expected trips. */
const FUTURE =
  /\b(?:will|wollen|wolle|soll|sollen|solle|sollte|sollten|werde|wird|werden|würde|würden|plant|planen|plane|geplant\p{L}*|kündigt\p{L}*|angekündigt|bevorsteh\p{L}*|bevor\b(?=[^.]*\bsteh)|erwartet|erwarten|freue|freut|freuen|vorbereit\p{L}*|bereite\p{L}*\s+sich|warte\p{L}*\s+auf|möglich\p{L}*|Aussicht|beabsichtig\p{L}*|vorgesehen|anstehend\p{L}*|kommend\p{L}*|könnte|könnten|dürfte|dürften|ob|Ob|falls|Falls|bekanntgegeben|bekannt\s*geben|bekannt\s*gegeben|gibt\b[^.]*\bbekannt|gab\b[^.]*\bbekannt)\b/u

/** A trip that did not or will not take place: "hat Kiew nicht besucht", "sagte die Reise ab". */
const NEGATED = /\b(?:nicht|nie|niemals|kein|keine|keinen|keinem|abgesagt|absagen|verschoben|gestrichen|sagte\b[^.]*\bab|sagt\b[^.]*\bab)\b/u

/** Present-tense reports of a trip under way. */
const ONGOING =
  /\b(?:teilnimmt|nimmt\b[^.]*\bteil|beteiligt\s+sich|empfängt|weilt|hält\s+sich\b[^.]*\bauf|zu\s+Gast|ist\s+zu\s+(?:einem\s+)?(?:\p{L}+)?[Bb]esuch|reist|besucht|fliegt|trifft|kommt)\b/u

/** A trip named inside a prepositional phrase is a reference to it, not an announcement ("Bei Xis Besuch … soll es"). */
const REFERENCE_PHRASE =
  /\b(?:bei|Bei|beim|Beim|während|Während|nach|Nach|vor|Vor|Auftakt|im\s+Rahmen|zum\s+Abschluss)\s+(?:(?:de[rmsn]|die|das|eine[mnrs]?|seine[mnrs]?|ihre[mnrs]?|\p{Lu}\p{L}*s|\p{Ll}+e[nmrs]?)\s+){0,3}$/u

/** "in Moskau", "nach China", "in die Ukraine", "in der Hauptstadt Astana". */
const DIRECTED = /(?:^|[^\p{L}])(?:in|nach|In|Nach)\s+(?:(?:die|den|der|das)\s+)?(?:(?:Hauptstadt|Stadt|Metropole|Hafenstadt|Grenzstadt|Küstenstadt)\s+)?$/u
/** "im russischen Kasan", "in der ostchinesischen Stadt Hangzhou", "im Kreml" (cities only). */
const DIRECTED_WITH_ADJECTIVE =
  /(?:^|[^\p{L}])(?:in|nach|im|In|Nach|Im)\s+(?:(?:die|den|der|das|dem)\s+)?(?:\p{Ll}+(?:en|er|em|es|e)\s+)?(?:(?:Hauptstadt|Stadt|Metropole|Hafenstadt|Grenzstadt|Küstenstadt|Badeort|Ferienort)\s+)?$/u

/** Nouns whose "in …"/"nach …" is not a trip: "Einmarsch in die Ukraine", "Krieg in der Ukraine", "Lage in Syrien". */
const NOT_A_TRIP =
  /(?:Einmarsch|Invasion|Krieg\p{L}*|Angriff\p{L}*|Lage|Situation|Konflikt\p{L}*|Krise|Truppen|Soldaten|Frieden\p{L}*|Waffen\p{L}*|Lieferung\p{L}*|Export\p{L}*|Import\p{L}*|Investition\p{L}*|Menschen|Einsatz|Offensive|Vormarsch|Rückzug|Wahl\p{L}*|Unternehmen|Firmen|Gas|Öl|Strom|Sanktion\p{L}*|Verlegung|Opfer|Tote[n]?|Anschlag|Anschläge|Proteste?|Demonstration\p{L}*|Flüchtlinge|Botschaft|Konsulat|Handel|Geschäfte?|Zahlungen|Hilfe)\s+(?:in|nach)\s+(?:(?:die|den|der|das)\s+)?$/u

/** Owner of a trip noun after it: "Besuch von Xi", "Besuch des chinesischen Staatschefs Xi", "Ankunft von …". */
const OWNER_AFTER = /^\s+(?:von|des|der|seines|seiner|ihres|ihrer|eines|einer)\s/u

/** Time expressions that bound or compare rather than date the event ("ab Februar 2022", "seit 2019"). */
const GUARDED = new Set(['ab', 'seit', 'bis', 'gegenüber', 'vor'])

/** Clause starts inside a sentence: subordinate conjunctions after a comma, semicolons, colons, dashes. */
const CLAUSE_BREAK =
  /\s*;\s*|:\s+|\s[–—-]\s|,\s+(?=(?:nachdem|weil|obwohl|wobei|um|dass|damit|bevor|als|während|da|wenn|sodass|zuletzt|dann|doch|aber|sondern|zudem|danach|anschließend|wie|und\s+(?:einen|eine|ein)\s+Tag)\b|(?:am|Am|im)\s+\d)/gu

const PRONOUN = /\b(?:er|sie|Sie|Er|ihn|ihm|seine[mnrs]?|ihre[mnrs]?|beide|beiden)\b/u

// --- small helpers ---------------------------------------------------------------------------------

interface Span {
  start: number
  end: number
}

interface Clause extends Span {
  text: string
}

interface Person {
  id: string
  country: string | null
  start: number
  end: number
  surface: string
}

interface Leg extends Span {
  place: string | null
  country: string | null
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function splitClauses(text: string): Clause[] {
  const out: Clause[] = []
  let start = 0
  CLAUSE_BREAK.lastIndex = 0
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m[0].length === 0) {
      CLAUSE_BREAK.lastIndex++
      continue
    }
    if (m.index > start) out.push({ start, end: m.index, text: text.slice(start, m.index) })
    start = m.index + m[0].length
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) })
  return out
}

function inside(span: Span, clause: Span): boolean {
  return span.start >= clause.start && span.end <= clause.end
}

function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end
  if (b.end <= a.start) return a.start - b.end
  return 0
}

function allMatches(pattern: RegExp, text: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = []
  const re = pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`)
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] })
  }
  return out
}

/** Day > month > year > none; an exact date beats an approximate one of the same length. */
export function precision(date: string | null, approx: boolean): number {
  if (!date) return 0
  return date.length * 2 - (approx ? 1 : 0)
}

/** happened > ongoing > planned > invited: the most advanced status a report can give. */
export const STATUS_RANK: Readonly<Record<EventStatus, number>> = { invited: 0, planned: 1, ongoing: 2, happened: 3 }

/** Dates that may name the same event: same year, same or adjacent month when approximate, same day. */
export function datesCompatible(a: string | null, b: string | null, approx: boolean, nullMatches: boolean): boolean {
  if (!a || !b) return nullMatches || (!a && !b)
  if (a.slice(0, 4) !== b.slice(0, 4)) return false
  if (a.length < 7 || b.length < 7) return true
  const ma = Number(a.slice(5, 7))
  const mb = Number(b.slice(5, 7))
  if (approx ? Math.abs(ma - mb) > 1 : ma !== mb) return false
  if (a.length >= 10 && b.length >= 10) return a.slice(0, 10) === b.slice(0, 10)
  return true
}

// --- the context of one article -------------------------------------------------------------------

interface Context {
  registry: ReadonlyMap<string, ActorEntry>
  countryIds: ReadonlySet<string>
  /** Lower-cased country names and aliases → id, for closed compounds ("Chinabesuch", "Russlandreise"). */
  countryByName: ReadonlyMap<string, string>
  placePattern: RegExp | null
  placeByForm: ReadonlyMap<string, Place>
  published: string | null
}

type Lookups = Omit<Context, 'published'>

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
  return {
    registry: byId,
    countryIds: new Set(registry.filter((a) => a.kind === 'country').map((a) => a.id)),
    countryByName,
    placePattern,
    placeByForm,
  }
}

function buildContext(registry: readonly ActorEntry[], places: readonly Place[], published: string | null): Context {
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
  return { ...lookups, published }
}

/** A country id the registry knows (or any id when the registry has no countries, as in small tests). */
function knownCountry(ctx: Context, id: string | null | undefined): string | null {
  if (!id) return null
  return ctx.countryIds.size === 0 || ctx.countryIds.has(id) ? id : null
}

function personsIn(ctx: Context, matches: readonly ActorMatch[]): Person[] {
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

/** A trip noun closing a compound with a place or country: "Chinabesuch", "China-Reise", "Russlandreise". */
const TRIP_COMPOUND = /(?<![\p{L}-])(\p{Lu}[\p{L}]+?)-?(?:[Bb]esuch|[Rr]eise|[Vv]isite)(?:s|es|e|en)?(?!\p{L})/gu
/** What TRIP_COMPOUND cannot match without. */
const TRIP_WORD = /esuch|eise|isite/

/** Destinations in a sentence: "in Moskau", "nach Moskau und Kiew", "Moskau … zu besuchen", "nach China", "Chinabesuch". */
function findLegs(ctx: Context, text: string, matches: readonly ActorMatch[]): Leg[] {
  const legs: Leg[] = []
  const candidates: (Span & { place: string | null; country: string | null })[] = []
  if (ctx.placePattern) {
    for (const m of allMatches(ctx.placePattern, text)) {
      const place = ctx.placeByForm.get(m.text)
      if (place) candidates.push({ start: m.start, end: m.end, place: place.name, country: place.country })
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
      (DIRECTED.test(before) || (c.place !== null && DIRECTED_WITH_ADJECTIVE.test(before))) &&
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
const PAST =
  /\b(?:ist|sind|war|waren|hat|hatte|hatten|haben)\b[^.]*\b(?:ge\p{L}+(?:t|en)|eingetroffen|angekommen|angereist|zusammengekommen|zusammengetroffen|empfangen|besucht|eingeladen|teilgenommen)\b|\b(?:besuchte|besuchten|reiste|reisten|traf|trafen|empfing|empfingen|begrüßte|begrüßten|flog|flogen|kam|kamen|weilte|nahm|nahmen|zusammentraf|zusammentrafen|war|waren)\b/u

/** A bare present-tense travel verb ("Scholz reist nach Kiew"): a headline habit, says little about status. */
const BARE_PRESENT = /\b(?:reist|besucht|fliegt|kommt|trifft)\b/u
const NOW = /\b(?:heute|derzeit|zurzeit|gerade|momentan|aktuell|soeben)\b/iu

interface Status {
  status: EventStatus
  /** false when nothing in the clause decides it (a headline, a bare noun): then other reports decide. */
  strong: boolean
}

function status(clause: string, trigger: string, triggerBefore: string, hasTime: boolean, date: string | null, published: string | null): Status {
  const referencePhrase = /^\p{Lu}/u.test(trigger) && REFERENCE_PHRASE.test(triggerBefore)
  if (INVITE.test(clause)) return { status: hasTime ? 'planned' : 'invited', strong: true }
  if (FUTURE.test(clause) && !referencePhrase) return { status: hasTime ? 'planned' : 'invited', strong: true }
  const common = date && published ? Math.min(date.length, published.length) : 0
  if (date && published && date.slice(0, common) > published.slice(0, common)) return { status: 'planned', strong: true }
  if (ONGOING.test(clause)) {
    if (date && published && date.slice(0, common) < published.slice(0, common)) return { status: 'happened', strong: true }
    const bare = BARE_PRESENT.test(clause) && !hasTime && !NOW.test(clause) && !/\b(?:teilnimmt|teil|empfängt|weilt|Gast)\b/u.test(clause)
    return { status: 'ongoing', strong: !bare }
  }
  return { status: 'happened', strong: PAST.test(clause) || hasTime }
}

function tenseOf(clause: string): Tense {
  // an invitation looks ahead: "hat … im Frühling nach Moskau eingeladen" is next spring
  return FUTURE.test(clause) || INVITE.test(clause) ? 'future' : ONGOING.test(clause) ? 'present' : 'past'
}

function nearestTime(mentions: readonly TimeMention[], anchor: Span): TimeMention | undefined {
  let best: TimeMention | undefined
  for (const m of mentions) if (!best || distance(m, anchor) < distance(best, anchor)) best = m
  return best
}

/** Comma-delimited stretch of the clause around a position. */
function segmentAt(text: string, clause: Span, position: number): Span {
  const before = text.lastIndexOf(',', position - 1)
  const after = text.indexOf(',', position)
  return { start: Math.max(clause.start, before + 1), end: after < 0 ? clause.end : Math.min(clause.end, after) }
}

/**
 * The time expression that dates a leg: one in the leg's own comma stretch, else the nearest in the
 * clause that does not sit beside another leg ("Im Mai war Xi in Moskau, nun reist Putin nach Peking").
 */
function timeOfLeg(text: string, clause: Span, times: readonly TimeMention[], leg: Leg, legs: readonly Leg[]): TimeMention | undefined {
  const own = segmentAt(text, clause, leg.start)
  const near = times.filter((t) => inside(t, own))
  if (near.length) return nearestTime(near, leg)
  const free = times.filter((t) => {
    const seg = segmentAt(text, clause, t.start)
    return !legs.some((l) => l !== leg && inside(l, seg))
  })
  return nearestTime(free, leg)
}

/** The month of the article when a report of a current trip gives no date of its own (GUIDE: like "heute"). */
function publishedMonth(published: string | null): string | null {
  const ref = parseReference(published)
  return ref && ref.month !== null ? `${ref.year}-${String(ref.month).padStart(2, '0')}` : null
}

/** A draft while the article is read: whether its status and date come from its own words. */
/** An event date from a time expression; a weekday or "heute" gives the article's month (GUIDE). */
function datedAs(mention: TimeMention, published: string | null): TimeRef | null {
  if (mention.kind === 'weekday' || mention.kind === 'today') {
    const month = publishedMonth(published)
    if (month) return { iso: month, approx: false }
  }
  return eventDate(mention)
}

interface Working extends EventDraft {
  strong: boolean
  ownDate: boolean
}

interface SentenceInput {
  sentence: Sentence
  matches: readonly ActorMatch[]
  /** The people the sentence names (personsIn of its matches). */
  persons: readonly Person[]
  previousPersons: readonly Person[]
}

function callsIn(clause: Clause, persons: readonly Person[], text: string, times: readonly TimeMention[], trigger: Span, published: string | null): Working | undefined {
  const inClause = persons.filter((p) => inside(p, clause))
  const people = inClause.length ? inClause : persons
  if (people.length === 0) return undefined
  // GUIDE: the first-named party calls, the others are called; "mit X" marks X as called
  const called = new Set<string>()
  let boundary = clause.start
  for (const p of people) {
    if (/\bmit\b/u.test(text.slice(Math.max(boundary, p.start - 60), p.start))) called.add(p.id)
    boundary = p.end
  }
  const caller = people.find((p) => !called.has(p.id)) ?? people[0]
  if (!caller) return undefined
  const visitors = [caller.id]
  const hosts = people.filter((p) => p.id !== caller.id).map((p) => p.id)
  const time = nearestTime(
    times.filter((t) => inside(t, clause)),
    trigger,
  )
  const ref: TimeRef | null = time ? datedAs(time, published) : null
  const future = FUTURE.test(clause.text) && !(/^\p{Lu}/u.test(text.slice(trigger.start, trigger.end)) && REFERENCE_PHRASE.test(text.slice(clause.start, trigger.start)))
  const st: EventStatus = future ? 'planned' : 'happened'
  return {
    kind: 'call',
    visitors,
    hosts,
    place: null,
    country: null,
    date: ref?.iso ?? null,
    approx: ref?.approx ?? false,
    status: st,
    sentence: 0,
    quote: '',
    strong: true,
    ownDate: ref !== null,
  }
}

function ownerOf(text: string, persons: readonly Person[], trigger: Span): Person | undefined {
  // genitive before: "Putins Besuch", "Xis Chinabesuch"
  const before = persons.find((p) => p.end <= trigger.start && /^\s?$/.test(text.slice(p.end, trigger.start)) && /s$/.test(p.surface))
  if (before) return before
  // genitive after: "ein Besuch Putins in Pjöngjang"
  const genitive = persons.find((p) => p.start >= trigger.end && /^\s$/.test(text.slice(trigger.end, p.start)) && /s$/.test(p.surface))
  if (genitive) return genitive
  const after = text.slice(trigger.end)
  if (!OWNER_AFTER.test(after)) return undefined
  return persons.find((p) => p.start >= trigger.end && p.start - trigger.end <= 60 && !/[,;.]/.test(text.slice(trigger.end, p.start)))
}

function visitsIn(
  ctx: Context,
  input: SentenceInput,
  clause: Clause,
  triggers: readonly Span[],
  persons: readonly Person[],
  legsOfSentence: () => readonly Leg[],
  timesOfClause: () => readonly TimeMention[],
): Working[] {
  const text = input.sentence.text
  const clausePersons = persons.filter((p) => inside(p, clause))
  const first = triggers[0]
  if (!first) return []
  let clauseLegs = legsOfSentence().filter((l) => inside(l, clause))
  const owner = triggers.map((t) => ownerOf(text, clausePersons, t)).find((p) => p !== undefined)
  if (clauseLegs.length === 0) {
    // "Ein Besuch des chinesischen Staatschefs Xi soll laut Putin folgen": the host is the other party's state
    const nounTrigger = triggers.find((t) => /[Bb]esuch|Reise|Visite/u.test(text.slice(t.start, t.end)))
    if (!nounTrigger || !owner) return []
    const other = clausePersons.find((p) => p.id !== owner.id && p.country && p.country !== owner.country)
    if (!other?.country) return []
    clauseLegs = [{ start: other.start, end: other.end, place: null, country: other.country }]
  }
  const clauseTimes = timesOfClause().filter((t) => inside(t, clause))
  const hasTime = clauseTimes.length > 0
  const out: Working[] = []
  for (const leg of clauseLegs) {
    const country = leg.country
    const foreign = (p: Person) => p.country !== country
    let visitors: Person[]
    if (owner && foreign(owner)) visitors = [owner]
    else visitors = clausePersons.filter((p) => p.country !== null && foreign(p))
    if (visitors.length === 0) {
      // elided or pronoun subject: the nearest foreign person named earlier in the sentence, then in the one before
      const earlier = persons.filter((p) => p.end <= clause.start && p.country !== null && foreign(p))
      const last = earlier[earlier.length - 1]
      if (last) visitors = [last]
      else if (clausePersons.length === 0 && PRONOUN.test(clause.text)) {
        const prev = input.previousPersons.filter((p) => p.country !== null && foreign(p))
        const lastPrev = prev[prev.length - 1]
        if (lastPrev) visitors = [lastPrev]
      }
    }
    if (visitors.length === 0) continue
    const hosts = clausePersons.filter((p) => p.country !== null && p.country === country && !visitors.includes(p))
    const time = timeOfLeg(text, clause, clauseTimes, leg, clauseLegs)
    const ref: TimeRef | null = time ? datedAs(time, ctx.published) : null
    const nearestTrigger = triggers.reduce((a, b) => (distance(b, leg) < distance(a, leg) ? b : a), first)
    // status compares the time as read (a day for "nächste Woche"), not the month the event keeps
    const when = time?.ref?.iso ?? null
    const st = status(clause.text, text.slice(nearestTrigger.start, nearestTrigger.end), text.slice(clause.start, nearestTrigger.start), hasTime, when, ctx.published)
    out.push({
      kind: 'visit',
      visitors: visitors.map((p) => p.id),
      hosts: hosts.map((p) => p.id),
      place: leg.place,
      country: knownCountry(ctx, country),
      date: ref?.iso ?? null,
      approx: ref?.approx ?? false,
      status: st.status,
      sentence: input.sentence.index,
      quote: text,
      strong: st.strong,
      ownDate: ref !== null,
    })
  }
  return out
}

function draftsOfSentence(ctx: Context, input: SentenceInput): Working[] {
  const text = input.sentence.text
  // a report needs a named person: most sentences end here, before any pattern runs over them
  const persons = input.persons
  if (persons.length === 0) return []
  const triggers = triggersIn(text)
  const calls = CALL_WORD.test(text) ? allMatches(CALL, text) : []
  if (triggers.length === 0 && calls.length === 0) return []
  const clauses = splitClauses(text)
  // destinations and time expressions are read only for a clause that needs them (most need neither)
  let legs: Leg[] | undefined
  const legsOfSentence = (): Leg[] => (legs ??= findLegs(ctx, text, input.matches))
  // the sentence's time expressions, read once per tense its clauses speak in
  const timesByTense = new Map<Tense, TimeMention[]>()
  const timesOf = (clause: Clause): TimeMention[] => {
    const tense = tenseOf(clause.text)
    let times = timesByTense.get(tense)
    if (!times) {
      times = findTimeMentions(text, ctx.published, tense).filter(
        (t) => !(t.preposition && GUARDED.has(t.preposition)) && !/^(?:ab|seit|bis)\b/i.test(t.text),
      )
      timesByTense.set(tense, times)
    }
    return times
  }
  const out: Working[] = []
  for (const clause of clauses) {
    const call = calls.find((c) => inside(c, clause))
    if (call) {
      if (NEGATED.test(clause.text)) continue
      const draft = callsIn(clause, persons, text, timesOf(clause), call, ctx.published)
      if (draft) out.push({ ...draft, sentence: input.sentence.index, quote: text })
      continue
    }
    const clauseTriggers = triggers.filter((t) => inside(t, clause))
    if (clauseTriggers.length === 0 || NEGATED.test(clause.text)) continue
    out.push(...visitsIn(ctx, input, clause, clauseTriggers, persons, legsOfSentence, () => timesOf(clause)))
  }
  return out
}

function sameParticipants(a: Working, b: Working): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'call') {
    const pa = [...a.visitors, ...a.hosts]
    const pb = [...b.visitors, ...b.hosts]
    return pa.every((id) => pb.includes(id)) || pb.every((id) => pa.includes(id))
  }
  // two firm reports on different sides of now (done / to come) are two trips
  const done = (s: EventStatus) => s === 'happened' || s === 'ongoing'
  if (a.strong && b.strong && done(a.status) !== done(b.status)) return false
  // the same trip, told with more or fewer companions named ("Wang Yi" / "Wang Yi … Xi")
  if (!a.visitors.some((id) => b.visitors.includes(id))) return false
  if (a.place && b.place) return a.place === b.place
  return a.country === b.country || a.country === null || b.country === null
}

function rank(d: Working): number[] {
  return [d.strong ? 1 : 0, d.ownDate ? 1 : 0, precision(d.date, d.approx), STATUS_RANK[d.status]]
}

function outranks(a: Working, b: Working): boolean {
  const ra = rank(a)
  const rb = rank(b)
  for (let i = 0; i < ra.length; i++) if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (ra[i] ?? 0) > (rb[i] ?? 0)
  return false
}

function fold(into: Working, d: Working): Working {
  const lead = outranks(d, into) ? d : into
  const shorter = d.quote.length < into.quote.length ? d : into
  const ownDated = [into, d].filter((x) => x.ownDate)
  const dateFrom = ownDated.length
    ? ownDated.reduce((a, b) => (precision(b.date, b.approx) > precision(a.date, a.approx) ? b : a))
    : lead
  // a call keeps the caller of its leading report; a visit, the travellers both reports name
  const visitors = into.kind === 'call' ? lead.visitors : into.visitors.filter((id) => d.visitors.includes(id))
  return {
    kind: into.kind,
    visitors,
    hosts: [...new Set([...into.hosts, ...d.hosts, ...(into.kind === 'call' ? [...into.visitors, ...d.visitors] : [])])].filter(
      (h) => !visitors.includes(h) && (into.kind === 'call' || (!into.visitors.includes(h) && !d.visitors.includes(h))),
    ),
    place: into.place ?? d.place,
    country: into.country ?? d.country,
    date: dateFrom.date,
    approx: dateFrom.approx,
    status: lead.status,
    sentence: shorter.sentence,
    quote: shorter.quote,
    strong: into.strong || d.strong,
    ownDate: into.ownDate || d.ownDate,
  }
}

/**
 * Folds drafts of the same event within one article. Reports with their own date go first; a report
 * without one (dated by the article, or not at all) joins a compatible event. The event keeps the most
 * precise own date, the status of its firmest report, and the shortest sentence.
 */
function foldDrafts(drafts: readonly Working[]): Working[] {
  const out: Working[] = []
  const ordered = [...drafts.filter((d) => d.ownDate), ...drafts.filter((d) => !d.ownDate)]
  for (const d of ordered) {
    const i = out.findIndex(
      (o) =>
        sameParticipants(o, d) &&
        (!d.ownDate || !o.ownDate || datesCompatible(o.date, d.date, o.approx || d.approx, true)),
    )
    const existing = out[i]
    if (i < 0 || !existing) out.push({ ...d, visitors: [...d.visitors], hosts: [...d.hosts] })
    else out[i] = fold(existing, d)
  }
  return out.sort((a, b) => a.sentence - b.sentence)
}

/** Two people in conversation: one speaks (is quoted), the other is spoken to. */
interface Dialogue {
  speaker: Person
  partner: Person
}

/** "bei einem Treffen mit X", "im Gespräch mit X", "traf sich mit X": the meeting that frames the quotes after it. */
const MEETING_WITH = /\b(?:Treffen|Gespräch|Gesprächen|Telefonat|trafen?\s+sich|zusammengetroffen)\s+mit\b/u

/**
 * The conversation the quotes of a sentence belong to: a sentence naming exactly two people and a meeting
 * "mit" one of them opens one (the other is the speaker); a sentence naming anyone else ends it; a sentence
 * naming no one (a quote, "Er sagte …") keeps it.
 */
function nextDialogue(current: Dialogue | null, text: string, persons: readonly Person[]): Dialogue | null {
  if (persons.length === 0) return current
  const meeting = MEETING_WITH.exec(text)
  if (persons.length === 2 && meeting) {
    const after = meeting.index + meeting[0].length
    const partner = persons.find((p) => p.start >= after)
    const speaker = persons.find((p) => p !== partner)
    if (partner && speaker) return { speaker, partner }
  }
  const known = current ? [current.speaker.id, current.partner.id] : []
  return persons.every((p) => known.includes(p.id)) ? current : null
}

/**
 * The people a quote inside a conversation speaks of by pronoun: the polite "Sie" (not at the start of a
 * sentence) is the partner; "wir uns" ("haben wir uns … getroffen") is both. Only in quoted speech.
 */
function addressed(text: string, dialogue: Dialogue): Person[] {
  if (!/[„“"«»]/u.test(text)) return []
  const out: Person[] = []
  const as = (who: Person, start: number, surface: string): Person => ({ id: who.id, country: who.country, start, end: start + surface.length, surface })
  for (const m of text.matchAll(/(?<=\p{L}[^.!?„“"«»]*\s)Sie\b/gu)) out.push(as(dialogue.partner, m.index, 'Sie'))
  for (const m of text.matchAll(/\b[Ww]ir\s+uns\b/gu)) out.push(as(dialogue.speaker, m.index, 'wir'), as(dialogue.partner, m.index, 'wir'))
  // one person once per clause (as personsIn names each once): "Sie … und … wir uns" in one clause is the two of them
  const clauses = splitClauses(text)
  const seen = new Set<string>()
  return out
    .sort((a, b) => a.start - b.start)
    .filter((p) => {
      const key = `${clauses.findIndex((c) => p.start >= c.start && p.start < c.end)}:${p.id}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

/**
 * Visits and calls reported in one article, one draft per event (the shortest sentence that states it).
 * `published` is the article's date ("YYYY-MM-DD" or "YYYY-MM") that relative expressions resolve against.
 */
export function extractEvents(
  sentences: readonly Sentence[],
  matches: readonly ActorMatch[],
  registry: readonly ActorEntry[],
  published: string | null,
  places: readonly Place[] = PLACES,
): EventDraft[] {
  const ctx = buildContext(registry, places, published)
  const bySentence = new Map<number, ActorMatch[]>()
  for (const m of matches) {
    const list = bySentence.get(m.sentence) ?? []
    list.push(m)
    bySentence.set(m.sentence, list)
  }
  const drafts: Working[] = []
  let previousPersons: Person[] = []
  const personsOf = new Map<number, Person[]>()
  let dialogue: Dialogue | null = null
  for (const sentence of sentences) {
    const own = bySentence.get(sentence.index) ?? []
    const persons = personsIn(ctx, own)
    personsOf.set(sentence.index, persons)
    dialogue = nextDialogue(dialogue, sentence.text, persons)
    const told = persons.length === 0 && dialogue ? addressed(sentence.text, dialogue) : persons
    try {
      drafts.push(...draftsOfSentence(ctx, { sentence, matches: own, persons: told, previousPersons }))
    } catch {
      // messy input never stops the article
    }
    if (persons.length) previousPersons = persons
  }
  const month = publishedMonth(published)
  const cities = citiesOfPeople(ctx, sentences, personsOf)
  return foldDrafts(drafts).map(({ strong: _strong, ownDate: _ownDate, ...d }): EventDraft => {
    const place = d.kind === 'visit' && d.place === null && d.country !== null ? cityOfTrip(cities, d.visitors, d.country) : d.place
    const date = d.date === null && month !== null && (d.status === 'happened' || d.status === 'ongoing') ? month : d.date
    return { ...d, place, date }
  })
}

/** Where the article puts each person: cities named "in …" in a sentence that names them ("sagte Putin in Shanghai"). */
function citiesOfPeople(ctx: Context, sentences: readonly Sentence[], personsOf: ReadonlyMap<number, readonly Person[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const sentence of sentences) {
    const persons = personsOf.get(sentence.index) ?? []
    if (persons.length === 0) continue
    let legs: Leg[]
    try {
      legs = findLegs(ctx, sentence.text, []).filter((l) => l.place !== null)
    } catch {
      continue
    }
    for (const p of persons) {
      const set = out.get(p.id) ?? new Set<string>()
      for (const l of legs) if (l.place) set.add(`${l.country ?? ''}|${l.place}`)
      out.set(p.id, set)
    }
  }
  return out
}

/**
 * The city of a trip the report names only by country ("während Putins Chinabesuch"): the one city of that
 * country where the article puts the traveller, if there is exactly one.
 */
function cityOfTrip(cities: ReadonlyMap<string, ReadonlySet<string>>, visitors: readonly string[], country: string): string | null {
  const found = new Set<string>()
  for (const v of visitors) {
    for (const key of cities.get(v) ?? []) {
      const [c, place] = key.split('|')
      if (c === country && place) found.add(place)
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null
}

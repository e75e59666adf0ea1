/**
 * Where a trip goes when its own clause names no destination: the text says it elsewhere.
 * - an anaphor ("in der Stadt", "dort", "vor Ort") points to the city the sentences before it named;
 * - the next sentence gives the venue ("Die Begegnung findet in dem Touristenort Guilin statt");
 * - a guest or a meeting of a local and a foreigner at the article's scene: the city of the dateline
 *   ("UFA (dpa-AFX) –"), where the reporter is because the news happens there.
 */
import { BYLINE_CITY } from './bylines.ts'
import { findLegs } from './event-context.ts'
import type { Context } from './event-context.ts'
import type { Leg, Span } from './event-words.ts'
import type { Sentence } from '../types.ts'
import { tenseOf } from './event-time.ts'
import { PAST } from './event-status.ts'
import { findTimeMentions } from '../time/resolve-time.ts'

/** A place named only by its kind, pointing back: "in der Stadt", "dort", "vor Ort", "in der Hauptstadt" (not "in der Stadt Qingdao"). */
const PLACE_ANAPHOR = /(?:^|[^\p{L}])(?:[Ii]n\s+der\s+(?:\p{Ll}+en\s+)?(?:Haupt)?[Ss]tadt(?!\s+\p{Lu})|[Dd]ort|vor\s+Ort)(?![\p{L}-])/u

/** A sentence that gives the venue of a meeting: "Das Treffen findet in … statt", "Der Gipfel fand in … statt". */
const VENUE = /\b(?:findet|fand|finden|fanden)\b[^.;]*?\bstatt\b|\b(?:ist|war|wird)\b[^.;]*?\bstattfinden\b|\bstattfand\b/u
const MEETING_NOUN =
  /\b(?:Treffen|Begegnung|Gipfel\p{L}*|\p{L}+gipfel\p{L}*|Gespräche|Besuch|Staatsbesuch|Visite|Konferenz|Forum|Sitzung|Zusammenkunft|Tagung|Verhandlungen|Beratungen|Feierlichkeiten|Parade|\p{L}+parade|Spiele|\p{L}+spiele|Olympi\p{L}+)\b/u

/** A meeting told by its verb: "Im Juni treffen sich die Staats- und Regierungschefs … in Bischkek", "kommen … zusammen". */
const MEETING_VERB = /\b(?:treffen|trafen|träfen)\s+sich\b|\b(?:kommen|kamen)\b[^.;]{0,80}\bzusammen\b/u

/**
 * A dateline: "UFA (dpa-AFX) –", "Moskau (AFP) -", "PEKING (Reuters) -", "MOSKAU:", or a city alone as the
 * first words of the text ("Moskau." as a paragraph of its own); or a byline ending in a city (`BYLINE_CITY`). One city only: "MOSKAU/PEKING" names no scene.
 */
const DATELINE = /^\s*(\p{Lu}[\p{L}.' -]{1,30}?)\s*(?:\((?:[^()]{1,40})\)\s*[-–—:]|:\s|\.\s*$)/u


/** How far back an anaphor looks for the city it points to. */
const ANAPHOR_REACH = 2

/** A definite meeting named without a place, pointing back to the article's summit: "am Gipfel teilnehmen", "beim Treffen". */
const EVENT_ANAPHOR = /\b(?:[Aa]m|[Bb]eim|[Zz]um|dem|den|[Aa]n\s+dem)\s+(?:\p{Ll}+en\s+)?(?:Gipfel|Gipfeltreffen|Treffen|Forum|Feierlichkeiten|Parade)\b(?!\s+(?:der|des|in|von|im|zwischen|mit)\b)/u

/**
 * Words that put people at the article's meeting without naming it: who represents a state there (not who
 * holds a view: "vertritt die Ansicht"), who is among its participants, who announced their coming ("Russland wird von Lawrow vertreten", "Unter den
 * Teilnehmern sind …", "haben ihr Kommen angekündigt").
 */
const AT_THE_EVENT = /\b(?:[Vv]ertreten|vertritt|vertrat)\b(?!\s+(?:(?:die|den|eine|einen)\s+)?(?:Ansicht|Meinung|Auffassung|Position|Standpunkt|These|Linie|Interessen)\b)|\b[Uu]nter\s+den\s+(?:Teilnehmern|Gästen|Ehrengästen)\b|\b(?:[Aa]uf|[Vv]on)\s+der\s+(?:Ehren)?[Tt]ribüne\b|\b(?:ihr|sein|seines|ihres)\s+Kommen\b|\b(?:ihre|seine)\s+Teilnahme\s+(?:\p{L}+\s+){0,3}?(?:zugesagt|bestätigt|angekündigt)\b|\b(?:nimmt|nehmen|nahm|nahmen)(?:\s+(?:auch|ebenfalls|ebenso|zudem|außerdem|persönlich|daran))*\s+teil(?=\s*[.,:;–]|\s*$)|\b(?:wird|werden)\s+(?:(?:auch|ebenfalls|ebenso|zudem|außerdem|dort)\s+)*erwartet(?=\s*[.,:;–]|\s*$)/u

/** Prepositions that make a time a bound of the meeting, not its date: "seit Juni", "bis Juni", "vor Juni". */
const BOUNDING = /^(?:seit|bis|ab|vor|nach|gegenüber)$/iu

/** Whether a sentence puts people at the article's meeting without naming it. */
export const atTheEvent = (text: string): boolean => AT_THE_EVENT.test(text)

/**
 * The article's scene. A byline's city (`byline`) is where the reporter files from, which may be their
 * base rather than the news: it places only those told as arriving.
 */
export type Scene = Leg & { byline?: boolean }

export interface SceneInput {
  /** The sentences before the one being read, nearest last (a few). */
  before: readonly Sentence[]
  /** The sentence after it, if any. */
  after: Sentence | undefined
  /** The city of the article's dateline, if it names one known city. */
  dateline: Scene | null
  /** Every sentence before this one (for the summit a definite "am Gipfel" points back to). */
  earlier: readonly Sentence[]
  /** The whole text, for the occasions the article names anywhere. */
  article: string
  /** The words by which the article says its summit or visit is still under way, if it does. */
  underWay: string | null
}

function cityLegs(ctx: Context, text: string): Leg[] {
  return findLegs(ctx, text, []).filter((l) => l.place !== null)
}

/**
 * A dateline city glued to the first word of its paragraph ("PekingChina will …", "MoskauDer Kreml …"): the
 * page set the city apart and the crawl lost the dash between them. Only where the city is a known one.
 */
const GLUED = /^\s*(\p{Lu}\p{Ll}{2,})(?=\p{Lu}\p{Ll})/u

/** How many sentences from the top a dateline may stand in (title, kicker and teaser come first). */
const DATELINE_REACH = 4

function placeNamed(ctx: Context, name: string): Leg | null {
  const title = name.length > 1 ? `${name.charAt(0)}${name.slice(1).toLowerCase()}` : name
  const place = ctx.placeByForm.get(name) ?? ctx.placeByForm.get(title)
  return place ? { start: 0, end: 0, place: place.name, country: place.country } : null
}

/** The known city of an article's dateline, read from its first sentences. */
export function datelineOf(ctx: Context, sentences: readonly Sentence[]): Scene | null {
  for (const [i, s] of sentences.slice(0, 2 * DATELINE_REACH).entries()) {
    // past the first lines (a teaser of two sentences and a date line may come first), only a paragraph's opening
    if (i >= DATELINE_REACH && s.paragraph === sentences[i - 1]?.paragraph) continue
    const byline = BYLINE_CITY.exec(s.text)
    const name = (DATELINE.exec(s.text) ?? byline)?.[1]?.trim()
    if (!name) continue
    // a headline "Gipfel in Kasan: …" is no dateline, and one may follow it
    const leg = placeNamed(ctx, name)
    if (leg) return byline ? { ...leg, byline: true } : leg
  }
  // a glued dateline opens the first paragraph of the body, which may come after the teaser
  let paragraph = sentences[0]?.paragraph
  for (const s of sentences.slice(1, 2 * DATELINE_REACH)) {
    const opens = s.paragraph !== paragraph
    paragraph = s.paragraph
    const glued = opens ? GLUED.exec(s.text) : null
    const leg = glued?.[1] ? placeNamed(ctx, glued[1]) : null
    if (leg) return leg
  }
  return null
}

/** "weiter in die Hauptstadt", "in der Hauptstadt" (no adjective, no name after it): the capital of the country just named. */
const CAPITAL_ANAPHOR = /\b(?:in|nach)\s+(?:die|der)\s+Hauptstadt\b(?![\p{L}-]|\s+\p{Lu})/u

/** The capital a bare "die Hauptstadt" points to: that of the country of the last place named before, in the sentence or before it. */
export function capitalAnaphorLeg(ctx: Context, clause: string, scene: SceneInput, at: Span): Leg | null {
  if (!CAPITAL_ANAPHOR.test(clause)) return null
  for (const s of [...scene.before].reverse().slice(0, ANAPHOR_REACH)) {
    const last = cityLegs(ctx, s.text).pop()
    const capital = last?.country ? ctx.capitalOf.get(last.country) : undefined
    if (capital) return { start: at.start, end: at.end, place: capital.name, country: capital.country }
  }
  return null
}

/** The city an anaphor in `clause` points to: the last city named in the sentence before it, else in the sentences before. */
export function anaphoricLeg(ctx: Context, clause: string, scene: SceneInput, at: Span): Leg | null {
  if (!PLACE_ANAPHOR.test(clause)) return null
  for (const s of [...scene.before].reverse().slice(0, ANAPHOR_REACH)) {
    const last = cityLegs(ctx, s.text).pop()
    if (last) return { ...last, start: at.start, end: at.end }
  }
  const told = scene.dateline
  return told && !told.byline ? { start: at.start, end: at.end, place: told.place, country: told.country } : null
}

/** The venue the next sentence gives a meeting ("Die zweitägige Begegnung findet in … Guilin … statt"). */
export function venueAfter(ctx: Context, scene: SceneInput, at: Span): Leg | null {
  const next = scene.after?.text
  const venue = next ? VENUE.exec(next) : null
  if (!next || !venue || !MEETING_NOUN.test(next.slice(0, venue.index + venue[0].length))) return null
  // the city between "findet" and "statt", not one named later in the sentence
  const first = cityLegs(ctx, venue[0])[0]
  return first ? { ...first, start: at.start, end: at.end } : null
}

/** The city of the meeting a definite "am Gipfel" points back to: the last earlier sentence naming a meeting in a city. */
export function eventAnaphorLeg(ctx: Context, clause: string, scene: SceneInput, at: Span): Leg | null {
  if (!EVENT_ANAPHOR.test(clause) && !AT_THE_EVENT.test(clause)) return null
  for (let i = scene.earlier.length - 1; i >= 0; i--) {
    const text = scene.earlier[i]?.text ?? ''
    if (!MEETING_NOUN.test(text) && !MEETING_VERB.test(text)) continue
    const city = cityLegs(ctx, text)[0]
    if (!city) continue
    // "Der Gipfel findet im Juni in Bischkek statt. … haben ihre Teilnahme zugesagt": the meeting's time dates the
    // trip — a date, month or season (a weekday there is the day of someone's arrival), read in the present
    // ("findet im Juni statt" looks ahead or is now) unless a past verb makes it past
    const told = tenseOf(text)
    const meetingTime = findTimeMentions(text, ctx.published, told === 'past' && !PAST.test(text) ? 'present' : told).find((t) => t.ref !== null && t.kind !== 'weekday' && t.kind !== 'today' && !BOUNDING.test(t.preposition ?? ''))
    return { ...city, start: at.start, end: at.end, ...(meetingTime ? { meetingTime } : {}) }
  }
  return null
}

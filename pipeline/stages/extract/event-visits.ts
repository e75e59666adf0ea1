/** The visits one clause reports: its destination (told in the clause or around it), its travellers by state, their date and status. */
import { knownCountry } from './event-context.ts'
import type { Context } from './event-context.ts'
import { BOTH_PEOPLE, FUTURE, INVITE, OWNER_AFTER, PRONOUN, ROLE_ANAPHOR, distance, inside, outsideQuotes } from './event-words.ts'
import type { Clause, Leg, Person, Span, Working } from './event-words.ts'
import { anaphoricLeg, capitalAnaphorLeg, eventAnaphorLeg, venueAfter } from './event-scene.ts'
import type { SceneInput } from './event-scene.ts'
import { occurrenceIn } from './event-occasions.ts'
import { PAST, readStatus } from './event-status.ts'
import { laterTime } from './event-later.ts'
import { mayNameRole, namesRoleOfState, roleReferent } from './event-roles.ts'
import type { TimeMention } from '../time/time-reference.ts'
import { findTimeMentions } from '../time/resolve-time.ts'
import type { ActorMatch, Sentence, TimeRef } from '../types.ts'
import type { Decision } from '../../../src/model/dataset.ts'
import { tenseOf, timeOfLeg, datedAs, dateDecision, segmentAt, EARLIER_MEETING } from './event-time.ts'

export interface SentenceInput {
  sentence: Sentence
  /** The sentences around it, for places told there (see event-scene.ts). */
  scene: SceneInput
  matches: readonly ActorMatch[]
  /** The people the sentence names (personsIn of its matches). */
  persons: readonly Person[]
  previousPersons: readonly Person[]
  /** The people of the last few sentences that name anyone, in reading order ("die beiden" looks back further than a pronoun). */
  recentPersons: readonly Person[]
  /** Everyone the article named before this sentence, in reading order (a role with a state looks back to them: event-roles.ts). */
  namedBefore: readonly Person[]
  /** The date of the last trip or call told before with a time of its own ("im selben Monat" looks back to it). */
  lastDated?: string | null
}

/** Sending someone: the one sent is the traveller. */
const SEND = /^(?:schickt|schickte|schickten|geschickt|entsandte|entsandten|entsandt|entsendet|entsendete)$/u
/** What is sent when no one travels: a message, weapons, troops, aid. */
const SENT_THING = /^\s+(?:\p{L}+\s+){0,3}?(?:\p{L}*(?:[Bb]otschaft|[Bb]rief|[Ss]chreiben|[Tt]elegramm|[Gg]lückwünsche?|[Ww]affen|[Tt]ruppen|[Ss]oldaten|[Hh]ilfe|[Ss]ignal|[Nn]ote|[Pp]aket|[Ll]ieferung\p{L}*))\b/u

/** A person named inside another's description ("den Berater von Präsident Trump"), not the one sent; "unter Leitung des …" is. */
const OWNED_BY = /(?<!\bLeitung\s)\b(?:von|des|der|dem)\s+(?:\p{L}+\s+){0,2}$/u

/** A clause opening with a time counted from a person: "Kurz vor Putin", "Einen Tag nach Macron", "Vor ihm". */
const BEFORE_OR_AFTER = /^\s*(?:(?:[Kk]urz|[Uu]nmittelbar|[Ee]inen\s+Tag|[Zz]wei\s+Tage|[Ww]enige\s+(?:Tage|Wochen)|[Ee]ine\s+Woche)\s+)?(?:[Vv]or|[Nn]ach)\s+$/u

/** A time told by the one before it: "im selben Monat", "im gleichen Jahr". */
const SAME_PERIOD = /\b(?:[Ii]m|[Ii]n\s+dem)\s+(?:selben|gleichen)\s+(Monat|Jahr)\b/u

/** The date a time anaphor gives, from the date told before: its month or its year. */
function samePeriod(clause: string, lastDated: string | null | undefined): { iso: string; cue: string } | null {
  const m = lastDated ? SAME_PERIOD.exec(clause) : null
  if (!m || !lastDated) return null
  if (m[1] === 'Monat') return lastDated.length >= 7 ? { iso: lastDated.slice(0, 7), cue: m[0] } : null
  return { iso: lastDated.slice(0, 4), cue: m[0] }
}

export function ownerOf(text: string, persons: readonly Person[], trigger: Span): Person | undefined {
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

export function visitsIn(
  ctx: Context,
  input: SentenceInput,
  clause: Clause,
  triggers: readonly (Span & { text: string })[],
  persons: readonly Person[],
  legsOfSentence: () => readonly Leg[],
  timesOfClause: () => readonly TimeMention[],
): Working[] {
  const text = input.sentence.text
  // "Kurz vor Putin war Xi in Frankreich zu Gast": the person a clause opens its time with travels no leg of it
  const clausePersons = persons.filter((p) => inside(p, clause) && !BEFORE_OR_AFTER.test(text.slice(clause.start, p.start)))
  const first = triggers[0]
  if (!first) return []
  // "Peking schickte Vizepräsident Han Zheng nach Washington": who is sent travels (not "schickte eine Botschaft")
  const sending = triggers.find((t) => SEND.test(t.text))
  const sentThing = sending !== undefined && SENT_THING.test(text.slice(sending.end, clause.end))
  if (sentThing && triggers.length === 1) return []
  const sent = sentThing ? undefined : sending
  let clauseLegs = legsOfSentence().filter((l) => inside(l, clause))
  const owner = triggers.map((t) => ownerOf(text, clausePersons, t)).find((p) => p !== undefined)
  if (clauseLegs.length === 0) {
    const told = legTold(ctx, input, clause, triggers, clausePersons, owner, timesOfClause())
    if (!told) return []
    clauseLegs = [told]
  } else {
    // "nach Russland" or "in Südchina", and the next sentence names the city: "Die Begegnung findet in Guilin statt"
    clauseLegs = clauseLegs.map((leg) => {
      if (leg.place !== null) return leg
      const venue = venueAfter(ctx, input.scene, leg)
      return venue && venue.country === leg.country ? venue : leg
    })
  }
  clauseLegs = [...clauseLegs, ...originLegs(ctx, text, clause, clauseLegs)].sort((a, b) => a.start - b.start)
  const clauseTimes = timesOfClause().filter((t) => inside(t, clause))
  const out: Working[] = []
  // who travelled to the clause's leg before: a later stretch's pronoun is them again
  let travelled: Person[] = []
  for (const leg of clauseLegs) {
    const country = leg.country
    const foreign = (p: Person) => p.country !== country
    // with several destinations in a clause, each takes the people of its own comma stretch
    const legPersons = clauseLegs.length > 1 ? personsBesideLeg(text, clause, leg, clauseLegs, clausePersons) : clausePersons
    let visitors: Person[]
    // how the travellers were read when the clause does not name them as its subject (shown under the sentence)
    let visitorsFrom: Decision | undefined
    if (owner && foreign(owner)) visitors = [owner]
    else if (sent) {
      // the one sent stands after a finite verb ("schickte Han Zheng"), before a participle ("hatte Han Zheng … geschickt")
      const after = !/^ge|^entsandt$/u.test(sent.text)
      const from = after ? sent.end : clause.start
      visitors = legPersons.filter((p) => (after ? p.start >= sent.end : p.end <= sent.start) && p.country !== null && foreign(p) && !OWNED_BY.test(text.slice(Math.max(from, p.start - 40), p.start)))
      visitorsFrom = { rule: 'sent', cue: sent.text, reference: null }
    }
    else visitors = legPersons.filter((p) => p.country !== null && foreign(p))
    if (visitors.length === 0 && clausePersons.length === 0 && BOTH_PEOPLE.test(clause.text)) {
      // "die beiden": the last two people named, earlier in the sentence or before it
      visitors = lastTwo([...input.recentPersons, ...persons.filter((p) => p.end <= clause.start)]).filter((p) => p.country !== null && foreign(p))
      visitorsFrom = { rule: 'both-named-before', cue: BOTH_PEOPLE.exec(clause.text)?.[0] ?? null, reference: null }
    }
    const role = visitors.length === 0 && clausePersons.every((p) => !foreign(p)) ? roleReferent(text, clause, [input.namedBefore, persons.filter((p) => p.end <= clause.start)], input.persons, country, ctx.nationality) : undefined
    // "der chinesische Premier wird in Mailand erwartet": the person of the role's state named last
    if (role && foreign(role.person)) {
      visitors = [role.person]
      visitorsFrom = { rule: 'role-of-state', cue: role.cue, reference: null }
    }
    // a role of the leg's own state is its subject, at home there ("Der türkische Präsident war aus Ankara angereist")
    if (visitors.length === 0 && !(clausePersons.length === 0 && namesRoleOfState(text, clause, input.persons, ctx.nationality))) {
      // elided or pronoun subject: the nearest foreign person named earlier in the sentence, then in the one before
      const earlier = persons.filter((p) => p.end <= clause.start && p.country !== null && foreign(p))
      const last = earlier[earlier.length - 1]
      // "war aus Singapur nach Bali gereist, zuvor hatte er Vietnam besucht": the stretch's pronoun is the clause's traveller
      const stretch = segmentAt(text, clause, leg.start)
      const again = PRONOUN.test(text.slice(stretch.start, stretch.end)) ? travelled.filter(foreign) : []
      const pronoun = PRONOUN.exec(clause.text)?.[0] ?? null
      let cue = pronoun
      if (last) visitors = [last]
      else if (again.length) visitors = again
      else if (clausePersons.every((p) => !foreign(p)) && (pronoun !== null || ROLE_ANAPHOR.test(clause.text))) {
        // "reist er weiter nach Minsk, wo ihn Lukaschenko erwartet": the clause names only the host
        const lastPrev = input.previousPersons.find((p) => p.country !== null && foreign(p))
        if (lastPrev) visitors = [lastPrev]
        cue = pronoun ?? ROLE_ANAPHOR.exec(clause.text)?.[0] ?? null
      }
      if (visitors.length) visitorsFrom = { rule: 'subject-before', cue, reference: null }
    }
    if (visitors.length === 0) continue
    travelled = visitors
    const hosts = clausePersons.filter((p) => p.country !== null && p.country === country && !visitors.includes(p))
    // GUIDE: travellers of different states to one meeting are one record each; one state's delegation is one
    // "ist am Mittwoch in Moskau gelandet, am Freitag tritt er … in Sankt Petersburg auf": a leg whose comma
    // stretch has a trip word and a tense of its own is read in that stretch (its status, its weekday)
    const own = clauseLegs.length > 1 ? ownStretch(ctx, text, clause, leg, triggers) : null
    for (const group of byState(visitors)) {
      const draft = own ? visitDraft(ctx, input, own.clause, own.triggers, leg, clauseLegs, group, hosts, own.times) : visitDraft(ctx, input, clause, triggers, leg, clauseLegs, group, hosts, clauseTimes)
      out.push(visitorsFrom ? { ...draft, visitorsFrom } : draft)
    }
  }
  return out
}

/** A leg's comma stretch as a clause of its own, when it holds a trip word and speaks in another tense than the clause. */
function ownStretch(ctx: Context, text: string, clause: Clause, leg: Leg, triggers: readonly (Span & { text: string })[]): { clause: Clause; triggers: (Span & { text: string })[]; times: TimeMention[] } | null {
  const span = segmentAt(text, clause, leg.start)
  if (span.start === clause.start && span.end === clause.end) return null
  const inStretch = triggers.filter((t) => inside(t, span))
  const stretchText = text.slice(span.start, span.end)
  // a stretch with no past form of its own beside a past clause speaks in the present ("am Freitag tritt er … auf")
  const read = tenseOf(stretchText)
  const tense = read === 'past' && !PAST.test(stretchText) ? 'present' : read
  if (inStretch.length === 0 || tense === tenseOf(clause.text)) return null
  const times = findTimeMentions(text, ctx.published, tense).filter((t) => inside(t, span) && !/^(?:ab|seit|bis)\b/i.test(t.text))
  return { clause: { ...span, text: stretchText }, triggers: inStretch, times }
}

/** Presence without a meeting word: "Vor Ort sind …", "vertritt Brasilien in Kasan", "wird von … vertreten". */
const ON_SITE = /\b(?:[Vv]or\s+Ort|vertritt|vertreten|zugegen|anwesend)\b/u

/** Meeting and reception words: a local and a foreigner who meet at the article's scene met there. */
export const MEETING = /^(?:treffe|trifft|traf|trafen|getroffen|treffen|Treffen|Treffens|Gespräch|Gespräche|Gesprächen|Empfang|Empfangs|empfängt|empfing|empfangen|empfange|begrüßt|begrüßte|begrüßten|Begegnung|Unterredung|zusammentraf|zusammentrafen|zusammengetroffen)$/u
/** Words that put someone at a place rather than on a journey: speech verbs, attending, guests. */
export const PRESENCE_WORD =
  /^(?:sagte|sagt|sagten|erklärte|erklärt|betonte|betont|sprach|spricht|warnte|versicherte|antwortete|kündigte|teilte|unterstrich|bekräftigte|forderte|lobte|unterzeichnete|unterzeichneten|äußerte|teilnimmt|teilnehmen|teilgenommen|Teilnahme|Gast|Gäste|Gästen|\p{L}+gast|\p{L}+gäste|Beisein|Anwesenheit|Tribüne|\p{L}+tribüne)$/u

/** Where a traveller came from: "aus Singapur nach Bali gereist", "aus Peking eingetroffen", "aus Kiew zurückgekehrt". */
const FROM_PLACE = /(?<![\p{L}])aus\s+(?:de[rm]\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/gu
const CAME = /\b(?:gereist|angereist|gekommen|eingetroffen|geflogen|zurückgekehrt|kommend)\b/u

/**
 * The place a traveller came from, told with an arrival in the past: they were there (GUIDE: each leg its own
 * record). Not a planned journey, and not the traveller's own state (the visitor filter leaves those out).
 */
export function originLegs(ctx: Context, text: string, clause: Clause, legs: readonly Leg[]): Leg[] {
  if (!CAME.test(clause.text) || FUTURE.test(clause.text)) return []
  const out: Leg[] = []
  for (const m of clause.text.matchAll(FROM_PLACE)) {
    const name = m[1] ?? ''
    const start = clause.start + (m.index ?? 0) + m[0].length - name.length
    // the arrival follows the place in its stretch ("Lukaschenko aus Belarus, …" says where someone is from)
    if (!CAME.test(text.slice(start + name.length, start + name.length + 50).split(/[,;]/)[0] ?? '')) continue
    const place = ctx.placeByForm.get(name) ?? ctx.placeByForm.get(name.split(/\s+/)[0] ?? '')
    if (!place || legs.some((l) => (l.start <= start && start < l.end) || l.place === place.name)) continue
    out.push({ start, end: start + name.length, place: place.name, country: place.country })
  }
  return out
}

/** Arrivals: someone from elsewhere who arrived, told as today's news with no place, arrived at the scene. */
const ARRIVED = /^(?:eingetroffen|angekommen|angereist|gelandet|landete|landeten|Ankunft|Landung)$/u
/** "trafen … ein": the separable arrival (the trigger is the verb, its particle closes the clause). */
const ARRIVED_SEPARABLE = /\btr(?:af|afen)\b[^.;]*\bein\s*(?:[,.;]|$)/u

/** Guests and presence: "Gipfelgäste", "Ehrengast", "im Beisein". */
export const PRESENCE = /^(?:Gast|Gäste|Gästen|\p{L}+gast|\p{L}+gäste|\p{L}+gästen|Beisein|Anwesenheit|Tribüne|\p{L}+tribüne|Teilnahme|teilnimmt|teilnehmen|teilgenommen)$/u

/**
 * The destination of a trip whose clause names none: the owner's counterpart's state ("Ein Besuch des
 * chinesischen Staatschefs Xi soll laut Putin folgen"), a place anaphor, the venue the next sentence gives,
 * or the dateline's city for a guest or a meeting of a local with a foreigner told as today's news.
 */
export function legTold(
  ctx: Context,
  input: SentenceInput,
  clause: Clause,
  triggers: readonly (Span & { text: string })[],
  clausePersons: readonly Person[],
  owner: Person | undefined,
  times: readonly TimeMention[],
): Leg | null {
  const text = input.sentence.text
  const at = triggers[0] ?? clause
  const nounTrigger = triggers.find((t) => /[Bb]esuch|Reise|Visite/u.test(text.slice(t.start, t.end)))
  if (nounTrigger && owner) {
    const other = clausePersons.find((p) => p.id !== owner.id && p.country && p.country !== owner.country)
    if (other?.country) return { start: other.start, end: other.end, place: null, country: other.country }
  }
  // "die Einladung … zur Teilnahme an dem Treffen": an invitation to the meeting an earlier sentence placed
  const invited = triggers.some((t) => INVITE.test(t.text))
  const invitedTo = invited ? eventAnaphorLeg(ctx, clause.text, input.scene, at) : null
  if (invitedTo) return invitedTo
  // "Xi habe Putin zur Feier eingeladen": the invitation is to the inviter's state (the inviter is named first,
  // or after "von" in the passive)
  if (invited && clausePersons.length >= 2) {
    const byVon = clausePersons.find((p) => /\bvon\s+(?:\p{L}+\s+){0,3}$/u.test(text.slice(Math.max(clause.start, p.start - 40), p.start)))
    const inviter = byVon ?? clausePersons[0]
    if (inviter?.country && clausePersons.some((p) => p !== inviter && p.country !== null && p.country !== inviter.country)) {
      return { start: inviter.start, end: inviter.end, place: null, country: inviter.country }
    }
  }
  // (an invitation has asked for the meeting already)
  const pointed = capitalAnaphorLeg(ctx, clause.text, input.scene, at) ?? anaphoricLeg(ctx, clause.text, input.scene, at) ?? venueAfter(ctx, input.scene, at) ?? (invited ? null : eventAnaphorLeg(ctx, clause.text, input.scene, at))
  if (pointed) return pointed
  // "beim Treffen der Shanghaier Organisation erwartet": the host city of the occurrence meant
  const occurrence = occurrenceIn(clause.text, ctx.occasions, null, ctx.published, tenseOf(clause.text))
  const host = occurrence?.city ? ctx.placeByForm.get(occurrence.city) : undefined
  if (host) return { start: at.start, end: at.end, place: host.name, country: host.country }
  const scene = input.scene.dateline
  if (!scene) return null
  // only news of the day: no time of its own, or a weekday / "heute" (a dated past meeting may have been anywhere)
  const current = times.filter((t) => inside(t, clause)).every((t) => t.kind === 'weekday' || t.kind === 'today')
  if (!current) return null
  const states = new Set(clausePersons.map((p) => p.country).filter((c): c is string => c !== null))
  // a role with no name may be the foreigner ("Der türkische Präsident war aus Ankara angereist": roleReferent reads who)
  const foreigner = clausePersons.some((p) => p.country !== null && p.country !== scene.country) || (clausePersons.length === 0 && mayNameRole(clause.text))
  const guest = triggers.some((t) => PRESENCE.test(t.text)) && foreigner
  const arrived = (triggers.some((t) => ARRIVED.test(t.text)) || ARRIVED_SEPARABLE.test(text.slice(clause.start))) && foreigner
  const meeting = triggers.some((t) => MEETING.test(t.text)) && states.has(scene.country ?? '') && states.size > 1
  const placed = scene.byline ? arrived : guest || arrived || meeting
  return placed ? { start: at.start, end: at.end, place: scene.place, country: scene.country } : null
}

/** The last two different people of a list in reading order (fewer when it names fewer). */
export function lastTwo(people: readonly Person[]): Person[] {
  const out: Person[] = []
  for (let i = people.length - 1; i >= 0 && out.length < 2; i--) {
    const p = people[i]
    if (p && !out.some((q) => q.id === p.id)) out.unshift(p)
  }
  return out
}

/**
 * The people a destination belongs to when a clause names several: those of its comma stretch, else those
 * of no other destination's stretch ("Die Begegnung findet in Guilin statt, nur Tage nach einem Treffen
 * zwischen Wang Yi und Blinken in Alaska": Guilin takes no one of the Alaska meeting).
 */
export function personsBesideLeg(text: string, clause: Span, leg: Leg, legs: readonly Leg[], persons: readonly Person[]): Person[] {
  // a list of places is one leg's stretch: "reiste Xi nach Frankreich, Serbien und Ungarn"
  const list = listOf(text, leg, legs)
  const head = list[0] ?? leg
  const own = segmentAt(text, clause, head.start)
  const mine = persons.filter((p) => inside(p, own))
  if (mine.length) return mine
  const others = legs.filter((l) => !list.includes(l)).map((l) => segmentAt(text, clause, l.start))
  return persons.filter((p) => !others.some((seg) => inside(p, seg)))
}

/** Between two places of one list: ", ", " und ", " sowie ". */
const LIST_GAP = /^\s*(?:,|und|sowie|oder)\s*(?:(?:die|den|der)\s+)?$/u

/** The places listed together with `leg` ("Frankreich, Serbien und Ungarn"), in reading order. */
function listOf(text: string, leg: Leg, legs: readonly Leg[]): Leg[] {
  const sorted = [...legs].sort((a, b) => a.start - b.start)
  let i = sorted.indexOf(leg)
  let j = i
  const joined = (a: Leg | undefined, b: Leg | undefined): boolean => a !== undefined && b !== undefined && b.start - a.end <= 8 && LIST_GAP.test(text.slice(a.end, b.start))
  while (i > 0 && joined(sorted[i - 1], sorted[i])) i -= 1
  while (j < sorted.length - 1 && joined(sorted[j], sorted[j + 1])) j += 1
  const list = sorted.slice(i, j + 1)
  // "in Anchorage, Alaska": a city and its region, one place, not a list of two
  const [a, b] = list
  if (list.length === 2 && a && b && a.country === b.country && /^\s*,\s*$/u.test(text.slice(a.end, b.start))) return [leg]
  return list
}

/** Travellers grouped by the state they act for, in the order first named (one without a state is alone). */
export function byState(people: readonly Person[]): Person[][] {
  const groups = new Map<string, Person[]>()
  for (const p of people) {
    const key = p.country ?? `person:${p.id}`
    const group = groups.get(key)
    if (group) group.push(p)
    else groups.set(key, [p])
  }
  return [...groups.values()]
}

export function visitDraft(
  ctx: Context,
  input: SentenceInput,
  clause: Clause,
  triggers: readonly (Span & { text: string })[],
  leg: Leg,
  clauseLegs: readonly Leg[],
  visitors: readonly Person[],
  hosts: readonly Person[],
  clauseTimes: readonly TimeMention[],
): Working {
  const text = input.sentence.text
  const country = leg.country
  let hasTime = clauseTimes.length > 0
  const first = triggers[0] ?? clause
  // "wollen nach ihrem Treffen im Mai … nun in Astana …": a time inside a phrase naming an earlier meeting dates that meeting
  const earlier = [...text.matchAll(EARLIER_MEETING)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const own = clauseTimes.filter((t) => !earlier.some((e) => inside(t, e) && !inside(leg, e)))
  const lookedBack = lookedBackTo(text, leg, earlier, ctx.published)
  // the places of a list share the time of its first ("Im Mai reiste Xi nach Frankreich, Serbien und Ungarn")
  const head = listOf(text, leg, clauseLegs)[0] ?? leg
  let time = lookedBack ? lookedBack.time : timeOfLeg(text, clause, own, head, clauseLegs)
  let ref: TimeRef | null = time ? datedAs(time, ctx.published) : null
  let dateFrom = dateDecision(time, ref, ctx.published)
  // status compares the time as read (a day for "nächste Woche"), not the month the event keeps
  let when = time?.ref?.iso ?? null
  let occasionEnd: string | null = null
  const weak = !time || time.kind === 'weekday' || time.kind === 'today' || ref === null
  // "Ein Jahr später stand Xi bei der Siegesparade": a time counted from the one told before
  const later = weak ? laterTime(clause.text, text.slice(0, clause.start), input.scene.before.map((s) => s.text), ctx.published) : null
  if (later) {
    ref = { iso: later.iso, approx: false }
    when = later.iso
    hasTime = true
    dateFrom = later.from
  }
  // a summit or forum named but dated only by a weekday or not at all: the occurrence's first day
  if (weak) {
    // (else, for a trip with no date at all, an occasion the article names that was held in this trip's city,
    // when the article's date tells which year's: undated, the city alone would pick any year's)
    const occurrence =
      occurrenceIn(clause.text, ctx.occasions, leg.place, later?.iso ?? ctx.published, later ? 'past' : tenseOf(clause.text)) ??
      (ref === null && leg.place !== null && ctx.published !== null ? occurrenceIn(input.scene.article, ctx.occasions, leg.place, ctx.published, tenseOf(clause.text), true) : undefined)
    if (occurrence && (leg.place === null || occurrence.city === null || occurrence.city === leg.place)) {
      ref = { iso: occurrence.from, approx: false }
      when = when ?? occurrence.from
      hasTime = true
      dateFrom = later ? { rule: 'occasion', cue: `${later.from.cue} · ${occurrence.cue}`, reference: later.from.reference } : { rule: 'occasion', cue: occurrence.cue, reference: ctx.published }
      occasionEnd = occurrence.to
    }
  }
  // a trip to the meeting an earlier sentence dated and no summit of the table dates ("Der Gipfel findet im Juni in
  // Bischkek statt. … haben ihre Teilnahme zugesagt"): that sentence's time
  if (!time && ref === null && leg.meetingTime) {
    time = leg.meetingTime
    ref = datedAs(time, ctx.published)
    when = time.ref?.iso ?? null
    hasTime = true
    const decided = dateDecision(time, ref, ctx.published)
    if (decided) dateFrom = { ...decided, rule: 'meeting-time' }
  }
  // "Im selben Monat trafen sich die beiden in Bischkek": the month of the trip told before
  const same = samePeriod(clause.text, input.lastDated)
  if (same) {
    ref = { iso: same.iso, approx: false }
    when = same.iso
    hasTime = true
    dateFrom = { rule: 'same-period', cue: same.cue, reference: input.lastDated ?? null }
  }
  const nearestTrigger = triggers.reduce((a, b) => (distance(b, leg) < distance(a, leg) ? b : a), first)
  const st = readStatus({
    clause: outsideQuotes(clause.text, nearestTrigger.start - clause.start),
    trigger: text.slice(nearestTrigger.start, nearestTrigger.end),
    triggerBefore: text.slice(clause.start, nearestTrigger.start),
    hasTime,
    timeKind: time?.kind ?? null,
    date: when,
    published: ctx.published,
    underWay: input.scene.underWay,
    presence: triggers.some((t) => PRESENCE_WORD.test(t.text)),
    occasion: dateFrom?.rule === 'occasion',
    occasionEnd,
    occasionCue: dateFrom?.cue ?? null,
    meeting: triggers.some((t) => MEETING.test(t.text) || PRESENCE_WORD.test(t.text)) || ON_SITE.test(clause.text),
    timeText: time?.text ?? null,
  })
  // the meeting a clause looks back to ("nach ihrem Treffen im Mai in Peking") has happened, whatever the clause plans
  const status = lookedBack ? { status: 'happened' as const, strong: true, rule: 'looked-back', cue: lookedBack.cue } : st
  return {
    kind: 'visit',
    visitors: visitors.map((p) => p.id),
    hosts: hosts.map((p) => p.id),
    place: leg.place,
    country: knownCountry(ctx, country),
    date: ref?.iso ?? null,
    approx: ref?.approx ?? false,
    status: status.status,
    sentence: input.sentence.index,
    quote: text,
    strong: status.strong,
    ownDate: ref !== null,
    statusFrom: { rule: status.rule, cue: status.cue, reference: ctx.published },
    ...(dateFrom ? { dateFrom } : {}),
  }
}

/**
 * A leg inside a phrase that looks back to an earlier meeting ("nach ihrem Treffen im Mai in Peking", "seit
 * seinem Besuch im März in Moskau"): that meeting's words and its time, read in the past whatever the tense of
 * the clause around it. "vor ihrem Treffen …" looks at a meeting that may still be ahead: not decided here.
 */
function lookedBackTo(text: string, leg: Leg, earlier: readonly Span[], published: string | null): { time: TimeMention | undefined; cue: string } | null {
  const phrase = earlier.find((e) => inside(leg, e) && /^(?:nach|seit)\b/iu.test(text.slice(e.start, e.end)))
  if (!phrase) return null
  const cue = text.slice(phrase.start, phrase.end)
  const time = findTimeMentions(text, published, 'past').find((t) => inside(t, phrase))
  return { time, cue }
}

/**
 * Presence told by where someone spoke or signed: "sagte Xi am Mittwoch in Johannesburg", "GAZPROM-Chef
 * Miller sagte … in Peking, dass …". Only the city right after the verb, and only its speaker (named between
 * the verb and the city, or just before the verb) — not people the words are about.
 */
export function spokenAt(
  ctx: Context,
  input: SentenceInput,
  clause: Clause,
  verbs: readonly (Span & { text: string })[],
  persons: readonly Person[],
  legs: readonly Leg[],
  timesOfClause: () => readonly TimeMention[],
): Working[] {
  const text = input.sentence.text
  const out: Working[] = []
  for (const verb of verbs) {
    const leg = spokenLeg(text, verb, legs)
    if (!leg) continue
    const visitors = speakersAt(text, verb, leg, persons).filter((p) => p.country !== null && p.country !== leg.country)
    if (visitors.length === 0) continue
    const clauseTimes = timesOfClause().filter((t) => inside(t, clause))
    for (const group of byState(visitors)) out.push(visitDraft(ctx, input, clause, [verb], leg, [leg], group, [], clauseTimes))
  }
  return out
}

/** Who speaks (or signs) at a speech verb's place: a person between the verb and the place, or just before the verb. */
export function speakersAt(text: string, verb: Span, leg: Leg, persons: readonly Person[]): Person[] {
  return persons.filter((p) => (p.start >= verb.end && p.end <= leg.start) || (p.end <= verb.start && verb.start - p.end <= 40 && !/[,;]/u.test(text.slice(p.end, verb.start))))
}

/** The city a speech verb says the words were said in: the first one after it, before any comma. */
export function spokenLeg(text: string, verb: Span, legs: readonly Leg[]): Leg | undefined {
  return legs.find((l) => l.place !== null && l.start > verb.end && l.start - verb.end <= 80 && !/[,;:.]/u.test(text.slice(verb.end, l.start)))
}


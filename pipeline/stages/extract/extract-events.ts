import { buildContext, findLegs, knownCountry, personsIn } from './event-context.ts'
import type { Context } from './event-context.ts'
import { addressed, nextDialogue } from './event-dialogue.ts'
import type { Dialogue } from './event-dialogue.ts'
import { foldDrafts } from './event-fold.ts'
import { BOTH_PEOPLE, CALL, CALL_WORD, FUTURE, GUARDED, INVITE, NEGATED, ONGOING, OWNER_AFTER, PRONOUN, REFERENCE_PHRASE, allMatches, distance, inside, speechAtPlace, splitClauses, tripTriggersIn, outsideQuotes } from './event-words.ts'
import type { Clause, Leg, Person, Span, Working } from './event-words.ts'
import type { Place } from './places.ts'
import { anaphoricLeg, datelineOf, eventAnaphorLeg, venueAfter } from './event-scene.ts'
import type { SceneInput } from './event-scene.ts'
import { hostedOccasions, occurrenceIn } from './event-occasions.ts'
import type { Occasion } from '../time/occasions.ts'
import type { Decision, EventStatus } from '../../../src/model/dataset.ts'
import { readStatus, UNDER_WAY } from './event-status.ts'
import { eventDate, findTimeMentions } from '../time/resolve-time.ts'
import { parseReference } from '../time/time-reference.ts'
import type { Tense, TimeMention } from '../time/time-reference.ts'
import type { ActorEntry, ActorMatch, EventDraft, Sentence, TimeRef } from '../types.ts'

/**
 * Visits and calls reported in one article. A sentence states a visit when a travel, meeting, invitation
 * or reception word ("eingetroffen", "Besuch", "Gespräche", "lud … ein", "empfängt") stands in the same
 * clause as a destination ("in Moskau", "nach China", "Moskau zu besuchen", "Chinabesuch") and a named
 * person from another state. Phone and video calls need no place.
 */


/** Travel and meeting verbs in the reported present (Konjunktiv I). */
const REPORTED_PRESENT = /\b(?:treffe|reise|komme|besuche|empfange|fliege|nehme\b[^.;]*\bteil)\b/u

function tenseOf(clause: string): Tense {
  // an invitation looks ahead: "hat … im Frühling nach Moskau eingeladen" is next spring
  if (FUTURE.test(clause) || INVITE.test(clause)) return 'future'
  // reported speech speaks in the present: "Putin treffe an diesem Donnerstag …"
  return ONGOING.test(clause) || REPORTED_PRESENT.test(clause) ? 'present' : 'past'
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


interface SentenceInput {
  sentence: Sentence
  /** The sentences around it, for places told there (see event-scene.ts). */
  scene: SceneInput
  matches: readonly ActorMatch[]
  /** The people the sentence names (personsIn of its matches). */
  persons: readonly Person[]
  previousPersons: readonly Person[]
  /** The people of the last few sentences that name anyone, in reading order ("die beiden" looks back further than a pronoun). */
  recentPersons: readonly Person[]
}

/** A summit or meeting held by video: a call of all its participants (not a video address to one held in person). */
const VIRTUAL_MEETING = /\bvirtuell\p{L}*\s+(?:\p{L}+\s+)?(?:Gipfel\p{L}*|Treffen|Sitzung|Konferenz)|\b(?:Video|Online-?)gipfel\p{L}*|\bVideokonferenz\s+(?:der|des)\s/u
/** A counterpart described, not named: "mit seinem französischen Amtskollegen", "mit dem Präsidenten". */
const COUNTERPART = /\bmit\s+(?:seine[mnr]|ihre[mnr]|de[mnr]|einem)\s+(?:\p{Ll}+\s+)?(?:Amtskolleg\p{L}*|Kolleg\p{L}*|Präsident\p{L}*|Regierungschef\p{L}*|Premier\p{L}*|Kanzler\p{L}*|Außenminister\p{L}*|Staatschef\p{L}*|Ministerpräsident\p{L}*)/u
/** Taking part from afar: "per Video", "online", "per Konferenzschalte", "zugeschaltet", "per Videobotschaft". */
const REMOTE = /\b(?:per|via|über)\s+(?:Video\p{L}*|Konferenzschalte|Liveschalte|Live-Schalte|Internet)\b|\bonline\b|\bzugeschaltet\b|\bVideo(?:botschaft|ansprache|schalte)\b/u

/**
 * The people of a clause who are there in person: none where the clause has them take part from afar
 * ("will Putin nur online teilnehmen"); where it contrasts the two ("neben Putin per Video persönlich durch
 * Lawrow"), everyone but the person right before the remote cue.
 */
function attendingInPerson(clause: Clause, persons: readonly Person[]): readonly Person[] {
  const remote = REMOTE.exec(clause.text)
  if (!remote) return persons
  if (!/\bpersönlich\b|\bvor\s+Ort\b/u.test(clause.text)) return persons.filter((p) => !inside(p, clause))
  const at = clause.start + remote.index
  return persons.filter((p) => !(p.end <= at && at - p.end <= 25))
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
  // a call is between two parties: two states named, a counterpart described ("mit seinem französischen
  // Amtskollegen"), or a summit held by video; a video address to a summit is no call (GUIDE)
  const states = new Set(people.map((p) => p.country ?? `person:${p.id}`))
  if (states.size < 2 && !VIRTUAL_MEETING.test(clause.text) && !COUNTERPART.test(text.slice(trigger.start - 80, trigger.end + 80))) return undefined
  const visitors = [caller.id]
  const hosts = people.filter((p) => p.id !== caller.id).map((p) => p.id)
  const time = nearestTime(
    times.filter((t) => inside(t, clause)),
    trigger,
  )
  const ref: TimeRef | null = time ? datedAs(time, published) : null
  const spoken = outsideQuotes(clause.text, trigger.start - clause.start)
  const future = FUTURE.test(spoken) && !(/^\p{Lu}/u.test(text.slice(trigger.start, trigger.end)) && REFERENCE_PHRASE.test(text.slice(clause.start, trigger.start)))
  const st: EventStatus = future ? 'planned' : 'happened'
  const dateFrom = dateDecision(time, ref, published)
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
    statusFrom: { rule: future ? 'future-call' : 'call-told', cue: future ? (FUTURE.exec(spoken)?.[0] ?? null) : text.slice(trigger.start, trigger.end), reference: published },
    ...(dateFrom ? { dateFrom } : {}),
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
  triggers: readonly (Span & { text: string })[],
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
  const clauseTimes = timesOfClause().filter((t) => inside(t, clause))
  const out: Working[] = []
  for (const leg of clauseLegs) {
    const country = leg.country
    const foreign = (p: Person) => p.country !== country
    // with several destinations in a clause, each takes the people of its own comma stretch
    const legPersons = clauseLegs.length > 1 ? personsBesideLeg(text, clause, leg, clauseLegs, clausePersons) : clausePersons
    let visitors: Person[]
    if (owner && foreign(owner)) visitors = [owner]
    else visitors = legPersons.filter((p) => p.country !== null && foreign(p))
    if (visitors.length === 0 && clausePersons.length === 0 && BOTH_PEOPLE.test(clause.text)) {
      // "die beiden": the last two people named, earlier in the sentence or before it
      visitors = lastTwo([...input.recentPersons, ...persons.filter((p) => p.end <= clause.start)]).filter((p) => p.country !== null && foreign(p))
    }
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
    // GUIDE: travellers of different states to one meeting are one record each; one state's delegation is one
    for (const group of byState(visitors)) out.push(visitDraft(ctx, input, clause, triggers, leg, clauseLegs, group, hosts, clauseTimes))
  }
  return out
}

/** Meeting and reception words: a local and a foreigner who meet at the article's scene met there. */
const MEETING = /^(?:treffe|trifft|traf|trafen|getroffen|treffen|Treffen|Treffens|Gespräch|Gespräche|Gesprächen|Empfang|Empfangs|empfängt|empfing|empfangen|empfange|begrüßt|begrüßte|begrüßten|Begegnung|Unterredung|zusammentraf|zusammentrafen|zusammengetroffen)$/u
/** Words that put someone at a place rather than on a journey: speech verbs, attending, guests. */
const PRESENCE_WORD =
  /^(?:sagte|sagt|sagten|erklärte|erklärt|betonte|betont|sprach|spricht|warnte|versicherte|antwortete|kündigte|teilte|unterstrich|bekräftigte|forderte|lobte|unterzeichnete|unterzeichneten|äußerte|teilnimmt|teilnehmen|teilgenommen|Teilnahme|Gast|Gäste|Gästen|\p{L}+gast|\p{L}+gäste|Beisein|Anwesenheit)$/u

/** Guests and presence: "Gipfelgäste", "Ehrengast", "im Beisein". */
const PRESENCE = /^(?:Gast|Gäste|Gästen|\p{L}+gast|\p{L}+gäste|\p{L}+gästen|Beisein|Anwesenheit|Teilnahme|teilnimmt|teilnehmen|teilgenommen)$/u

/**
 * The destination of a trip whose clause names none: the owner's counterpart's state ("Ein Besuch des
 * chinesischen Staatschefs Xi soll laut Putin folgen"), a place anaphor, the venue the next sentence gives,
 * or the dateline's city for a guest or a meeting of a local with a foreigner told as today's news.
 */
function legTold(
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
  // "Xi habe Putin zur Feier eingeladen": the invitation is to the inviter's state (the inviter is named first,
  // or after "von" in the passive)
  if (triggers.some((t) => INVITE.test(t.text)) && clausePersons.length >= 2) {
    const byVon = clausePersons.find((p) => /\bvon\s+(?:\p{L}+\s+){0,3}$/u.test(text.slice(Math.max(clause.start, p.start - 40), p.start)))
    const inviter = byVon ?? clausePersons[0]
    if (inviter?.country && clausePersons.some((p) => p !== inviter && p.country !== null && p.country !== inviter.country)) {
      return { start: inviter.start, end: inviter.end, place: null, country: inviter.country }
    }
  }
  const pointed = anaphoricLeg(ctx, clause.text, input.scene, at) ?? venueAfter(ctx, input.scene, at) ?? eventAnaphorLeg(ctx, clause.text, input.scene, at)
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
  const guest = triggers.some((t) => PRESENCE.test(t.text)) && clausePersons.some((p) => p.country !== null && p.country !== scene.country)
  const meeting = triggers.some((t) => MEETING.test(t.text)) && states.has(scene.country ?? '') && states.size > 1
  return guest || meeting ? { ...scene, start: at.start, end: at.end } : null
}

/** A phrase naming an earlier meeting with its own time: "nach ihrem Treffen im Mai in Peking", "seit seinem Besuch im März". */
const EARLIER_MEETING =
  /\b(?:nach|seit|vor|Nach|Seit|Vor)\s+(?:ihrem|seinem|dem|einem|ihren|seinen|den|der|ihrer|seiner)\s+(?:\p{Ll}+en\s+)?(?:Treffen|Besuch|Staatsbesuch|Gipfel\p{L}*|Gespräch\p{L}*|Telefonat|Begegnung|Reise)\s+(?:im|am|vom|Anfang|Ende|Mitte|vor)\s+[\p{L}\d.]+(?:\s+\d{4})?(?:\s+in\s+\p{Lu}\p{L}*)?/gu

/** "er" as a subject: the one man named in the sentence before. */
const HE = /\b(?:er|Er)\b/u

/** How many sentences naming people "die beiden" may look back over. */
const RECENT_SENTENCES = 3

/** The last two different people of a list in reading order (fewer when it names fewer). */
function lastTwo(people: readonly Person[]): Person[] {
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
function personsBesideLeg(text: string, clause: Span, leg: Leg, legs: readonly Leg[], persons: readonly Person[]): Person[] {
  const own = segmentAt(text, clause, leg.start)
  const mine = persons.filter((p) => inside(p, own))
  if (mine.length) return mine
  const others = legs.filter((l) => l !== leg).map((l) => segmentAt(text, clause, l.start))
  return persons.filter((p) => !others.some((seg) => inside(p, seg)))
}

/** Travellers grouped by the state they act for, in the order first named (one without a state is alone). */
function byState(people: readonly Person[]): Person[][] {
  const groups = new Map<string, Person[]>()
  for (const p of people) {
    const key = p.country ?? `person:${p.id}`
    const group = groups.get(key)
    if (group) group.push(p)
    else groups.set(key, [p])
  }
  return [...groups.values()]
}

function visitDraft(
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
  const time = timeOfLeg(text, clause, own, leg, clauseLegs)
  let ref: TimeRef | null = time ? datedAs(time, ctx.published) : null
  let dateFrom = dateDecision(time, ref, ctx.published)
  // status compares the time as read (a day for "nächste Woche"), not the month the event keeps
  let when = time?.ref?.iso ?? null
  // a summit or forum named but dated only by a weekday or not at all: the occurrence's first day
  if (!time || time.kind === 'weekday' || time.kind === 'today' || ref === null) {
    // (else, for a trip with no date at all, an occasion the article names that was held in this trip's city)
    const occurrence =
      occurrenceIn(clause.text, ctx.occasions, leg.place, ctx.published, tenseOf(clause.text)) ??
      (ref === null && leg.place !== null ? occurrenceIn(input.scene.article, ctx.occasions, leg.place, ctx.published, tenseOf(clause.text), true) : undefined)
    if (occurrence && (leg.place === null || occurrence.city === null || occurrence.city === leg.place)) {
      ref = { iso: occurrence.from, approx: false }
      when = when ?? occurrence.from
      hasTime = true
      dateFrom = { rule: 'occasion', cue: occurrence.cue, reference: ctx.published }
    }
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
  })
  return {
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
    statusFrom: { rule: st.rule, cue: st.cue, reference: ctx.published },
    ...(dateFrom ? { dateFrom } : {}),
  }
}

/** How a report's date was read: the expression and the date it was resolved against. */
function dateDecision(time: TimeMention | undefined, ref: TimeRef | null, published: string | null): Decision | undefined {
  if (!time || !ref) return undefined
  const rule = time.kind === 'weekday' || time.kind === 'today' ? 'weekday-month' : `time-${time.kind}`
  return { rule, cue: time.text, reference: published }
}

/**
 * Presence told by where someone spoke or signed: "sagte Xi am Mittwoch in Johannesburg", "GAZPROM-Chef
 * Miller sagte … in Peking, dass …". Only the city right after the verb, and only its speaker (named between
 * the verb and the city, or just before the verb) — not people the words are about.
 */
function spokenAt(
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
    const speakers = persons.filter((p) => (p.start >= verb.end && p.end <= leg.start) || (p.end <= verb.start && verb.start - p.end <= 40 && !/[,;]/u.test(text.slice(p.end, verb.start))))
    const visitors = speakers.filter((p) => p.country !== null && p.country !== leg.country)
    if (visitors.length === 0) continue
    const clauseTimes = timesOfClause().filter((t) => inside(t, clause))
    for (const group of byState(visitors)) out.push(visitDraft(ctx, input, clause, [verb], leg, [leg], group, [], clauseTimes))
  }
  return out
}

/** The city a speech verb says the words were said in: the first one after it, before any comma. */
function spokenLeg(text: string, verb: Span, legs: readonly Leg[]): Leg | undefined {
  return legs.find((l) => l.place !== null && l.start > verb.end && l.start - verb.end <= 80 && !/[,;:.]/u.test(text.slice(verb.end, l.start)))
}

function draftsOfSentence(ctx: Context, input: SentenceInput): Working[] {
  const text = input.sentence.text
  // a report needs a named person: most sentences end here, before any pattern runs over them
  const persons = input.persons
  // (a sentence naming no one may still tell a trip of "die beiden" or of "er", when just one man was named before)
  const himAgain = input.previousPersons.length === 1 && HE.test(text)
  if (persons.length === 0 && !(input.recentPersons.length > 1 && BOTH_PEOPLE.test(text)) && !himAgain) return []
  const speech = speechAtPlace(text)
  const triggers = [...tripTriggersIn(text), ...speech].sort((a, b) => a.start - b.start)
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
      if (draft) {
        out.push({ ...draft, sentence: input.sentence.index, quote: text })
        continue
      }
    }
    const clauseTriggers = triggers.filter((t) => inside(t, clause))
    if (clauseTriggers.length === 0 || NEGATED.test(clause.text)) continue
    const present = attendingInPerson(clause, persons)
    if (present.length === 0 && (persons.length > 0 || REMOTE.test(clause.text))) continue
    const spoken = clauseTriggers.filter((t) => speech.includes(t))
    if (spoken.length) out.push(...spokenAt(ctx, input, clause, spoken, present, legsOfSentence(), () => timesOf(clause)))
    const travel = clauseTriggers.filter((t) => !speech.includes(t))
    if (travel.length === 0) continue
    // where the words were said is not where the people they are about travel: "Putin sagte in Moskau, Macron werde reisen"
    const saidAt = new Set(spoken.map((verb) => spokenLeg(text, verb, legsOfSentence())?.start))
    const legsOfTravel = (): Leg[] => legsOfSentence().filter((l) => !saidAt.has(l.start))
    out.push(...visitsIn(ctx, input, clause, travel, present, legsOfTravel, () => timesOf(clause)))
  }
  return out
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
  places: readonly Place[],
  occasions: readonly Occasion[] = [],
): EventDraft[] {
  const ctx = buildContext(registry, places, published, hostedOccasions(occasions))
  const bySentence = new Map<number, ActorMatch[]>()
  for (const m of matches) {
    const list = bySentence.get(m.sentence) ?? []
    list.push(m)
    bySentence.set(m.sentence, list)
  }
  const drafts: Working[] = []
  let previousPersons: Person[] = []
  const recent: Person[][] = []
  const personsOf = new Map<number, Person[]>()
  let dialogue: Dialogue | null = null
  const dateline = datelineOf(ctx, sentences)
  const article = sentences.map((x) => x.text).join('\n')
  const underWay = UNDER_WAY.exec(article)?.[0] ?? null
  for (const [i, sentence] of sentences.entries()) {
    const scene: SceneInput = { before: sentences.slice(Math.max(0, i - 3), i), after: sentences[i + 1], dateline, earlier: sentences.slice(0, i), article, underWay }
    const own = bySentence.get(sentence.index) ?? []
    const persons = personsIn(ctx, own)
    personsOf.set(sentence.index, persons)
    dialogue = nextDialogue(dialogue, sentence.text, persons)
    const told = persons.length === 0 && dialogue ? addressed(sentence.text, dialogue) : persons
    try {
      drafts.push(...draftsOfSentence(ctx, { sentence, scene, matches: own, persons: told, previousPersons, recentPersons: recent.flat() }))
    } catch {
      // messy input never stops the article
    }
    if (persons.length) {
      previousPersons = persons
      recent.push(persons)
      if (recent.length > RECENT_SENTENCES) recent.shift()
    }
  }
  const month = publishedMonth(published)
  const cities = citiesOfPeople(ctx, sentences, personsOf)
  return foldDrafts(drafts).map(({ strong: _strong, ownDate: _ownDate, ...d }): EventDraft => {
    const place = d.kind === 'visit' && d.place === null && d.country !== null ? cityOfTrip(cities, d.visitors, d.country) : d.place
    // GUIDE: a current or past trip with no date of its own takes the month of the article, as "heute" does
    const byArticle = d.date === null && month !== null && (d.status === 'happened' || d.status === 'ongoing')
    const dateFrom = byArticle ? { rule: 'article-month', cue: null, reference: published } : d.dateFrom
    return { ...d, place, date: byArticle ? month : d.date, ...(dateFrom ? { dateFrom } : {}) }
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

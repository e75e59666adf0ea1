/** Phone and video calls, and who takes part from afar (no trip, no call for a video address). */
import { FUTURE, REFERENCE_PHRASE, inside, outsideQuotes } from './event-words.ts'
import type { Clause, Person, Span, Working } from './event-words.ts'
import type { EventStatus } from '../../../src/model/dataset.ts'
import type { TimeMention } from '../time/time-reference.ts'
import type { TimeRef } from '../types.ts'
import { datedAs, dateDecision, nearestTime } from './event-time.ts'

/** A summit or meeting held by video: a call of all its participants (not a video address to one held in person). */
export const VIRTUAL_MEETING = /\bvirtuell\p{L}*\s+(?:\p{L}+\s+)?(?:Gipfel\p{L}*|Treffen|Sitzung|Konferenz)|\b(?:Video|Online-?)gipfel\p{L}*|\bVideokonferenz\s+(?:der|des)\s/u
/** A counterpart described, not named: "mit seinem französischen Amtskollegen", "mit dem Präsidenten". */
export const COUNTERPART = /\bmit\s+(?:seine[mnr]|ihre[mnr]|de[mnr]|einem)\s+(?:\p{Ll}+\s+)?(?:Amtskolleg\p{L}*|Kolleg\p{L}*|Präsident\p{L}*|Regierungschef\p{L}*|Premier\p{L}*|Kanzler\p{L}*|Außenminister\p{L}*|Staatschef\p{L}*|Ministerpräsident\p{L}*)/u
/** Taking part from afar: "per Video", "online", "per Konferenzschalte", "zugeschaltet", "per Videobotschaft". */
export const REMOTE = /\b(?:per|via|über)\s+(?:Video\p{L}*|Konferenzschalte|Liveschalte|Live-Schalte|Internet)\b|\bonline\b|\bzugeschaltet\b|\bVideo(?:botschaft|ansprache|schalte)\b/u

/**
 * The people of a clause who are there in person: none where the clause has them take part from afar
 * ("will Putin nur online teilnehmen"); where it contrasts the two ("neben Putin per Video persönlich durch
 * Lawrow"), everyone but the person right before the remote cue.
 */
export function attendingInPerson(clause: Clause, persons: readonly Person[]): readonly Person[] {
  const remote = REMOTE.exec(clause.text)
  if (!remote) return persons
  if (!/\bpersönlich\b|\bvor\s+Ort\b/u.test(clause.text)) return persons.filter((p) => !inside(p, clause))
  const at = clause.start + remote.index
  return persons.filter((p) => !(p.end <= at && at - p.end <= 25))
}

export function callsIn(clause: Clause, persons: readonly Person[], text: string, times: readonly TimeMention[], trigger: Span, published: string | null): Working | undefined {
  // a person inside a time phrase dates the call, takes no part in it: "einen Tag nach Trumps Amtsantritt"
  const parties = persons.filter((p) => !times.some((t) => t.start <= p.start && p.end <= t.end))
  const inClause = parties.filter((p) => inside(p, clause))
  const people = inClause.length ? inClause : parties
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
  const own = nearestTime(
    times.filter((t) => inside(t, clause)),
    trigger,
  )
  // "haben am Dienstag telefoniert – einen Tag nach …": a day told after a dash is the clause's day
  const appended = times.find((t) => t.kind === 'date' && t.start >= clause.end && /^\s*[–—-]\s*$/u.test(text.slice(clause.end, t.start)))
  const time = appended && (!own || own.kind === 'weekday' || own.kind === 'today') ? appended : own
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


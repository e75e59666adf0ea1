/** When a report says its trip is: the time expression of its clause, and how it was read. */
import { FUTURE, INVITE, ONGOING, distance, inside } from './event-words.ts'
import type { Leg, Span } from './event-words.ts'
import type { Decision } from '../../../src/model/dataset.ts'
import { eventDate } from '../time/resolve-time.ts'
import { parseReference } from '../time/time-reference.ts'
import type { Tense, TimeMention } from '../time/time-reference.ts'
import type { TimeRef } from '../types.ts'

/** Travel and meeting verbs in the reported present (Konjunktiv I). */
export const REPORTED_PRESENT = /\b(?:treffe|reise|komme|besuche|empfange|fliege|nehme\b[^.;]*\bteil)\b/u

/** A trip told in the perfect: "hatte Putin im Kreml besucht", "war nach Peking gereist" (not the present "besucht"). */
const PERFECT_TRIP =
  /\b(?:hat|hatte|hatten|haben|habe)\b[^.;]*\b(?:besucht|getroffen|empfangen|begrüßt|bereist|teilgenommen)\b|\b(?:ist|war|waren|sind|sei)\b[^.;]*\b(?:gereist|geflogen|gekommen|eingetroffen|angekommen|angereist|gewesen|zusammengetroffen)\b/u

export function tenseOf(clause: string): Tense {
  // an invitation looks ahead: "hat … im Frühling nach Moskau eingeladen" is next spring
  if (FUTURE.test(clause) || INVITE.test(clause)) return 'future'
  if (PERFECT_TRIP.test(clause)) return 'past'
  // reported speech speaks in the present: "Putin treffe an diesem Donnerstag …"
  return ONGOING.test(clause) || REPORTED_PRESENT.test(clause) ? 'present' : 'past'
}

export function nearestTime(mentions: readonly TimeMention[], anchor: Span): TimeMention | undefined {
  let best: TimeMention | undefined
  for (const m of mentions) if (!best || distance(m, anchor) < distance(best, anchor)) best = m
  return best
}

/** Comma-delimited stretch of the clause around a position. */
export function segmentAt(text: string, clause: Span, position: number): Span {
  const before = text.lastIndexOf(',', position - 1)
  const after = text.indexOf(',', position)
  return { start: Math.max(clause.start, before + 1), end: after < 0 ? clause.end : Math.min(clause.end, after) }
}

/**
 * The time expression that dates a leg: one in the leg's own comma stretch, else the nearest in the
 * clause that does not sit beside another leg ("Im Mai war Xi in Moskau, nun reist Putin nach Peking").
 */
export function timeOfLeg(text: string, clause: Span, times: readonly TimeMention[], leg: Leg, legs: readonly Leg[]): TimeMention | undefined {
  const own = segmentAt(text, clause, leg.start)
  const near = times.filter((t) => inside(t, own))
  if (near.length) return spanStart(text, times, nearestTime(near, leg))
  const free = times.filter((t) => {
    const seg = segmentAt(text, clause, t.start)
    return !legs.some((l) => l !== leg && inside(l, seg))
  })
  return spanStart(text, times, nearestTime(free, leg))
}

/** Between the first and the last day of a span: "am 31. August und 1. September", "vom 7. bis 10. Mai". */
const SPAN_JOIN = /^\s*(?:und|bis(?:\s+zum)?|–|-)\s*$/u

/** A day that ends a span of days is read as the span's first day (GUIDE: "vom 7. bis 10. Mai" takes its start). */
function spanStart(text: string, times: readonly TimeMention[], picked: TimeMention | undefined): TimeMention | undefined {
  if (!picked || picked.kind !== 'date') return picked
  const first = times.find((t) => t.kind === 'date' && t.end <= picked.start && SPAN_JOIN.test(text.slice(t.end, picked.start)))
  return first ?? picked
}

/** The month of the article when a report of a current trip gives no date of its own (GUIDE: like "heute"). */
export function publishedMonth(published: string | null): string | null {
  const ref = parseReference(published)
  return ref && ref.month !== null ? `${ref.year}-${String(ref.month).padStart(2, '0')}` : null
}

/** A draft while the article is read: whether its status and date come from its own words. */
/** An event date from a time expression; a weekday or "heute" gives the month of its day, or the article's month when the day is unknown (GUIDE). */
export function datedAs(mention: TimeMention, published: string | null): TimeRef | null {
  // the weekday's own day where the article has one: "am Dienstag" on Wednesday 1 March is February
  if ((mention.kind === 'weekday' || mention.kind === 'today') && (mention.ref?.iso.length ?? 0) < 10) {
    const month = publishedMonth(published)
    if (month) return { iso: month, approx: false }
  }
  return eventDate(mention)
}


/** A phrase naming an earlier meeting with its own time: "nach ihrem Treffen im Mai in Peking", "seit seinem Besuch im März". */
export const EARLIER_MEETING =
  /\b(?:nach|seit|vor|Nach|Seit|Vor)\s+(?:ihrem|seinem|dem|einem|ihren|seinen|den|der|ihrer|seiner)\s+(?:\p{Ll}+en\s+)?(?:Treffen|Besuch|Staatsbesuch|Gipfel\p{L}*|Gespräch\p{L}*|Telefonat|Begegnung|Reise)\s+(?:im|am|vom|Anfang|Ende|Mitte|vor)\s+[\p{L}\d.]+(?:\s+\d{4})?(?:\s+in\s+\p{Lu}\p{L}*)?/gu

/** How a report's date was read: the expression and the date it was resolved against. */
export function dateDecision(time: TimeMention | undefined, ref: TimeRef | null, published: string | null): Decision | undefined {
  if (!time || !ref) return undefined
  const rule = time.kind === 'weekday' || time.kind === 'today' ? 'weekday-month' : `time-${time.kind}`
  return { rule, cue: time.text, reference: published }
}


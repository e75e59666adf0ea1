/** Reports of one event within one article folded into one draft. */
import { STATUS_RANK, datesCompatible, precision } from './event-compare.ts'
import type { Working } from './event-words.ts'
import type { EventStatus } from '../../../src/model/dataset.ts'

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

/** Rules that put someone at a place on a day of their stay, not on a journey: their day lies inside the trip. */
const PRESENCE_RULES = new Set(['guest', 'guest-with-day', 'summit-running', 'still-under-way', 'present-passive'])

/** A presence on one day and a trip to the same city in the same month: one stay ("vom 7. bis 10. Mai in Moskau" and "auf der Tribüne" on the 9th). */
function presenceInStay(a: Working, b: Working): boolean {
  if (a.kind !== 'visit' || !a.date || !b.date || a.date.slice(0, 7) !== b.date.slice(0, 7)) return false
  // the same city, or the same state where one report names no city ("zu einem Staatsbesuch in Russland")
  if (a.country !== b.country || (a.place && b.place && a.place !== b.place)) return false
  return PRESENCE_RULES.has(a.statusFrom?.rule ?? '') !== PRESENCE_RULES.has(b.statusFrom?.rule ?? '')
}

/** Two reports dated by weekdays lie within a week of the article: one stay, even when it crosses into a new month. */
function bothThisWeek(a: Working, b: Working): boolean {
  return a.dateFrom?.rule === 'weekday-month' && b.dateFrom?.rule === 'weekday-month'
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
  // a trip's own date before the day someone was seen there during it (presenceInStay)
  const travelled = [into, d].filter((x) => x.ownDate && !PRESENCE_RULES.has(x.statusFrom?.rule ?? ''))
  const ownDated = presenceInStay(into, d) && travelled.length ? travelled : [into, d].filter((x) => x.ownDate)
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
    ...(dateFrom.dateFrom ? { dateFrom: dateFrom.dateFrom } : {}),
    ...(lead.statusFrom ? { statusFrom: lead.statusFrom } : {}),
    ...(shorter.visitorsFrom ? { visitorsFrom: shorter.visitorsFrom } : {}),
  }
}

/**
 * Folds drafts of the same event within one article. Reports with their own date go first; a report
 * without one (dated by the article, or not at all) joins a compatible event. The event keeps the most
 * precise own date, the status of its firmest report, and the shortest sentence.
 */
export function foldDrafts(drafts: readonly Working[]): Working[] {
  const out: Working[] = []
  const ordered = [...drafts.filter((d) => d.ownDate), ...drafts.filter((d) => !d.ownDate)]
  for (const d of ordered) {
    const i = out.findIndex(
      (o) =>
        sameParticipants(o, d) &&
        (!d.ownDate || !o.ownDate || bothThisWeek(o, d) || presenceInStay(o, d) || datesCompatible(o.date, d.date, o.approx || d.approx, true)),
    )
    const existing = out[i]
    if (i < 0 || !existing) out.push({ ...d, visitors: [...d.visitors], hosts: [...d.hosts] })
    else out[i] = fold(existing, d)
  }
  return out.sort((a, b) => a.sentence - b.sentence)
}

/** Two people in conversation: one speaks (is quoted), the other is spoken to. */

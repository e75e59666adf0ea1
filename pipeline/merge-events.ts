import { createHash } from 'node:crypto'
import type { DiplomaticEvent, Evidence, EventStatus } from '../src/model/dataset.ts'
import { datesCompatible, precision, STATUS_RANK } from './extract-events.ts'
import type { EventDraft } from './types.ts'

export interface ArticleEventDraft {
  articleId: string
  draft: EventDraft
}

function sorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort()
}

/** Who takes part: the travellers of a visit, every party of a call. */
function partyKey(d: EventDraft): string {
  return (d.kind === 'call' ? sorted([...d.visitors, ...d.hosts]) : sorted(d.visitors)).join('+')
}

function done(status: EventStatus): boolean {
  return status === 'happened' || status === 'ongoing'
}

function sameEvent(a: EventDraft, b: EventDraft): boolean {
  if (a.kind !== b.kind || partyKey(a) !== partyKey(b)) return false
  if (a.kind === 'visit') {
    if (a.place && b.place && a.place !== b.place) return false
    if (a.country && b.country && a.country !== b.country) return false
    if (!a.place && !a.country && (b.place || b.country)) return false
  }
  // across articles a dateless report only joins a dateless one on the same side of now: an invitation
  // without a date and a past trip without a date are two things
  if (!a.date || !b.date) return !a.date && !b.date && done(a.status) === done(b.status)
  return datesCompatible(a.date, b.date, a.approx || b.approx, false)
}

/** Stable id: a hash of kind, visitors, place and date. */
export function eventId(e: Pick<DiplomaticEvent, 'kind' | 'visitors' | 'place' | 'country' | 'date'>): string {
  const key = [e.kind, sorted(e.visitors).join('+'), e.place ?? e.country ?? '', e.date ?? ''].join('|')
  return `ev-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.sentence - b.sentence
}

/**
 * Merges the drafts of all articles into events: the same visit reported by several articles (or
 * announced, then happening) becomes one event with every article's quote as evidence. Each evidence item
 * keeps the status its report gives; the event takes the most advanced status and the most precise date.
 * Output order is deterministic: by date (undated last), then id.
 */
export function mergeEvents(drafts: readonly ArticleEventDraft[]): DiplomaticEvent[] {
  // most precise reports first, so vaguer ones join the event they fit best
  const ordered = [...drafts].sort(
    (a, b) =>
      precision(b.draft.date, b.draft.approx) - precision(a.draft.date, a.draft.approx) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
      a.draft.sentence - b.draft.sentence,
  )
  const groups: { head: EventDraft; members: ArticleEventDraft[] }[] = []
  // only reports with the same kind and parties can be one event: look among those alone
  const byParties = new Map<string, typeof groups>()
  for (const item of ordered) {
    const key = `${item.draft.kind}|${partyKey(item.draft)}`
    const candidates = byParties.get(key) ?? []
    const group = candidates.find((g) => g.members.some((m) => sameEvent(m.draft, item.draft)))
    if (group) {
      group.members.push(item)
      continue
    }
    const created = { head: item.draft, members: [item] }
    groups.push(created)
    candidates.push(created)
    byParties.set(key, candidates)
  }
  const events = groups.map(({ head, members }): DiplomaticEvent => {
    const drafts = members.map((m) => m.draft)
    const best = drafts.reduce((a, b) => (precision(b.date, b.approx) > precision(a.date, a.approx) ? b : a), head)
    const status = drafts.reduce<EventStatus>((s, d) => (STATUS_RANK[d.status] > STATUS_RANK[s] ? d.status : s), head.status)
    // a call keeps the caller of its most precise report and lists every other party as called
    const visitors = head.kind === 'call' ? sorted(best.visitors) : sorted(drafts.flatMap((d) => d.visitors))
    const parties = head.kind === 'call' ? drafts.flatMap((d) => [...d.visitors, ...d.hosts]) : drafts.flatMap((d) => d.hosts)
    const hosts = sorted(parties).filter((h) => !visitors.includes(h))
    const place = drafts.find((d) => d.place)?.place ?? null
    const country = drafts.find((d) => d.country)?.country ?? null
    const seen = new Set<string>()
    const evidence: Evidence[] = []
    for (const m of members) {
      const key = `${m.articleId}#${m.draft.sentence}`
      if (seen.has(key)) continue
      seen.add(key)
      evidence.push({ articleId: m.articleId, quote: m.draft.quote, sentence: m.draft.sentence, status: m.draft.status })
    }
    evidence.sort(compareEvidence)
    const base = { kind: head.kind, visitors, place, country, date: best.date }
    return {
      id: eventId(base),
      kind: head.kind,
      visitors,
      hosts,
      place,
      country,
      date: best.date,
      approx: best.approx,
      status,
      evidence,
    }
  })
  // two groups can hash alike only if they are the same event told twice; keep ids unique anyway
  const used = new Map<string, number>()
  for (const e of events) {
    const n = used.get(e.id) ?? 0
    used.set(e.id, n + 1)
    if (n > 0) e.id = `${e.id}-${n}`
  }
  return events.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1
      if (b.date === null) return -1
      return a.date < b.date ? -1 : 1
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}

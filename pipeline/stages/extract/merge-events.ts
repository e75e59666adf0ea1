import { createHash } from 'node:crypto'
import type { DiplomaticEvent, Evidence, EventStatus } from '../../../src/model/dataset.ts'
import { datesCompatible, precision, STATUS_RANK } from './event-compare.ts'
import type { EventDraft } from '../types.ts'
import { byCodeUnit } from '../../../src/model/order.ts'

export interface ArticleEventDraft {
  articleId: string
  /** The article's date ("YYYY-MM-DD", "YYYY-MM" or null): a dateless report merges only with reports of articles close to it. */
  articleDate?: string | null
  /** The article's outlet (the event layout's reports carry it; merging does not read it). */
  articleOutlet?: string | null
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

/** Two reports of one event, when already known to share kind and parties: compatible place and dates. */
function sameShape(a: EventDraft, b: EventDraft): boolean {
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
export function eventId(e: Pick<DiplomaticEvent, 'kind' | 'visitors' | 'place' | 'country' | 'date'>, anchor = ''): string {
  // a dateless event is told apart from another of the same parties by when its articles were written
  const key = [e.kind, sorted(e.visitors).join('+'), e.place ?? e.country ?? '', e.date ?? '', ...(anchor ? [anchor] : [])].join('|')
  return `ev-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.sentence - b.sentence
}

/** Reports of one event before the fields are settled. */
interface Group {
  head: EventDraft
  members: ArticleEventDraft[]
  /**
   * One report per distinct (place, country, date, approx, done) of the members: `sameShape` within a
   * bucket looks at nothing else, so testing these stands for testing every member.
   */
  shapes: Map<string, EventDraft>
}

/** What `sameShape` reads of a report besides kind and parties. */
function shapeOf(d: EventDraft): string {
  return `${d.place ?? ''}|${d.country ?? ''}|${d.date ?? ''}|${d.approx ? 1 : 0}|${d.date ? '' : done(d.status) ? 1 : 0}`
}

/**
 * Which reports can possibly be one event: same kind and parties (and status when asked), and the
 * same year, since `sameShape` joins dated reports of one year only and dateless reports only with
 * dateless ones on the same side of now. Every member of a group falls in the bucket of its first.
 */
/** When a dateless report was told: the month of its article, or the article itself when undated. */
function toldIn(item: ArticleEventDraft): string {
  return item.articleDate ? item.articleDate.slice(0, 7) : `article:${item.articleId}`
}

function bucketOf(item: ArticleEventDraft, parties: string, byStatus: boolean): string {
  const d = item.draft
  // a dateless report is one event with others only from articles of the same month (never across years);
  // from an undated article it stays alone
  const when = d.date ? d.date.slice(0, 4) : `none-${done(d.status) ? 1 : 0}-${toldIn(item)}`
  return `${d.kind}|${parties}|${when}${byStatus ? `|${d.status}` : ''}`
}

/**
 * Greedy grouping: each report joins the first group holding a report it matches (`sameShape` on
 * kind, parties, place, dates), else starts one. With `byStatus` only reports of the same status can
 * share a group. Input must be in a deterministic order. Reports are compared only within their
 * bucket and only with the distinct shapes of a group, so the cost grows with the number of reports
 * times the groups of one bucket (events of the same parties in one year), not with all reports.
 */
function groupDrafts(ordered: readonly ArticleEventDraft[], byStatus: boolean): Group[] {
  const groups: Group[] = []
  const byKey = new Map<string, Group[]>()
  const parties = new Map<EventDraft, string>()
  const partiesOf = (d: EventDraft): string => {
    let key = parties.get(d)
    if (key === undefined) {
      key = partyKey(d)
      parties.set(d, key)
    }
    return key
  }
  for (const item of ordered) {
    const d = item.draft
    const key = bucketOf(item, partiesOf(d), byStatus)
    let candidates = byKey.get(key)
    if (candidates === undefined) {
      candidates = []
      byKey.set(key, candidates)
    }
    const group = candidates.find((g) => {
      for (const m of g.shapes.values()) if (sameShape(m, d)) return true
      return false
    })
    const shape = shapeOf(d)
    if (group) {
      group.members.push(item)
      if (!group.shapes.has(shape)) group.shapes.set(shape, d)
      continue
    }
    const created: Group = { head: d, members: [item], shapes: new Map([[shape, d]]) }
    groups.push(created)
    candidates.push(created)
  }
  return groups
}

/** One event from a group of reports; an undated event is never approximate (nothing to be approximate about). */
function toEvent({ head, members }: Group): DiplomaticEvent {
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
    const { date, dateFrom, statusFrom, visitorsFrom } = m.draft
    evidence.push({
      articleId: m.articleId,
      quote: m.draft.quote,
      sentence: m.draft.sentence,
      status: m.draft.status,
      date,
      ...(dateFrom ? { dateFrom } : {}),
      ...(statusFrom ? { statusFrom } : {}),
      ...(visitorsFrom ? { visitorsFrom } : {}),
    })
  }
  evidence.sort(compareEvidence)
  const base = { kind: head.kind, visitors, place, country, date: best.date }
  const first = members[0]
  const anchor = best.date === null && first ? toldIn(first) : ''
  return { id: eventId(base, anchor), kind: head.kind, visitors, hosts, place, country, date: best.date, approx: best.date !== null && best.approx, status, lifecycle: '', evidence }
}

/** Dated events first, by date as written ("2024-05" before "2024-05-16"), then by id. */
function compareEvents(a: DiplomaticEvent, b: DiplomaticEvent): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Merges the drafts of all articles into events. Reports become one event only when they agree on
 * kind, parties, place, dates AND status: the same trip announced in one article and happening in a
 * later one gives two events, so each keeps the status its reports give. Such stages of one visit or
 * call (reports that match on everything but status) share a `lifecycle` id: the id of the earliest
 * stage by date, then id; an event with no other stage carries its own id. Each event takes the most
 * precise date of its reports. Output order is deterministic: by date (undated last), then id.
 */
const draftKey = (d: EventDraft): string =>
  [d.kind, d.date ?? '', d.approx ? 1 : 0, d.visitors.join(','), d.hosts.join(','), d.place ?? '', d.country ?? '', d.quote].join('|')

export function mergeEvents(drafts: readonly ArticleEventDraft[]): DiplomaticEvent[] {
  // most precise reports first, so vaguer ones join the event they fit best
  const ordered = [...drafts].sort(
    (a, b) =>
      precision(b.draft.date, b.draft.approx) - precision(a.draft.date, a.draft.approx) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
      a.draft.sentence - b.draft.sentence ||
      STATUS_RANK[b.draft.status] - STATUS_RANK[a.draft.status] ||
      // the rest only breaks ties, so that the output never depends on the order reports came in
      byCodeUnit(draftKey(a.draft), draftKey(b.draft)),
  )
  const eventOf = new Map<ArticleEventDraft, DiplomaticEvent>()
  const events = groupDrafts(ordered, true).map((group) => {
    const event = toEvent(group)
    for (const m of group.members) eventOf.set(m, event)
    return event
  })

  // same hash = same kind, travellers, place and date: of stages of one trip the most advanced keeps
  // the plain id and the others get a status suffix; the same event told twice gets a number
  const byId = new Map<string, DiplomaticEvent[]>()
  for (const e of events) {
    const same = byId.get(e.id)
    if (same) same.push(e)
    else byId.set(e.id, [e])
  }
  const taken = new Set(events.map((e) => e.id))
  for (const same of byId.values()) {
    if (same.length < 2) continue
    same.sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status])
    const statuses = new Set<EventStatus>()
    for (const [i, e] of same.entries()) {
      const base = e.id
      const repeated = statuses.has(e.status)
      statuses.add(e.status)
      if (i === 0) continue
      let id = repeated ? `${base}-1` : `${base}-${e.status}`
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
      taken.add(id)
      e.id = id
    }
  }

  // stages: events whose reports the status-blind grouping puts together form one lifecycle
  const parent = new Map<DiplomaticEvent, DiplomaticEvent>(events.map((e) => [e, e]))
  const root = (e: DiplomaticEvent): DiplomaticEvent => {
    let r = e
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) r = up
    // path compression: later look-ups from any event on the way take one step
    for (let at = e, up = parent.get(at); up !== undefined && up !== r; at = up, up = parent.get(at)) parent.set(at, r)
    return r
  }
  for (const { members } of groupDrafts(ordered, false)) {
    const stages = members.map((m) => eventOf.get(m)).filter((e): e is DiplomaticEvent => e !== undefined)
    const first = stages[0]
    if (first === undefined) continue
    for (const e of stages) parent.set(root(e), root(first))
  }
  const lifecycles = new Map<DiplomaticEvent, DiplomaticEvent[]>()
  for (const e of events) {
    const r = root(e)
    const stages = lifecycles.get(r)
    if (stages) stages.push(e)
    else lifecycles.set(r, [e])
  }
  for (const stages of lifecycles.values()) {
    const earliest = [...stages].sort(compareEvents)[0]
    if (earliest === undefined) continue
    for (const e of stages) e.lifecycle = earliest.id
  }
  return events.sort(compareEvents)
}

/**
 * `sel` value + dataset → the evidence behind a chart mark. Each view registers how its marks map to
 * evidence here (built in: mentions, events, figures, single sentences); the panel renders the result.
 */
import type { Dataset, Decision, DiplomaticEvent, EventStatus } from '../model/dataset.ts'
import { eventPartOf } from '../model/event-layout.ts'
import { buildVisitsModel } from './visits/model.ts'
import { byCodeUnit } from '../model/order.ts'
import { parseSelection, type Selection } from './selection.ts'
import type { Filters } from './filters.ts'
import { periodOf } from './periods.ts'
import { stagesOf } from './visits/lifecycle.ts'
import { filterArticles } from './select.ts'
import { wholeMonths } from './comentions/matrix.ts'
import { dedupeWireCopies } from './mentions/records.ts'
import { selectQuotes } from './quotes/model.ts'

export interface EvidenceItem {
  articleId: string
  /** Sentence index in the article. */
  sentence: number
  /** The sentence as the dataset quotes it; null when it has to come from the text shard. */
  quote: string | null
  /** Actors to highlight in the sentence. */
  actorIds: string[]
  /** For events: what this report says of it. */
  status: EventStatus | null
  /** For events: the stage of the lifecycle the report backs (its event id and the date it gives). */
  stage: { eventId: string; date: string | null; approx: boolean } | null
  /** How the pipeline decided what this sentence gives (a report's date and status, a figure's year and kind). */
  why: Why[]
}

/** One decision behind an item, with the value it decided as stored (an ISO date, a status, a year, a kind). */
export interface Why {
  what: 'date' | 'status' | 'year' | 'kind' | 'speaker' | 'visitors'
  value: string | null
  decision: Decision
}

function whys(...list: (Why | false | undefined)[]): Why[] {
  return list.filter((x): x is Why => Boolean(x))
}

export type EvidenceResolver<K extends Selection['kind']> = (
  selection: Extract<Selection, { kind: K }>,
  dataset: Dataset,
  filters: Filters,
) => EvidenceItem[]

type AnyResolver = (selection: Selection, dataset: Dataset, filters: Filters) => EvidenceItem[]
const resolvers = new Map<Selection['kind'], AnyResolver>()

/** Lets a view say how its marks map to sentences (replaces the built-in resolver for that kind). */
export function registerEvidence<K extends Selection['kind']>(kind: K, resolver: EvidenceResolver<K>): void {
  resolvers.set(kind, (selection, dataset, filters) =>
    selection.kind === kind ? resolver(selection as Extract<Selection, { kind: K }>, dataset, filters) : [],
  )
}

/** The grain a period string is written in. */
function grainOfPeriod(period: string): 'day' | 'week' | 'month' {
  if (period.includes('W')) return 'week'
  return period.length === 7 ? 'month' : 'day'
}

registerEvidence('mention', (selection, dataset, filters) => {
  const grain = grainOfPeriod(selection.period)
  const inPeriod = new Set(
    filterArticles(dataset, filters)
      .filter((article) => article.published !== null && periodOf(article.published, grain) === selection.period)
      .map((article) => article.id),
  )
  const items: EvidenceItem[] = []
  for (const mention of dataset.mentions) {
    if (mention.actorId !== selection.actorId || !inPeriod.has(mention.articleId)) continue
    for (const sentence of mention.sentences)
      items.push({ articleId: mention.articleId, sentence, quote: null, actorIds: [selection.actorId], status: null, stage: null, why: [] })
  }
  return items
})

/** The reports of one stage of a lifecycle, as evidence items. */
function stageItems(event: DiplomaticEvent): EvidenceItem[] {
  const actorIds = [...new Set([...event.visitors, ...event.hosts, ...(event.country ? [event.country] : [])])]
  const stage = { eventId: event.id, date: event.date, approx: event.approx }
  return event.evidence.map((evidence) => ({
    articleId: evidence.articleId,
    sentence: evidence.sentence,
    // '' when the store dropped it (the sentence then comes from the text shard)
    quote: evidence.quote || null,
    actorIds,
    status: evidence.status,
    stage,
    why: whys(
      evidence.dateFrom && { what: 'date', value: evidence.date ?? null, decision: evidence.dateFrom },
      evidence.statusFrom && { what: 'status', value: evidence.status, decision: evidence.statusFrom },
      evidence.visitorsFrom && { what: 'visitors', value: (event.kind === 'call' ? [...event.visitors, ...event.hosts] : event.visitors).join(','), decision: evidence.visitorsFrom },
    ),
  }))
}

// an event lists the reports of every stage of its lifecycle (announced, then happened, …)
registerEvidence('event', (selection, dataset) => stagesOf(selection.eventId, dataset.events).flatMap(stageItems))

// a cell of the Visits density: every stage of the lifecycles in that lane and month that pass the filters
registerEvidence('bin', (selection, dataset, filters) => {
  const model = buildVisitsModel(dataset.events, dataset.articles, { ...filters, from: null, to: null }, filters.lane)
  return model.dated
    .filter((row) => eventPartOf(row.event) === selection.month && row.lanes.includes(selection.lane))
    .flatMap((row) => row.stages.flatMap(stageItems))
})

registerEvidence('figure', (selection, dataset) => {
  const figure = dataset.figures.find((candidate) => candidate.id === selection.figureId)
  return figure
    ? [
        {
          articleId: figure.articleId,
          sentence: figure.sentence,
          quote: figure.quote,
          actorIds: [],
          status: null,
          stage: null,
          why: whys(
            figure.yearFrom && { what: 'year', value: figure.year === null ? null : String(figure.year), decision: figure.yearFrom },
            figure.kindFrom && { what: 'kind', value: figure.kind, decision: figure.kindFrom },
          ),
        },
      ]
    : []
})

registerEvidence('sentence', (selection, dataset) => {
  if (!dataset.articles.some((article) => article.id === selection.articleId)) return []
  const actorIds = dataset.mentions
    .filter((mention) => mention.articleId === selection.articleId && mention.sentences.includes(selection.sentence))
    .map((mention) => mention.actorId)
  return [{ articleId: selection.articleId, sentence: selection.sentence, quote: null, actorIds, status: null, stage: null, why: [] }]
})

// the quotes of one speaker in one period (a dot of the Quotes chart): each quote's sentences, with how its speaker was read
registerEvidence('quotes', (selection, dataset, filters) => {
  const grain = grainOfPeriod(selection.period)
  const { rows } = selectQuotes(dataset.quotes ?? [], dataset.articles, { ...filters, speaker: [] }, grain)
  return rows
    .filter((row) => row.quote.speaker === selection.speaker && row.period === selection.period)
    .flatMap(({ quote }) =>
      quote.sentences.map((sentence, i) => ({
        articleId: quote.articleId,
        sentence,
        quote: null,
        actorIds: [...(quote.speaker ? [quote.speaker] : []), ...quote.actors],
        status: null,
        stage: null,
        why: i === 0 ? [{ what: 'speaker' as const, value: quote.speaker, decision: quote.speakerFrom }] : [],
      })),
    )
})

// the stories naming both actors (a cell of the co-mention matrix), by whole months as the matrix counts:
// the sentences naming both, else the first naming each
registerEvidence('pair', (selection, dataset, filters) => {
  const { first, second } = selection
  const kept = dedupeWireCopies(filterArticles(dataset, { outlets: filters.outlets, ...wholeMonths(filters) }))
  const sentencesOf = new Map<string, { a: number[]; b: number[] }>()
  for (const mention of dataset.mentions) {
    if (mention.count === 0 || (mention.actorId !== first && mention.actorId !== second)) continue
    const entry = sentencesOf.get(mention.articleId) ?? { a: [], b: [] }
    entry[mention.actorId === first ? 'a' : 'b'] = mention.sentences
    sentencesOf.set(mention.articleId, entry)
  }
  return kept.flatMap((article) => {
    const entry = sentencesOf.get(article.id)
    if (!entry || entry.a.length === 0 || entry.b.length === 0) return []
    const both = entry.a.filter((sentence) => entry.b.includes(sentence))
    const sentences = both.length > 0 ? both : [...new Set([entry.a[0] ?? 0, entry.b[0] ?? 0])].sort((x, y) => x - y)
    return sentences.map((sentence) => ({ articleId: article.id, sentence, quote: null, actorIds: [first, second], status: null, stage: null, why: [] }))
  })
})

/** Evidence for a `sel` value, ordered by article date then sentence; [] for unknown selections. */
export function resolveEvidence(sel: string, dataset: Dataset, filters: Filters): EvidenceItem[] {
  const selection = parseSelection(sel)
  const resolver = selection ? resolvers.get(selection.kind) : undefined
  if (!selection || !resolver) return []
  const dates = new Map(dataset.articles.map((article) => [article.id, article.published ?? '']))
  return resolver(selection, dataset, filters).sort(
    (a, b) =>
      byCodeUnit(dates.get(a.articleId) ?? '', dates.get(b.articleId) ?? '') ||
      byCodeUnit(a.articleId, b.articleId) ||
      a.sentence - b.sentence,
  )
}

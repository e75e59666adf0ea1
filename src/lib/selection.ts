/**
 * The selected mark (`sel` in the URL): its grammar both ways, and whether the dataset knows what it
 * names. Ids may contain dots, so a period or sentence number is read from the end. Pure.
 *
 *   m.<actor>.<period>          an actor's cell of the Mentions chart
 *   t.<n>.<period>              a period of search query n (Filters.queries)
 *   e.<event>  f.<figure>       an event, a trade figure
 *   a.<article>.<sentence>      a sentence in the reader
 *   q.<speaker or ->.<period>   a dot of the Quotes chart
 *   c.<actor>,<actor>           a cell of the co-mention matrix
 */
import { isIsoDay } from './filters.ts'

/** What the dataset holds, as far as a selection needs it (a null set is not known yet: its ids are kept). */
export interface SelectionContext {
  readonly actorIds: Pick<ReadonlySet<string>, 'has'>
  readonly articleIds: Pick<ReadonlySet<string>, 'has'> | null
  readonly eventIds: Pick<ReadonlySet<string>, 'has'> | null
  readonly figureIds: Pick<ReadonlySet<string>, 'has'> | null
}

/** A period written as a day, an ISO week (01–53) or a month. */
export function isPeriod(value: string): boolean {
  if (isIsoDay(value)) return true
  const week = /^\d{4}-W(\d{2})$/.exec(value)
  if (week) return Number(week[1]) >= 1 && Number(week[1]) <= 53
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}

/** Parsed form of a `sel` value. */
export type Selection =
  | { kind: 'mention'; actorId: string; period: string }
  /** A period of a search query's series: `query` indexes Filters.queries. */
  | { kind: 'query'; query: number; period: string }
  | { kind: 'event'; eventId: string }
  | { kind: 'figure'; figureId: string }
  | { kind: 'sentence'; articleId: string; sentence: number }
  /** The quotes of one speaker (null: no one named) in one period. */
  | { kind: 'quotes'; speaker: string | null; period: string }
  /** The stories naming both actors (ids in the order given). */
  | { kind: 'pair'; first: string; second: string }

/** A quote without a named speaker, in a `q.` selection. */
export const NO_SPEAKER_TOKEN = '-'

/** Reads a `sel` value; ids may contain dots, so the period/sentence is taken from the end. */
export function parseSelection(value: string): Selection | undefined {
  const dot = value.indexOf('.')
  if (dot !== 1) return undefined
  const body = value.slice(2)
  const tail = body.lastIndexOf('.')
  switch (value[0]) {
    case 'm': {
      const actorId = body.slice(0, tail)
      const period = body.slice(tail + 1)
      return tail > 0 && isPeriod(period) ? { kind: 'mention', actorId, period } : undefined
    }
    case 'a': {
      const articleId = body.slice(0, tail)
      const sentence = body.slice(tail + 1)
      return tail > 0 && /^\d{1,5}$/.test(sentence)
        ? { kind: 'sentence', articleId, sentence: Number(sentence) }
        : undefined
    }
    case 'q': {
      const speaker = body.slice(0, tail)
      const period = body.slice(tail + 1)
      return tail > 0 && isPeriod(period) ? { kind: 'quotes', speaker: speaker === NO_SPEAKER_TOKEN ? null : speaker, period } : undefined
    }
    case 't': {
      const n = body.slice(0, tail)
      const period = body.slice(tail + 1)
      return /^\d$/.test(n) && isPeriod(period) ? { kind: 'query', query: Number(n), period } : undefined
    }
    case 'c': {
      const [first = '', second = '', ...rest] = body.split(',')
      return first && second && first !== second && rest.length === 0 ? { kind: 'pair', first, second } : undefined
    }
    case 'e':
      return body ? { kind: 'event', eventId: body } : undefined
    case 'f':
      return body ? { kind: 'figure', figureId: body } : undefined
    default:
      return undefined
  }
}

export function selectionToString(selection: Selection): string {
  switch (selection.kind) {
    case 'mention':
      return `m.${selection.actorId}.${selection.period}`
    case 'query':
      return `t.${selection.query}.${selection.period}`
    case 'event':
      return `e.${selection.eventId}`
    case 'figure':
      return `f.${selection.figureId}`
    case 'sentence':
      return `a.${selection.articleId}.${selection.sentence}`
    case 'quotes':
      return `q.${selection.speaker ?? NO_SPEAKER_TOKEN}.${selection.period}`
    case 'pair':
      return `c.${selection.first},${selection.second}`
  }
}

/** Whether a `sel` value names something the dataset has (a query: one of the `queries` given). */
export function isKnownSelection(value: string, context: SelectionContext, queries: number): boolean {
  const selection = parseSelection(value)
  if (!selection) return false
  switch (selection.kind) {
    case 'mention':
      return context.actorIds.has(selection.actorId)
    case 'query':
      return selection.query < queries
    case 'event':
      return context.eventIds?.has(selection.eventId) ?? true
    case 'figure':
      return context.figureIds?.has(selection.figureId) ?? true
    case 'sentence':
      return context.articleIds?.has(selection.articleId) ?? true
    case 'quotes':
      return selection.speaker === null || context.actorIds.has(selection.speaker)
    case 'pair':
      return context.actorIds.has(selection.first) && context.actorIds.has(selection.second)
  }
}

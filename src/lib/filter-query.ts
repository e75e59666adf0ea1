/**
 * URL query ⇄ Filters. The only code that knows the query keys. Pure and unit-tested.
 * Bad values are dropped one by one with a reason; the good rest of the query is kept.
 *
 * | key     | values                                                        | default            |
 * | actor   | comma list of actor ids (sorted, at most 12)                  | the top actors     |
 * | outlet  | comma list of outlets; "-" = articles without an outlet       | all                |
 * | from/to | YYYY-MM-DD (a real calendar day; from <= to)                  | open               |
 * | grain   | day, week, month                                              | month              |
 * | measure | mentions, share                                               | mentions           |
 * | stack   | 1                                                             | off (lines)        |
 * | lane    | direction, visitor                                            | direction          |
 * | fx      | native, usd                                                   | native             |
 * | status  | comma list of happened, ongoing, planned, invited (Visits)    | all                |
 * | kind    | comma list of trade_volume, trade_target, contract, other     | all                |
 * | speaker | comma list of actor ids: who said the quotes shown (Quotes)    | every speaker      |
 * | named   | comma list of actor ids: the quoted words name any of them     | no such filter     |
 * | focus   | one actor id: whose companions "named together" ranks          | its matrix's first |
 * | sel     | the selected mark (grammar in ./selection.ts):               | none               |
 * |         | m.<actor>.<period>, e.<event>, f.<figure>, a.<article>.<n>,   |                    |
 * |         | q.<speaker or ->.<period> (quotes), c.<actor>,<actor> (pair)  |                    |
 * | q       | a search query (repeatable: one series each, at most 4)       | none               |
 * |         | sel t.<n>.<period>: a period of search query n                 |                    |
 * | lang    | de, en                                                        | de                 |
 * | theme   | light, dark                                                   | system             |
 * `s` (sentence index in the reader) belongs to the /articles/:id route and is passed through.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { LANGS } from '../i18n/lang.ts'
import { EVENT_STATUSES, FIGURE_KINDS } from '../model/dataset.ts'
import { byCodeUnit } from '../model/order.ts'
import { DEFAULT_FILTERS, FXS, GRAINS, LANES, MEASURES, THEMES, isIsoDay, type Filters } from './filters.ts'
import { isKnownSelection } from './selection.ts'
import { MAX_QUERY_LENGTH } from './search/limits.ts'

/**
 * What the dataset allows; ids outside these sets are dropped. A null set is not known yet (its records
 * are fetched on demand): its ids are kept until it is.
 */
export interface FilterContext {
  readonly actorIds: ReadonlySet<string>
  readonly outlets: ReadonlySet<string>
  readonly articleIds: IdLookup | null
  readonly eventIds: IdLookup | null
  readonly figureIds: IdLookup | null
}

/** A set of ids, or a map by id (only membership is asked). */
export type IdLookup = Pick<ReadonlySet<string>, 'has'>

export type DropReason =
  | 'unknown-key'
  | 'repeated-key'
  | 'too-long'
  | 'control-chars'
  | 'unknown-value'
  | 'repeated-value'
  | 'bad-date'
  | 'reversed-range'
  | 'too-many'

export interface DroppedParam {
  readonly key: string
  readonly value: string
  readonly reason: DropReason
}

export interface ParsedFilters {
  readonly filters: Filters
  readonly dropped: readonly DroppedParam[]
}

/** Query keys that belong to a route, not to the filters; kept as they are. */
export const ROUTE_KEYS: ReadonlySet<string> = new Set(['s'])
export const FILTER_KEYS = [
  'actor',
  'outlet',
  'from',
  'to',
  'grain',
  'measure',
  'stack',
  'lane',
  'fx',
  'status',
  'kind',
  'speaker',
  'named',
  'focus',
  'q',
  'sel',
  'lang',
  'theme',
] as const

/** Longest value accepted for one key (a list of many actor ids still fits). */
export const MAX_VALUE_LENGTH = 400
/**
 * Most items accepted in one comma list. The filter bar stops at the same number (twelve lines is
 * also the most a chart can tell apart by colour), so every URL the app writes stays well under
 * 2,000 characters.
 */
export const MAX_LIST_ITEMS = 12
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/
/** Most search queries charted at once (`q` repeated). */
export const MAX_QUERIES = 4

/** The `q` values: each a query of at most MAX_QUERY_LENGTH characters, spaces collapsed, no repeats, at most MAX_QUERIES. */
function queriesOf(entry: LocationQuery[string] | undefined, drop: Drop): string[] {
  if (entry === undefined) return []
  const out: string[] = []
  for (const raw of (Array.isArray(entry) ? entry : [entry]).map((value) => value ?? '')) {
    const value = raw.replace(/\s+/g, ' ').trim()
    if (value === '') continue
    if (value.length > MAX_QUERY_LENGTH) drop('q', value, 'too-long')
    else if (CONTROL_CHARS.test(value)) drop('q', value, 'control-chars')
    else if (out.includes(value)) drop('q', value, 'repeated-value')
    else if (out.length >= MAX_QUERIES) drop('q', value, 'too-many')
    else out.push(value)
  }
  return out
}

/** Shortens a dropped value for display in a notice. */
export function shortValue(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value
}

function pickOne<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return allowed.find((candidate) => candidate === value)
}

type Drop = (key: string, value: string, reason: DropReason) => void

/** The first value of each filter key; unknown keys, repeats, overlong values and control characters are dropped. */
function firstValues(query: LocationQuery, drop: Drop): Map<string, string> {
  const known = new Set<string>(FILTER_KEYS)
  const raw = new Map<string, string>()
  for (const [key, entry] of Object.entries(query)) {
    if (ROUTE_KEYS.has(key) || key === 'q') continue
    const values = (Array.isArray(entry) ? entry : [entry]).map((value) => value ?? '')
    if (!known.has(key)) {
      drop(shortValue(key), values.join(','), 'unknown-key')
      continue
    }
    const [first = '', ...rest] = values
    for (const extra of rest) drop(key, extra, 'repeated-key')
    if (first.length > MAX_VALUE_LENGTH) drop(key, first, 'too-long')
    else if (CONTROL_CHARS.test(first)) drop(key, first, 'control-chars')
    else raw.set(key, first)
  }
  return raw
}

/** Readers of the kept values by kind (comma list, one of a set, calendar day), each dropping what it cannot use. */
function readersOf(raw: ReadonlyMap<string, string>, drop: Drop) {
  const list = (key: string, isValid: (item: string) => boolean): string[] => {
    const value = raw.get(key)
    if (value === undefined || value === '') return []
    const items: string[] = []
    for (const item of value.split(',')) {
      if (item === '') continue
      if (!isValid(item)) drop(key, item, 'unknown-value')
      else if (items.includes(item)) drop(key, item, 'repeated-value')
      else if (items.length >= MAX_LIST_ITEMS) drop(key, item, 'too-many')
      else items.push(item)
    }
    return items.sort()
  }
  const listOf = <T extends string>(key: string, allowed: readonly T[]): T[] =>
    list(key, (value) => pickOne(allowed, value) !== undefined).flatMap((value) => pickOne(allowed, value) ?? [])
  const one = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = raw.get(key)
    if (value === undefined) return fallback
    const picked = pickOne(allowed, value)
    if (picked === undefined) drop(key, value, 'unknown-value')
    return picked ?? fallback
  }
  const optional = <T extends string>(key: string, allowed: readonly T[]): T | null => {
    const value = raw.get(key)
    const picked = value === undefined ? null : (pickOne(allowed, value) ?? null)
    if (value !== undefined && picked === null) drop(key, value, 'unknown-value')
    return picked
  }
  const date = (key: 'from' | 'to'): string | null => {
    const value = raw.get(key)
    if (value === undefined) return null
    if (isIsoDay(value)) return value
    drop(key, value, 'bad-date')
    return null
  }
  return { list, listOf, one, optional, date }
}

/** One actor id of the dataset, or null (an unknown one is dropped with a notice). */
function actorOrNull(value: string | undefined, context: FilterContext, drop: Drop): string | null {
  if (value === undefined) return null
  if (context.actorIds.has(value)) return value
  drop('focus', value, 'unknown-value')
  return null
}

/** `from` and `to`; a reversed range is dropped whole. */
function dateRange(date: (key: 'from' | 'to') => string | null, drop: Drop): { from: string | null; to: string | null } {
  const from = date('from')
  const to = date('to')
  if (from === null || to === null || from <= to) return { from, to }
  drop('from', from, 'reversed-range')
  drop('to', to, 'reversed-range')
  return { from: null, to: null }
}

export function parseFilters(query: LocationQuery, context: FilterContext): ParsedFilters {
  const dropped: DroppedParam[] = []
  const drop: Drop = (key, value, reason) => {
    dropped.push({ key, value: shortValue(value), reason })
  }
  const raw = firstValues(query, drop)
  const { list, listOf, one, optional, date } = readersOf(raw, drop)
  const { from, to } = dateRange(date, drop)
  const stack = optional('stack', ['1'] as const) === '1'
  const queries = queriesOf(query.q, drop)
  const selValue = raw.get('sel')
  const sel = selValue !== undefined && isKnownSelection(selValue, context, queries.length) ? selValue : null
  if (selValue !== undefined && sel === null) drop('sel', selValue, 'unknown-value')

  const filters: Filters = {
    actors: list('actor', (id) => context.actorIds.has(id)),
    outlets: list('outlet', (outlet) => context.outlets.has(fromOutletToken(outlet))).map(fromOutletToken).sort(),
    from,
    to,
    grain: one('grain', GRAINS, DEFAULT_FILTERS.grain),
    measure: one('measure', MEASURES, DEFAULT_FILTERS.measure),
    stack,
    lane: one('lane', LANES, DEFAULT_FILTERS.lane),
    fx: one('fx', FXS, DEFAULT_FILTERS.fx),
    status: listOf('status', EVENT_STATUSES),
    kind: listOf('kind', FIGURE_KINDS),
    speaker: list('speaker', (id) => context.actorIds.has(id)),
    named: list('named', (id) => context.actorIds.has(id)),
    focus: actorOrNull(raw.get('focus'), context, drop),
    queries,
    sel,
    lang: one('lang', LANGS, DEFAULT_FILTERS.lang),
    theme: optional('theme', THEMES),
  }
  const order = (key: string): number => {
    const index = FILTER_KEYS.findIndex((known) => known === key)
    return index < 0 ? FILTER_KEYS.length : index
  }
  return { filters, dropped: dropped.sort((a, b) => order(a.key) - order(b.key)) }
}

/** Articles without a known outlet are filtered as outlet "" and written as "-" in the URL. */
export const NO_OUTLET_TOKEN = '-'
function fromOutletToken(value: string): string {
  return value === NO_OUTLET_TOKEN ? '' : value
}
function toOutletToken(value: string): string {
  return value === '' ? NO_OUTLET_TOKEN : value
}

/** Filters → query: defaults omitted, lists sorted and comma-joined, so equal filters give equal URLs. */
export function filtersToQuery(filters: Filters): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  const join = (items: readonly string[]): string => [...items].sort().join(',')
  if (filters.actors.length > 0) query.actor = join(filters.actors)
  if (filters.outlets.length > 0) query.outlet = join(filters.outlets.map(toOutletToken))
  if (filters.from !== null) query.from = filters.from
  if (filters.to !== null) query.to = filters.to
  if (filters.grain !== DEFAULT_FILTERS.grain) query.grain = filters.grain
  if (filters.measure !== DEFAULT_FILTERS.measure) query.measure = filters.measure
  if (filters.stack) query.stack = '1'
  if (filters.lane !== DEFAULT_FILTERS.lane) query.lane = filters.lane
  if (filters.fx !== DEFAULT_FILTERS.fx) query.fx = filters.fx
  if (filters.status.length > 0) query.status = join(filters.status)
  if (filters.kind.length > 0) query.kind = join(filters.kind)
  if (filters.speaker.length > 0) query.speaker = join(filters.speaker)
  if (filters.named.length > 0) query.named = join(filters.named)
  if (filters.focus !== null) query.focus = filters.focus
  // queries keep their order: the first is the first series
  if (filters.queries.length > 0) query.q = filters.queries.length === 1 ? (filters.queries[0] as string) : [...filters.queries]
  if (filters.sel !== null) query.sel = filters.sel
  if (filters.lang !== DEFAULT_FILTERS.lang) query.lang = filters.lang
  if (filters.theme !== null) query.theme = filters.theme
  return query
}

/** The query of the filters without the selected mark: what links to other views and exports carry. */
export function queryWithoutSelection(filters: Filters): Record<string, string | string[]> {
  return filtersToQuery({ ...filters, sel: null })
}

/** A query as URL text ("a=1&q=x&q=y"), repeated keys kept. */
export function queryString(query: Record<string, string | string[]>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item)
  return params.toString()
}

/** True when two queries hold the same keys and values (order of keys ignored). */
export function sameQuery(a: LocationQueryRaw | LocationQuery, b: LocationQueryRaw | LocationQuery): boolean {
  const norm = (query: LocationQueryRaw | LocationQuery): string =>
    JSON.stringify(
      Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, Array.isArray(value) ? value.map(String) : String(value)])
        .sort(([x], [y]) => byCodeUnit(String(x), String(y))),
    )
  return norm(a) === norm(b)
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return sameQuery(filtersToQuery(a), filtersToQuery(b))
}

/** The numbers behind the Mentions chart and its table twin, whichever source (cells or records) counted them. */
import type { DiplomaticEvent } from '../../model/dataset.ts'
import type { Grain, Measure } from '../filters.ts'

export interface MentionCell {
  /** Times named in the period (wire copies once). */
  mentions: number
  /** Articles in the period naming the actor (wire copies once). */
  articles: number
  /** The value drawn: mentions, or articles / denominator. */
  value: number
  /** Title of the article naming the actor most often in the period, if any. */
  topTitle: string | null
  /** Ids of the counted articles naming the actor (provenance for exports). */
  articleIds: string[]
}

export interface MentionSeries {
  actorId: string
  /** The actor's canonical (German) name. */
  name: string
  cells: MentionCell[]
}

/** A visit or call on the time axis: one per lifecycle, at its most advanced stage. */
export interface EventMarker {
  eventId: string
  period: string
  kind: DiplomaticEvent['kind']
  status: DiplomaticEvent['status']
  date: string
  visitors: string[]
  place: string | null
}

export interface MentionsData {
  grain: Grain
  measure: Measure
  periods: string[]
  /** Articles (wire copies once) per period: the denominator of the share. */
  denominators: number[]
  series: MentionSeries[]
  events: EventMarker[]
  /** Articles in the filter that cannot be placed on this grain (no date, or month-only on day/week). */
  unplaced: number
  /** Wire copies folded into their original. */
  foldedCopies: number
}

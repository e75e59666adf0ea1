import type { DiplomaticEvent } from '../src/model/dataset.ts'
import type { EventDraft } from './types.ts'

export interface ArticleEventDraft {
  articleId: string
  draft: EventDraft
}

/**
 * Merges the drafts of all articles into events: the same visit reported by several articles (or
 * announced, then happening) becomes one event with every article's quote as evidence.
 * PLACEHOLDER until the events stage lands: one event per draft.
 */
export function mergeEvents(drafts: readonly ArticleEventDraft[]): DiplomaticEvent[] {
  return drafts.map(({ articleId, draft }, i) => ({
    id: `e${i}`,
    kind: draft.kind,
    visitors: draft.visitors,
    hosts: draft.hosts,
    place: draft.place,
    country: draft.country,
    date: draft.date,
    approx: draft.approx,
    status: draft.status,
    evidence: [{ articleId, quote: draft.quote, sentence: draft.sentence, status: draft.status }],
  }))
}

/** Splits a sentence into plain and actor-highlighted segments (rendered as text, never as HTML). */
import type { ArticleTextSpan } from '../model/dataset.ts'

/** The actorId of a search hit's segment (no actor id starts with "#"). */
export const HIT = '#hit'

/** Actor spans with search hits (./search/match.ts) laid over them: where a hit and an actor's name overlap, the hit is marked. */
export function withHits(
  spans: readonly Pick<ArticleTextSpan, 'actorId' | 'start' | 'end'>[],
  hits: readonly { start: number; end: number }[],
): Pick<ArticleTextSpan, 'actorId' | 'start' | 'end'>[] {
  return [...hits.map((hit) => ({ actorId: HIT, start: hit.start, end: hit.end })), ...spans]
}

export interface TextSegment {
  text: string
  /** Actor named by this segment, or null for plain text. */
  actorId: string | null
}

/**
 * Segments one sentence by the spans that fall inside it. Spans outside the text, empty or
 * overlapping an earlier span are ignored; `only` limits highlighting to some actors.
 */
export function segmentSentence(
  text: string,
  spans: readonly Pick<ArticleTextSpan, 'actorId' | 'start' | 'end'>[],
  only?: ReadonlySet<string>,
): TextSegment[] {
  const usable = spans
    .filter((span) => span.start < span.end && span.end <= text.length && (!only || only.has(span.actorId)))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const segments: TextSegment[] = []
  let cursor = 0
  for (const span of usable) {
    if (span.start < cursor) continue
    if (span.start > cursor) segments.push({ text: text.slice(cursor, span.start), actorId: null })
    segments.push({ text: text.slice(span.start, span.end), actorId: span.actorId })
    cursor = span.end
  }
  if (cursor < text.length || segments.length === 0) segments.push({ text: text.slice(cursor), actorId: null })
  return segments
}

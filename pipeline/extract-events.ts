import type { ActorEntry, ActorMatch, EventDraft, Sentence } from './types.ts'

/**
 * Visits and calls reported in one article, one draft per sentence that states one.
 * `published` is the article's date ("YYYY-MM-DD" or "YYYY-MM") that relative expressions resolve against.
 * PLACEHOLDER until the events stage lands: finds nothing.
 */
export function extractEvents(
  _sentences: readonly Sentence[],
  _matches: readonly ActorMatch[],
  _registry: readonly ActorEntry[],
  _published: string | null,
): EventDraft[] {
  return []
}

import type { FigureDraft, Sentence } from './types.ts'

/**
 * Money figures cited in one article, each with the sentence it came from.
 * PLACEHOLDER until the figures stage lands: finds nothing.
 */
export function extractFigures(_sentences: readonly Sentence[], _published: string | null): FigureDraft[] {
  return []
}

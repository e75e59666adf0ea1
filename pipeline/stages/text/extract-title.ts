import { splitSentences } from './segment-sentences.ts'

export interface TitledText {
  title: string
  /** Body paragraphs, without the title. */
  body: string[]
}

/** A first line longer than this is a paragraph, not a headline: its first sentence becomes the title. */
const MAX_TITLE_LENGTH = 200

/** Kept lines → title (the first line) and body. A long first line gives up only its first sentence. */
export function extractTitle(lines: readonly string[]): TitledText {
  const [first, ...rest] = lines
  if (first === undefined) return { title: '', body: [] }
  if (first.length > MAX_TITLE_LENGTH) {
    const [head, ...tail] = splitSentences(first)
    if (head !== undefined && tail.length > 0) return { title: head, body: [tail.join(' '), ...rest] }
  }
  return { title: first, body: rest }
}

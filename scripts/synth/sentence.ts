/**
 * Building sentences out of text and actor tokens, so every planted mention is known with its offsets.
 * A template reads like the sentence it makes:
 *   ctx.say(ref(xi), ' ist zu einem Besuch in Moskau eingetroffen.')
 */

/** A counted mention: `surface` is the text matched as the actor's name ("Putins", "US", "Kreml"). */
export interface Token {
  readonly actorId: string
  readonly surface: string
}

export type Piece = string | Token | null | undefined | readonly Piece[]

export interface Span {
  actorId: string
  sentence: number
  start: number
  end: number
  surface: string
}

export function token(actorId: string, surface: string): Token {
  return { actorId, surface }
}

/** Joins pieces into one string and appends the spans of its tokens (with `sentence` as index). */
export function render(pieces: readonly Piece[], sentence: number, spans: Span[]): string {
  let text = ''
  const walk = (piece: Piece): void => {
    if (piece === null || piece === undefined) return
    if (typeof piece === 'string') {
      text += piece
      return
    }
    if (Array.isArray(piece)) {
      for (const p of piece as readonly Piece[]) walk(p)
      return
    }
    const t = piece as Token
    spans.push({ actorId: t.actorId, sentence, start: text.length, end: text.length + t.surface.length, surface: t.surface })
    text += t.surface
  }
  for (const p of pieces) walk(p)
  // A sentence starts with a capital ("der Kreml teilte mit" → "Der Kreml …"); offsets stay the same.
  const first = text.charAt(0)
  if (first !== first.toUpperCase()) text = first.toUpperCase() + text.slice(1)
  return text
}

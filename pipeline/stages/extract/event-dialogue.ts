/** Conversations in quoted speech: who "Sie" and "wir uns" are. */
import { splitClauses } from './event-words.ts'
import type { Person } from './event-words.ts'

export interface Dialogue {
  speaker: Person
  partner: Person
}

/** "bei einem Treffen mit X", "im Gespräch mit X", "traf sich mit X": the meeting that frames the quotes after it. */
const MEETING_WITH = /\b(?:Treffen|Gespräch|Gesprächen|Telefonat|trafen?\s+sich|zusammengetroffen)\s+mit\b/u

/**
 * The conversation the quotes of a sentence belong to: a sentence naming exactly two people and a meeting
 * "mit" one of them opens one (the other is the speaker); a sentence naming anyone else ends it; a sentence
 * naming no one (a quote, "Er sagte …") keeps it.
 */
export function nextDialogue(current: Dialogue | null, text: string, persons: readonly Person[]): Dialogue | null {
  if (persons.length === 0) return current
  const meeting = MEETING_WITH.exec(text)
  if (persons.length === 2 && meeting) {
    const after = meeting.index + meeting[0].length
    const partner = persons.find((p) => p.start >= after)
    const speaker = persons.find((p) => p !== partner)
    if (partner && speaker) return { speaker, partner }
  }
  const known = current ? [current.speaker.id, current.partner.id] : []
  return persons.every((p) => known.includes(p.id)) ? current : null
}

/**
 * The people a quote inside a conversation speaks of by pronoun: the polite "Sie" (not at the start of a
 * sentence) is the partner; "wir uns" ("haben wir uns … getroffen") is both. Only in quoted speech.
 */
export function addressed(text: string, dialogue: Dialogue): Person[] {
  if (!/[„“"«»]/u.test(text)) return []
  const out: Person[] = []
  const as = (who: Person, start: number, surface: string): Person => ({ id: who.id, country: who.country, start, end: start + surface.length, surface })
  for (const m of text.matchAll(/(?<=\p{L}[^.!?„“"«»]*\s)Sie\b/gu)) out.push(as(dialogue.partner, m.index, 'Sie'))
  for (const m of text.matchAll(/\b[Ww]ir\s+uns\b/gu)) out.push(as(dialogue.speaker, m.index, 'wir'), as(dialogue.partner, m.index, 'wir'))
  // one person once per clause (as personsIn names each once): "Sie … und … wir uns" in one clause is the two of them
  const clauses = splitClauses(text)
  const seen = new Set<string>()
  return out
    .sort((a, b) => a.start - b.start)
    .filter((p) => {
      const key = `${clauses.findIndex((c) => p.start >= c.start && p.start < c.end)}:${p.id}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

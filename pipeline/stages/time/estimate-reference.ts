import { BEFORE_OCCASION, FUTURE, MONTH, MONTHS, PAST_DATE, PAST_VERB, sentences } from './estimate-words.ts'
import { namedIn, regex } from './occasions.ts'
import type { Occasion } from './occasions.ts'

// ---- the reference date of an undated article ----

/** "in Peking" right after the occasion picks its occurrence; -1 when places are listed and none is named. */
function occurrenceAt(o: Occasion, after: string): number {
  if (!o.places) return o.dates.length === 1 ? 0 : -1
  const near = after.slice(0, 60)
  const hits = o.places.map((p, i) => (regex(`^\\s*(?:in|im|von)\\s+(?:${p})\\b`, 'u').test(near) ? i : -1)).filter((i) => i >= 0)
  return hits.length === 1 ? (hits[0] ?? -1) : -1
}

/** "im Dezember", "Anfang Dezember" without a year, in a past sentence. */
const BARE_MONTH = new RegExp(`\\b(?:[Ii]m|Anfang|Mitte|Ende)\\s+${MONTH}\\b(?!\\s*(?:\\d|des\\s+(?:nächsten|kommenden|vergangenen|vorigen)))`, 'gu')
/** PAST_DATE, also at the start of a sentence ("Im Juli 2022 …"). */
const PAST_DATE_ANY = new RegExp(PAST_DATE.source.replace('(?:im|', '(?:[Ii]m|'), 'gu')

/**
 * The latest point an undated article names as past — not its publication date, but a date its relative
 * expressions ("im Frühjahr", "im Herbst", "Anfang des Jahres") can be resolved against: "YYYY-MM" or "YYYY".
 * Clues, from sentences that do not speak of the future: past dates with a year ("im Februar 2022"), reference
 * occasions (data/occasions.json; one with several occurrences only when its place is named: Winterspiele "in
 * Peking"). A month named without a year in a past sentence ("Im Dezember hielten …") moves the reference later
 * within the latest clue's year. Null without clues, or when the latest clue is a bare year ("seit 2023"): too
 * vague to say where in it the text speaks from.
 */
export function estimateReference(text: string, table: readonly Occasion[]): string | null {
  const references = namedIn(text, table).filter((o) => o.kind === 'reference')
  const clues: string[] = []
  const all = sentences(text)
  const past = all.filter((s) => !FUTURE.test(s))
  for (const s of past) {
    for (const m of s.matchAll(PAST_DATE_ANY)) {
      if (m[1] && m[2] && m[3]) clues.push(`${m[3]}-${String(MONTHS[m[2].toLowerCase()] ?? 1).padStart(2, '0')}`)
      else if (m[4] && m[5]) clues.push(`${m[5]}-${String(MONTHS[m[4].toLowerCase()] ?? 1).padStart(2, '0')}`)
      else if (m[6]) clues.push(m[6])
    }
    for (const o of references) {
      for (const m of s.matchAll(regex(o.pattern ?? '', 'gu'))) {
        if (BEFORE_OCCASION.test(s.slice(0, m.index ?? 0))) continue
        const i = occurrenceAt(o, s.slice((m.index ?? 0) + m[0].length))
        const d = i >= 0 ? o.dates[i] : undefined
        if (d) clues.push(d[0].slice(0, 7))
      }
    }
  }
  if (clues.length === 0) return null
  const latest = clues.reduce((a, b) => (b.slice(0, 7) > a.slice(0, 7) ? b : a))
  if (latest.length < 7) return null
  const year = Number(latest.slice(0, 4))
  let month = Number(latest.slice(5, 7))
  for (const s of past) {
    if (!PAST_VERB.test(s)) continue
    for (const m of s.matchAll(BARE_MONTH)) {
      const n = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0
      if (n > month) month = n
    }
  }
  return `${year}-${String(month).padStart(2, '0')}`
}

import { PREPOSITION, pad, parseReference } from './time-reference.ts'
import type { ReferenceDate, Tense, TimeMention } from './time-reference.ts'
import { DIGIT, RULES } from './time-rules.ts'
import * as chrono from 'chrono-node'
import type { TimeRef } from '../types.ts'

/**
 * German time expressions → TimeRef, resolved against a reference date (the article's published date).
 * Own parsers cover what chrono's German parser lacks (seasons, "Anfang Januar", "im vergangenen Jahr",
 * "vorigen Monat", "in der kommenden Woche", bare years); chrono.de adds explicit calendar dates we did
 * not read ourselves, and only those (its weekday, "so", "Fr" and "von 2024" hits are dropped).
 */



function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

function prepositionBefore(text: string, start: number): string | null {
  const m = PREPOSITION.exec(text.slice(Math.max(0, start - 40), start))
  if (!m?.[1]) return null
  const word = (m[1].trim().split(/\s+/)[0] ?? '').toLowerCase()
  return word || null
}

/**
 * What a date chrono.de gives with a certain day and month starts from (its parsers, read in
 * chrono-node 2.x): an ISO or numeric date (digits around "-", "/", "."), a day before a month name
 * ("4. Feb", "4. Jänner"), a casual day word (heute, morgen, gestern, jetzt, letzte Nacht) or a count of
 * seconds, minutes, hours, days or weeks ("vor 3 Tagen", "in 2 Std."). Months, quarters and years only
 * imply the day; times of day only imply the date. A sentence without any of these is not given to chrono.
 */
const CHRONO_CUE = /\d\s?[/.-]\s?\d|jan|jän|feb|mär|maerz|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez|jetzt|heute|morgen|gestern|nacht|sek|min|std|stunde|tag|woche|\d\s*h\b/i

/** Whether some stretch of `text` outside the `taken` spans has a digit and a chrono date cue. */
function uncoveredCue(text: string, taken: readonly TimeMention[]): boolean {
  if (!DIGIT.test(text) || !CHRONO_CUE.test(text)) return false
  if (taken.length === 0) return true
  const spans = [...taken].sort((a, b) => a.start - b.start)
  let from = 0
  for (const span of [...spans, { start: text.length, end: text.length }]) {
    if (span.start > from) {
      const stretch = text.slice(from, span.start)
      if (DIGIT.test(stretch) && CHRONO_CUE.test(stretch)) return true
    }
    from = Math.max(from, span.end)
  }
  return false
}

/** chrono.de's explicit calendar dates that our rules did not read (e.g. "4.2.2022" written with spaces). */
function chronoDates(text: string, ref: ReferenceDate | undefined, taken: readonly TimeMention[]): TimeMention[] {
  // every date kept below has a digit in its text and one of chrono's date cues, and lies between the
  // expressions already read: without a stretch between them that has both, chrono is not asked
  if (!uncoveredCue(text, taken)) return []
  const refDate = ref ? new Date(Date.UTC(ref.year, (ref.month ?? 1) - 1, ref.day ?? 15, 12)) : new Date(Date.UTC(2000, 0, 1, 12))
  const out: TimeMention[] = []
  for (const r of chrono.de.parse(text, refDate)) {
    // only dates with a written day and month: drops "Fr" in "Frühjahr", "so", "von 2024", weekdays, times
    if (!r.start.isCertain('day') || !r.start.isCertain('month') || !/\d/.test(r.text)) continue
    if (/^\d{4}$/.test(r.text.trim()) || /\b(?:heute|morgen|gestern)\b/i.test(r.text)) continue
    const span = { start: r.index, end: r.index + r.text.length }
    if (taken.some((t) => overlaps(t, span))) continue
    if (!r.start.isCertain('year') && !ref) continue
    const d = r.start.date()
    const iso = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
    out.push({ ...span, text: r.text, kind: 'date', preposition: prepositionBefore(text, r.index), ref: { iso, approx: false } })
  }
  return out
}

/**
 * The last few answers of findTimeMentions: the events and figures of a sentence ask for the same text
 * several times (once per clause tense, per amount, for the reference year). Callers get their own
 * array; the mentions in it are shared and never changed by any caller.
 */
const MEMO_SIZE = 64
const memo = new Map<string, readonly TimeMention[]>()

/**
 * Every time expression in `text`, in reading order, each resolved against `published` when it needs a
 * reference (ref null when it cannot be). Longer, more specific expressions win over parts of them.
 */
export function findTimeMentions(text: string, published: string | null, tense: Tense = 'past'): TimeMention[] {
  const key = `${tense}\u0000${published ?? '\u0001'}\u0000${text}`
  let found = memo.get(key)
  if (found === undefined) {
    found = readTimeMentions(text, published, tense)
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value ?? '')
    memo.set(key, found)
  }
  return [...found]
}

function readTimeMentions(text: string, published: string | null, tense: Tense): TimeMention[] {
  const ref = parseReference(published)
  const found: TimeMention[] = []
  const cues = new Map<RegExp, boolean>()
  for (const rule of RULES) {
    if (rule.cue) {
      let present = cues.get(rule.cue)
      if (present === undefined) {
        present = rule.cue.test(text)
        cues.set(rule.cue, present)
      }
      if (!present) continue
    }
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++
        continue
      }
      const lead = /^\s*/.exec(m[0])?.[0].length ?? 0
      const next = rule.at === 'after' ? (/^\p{L}+/u.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0) : 0
      const span = rule.at === 'after' ? { start: m.index + m[0].length, end: m.index + m[0].length + next } : { start: m.index + lead, end: m.index + m[0].length }
      if (found.some((f) => overlaps(f, span))) continue
      let timeRef: TimeRef | null
      try {
        timeRef = rule.read(m, ref, tense)
      } catch {
        timeRef = null
      }
      if (timeRef === null && rule.kind === 'month' && !/\s/.test(m[0])) continue
      found.push({
        ...span,
        text: rule.at === 'after' ? m[0].trim() : text.slice(span.start, span.end),
        kind: rule.kind,
        preposition: prepositionBefore(text, span.start) ?? leadingPreposition(text.slice(span.start, span.end)),
        ref: timeRef,
      })
    }
  }
  let chronoFound: TimeMention[] = []
  try {
    chronoFound = chronoDates(text, ref, found)
  } catch {
    chronoFound = []
  }
  return [...found, ...chronoFound].sort((a, b) => a.start - b.start)
}

function leadingPreposition(expression: string): string | null {
  const m = /^(ab|seit|bis|für|im|am|in|vom)\s/i.exec(expression)
  return m?.[1]?.toLowerCase() ?? null
}

/** The first time expression in `text` that can be resolved, or undefined. */
export function resolveTime(text: string, published: string | null, tense: Tense = 'past'): TimeRef | undefined {
  for (const mention of findTimeMentions(text, published, tense)) if (mention.ref) return mention.ref
  return undefined
}

/** The precision an event date keeps (GUIDE): a weekday, "heute" or a week gives the month only. */
export function eventDate(mention: TimeMention): TimeRef | null {
  if (!mention.ref) return null
  if (mention.kind === 'weekday' || mention.kind === 'today' || mention.kind === 'week') {
    return { iso: mention.ref.iso.slice(0, 7), approx: mention.ref.approx }
  }
  return mention.ref
}

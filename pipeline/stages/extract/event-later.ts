/**
 * A time told from the one before it: "Ein Jahr später stand Xi bei der Siegesparade", "zwei Monate danach
 * reiste er nach Peking". Reviews of a decade of visits date each trip this way. The base is the last time
 * with a year of its own told before the words: earlier in the sentence, else in the sentences just before
 * (nearest first). No base, no date: the count alone says nothing.
 */
import { NUMBER_WORDS } from '../time/estimate-words.ts'
import { findTimeMentions } from '../time/resolve-time.ts'
import type { Decision } from '../../../src/model/dataset.ts'

/** "ein Jahr später", "zehn Jahre darauf", "zwei Monate danach". */
const LATER = /(?<![\p{L}-])(\d{1,2}|ein|eine|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+(Jahr|Jahre|Monat|Monate)\s+(?:später|darauf|danach)(?![\p{L}-])/iu

/** A year written out: the base must carry its own. */
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/

/** The date the words give and how it was read ("ein Jahr später" from "im Mai 2014": 2015-05). */
export interface LaterTime {
  iso: string
  from: Decision
}

/**
 * The date a clause's "… später" gives. `before` is the sentence's text before the clause, `earlier` the
 * sentences before it, nearest last.
 */
export function laterTime(clause: string, before: string, earlier: readonly string[], published: string | null): LaterTime | null {
  const m = LATER.exec(clause)
  if (!m) return null
  const n = /^\d/.test(m[1] ?? '') ? Number(m[1]) : (NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? 0)
  if (n <= 0) return null
  const base = lastDated(clause.slice(0, m.index), published) ?? lastDated(before, published) ?? earlier.reduceRight<string | null>((found, s) => found ?? lastDated(s, published), null)
  if (base === null) return null
  const year = Number(base.slice(0, 4))
  const month = base.length >= 7 ? Number(base.slice(5, 7)) : null
  const years = /^j/i.test(m[2] ?? '')
  if (!years && month === null) return null
  const total = years ? year * 12 + (month ?? 1) - 1 + 12 * n : year * 12 + (month ?? 1) - 1 + n
  const iso = month === null ? String(year + n) : `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
  return { iso, from: { rule: 'later', cue: m[0], reference: base } }
}

/** The last time with a year of its own in a text, as month (or year) precision. */
function lastDated(text: string, published: string | null): string | null {
  if (!YEAR.test(text)) return null
  const found = findTimeMentions(text, published).filter((t) => t.ref !== null && YEAR.test(t.text) && t.preposition !== 'bis')
  const last = found[found.length - 1]
  return last?.ref ? last.ref.iso.slice(0, 7) : null
}

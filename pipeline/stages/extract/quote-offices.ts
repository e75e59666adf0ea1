/**
 * Who held an office when (data/offices.json): a speaker named only by office ("der chinesische
 * Staatschef", "Russlands Außenminister") is the holder on the article's date, or, for an undated
 * article, the one holder of that office the article names.
 */

/** Offices a role noun can name (quote-words.ts ROLE_NOUNS). */
export type OfficeKind = 'head' | 'government' | 'foreign' | 'defence' | 'kremlin-spokesman'
const OFFICE_KINDS: readonly OfficeKind[] = ['head', 'government', 'foreign', 'defence', 'kremlin-spokesman']

/** One term of office: who (actor id) held which office of which state (actor id), from (inclusive) to (exclusive, null: still). */
export interface OfficeTerm {
  office: OfficeKind
  country: string
  holder: string
  from: string
  to: string | null
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Narrows the office table's JSON (`{ "offices": [...] }` or a bare list); malformed terms are dropped. */
export function parseOffices(json: unknown): OfficeTerm[] {
  const list = typeof json === 'object' && json !== null && 'offices' in json ? (json as { offices: unknown }).offices : json
  if (!Array.isArray(list)) return []
  const out: OfficeTerm[] = []
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { office, country, holder, from, to } = item as Record<string, unknown>
    const kind = OFFICE_KINDS.find((k) => k === office)
    if (!kind || typeof country !== 'string' || typeof holder !== 'string' || typeof from !== 'string' || !DAY.test(from)) continue
    if (to !== null && to !== undefined && (typeof to !== 'string' || !DAY.test(to))) continue
    out.push({ office: kind, country, holder, from, to: typeof to === 'string' ? to : null })
  }
  return out
}

/** Whether a term covers a date ("YYYY-MM-DD" or "YYYY-MM": any day of the month). */
function covers(term: OfficeTerm, date: string): boolean {
  const first = date.length === 7 ? `${date}-01` : date
  const last = date.length === 7 ? `${date}-31` : date
  return term.from <= last && (term.to === null || term.to > first)
}

/**
 * The holder of an office of a state: on `date` (the one the article names, if two held it that month),
 * or with no date the one holder of it the article names (`named`); null when that leaves no one or several.
 */
export function officeHolder(
  terms: readonly OfficeTerm[],
  office: OfficeKind,
  country: string,
  date: string | null,
  named: ReadonlySet<string>,
): string | null {
  const own = terms.filter((t) => t.office === office && t.country === country)
  const holders = (list: readonly OfficeTerm[]): string[] => [...new Set(list.map((t) => t.holder))]
  if (date !== null) {
    const then = holders(own.filter((t) => covers(t, date)))
    if (then.length === 1) return then[0] ?? null
    const namedThen = then.filter((id) => named.has(id))
    return namedThen.length === 1 ? (namedThen[0] ?? null) : null
  }
  const namedEver = holders(own).filter((id) => named.has(id))
  return namedEver.length === 1 ? (namedEver[0] ?? null) : null
}

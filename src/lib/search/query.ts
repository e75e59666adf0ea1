/**
 * The search query language (pure): words, "exact phrases", prefixes (`Sanktion*`), `OR` between two
 * items, exclusion (`-Taiwan`); case and umlaut spelling do not matter (./tokens.ts#foldTerm).
 *
 *   Gas Russland            articles with both words (each as a whole word: `Gas` is not `Gaspipeline`)
 *   Gas*                    any word starting with "gas": Gas, Gase, Gaspipeline, Gasprom
 *   "Kraft Sibiriens"       the words in this order, next to each other (also across a line break)
 *   Yuan OR Rubel           either word; OR binds closer than the implicit AND: `Gas Yuan OR Rubel`
 *   Sanktionen -Taiwan      articles with the first and without the second
 *
 * A word matches the same word only (no stemming): `Sanktion` does not find `Sanktionen`; `Sanktion*`
 * finds both. Bad input is read as far as it makes sense and every repair is reported as a notice; the
 * query text is never interpreted as markup.
 */
import { MAX_QUERY_LENGTH } from './limits.ts'
import { isIndexed, tokenize } from './tokens.ts'

/** One searchable item: a whole word, a prefix, or a phrase (its terms in order, stop words included). */
export type Atom =
  | { kind: 'word'; term: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; terms: string[] }

export interface SearchQuery {
  /** Every group must match; a group matches when one of its atoms does. */
  must: Atom[][]
  /** No atom here may match. */
  not: Atom[]
}

export type QueryNotice =
  | { kind: 'too-long'; max: number }
  | { kind: 'unclosed-quote' }
  | { kind: 'stop-word'; word: string }
  | { kind: 'short-prefix'; word: string }
  | { kind: 'dangling-or' }
  | { kind: 'too-many'; max: number }
  | { kind: 'nothing-to-search' }
  | { kind: 'only-exclusions' }

export interface ParsedQuery {
  /** The query as read, spaces collapsed: the series' name. */
  text: string
  /** null when nothing searchable is left (a notice says why). */
  query: SearchQuery | null
  notices: QueryNotice[]
}

/** Most atoms in one query. */
export const MAX_ATOMS = 12
/** Shortest prefix a `*` may follow (after folding). */
export const MIN_PREFIX = 2

interface Piece {
  negated: boolean
  quoted: boolean
  text: string
  prefix: boolean
}

/** Splits the query into quoted and bare pieces and `OR`s; an unclosed quote runs to the end. */
function pieces(text: string, notices: QueryNotice[]): (Piece | 'OR')[] {
  const out: (Piece | 'OR')[] = []
  const re = /(-?)"([^"]*)("?)|(\S+)/g
  for (const m of text.matchAll(re)) {
    if (m[2] !== undefined) {
      if (m[3] === '') notices.push({ kind: 'unclosed-quote' })
      out.push({ negated: m[1] === '-', quoted: true, text: m[2], prefix: false })
      continue
    }
    const bare = m[4] ?? ''
    if (bare === 'OR' || bare === '|') {
      out.push('OR')
      continue
    }
    const negated = bare.startsWith('-') && bare.length > 1
    const body = negated ? bare.slice(1) : bare
    out.push({ negated, quoted: false, text: body.replaceAll('"', ''), prefix: /\*$/.test(body) })
  }
  return out
}

/** The atom a piece stands for, or null (reported) when nothing of it can be searched. */
function atomOf(piece: Piece, notices: QueryNotice[]): Atom | null {
  const words = tokenize(piece.text).map((token) => token.term)
  if (words.length === 0) return null
  if (piece.quoted || words.length > 1) {
    if (words.every((term) => !isIndexed(term))) {
      notices.push({ kind: 'stop-word', word: piece.text.trim() })
      return null
    }
    return words.length === 1 ? { kind: 'word', term: words[0] as string } : { kind: 'phrase', terms: words }
  }
  const term = words[0] as string
  if (piece.prefix) {
    if (term.length >= MIN_PREFIX) return { kind: 'prefix', prefix: term }
    notices.push({ kind: 'short-prefix', word: piece.text })
    return null
  }
  if (!isIndexed(term)) {
    notices.push({ kind: 'stop-word', word: piece.text })
    return null
  }
  return { kind: 'word', term }
}

/** The query text cut to MAX_QUERY_LENGTH at a word boundary, spaces collapsed. */
function clip(raw: string, notices: QueryNotice[]): string {
  const text = raw.replace(/\s+/g, ' ').trim()
  if (text.length <= MAX_QUERY_LENGTH) return text
  notices.push({ kind: 'too-long', max: MAX_QUERY_LENGTH })
  const cut = text.slice(0, MAX_QUERY_LENGTH)
  const space = cut.lastIndexOf(' ')
  return (space > MAX_QUERY_LENGTH / 2 ? cut.slice(0, space) : cut).trim()
}

/** Groups the atoms: consecutive items joined by OR form one group; a negated item never joins one. */
function groupsOf(items: (Piece | 'OR')[], notices: QueryNotice[]): SearchQuery {
  const must: Atom[][] = []
  const not: Atom[] = []
  let joinNext = false
  let atoms = 0
  for (const item of items) {
    if (item === 'OR') {
      if (joinNext || must.length === 0) notices.push({ kind: 'dangling-or' })
      joinNext = must.length > 0
      continue
    }
    const atom = atomOf(item, notices)
    if (!atom) continue
    if (atoms >= MAX_ATOMS) {
      if (!notices.some((n) => n.kind === 'too-many')) notices.push({ kind: 'too-many', max: MAX_ATOMS })
      continue
    }
    atoms += 1
    if (item.negated) not.push(atom)
    else if (joinNext) must[must.length - 1]?.push(atom)
    else must.push([atom])
    joinNext = false
  }
  if (joinNext) notices.push({ kind: 'dangling-or' })
  return { must, not }
}

/** Reads a query; never throws. */
export function parseQuery(raw: string): ParsedQuery {
  const notices: QueryNotice[] = []
  const text = clip(raw, notices)
  const query = groupsOf(pieces(text, notices), notices)
  if (query.must.length === 0) {
    notices.push({ kind: query.not.length > 0 ? 'only-exclusions' : 'nothing-to-search' })
    return { text, query: null, notices }
  }
  return { text, query, notices }
}

/** Every term an atom needs looked up in the index (a prefix is expanded by the index; stop words are not there). */
export function atomTerms(atom: Atom): string[] {
  if (atom.kind === 'word') return [atom.term]
  if (atom.kind === 'phrase') return atom.terms.filter(isIndexed)
  return []
}

/** The atoms of a query, positive first. */
export function atomsOf(query: SearchQuery): { atom: Atom; negated: boolean }[] {
  return [...query.must.flat().map((atom) => ({ atom, negated: false })), ...query.not.map((atom) => ({ atom, negated: true }))]
}

/**
 * A parsed query (./query.ts) against the text of one article (pure): whether it matches, and where
 * each hit stands, sentence by sentence — what the evidence panel, the article list and the reader mark.
 * The index (src/lib/search/evaluate.ts) decides which articles to read; this confirms them on the text.
 */
import type { Atom, SearchQuery } from './query.ts'
import { tokenize, type Token } from './tokens.ts'

/** A hit: the words of one atom in one sentence, as offsets into that sentence. */
export interface Hit {
  sentence: number
  start: number
  end: number
}

function tokenMatches(atom: Atom, token: Token): boolean {
  return atom.kind === 'word' ? token.term === atom.term : atom.kind === 'prefix' && token.term.startsWith(atom.prefix)
}

/** Hits of one atom in one sentence's tokens. */
function atomHits(atom: Atom, tokens: readonly Token[], sentence: number): Hit[] {
  const hits: Hit[] = []
  if (atom.kind !== 'phrase') {
    for (const token of tokens) if (tokenMatches(atom, token)) hits.push({ sentence, start: token.start, end: token.end })
    return hits
  }
  const n = atom.terms.length
  for (let i = 0; i + n <= tokens.length; i++) {
    if (atom.terms.every((term, k) => tokens[i + k]?.term === term)) {
      hits.push({ sentence, start: tokens[i]?.start ?? 0, end: tokens[i + n - 1]?.end ?? 0 })
      i += n - 1
    }
  }
  return hits
}

/** Per atom of the query (positive groups flattened, then exclusions), its hits in the article. */
function hitsByAtom(atoms: readonly Atom[], sentences: readonly string[]): Hit[][] {
  const tokens = sentences.map((text) => tokenize(text))
  return atoms.map((atom) => tokens.flatMap((list, s) => atomHits(atom, list, s)))
}

/** Does the article (its sentences) match the query? */
export function matchesText(query: SearchQuery, sentences: readonly string[]): boolean {
  return queryHits(query, sentences) !== null
}

/**
 * The hits of the query's positive atoms in the article, in reading order; null when the article does
 * not match (a group without a hit, or an excluded atom found).
 */
export function queryHits(query: SearchQuery, sentences: readonly string[]): Hit[] | null {
  const positive = query.must.flat()
  const found = hitsByAtom([...positive, ...query.not], sentences)
  if (found.slice(positive.length).some((hits) => hits.length > 0)) return null
  let offset = 0
  for (const group of query.must) {
    const any = found.slice(offset, offset + group.length).some((hits) => hits.length > 0)
    offset += group.length
    if (!any) return null
  }
  return found
    .slice(0, positive.length)
    .flat()
    .sort((a, b) => a.sentence - b.sentence || a.start - b.start || b.end - a.end)
}

/** The hits grouped by sentence index. */
export function hitsBySentence(hits: readonly Hit[]): Map<number, Hit[]> {
  const out = new Map<number, Hit[]>()
  for (const hit of hits) {
    const list = out.get(hit.sentence)
    if (list) list.push(hit)
    else out.set(hit.sentence, [hit])
  }
  return out
}

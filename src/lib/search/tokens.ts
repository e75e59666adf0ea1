/**
 * Words of German text as the search index and the query see them (pure, shared by the pipeline and the app).
 *
 * A word is a run of letters and digits (`Gas-Pipeline` is two words, `G20` one). Its term is the word in
 * lower case with umlauts and ß spelled out — ä → ae, ö → oe, ü → ue, ß → ss — and other accents dropped
 * (é → e, ğ → g): `Zölle`, `ZÖLLE` and `Zoelle` are one term, `Straße` and `Strasse` too, while `schon` and
 * `schön`, `Bar` and `Bär` stay apart (stripping the dots would merge them).
 */

export interface Token {
  /** The folded term. */
  term: string
  /** Offsets of the word in the text it was read from (UTF-16 code units). */
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}]+/gu
const SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' }
const COMBINING = /\p{M}+/gu

const ASCII = /^[\x00-\x7f]*$/
/** Folded terms of words outside ASCII, as met (cleared when full: a corpus has far fewer distinct words). */
const folded = new Map<string, string>()
const FOLDED_MAX = 100_000

/** The term of one word: lower case, umlauts and ß spelled out, other accents dropped. */
export function foldTerm(word: string): string {
  // ASCII stays ASCII in lower case: nothing to spell out or drop
  if (ASCII.test(word)) return word.toLowerCase()
  let term = folded.get(word)
  if (term === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear()
    term = foldWord(word)
    folded.set(word, term)
  }
  return term
}

function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[äöüßẞ]/g, (c) => SPELLED[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING, '')
}

/** The words of a text with their offsets, in reading order (line breaks are spaces). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    tokens.push({ term: foldTerm(match[0]), start, end: start + match[0].length })
  }
  return tokens
}

/**
 * Words the index leaves out: too common to tell articles apart, and their postings would be as large as
 * the corpus. A query word among them is dropped with a notice; inside a phrase it keeps its place.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'aber als am an auch auf aus bei bis da damit dann das dass dem den der des die dies diese diesem diesen dieser ' +
    'doch durch ein eine einem einen einer eines er es fuer hat hatte hier ich ihr im in ins ist ja kein mit nach ' +
    'nicht noch nun nur ob oder sein seine sich sie sind so um und uns unter vom von vor war waren was wie wir wird ' +
    'wurde wurden zu zum zur ueber'
  ).split(' '),
)

/** Longest term indexed: longer runs are codes or junk, not words anyone searches. */
export const MAX_TERM_LENGTH = 40

/** True when the index holds this term (not a stop word, not overlong). */
export function isIndexed(term: string): boolean {
  return term.length <= MAX_TERM_LENGTH && !STOP_WORDS.has(term)
}

/**
 * The indexed terms of an article and where each stands: positions count every word (stop words too),
 * and a sentence boundary adds a gap, so a phrase never runs from one sentence into the next.
 */
export function termPositions(sentences: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>()
  let position = 0
  for (const sentence of sentences) {
    for (const [word] of sentence.matchAll(WORD)) {
      const term = foldTerm(word)
      if (isIndexed(term)) {
        const list = out.get(term)
        if (list) list.push(position)
        else out.set(term, [position])
      }
      position += 1
    }
    position += 1
  }
  return out
}

/** An article's indexed terms, sorted, with their positions: what a worker sends for the search index. */
export interface ArticleTerms {
  terms: string[]
  positions: number[][]
}

export function articleTerms(sentences: readonly string[]): ArticleTerms {
  const byTerm = termPositions(sentences)
  const terms = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return { terms, positions: terms.map((term) => byTerm.get(term) ?? []) }
}

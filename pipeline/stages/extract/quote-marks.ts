/**
 * Quotation marks in a paragraph, paired: German „…“ and ‚…‘, guillemets »…« and «…» (either way round),
 * straight "…" and English “…”. Whether a mark opens or closes is read from where it stands (after a space
 * or at the start and before a word: it opens; after a word: it closes), so one rule serves every style,
 * nested quotes of the same marks (»… der »Eis-Seidenstraße« …«) included. A closing mark with no opening
 * one (a crawl that lost it) is kept as an orphan: the quote may have begun at the start of its sentence.
 */

/** One quotation at the top level of a paragraph: offsets of its marks and of the words between them. */
export interface QuoteSpan {
  /** Offset of the opening mark (the paragraph start for an orphan closing mark). */
  open: number
  /** Offset just after the closing mark (the paragraph end for a quote left open). */
  close: number
  /** The quoted words: after the opening mark, before the closing one. */
  start: number
  end: number
  /** Words of letters or digits between the marks. */
  words: number
  /** No opening mark was found (a closing mark alone), or no closing mark (the text ends inside the quote). */
  orphan: 'open' | 'close' | null
}

type Role = 'open' | 'close' | 'none'

/** The closing marks an opening mark pairs with. */
const PARTNERS: Readonly<Record<string, string>> = {
  '„': '“”"',
  '“': '”"“',
  '"': '"“”',
  '»': '«',
  '«': '»',
  '‚': '‘’',
  '”': '”"',
}
const MARKS = /[„“”"»«‚‘]/g
/** What may stand before an opening mark: nothing, a space, a bracket, a dash or a slash. */
const BEFORE_OPEN = /[\s([{–—\-/:]/u
const WORD_CHAR = /[\p{L}\p{N}]/u

/** Opens, closes or neither, by the characters around the mark. */
function roleOf(text: string, at: number): Role {
  const mark = text[at] ?? ''
  const before = at > 0 ? (text[at - 1] ?? '') : ''
  const after = text[at + 1] ?? ''
  if (mark === '„' || mark === '‚') return after === '' || /\s/u.test(after) ? 'none' : 'open'
  if (mark === '‘') return before !== '' && !/\s/u.test(before) ? 'close' : 'none'
  const opensHere = (before === '' || BEFORE_OPEN.test(before) || /[„“"»«]/u.test(before)) && after !== '' && !/\s/u.test(after)
  if (opensHere) return 'open'
  if (before !== '' && !/\s/u.test(before)) return 'close'
  return 'none'
}

function countWords(text: string): number {
  let n = 0
  let inWord = false
  for (const ch of text) {
    const word = WORD_CHAR.test(ch)
    if (word && !inWord) n++
    inWord = word
  }
  return n
}

function span(text: string, open: number, close: number, start: number, end: number, orphan: QuoteSpan['orphan']): QuoteSpan {
  return { open, close, start, end, words: countWords(text.slice(start, end)), orphan }
}

/**
 * The top-level quotations of `text`, in order. Nested quotations are inside their outer one; an opening
 * mark never closed makes a quote to the end of the text (an article cut off by the crawl); a closing mark
 * with no opening one makes a quote from the end of the quote before it (or the start of the text): the
 * caller cuts it back to the start of the closing mark's sentence.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const stack: { mark: string; at: number }[] = []
  const out: QuoteSpan[] = []
  let lastClose = 0
  MARKS.lastIndex = 0
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const mark = m[0]
    const at = m.index
    const role = roleOf(text, at)
    if (role === 'open') {
      stack.push({ mark, at })
      continue
    }
    if (role !== 'close') continue
    // the innermost opening mark this one pairs with
    let depth = stack.length - 1
    while (depth >= 0 && !(PARTNERS[stack[depth]?.mark ?? ''] ?? '').includes(mark)) depth--
    // a crawl mixes the marks of one quotation («…“): a lone opening mark takes any closing one but ‘
    if (depth < 0 && stack.length === 1 && mark !== '‘' && stack[0]?.mark !== '‚') depth = 0
    if (depth < 0) {
      if (stack.length === 0 && mark !== '‘') {
        out.push(span(text, lastClose, at + 1, lastClose, at, 'close'))
        lastClose = at + 1
      }
      continue
    }
    const opener = stack[depth]
    stack.length = depth
    if (opener && depth === 0) {
      out.push(span(text, opener.at, at + 1, opener.at + 1, at, null))
      lastClose = at + 1
    }
  }
  const unclosed = stack[0]
  if (unclosed && unclosed.mark !== '‚') out.push(span(text, unclosed.at, text.length, unclosed.at + 1, text.length, 'open'))
  return out
}

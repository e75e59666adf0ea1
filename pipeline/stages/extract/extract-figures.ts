import type { FigureKind } from '../../../src/model/dataset.ts'
import { findTimeMentions } from '../time/resolve-time.ts'
import { parseReference } from '../time/time-reference.ts'
import type { TimeMention } from '../time/time-reference.ts'
import type { FigureDraft, Sentence } from '../types.ts'

/**
 * Money figures cited in one article, each with the sentence it came from: "1,5 Mrd. US-Dollar",
 * "zehn Milliarden Euro", "eine Billion Rubel", "$ 5 Mio."; percentages and other units are not figures.
 */

/** German number words that can stand before a scale word ("zehn Milliarden"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ein: 1, eine: 1, einer: 1, einem: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, elf: 11, zwölf: 12, fünfzehn: 15, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50,
  sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100, einhundert: 100, zweihundert: 200,
  dreihundert: 300, vierhundert: 400, fünfhundert: 500, tausend: 1000, anderthalb: 1.5, eineinhalb: 1.5,
  zweieinhalb: 2.5, dreieinhalb: 3.5,
}
const NUMBER_WORD = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')

/** Scale words → factor. German "Billion" is 10^12. */
const SCALES: readonly [RegExp, number][] = [
  [/^(?:billion|bio)/i, 1e12],
  [/^(?:milliarde|mrd)/i, 1e9],
  [/^(?:million|mio)/i, 1e6],
  [/^(?:tausend|tsd)/i, 1e3],
]
const SCALE = '(?:Billionen|Billion|Bio\\.?|Milliarden|Milliarde|Mrd\\.?|Millionen|Million|Mio\\.?|Tausend|Tsd\\.?)'

/** Currency as written → ISO 4217. */
const CURRENCIES: readonly [RegExp, string][] = [
  [/^(?:US-Dollars?|Dollars?|USD|US\$|\$)$/i, 'USD'],
  [/^(?:Euros?|EUR|€)$/i, 'EUR'],
  [/^(?:Yuan|Renminbi|CNY|RMB)$/i, 'CNY'],
  [/^(?:Rubel|Rubeln|RUB|₽)$/i, 'RUB'],
]
const CURRENCY = '(?:US-Dollars?|Dollars?|USD|US\\$|\\$|Euros?|EUR|€|Yuan|Renminbi|CNY|RMB|Rubeln?|RUB|₽)'
const DIGITS = '(?:\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)'

/** "200 Milliarden Dollar", "1,5 Mrd. US-Dollar", "1.500 Euro", "zehn Milliarden Yuan". */
const AMOUNT_AFTER = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(${DIGITS})\\s*(${SCALE})?|(${NUMBER_WORD})\\s+(${SCALE}))\\s*(${CURRENCY})(?![\\p{L}\\d-])`,
  'giu',
)
const EXCHANGE_RATE = new RegExp(`^\\s*(?:pro|je|für\\s+einen|für\\s+1)\\s+${CURRENCY}(?![\\p{L}])`, 'iu')
/** "$ 5 Mrd.", "€1,5 Milliarden", "USD 10 Millionen". */
/**
 * What an amount cannot be written without: every currency above contains one of these. The amount
 * patterns ignore case with Unicode folding, which also lets "ſ" stand for "s" (and the Kelvin sign for
 * "k"): "ſ" counts as a cue, so the cheaper ASCII case-insensitive test misses no amount.
 */
const ANY_CURRENCY = /[$€₽ſ]|dollar|usd|eur|yuan|renminbi|cny|rmb|rub/i
const AMOUNT_BEFORE = new RegExp(`(?<![\\p{L}\\d])(US\\$|\\$|€|USD|EUR|CNY|RUB)\\s?(${DIGITS})(?:\\s*(${SCALE}))?(?![\\p{L}\\d-])`, 'giu')

/** A goal or forecast: "Ziel", "anpeilen", "soll … erreichen", "bis 2024", "könnte … anwachsen", "erwartet". */
const TARGET_CUES =
  /\b(?:\p{L}*[Zz]iel(?:e|en|s)?\b|anpeil\p{L}*|angepeilt|angestrebt|anstreb\p{L}*|voraussichtlich|Prognose\p{L}*|prognostiz\p{L}*|erwartet\p{L}*|erwarten|könnte|könnten|dürfte|dürften|verdoppeln|verdreifachen|(?:soll|sollen|sollte|sollten|wird|werden|will|wollen)\b[^.;]*\b(?:erreichen|steigen|wachsen|anwachsen|steigern|erhöhen|ausbauen)\b|zu\s+(?:erreichen|steigern|erhöhen)\b|bis\s+(?:zum\s+Jahr\s+|Ende\s+)?\d{4})/iu

interface Cue {
  kind: Exclude<FigureKind, 'trade_target'>
  pattern: RegExp
}

/** A cue's words without the letters around them: what the cue cannot match without, found quicker. */
function stemsOf(cue: RegExp): RegExp {
  return new RegExp(cue.source.replace('(?<!\\p{L})\\p{L}*', '').replaceAll('\\p{L}*', ''), 'u')
}
/**
 * Cues for the other kinds; the one nearest the amount decides. A cue inside a word is found from the
 * word's start (the leading letters are taken in, up to the word's last cue), so each is tried only
 * where a word starts: the same matches, without trying every letter.
 */
const CUES: readonly Cue[] = [
  { kind: 'contract', pattern: /(?<!\p{L})\p{L}*(?:[Vv]ertr(?:a|ä)g\p{L}*|[Aa]bkommen|[Kk]ontrakt\p{L}*|Deal\p{L}*|Auftr(?:a|ä)g\p{L}*|Vereinbarung\p{L}*|Gesamtwert|Liefervertr\p{L}*)/gu },
  {
    kind: 'other',
    pattern: /(?<!\p{L})\p{L}*(?:Kredit\p{L}*|Darlehen\p{L}*|Investition\p{L}*|investier\p{L}*|Fonds|[Kk]osten|kostet\p{L}*|Überschuss\p{L}*|überschuss\p{L}*|Defizit\p{L}*|Transaktion\p{L}*|Reserve\p{L}*|Währungspaar\p{L}*|[Hh]ilfe\p{L}*|Budget\p{L}*|Haushalt\p{L}*|Schulden|Anleihe\p{L}*|Vermögen\p{L}*|Subvention\p{L}*|Ausgaben|Rüstungs\p{L}*|Kapital\p{L}*|Bußgeld\p{L}*|Strafe\p{L}*)/gu,
  },
  {
    kind: 'trade_volume',
    pattern: /(?<!\p{L})\p{L}*(?:[Hh]andel\p{L}*|[Ee]xport\p{L}*|[Ii]mport\p{L}*|[Aa]usfuhr\p{L}*|[Ee]infuhr\p{L}*|Warenaustausch\p{L}*|Warenverkehr\p{L}*|Umsatz\p{L}*|umsatz\p{L}*|Lieferungen|Handelsvolumen)/gu,
  },
]

const CUE_STEMS: readonly RegExp[] = CUES.map((cue) => stemsOf(cue.pattern))

/** "für 30 Jahre", "mit 30 Jahren Laufzeit", "seit zehn Jahren": a contract spanning years has no single year. */
const YEARS_SPAN = /\b(?:\d{1,3}|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|fünfzehn|zwanzig|dreißig|vierzig|fünfzig)\s+Jahren?\b|\bLaufzeit\b|\bjährlich\b/iu

/** What stands between an amount and its converted value in brackets: "(etwa ", " (rund ". */
const CONVERSION_GAP = /^\s*\(\s*(?:(?:etwa|rund|ca\.|circa|umgerechnet|knapp|fast|über|mehr als|gut|gleich)\s+)*$/i

interface Span {
  start: number
  end: number
}

interface Amount {
  start: number
  end: number
  surface: string
  value: number
  currency: string
  /** The scale word's factor (1 without one). */
  scale: number
}

function parseDigits(digits: string): number {
  return Number(digits.replace(/\./g, '').replace(',', '.'))
}

function scaleOf(word: string | undefined): number {
  if (!word) return 1
  for (const [pattern, factor] of SCALES) if (pattern.test(word)) return factor
  return 1
}

function currencyOf(word: string): string | undefined {
  const w = word.trim()
  for (const [pattern, iso] of CURRENCIES) if (pattern.test(w)) return iso
  return undefined
}

/** Every money amount in one sentence, in reading order. */
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = []
  if (!ANY_CURRENCY.test(text)) return out
  AMOUNT_AFTER.lastIndex = 0
  for (let m = AMOUNT_AFTER.exec(text); m; m = AMOUNT_AFTER.exec(text)) {
    const number = m[1] ? parseDigits(m[1]) : (NUMBER_WORDS[(m[3] ?? '').toLowerCase()] ?? NaN)
    const currency = currencyOf(m[5] ?? '')
    const scale = scaleOf(m[2] ?? m[4])
    const value = Math.round(number * scale * 100) / 100
    if (!currency || !Number.isFinite(value) || value <= 0) continue
    // an exchange rate is not an amount: "100 Rubel pro Dollar", "7 Yuan je Euro"
    if (EXCHANGE_RATE.test(text.slice(m.index + m[0].length))) continue
    out.push({ start: m.index, end: m.index + m[0].length, surface: m[0].trim(), value, currency, scale })
  }
  AMOUNT_BEFORE.lastIndex = 0
  for (let m = AMOUNT_BEFORE.exec(text); m; m = AMOUNT_BEFORE.exec(text)) {
    const start = m.index
    const end = m.index + m[0].length
    if (out.some((a) => a.start < end && start < a.end)) continue
    const currency = currencyOf(m[1] ?? '')
    const scale = scaleOf(m[3])
    const value = Math.round(parseDigits(m[2] ?? '') * scale * 100) / 100
    if (!currency || !Number.isFinite(value) || value <= 0) continue
    out.push({ start, end, surface: m[0].trim(), value, currency, scale })
  }
  out.sort((a, b) => a.start - b.start)
  if (out.length > 0) addElliptic(text, out)
  return out
}

/**
 * "… auf 114 Milliarden Dollar, die Importe auf 76 Milliarden.": a scaled amount with no currency after
 * one with a currency in the same sentence is in that currency — unless a noun follows it (a unit:
 * "Milliarden Kubikmeter", "Millionen Tonnen").
 */
const ELLIPTIC = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(${DIGITS})|(${NUMBER_WORD}))\\s+(Billionen|Billion|Bio\\.|Milliarden|Milliarde|Mrd\\.|Millionen|Million|Mio\\.)(?=\\s*(?:$|[.,;:)\\]–]|\\s-\\s|\\s\\p{Ll}))`,
  'gu',
)

function addElliptic(text: string, amounts: Amount[]): void {
  const first = amounts[0]
  if (!first) return
  ELLIPTIC.lastIndex = first.end
  const found: Amount[] = []
  for (let m = ELLIPTIC.exec(text); m; m = ELLIPTIC.exec(text)) {
    const start = m.index
    const end = m.index + m[0].length
    if (amounts.some((a) => a.start < end && start < a.end)) continue
    const before = amounts.filter((a) => a.end <= start).at(-1)
    const number = m[1] ? parseDigits(m[1]) : (NUMBER_WORDS[m[2] ?? ''] ?? NaN)
    const scale = scaleOf(m[3])
    const value = Math.round(number * scale * 100) / 100
    // the ellipsis repeats the antecedent's scale ("114 Milliarden Dollar … 76 Milliarden"); another scale
    // is likely another quantity ("… stieg um drei Millionen")
    if (!before || before.scale !== scale || !Number.isFinite(value) || value <= 0) continue
    found.push({ start, end, surface: m[0].trim(), value, currency: before.currency, scale })
  }
  if (found.length === 0) return
  amounts.push(...found)
  amounts.sort((a, b) => a.start - b.start)
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end
  if (b.end <= a.start) return a.start - b.end
  return 0
}

/** A trade surplus or deficit is "other" even in a sentence about trade (GUIDE). */
const BALANCE = /(?<!\p{L})\p{L}*(?:[Üü]berschuss|[Dd]efizit|[Ss]aldo)\p{L}*/u

/**
 * The kind of the amount at `amount`: the cue nearest to it (contract, other, trade); a goal or forecast
 * turns trade (or an amount with no cue) into trade_target. Undefined when the sentence has no cue at all.
 */
export function figureKind(text: string, amount: { start: number; end: number }): FigureKind | undefined {
  if (BALANCE.test(text)) return 'other'
  let best: { kind: FigureKind; d: number } | undefined
  for (const [i, cue] of CUES.entries()) {
    if (!CUE_STEMS[i]?.test(text)) continue
    cue.pattern.lastIndex = 0
    for (let m = cue.pattern.exec(text); m; m = cue.pattern.exec(text)) {
      const d = distance(amount, { start: m.index, end: m.index + m[0].length })
      if (!best || d < best.d) best = { kind: cue.kind, d }
    }
  }
  if ((best === undefined || best.kind === 'trade_volume') && TARGET_CUES.test(text)) return 'trade_target'
  return best?.kind
}

function sinceBefore(text: string, mention: TimeMention): boolean {
  if (mention.preposition === 'seit') return true
  const before = text.slice(Math.max(0, mention.start - 60), mention.start)
  return /\b[Ss]eit\b[^,;]*$/.test(before)
}

/** The year the amount refers to, or null (multi-year contracts, cumulative sums, costs without a year). */
export function figureYear(
  text: string,
  amount: { start: number; end: number },
  kind: FigureKind,
  reference: string | null,
): number | null {
  if (kind === 'contract' && YEARS_SPAN.test(text)) return null
  const mentions = findTimeMentions(text, reference, kind === 'trade_target' ? 'future' : 'past').filter(
    (m) => m.ref !== null && m.preposition !== 'gegenüber' && m.kind !== 'weekday' && m.kind !== 'today',
  )
  const usable = kind === 'other' ? mentions.filter((m) => /\d{4}/.test(m.text)) : mentions
  let best: TimeMention | undefined
  for (const m of usable) if (!best || distance(m, amount) < distance(best, amount)) best = m
  if (best) return sinceBefore(text, best) ? null : Number(best.ref?.iso.slice(0, 4))
  if (kind === 'other') return null
  const ref = parseReference(reference)
  return ref ? ref.year : null
}

/** How far around an amount its kind and year are read; a normal sentence fits whole. */
const CONTEXT_CHARS = 400

/** The stretch of a sentence that speaks of one amount (all of it unless the "sentence" is very long). */
function contextOf(text: string, amount: Span): { text: string; amount: Span } {
  if (text.length <= 2 * CONTEXT_CHARS) return { text, amount }
  const start = Math.max(0, amount.start - CONTEXT_CHARS)
  const end = Math.min(text.length, amount.end + CONTEXT_CHARS)
  return { text: text.slice(start, end), amount: { start: amount.start - start, end: amount.end - start } }
}

/**
 * A reference for relative years when the article's date is unknown: the latest year the text names in
 * a plain (not "bis", not target) context, as "YYYY"; else null.
 */
export function referenceFromText(sentences: readonly Sentence[]): string | null {
  let latest: number | null = null
  for (const s of sentences) {
    for (const m of findTimeMentions(s.text, null)) {
      const y = /\b(19\d\d|20\d\d)\b/.exec(m.text)
      if (!y || m.preposition === 'bis') continue
      const year = Number(y[1])
      if (latest === null || year > latest) latest = year
    }
  }
  return latest === null ? null : String(latest)
}

/**
 * Money figures cited in one article, each with the sentence it came from. `published` ("YYYY-MM-DD" or
 * "YYYY-MM") resolves "im vergangenen Jahr"; without it the latest year the text names stands in.
 */
export function extractFigures(sentences: readonly Sentence[], published: string | null): FigureDraft[] {
  // the text's latest year is looked for only once an amount needs it (most articles cite none)
  let known: { reference: string | null } | undefined
  const referenceNow = (): string | null => (known ??= { reference: published ?? referenceFromText(sentences) }).reference
  const out: FigureDraft[] = []
  let previousKind: FigureKind | undefined
  let previousSentence = -2
  let paragraphYear: { paragraph: number; kind: FigureKind; year: number } | undefined
  for (const sentence of sentences) {
    const amounts = findAmounts(sentence.text)
    let lastInSentence: FigureDraft | undefined
    let lastAmount: Amount | undefined
    for (const amount of amounts) {
      const between = lastAmount ? sentence.text.slice(lastAmount.end, amount.start) : ''
      const inBrackets = lastAmount !== undefined && CONVERSION_GAP.test(between)
      let kind: FigureKind
      let year: number | null
      if (inBrackets && lastInSentence) {
        // a converted amount in brackets: its own figure, same kind and year
        kind = lastInSentence.kind
        year = lastInSentence.year
      } else {
        const reference = referenceNow()
        const carried = previousSentence === sentence.index - 1 ? previousKind : undefined
        const local = contextOf(sentence.text, amount)
        kind = figureKind(local.text, local.amount) ?? carried ?? 'other'
        // trade figures in a paragraph that dated them once ("im vergangenen Jahr … Die Exporte … die
        // Importe …") keep that year when their sentence names no time of its own
        const topic = paragraphYear?.paragraph === sentence.paragraph && paragraphYear.kind === kind ? paragraphYear.year : undefined
        year =
          topic !== undefined && kind === 'trade_volume' && findTimeMentions(local.text, reference).length === 0
            ? topic
            : figureYear(local.text, local.amount, kind, reference)
      }
      const draft: FigureDraft = {
        value: amount.value,
        currency: amount.currency,
        year,
        kind,
        sentence: sentence.index,
        quote: sentence.text,
        surface: amount.surface,
      }
      out.push(draft)
      lastInSentence = draft
      lastAmount = amount
      if (year !== null) paragraphYear = { paragraph: sentence.paragraph, kind, year }
    }
    if (lastInSentence) {
      previousKind = lastInSentence.kind
      previousSentence = sentence.index
    }
  }
  return out
}

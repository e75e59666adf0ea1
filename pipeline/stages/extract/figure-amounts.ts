/**
 * Money amounts in one sentence: German numbers ("1,5 Mrd.", "1.500", "zehn Milliarden", "fünfundzwanzig
 * Millionen", "eine halbe Milliarde"), currencies written out, abbreviated or as symbols, amounts inside
 * compounds ("die 200-Milliarden-Dollar-Marke"), both bounds of a range ("zwischen 50 und 60 Milliarden
 * Dollar"), and a scaled amount whose currency the amount before it gives ("… 114 Mrd. Dollar, die
 * Importe auf 76 Mrd."). Percentages and other units (Kubikmeter, Tonnen, Barrel) are not money.
 */

/** A stretch of a sentence: offsets into its text. */
export interface Span {
  start: number
  end: number
}

export interface Amount extends Span {
  surface: string
  value: number
  currency: string
  /** The scale word's factor (1 without one). */
  scale: number
  /**
   * The lower bound of a range ("zwischen 50 und 60 Milliarden Dollar"), or the level a change starts
   * from ("von 108 auf 240 Milliarden Dollar"), both read with the amount after them.
   */
  role?: 'range-low' | 'change-from'
}

/** German number words that can stand before a scale word: "zehn", "fünfundzwanzig", "dreihundert". */
const UNITS: Readonly<Record<string, number>> = { ein: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9 }
const TEENS: Readonly<Record<string, number>> = {
  zehn: 10, elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
}
const TENS: Readonly<Record<string, number>> = {
  zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
}
const NUMBER_WORDS: Readonly<Record<string, number>> = (() => {
  const out: Record<string, number> = {
    eine: 1, einer: 1, einem: 1, einen: 1, ...UNITS, ...TEENS, ...TENS, hundert: 100, einhundert: 100, tausend: 1000,
    eintausend: 1000, anderthalb: 1.5, eineinhalb: 1.5, zweieinhalb: 2.5, dreieinhalb: 3.5,
  }
  for (const [unit, n] of Object.entries(UNITS)) {
    for (const [ten, m] of Object.entries(TENS)) out[`${unit}und${ten}`] = n + m
    if (n > 1) out[`${unit}hundert`] = n * 100
  }
  return out
})()
/** "eine halbe Milliarde", "einer halben Million": a half. */
const HALF = 'eine[rnm]?\\s+halbe[nr]?'
/** The number words as one pattern built like the words are (one alternation per part, not a list of 100 words). */
const UNIT = '(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)'
const TEN = '(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)'
const TEEN = '(?:zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn)'
const NUMBER_WORD = `${HALF}|${UNIT}?(?:hundert|tausend)|${UNIT}und${TEN}|(?:ein|zwei|drei)einhalb|anderthalb|${TEEN}|${TEN}|eine[rnm]?|${UNIT}`

function numberWordValue(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ')
  if (/^eine[rnm]? halbe[nr]?$/.test(w)) return 0.5
  return NUMBER_WORDS[w] ?? NaN
}

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
  [/^(?:US-Dollars?|Dollars?|USD|US\$|US-\$|\$)$/i, 'USD'],
  [/^(?:Euros?|EUR|€)$/i, 'EUR'],
  [/^(?:Yuan|Renminbi|Yuan\s+Renminbi|Renminbi\s+Yuan|CNY|RMB)$/i, 'CNY'],
  [/^(?:Rubel|Rubeln|RUB|₽)$/i, 'RUB'],
  [/^(?:Franken|CHF|SFr\.?|Fr\.)$/i, 'CHF'],
  [/^(?:Tenge|KZT)$/i, 'KZT'],
  [/^(?:Yen|JPY)$/i, 'JPY'],
  [/^(?:Pfund(?:\s+Sterling)?|GBP|£)$/i, 'GBP'],
  [/^(?:Rupien|INR)$/i, 'INR'],
]
const CURRENCY =
  '(?:US-Dollars?|US-\\$|Dollars?|USD|US\\$|\\$|Euros?|EUR|€|Yuan(?:\\s+Renminbi)?|Renminbi(?:\\s+Yuan)?|CNY|RMB|Rubeln?|RUB|₽|Franken|CHF|SFr\\.?|Fr\\.|Tenge|KZT|Yen|JPY|Pfund(?:\\s+Sterling)?|GBP|£|Rupien|INR)'
/** "Milliarden chinesische Yuan", "Milliarden russische Rubel": the currency's country between scale and currency. */
const NATIONAL = '(?:(?:chinesische|russische|US-amerikanische|amerikanische|japanische|britische|indische)[nr]?\\s+|Schweizer\\s+)?'
/**
 * "1.500", "1,5", "240", and "10.5" before a scale word (a decimal point: a thousands dot is followed by
 * three digits, so a point with one or two digits after it can only be a decimal point).
 */
const DIGITS = `(?:\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?|\\d+\\.\\d{1,2}(?=\\s*${SCALE}))`

/** "200 Milliarden Dollar", "1,5 Mrd. US-Dollar", "1.500 Euro", "zehn Milliarden Yuan". */
const AMOUNT_AFTER = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(${DIGITS})\\s*(${SCALE})?|(${NUMBER_WORD})\\s+(${SCALE}))\\s*${NATIONAL}(${CURRENCY})(?![\\p{L}\\d-])`,
  'giu',
)
/** "die 200-Milliarden-Dollar-Marke", "ein Zehn-Milliarden-Euro-Kredit": an amount inside a compound. */
const AMOUNT_COMPOUND = new RegExp(
  `(?<![\\p{L}\\d.,-])(${DIGITS}|${NUMBER_WORD})-(Billionen|Milliarden|Millionen)-(US-Dollar|Dollar|Euro|Yuan|Rubel|Franken|Yen|Pfund)(?=-\\p{L}|[^\\p{L}\\d-]|$)`,
  'giu',
)
/** What a compound amount cannot be written without. */
const COMPOUND_CUE = /-(?:billion|milliard|million)en-/i
const EXCHANGE_RATE = new RegExp(`^\\s*(?:pro|je|für\\s+einen|für\\s+1)\\s+${CURRENCY}(?![\\p{L}])`, 'iu')
/**
 * What an amount cannot be written without: every currency above contains one of these. The amount
 * patterns ignore case with Unicode folding, which also lets "ſ" stand for "s" (and the Kelvin sign for
 * "k"): "ſ" counts as a cue, so the cheaper ASCII case-insensitive test misses no amount.
 */
const ANY_CURRENCY = /[$€₽£]|dollar|usd|eur|yuan|renminbi|cny|rmb|rub|franken|chf|sfr|fr\.|tenge|kzt|yen|jpy|pfund|gbp|rupien|inr/i
/** "$ 5 Mrd.", "€1,5 Milliarden", "USD 10 Millionen". */
const AMOUNT_BEFORE = new RegExp(
  `(?<![\\p{L}\\d])(US\\$|US-\\$|\\$|€|USD|EUR|CNY|RUB)\\s?(${DIGITS})(?:\\s*(${SCALE}))?(?![\\p{L}\\d-])`,
  'giu',
)
/**
 * The lower bound of a range before an amount: "zwischen 50 und 60 Milliarden Dollar", "50 bis 60 Mrd.
 * Euro", "50–60 Milliarden", "500 Millionen bis eine Milliarde Euro"; or the level a change starts from:
 * "von 108 Milliarden auf 240 Milliarden Dollar", "von 190 auf 240 Mrd. Dollar". It shares the amount's
 * currency (and its scale when it has none of its own). "und" makes a range only after "zwischen", "auf"
 * a change only after "von" ("um 5 auf 60 Milliarden" is a change by 5, not from 5).
 */
const RANGE_LOW = new RegExp(
  `(?:(zwischen|von)\\s+)?(?<![\\p{L}\\d.,])(${DIGITS}|${NUMBER_WORD})(?:\\s+(${SCALE}))?\\s*(bis|und|auf|–|-)\\s*$`,
  'iu',
)

function parseDigits(digits: string): number {
  if (/^\d+\.\d{1,2}$/.test(digits)) return Number(digits)
  return Number(digits.replace(/\./g, '').replace(',', '.'))
}

function numberOf(text: string): number {
  return /\d/.test(text) ? parseDigits(text) : numberWordValue(text)
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

function money(number: number, scale: number): number {
  return Math.round(number * scale * 100) / 100
}

/** Every money amount in one sentence, in reading order. */
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = []
  if (!ANY_CURRENCY.test(text)) return out
  const free = (start: number, end: number): boolean => !out.some((a) => a.start < end && start < a.end)
  AMOUNT_AFTER.lastIndex = 0
  for (let m = AMOUNT_AFTER.exec(text); m; m = AMOUNT_AFTER.exec(text)) {
    const number = m[1] ? parseDigits(m[1]) : numberWordValue(m[3] ?? '')
    const currency = currencyOf(m[5] ?? '')
    const scale = scaleOf(m[2] ?? m[4])
    const value = money(number, scale)
    if (!currency || !Number.isFinite(value) || value <= 0) continue
    // an exchange rate is not an amount: "100 Rubel pro Dollar", "7 Yuan je Euro"
    if (EXCHANGE_RATE.test(text.slice(m.index + m[0].length))) continue
    out.push({ start: m.index, end: m.index + m[0].length, surface: m[0].trim(), value, currency, scale })
  }
  AMOUNT_COMPOUND.lastIndex = text.includes('en-') && COMPOUND_CUE.test(text) ? 0 : text.length
  for (let m = AMOUNT_COMPOUND.exec(text); m; m = AMOUNT_COMPOUND.exec(text)) {
    const start = m.index
    const end = m.index + m[0].length
    const currency = currencyOf(m[3] ?? '')
    const scale = scaleOf(m[2])
    const value = money(numberOf(m[1] ?? ''), scale)
    if (!currency || !Number.isFinite(value) || value <= 0 || !free(start, end)) continue
    out.push({ start, end, surface: m[0], value, currency, scale })
  }
  AMOUNT_BEFORE.lastIndex = 0
  for (let m = AMOUNT_BEFORE.exec(text); m; m = AMOUNT_BEFORE.exec(text)) {
    const start = m.index
    const end = m.index + m[0].length
    if (!free(start, end)) continue
    const currency = currencyOf(m[1] ?? '')
    const scale = scaleOf(m[3])
    const value = money(parseDigits(m[2] ?? ''), scale)
    if (!currency || !Number.isFinite(value) || value <= 0) continue
    out.push({ start, end, surface: m[0].trim(), value, currency, scale })
  }
  out.sort((a, b) => a.start - b.start)
  if (out.length > 0) {
    addRangeLows(text, out)
    addElliptic(text, out)
  }
  return out
}

function addRangeLows(text: string, amounts: Amount[]): void {
  const found: Amount[] = []
  for (const upper of amounts) {
    if (upper.scale === 1) continue
    const before = text.slice(Math.max(0, upper.start - 60), upper.start)
    const m = RANGE_LOW.exec(before)
    const opener = m?.[1]?.toLowerCase()
    const link = m?.[4]?.toLowerCase()
    if (!m?.[2] || (link === 'und' && opener !== 'zwischen') || (link === 'auf' && opener !== 'von')) continue
    const start = upper.start - before.length + m.index + m[0].indexOf(m[2], m[1]?.length ?? 0)
    if (amounts.some((a) => a !== upper && a.start < upper.start && a.end > start)) continue
    // a year is no bound: "ihr Ziel von 2024 auf 200 Milliarden Dollar", "von 2019 bis 60 Milliarden"
    if (!m[3] && /^(?:19|20)\d\d$/.test(m[2])) continue
    const value = money(numberOf(m[2]), m[3] ? scaleOf(m[3]) : upper.scale)
    const change = link === 'auf'
    // a range's lower bound is lower; a change may go either way ("von 240 auf 190 Milliarden")
    if (!Number.isFinite(value) || value <= 0 || (!change && value >= upper.value) || value === upper.value) continue
    const role = change ? 'change-from' : 'range-low'
    found.push({ start, end: upper.end, surface: text.slice(start, upper.end), value, currency: upper.currency, scale: upper.scale, role })
  }
  if (found.length === 0) return
  amounts.push(...found)
  amounts.sort((a, b) => a.start - b.start || b.end - a.end)
}

/**
 * "… auf 114 Milliarden Dollar, die Importe auf 76 Milliarden.": a scaled amount with no currency after
 * one with a currency in the same sentence is in that currency — unless a unit follows it ("Milliarden
 * Kubikmeter", "Millionen Tonnen", "Mrd. m³").
 */
const ELLIPTIC = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(${DIGITS})|(${NUMBER_WORD}))\\s+(Billionen|Billion|Bio\\.|Milliarden|Milliarde|Mrd\\.|Millionen|Million|Mio\\.)(?!\\s*(?:m³|m3|t|kWh|km|kg|bbl|qm)(?![\\p{L}\\d]))(?=\\s*(?:$|[.,;:)\\]–]|\\s-\\s|\\s\\p{Ll}))`,
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
    const number = m[1] ? parseDigits(m[1]) : numberWordValue(m[2] ?? '')
    const scale = scaleOf(m[3])
    const value = money(number, scale)
    // the ellipsis repeats the antecedent's scale ("114 Milliarden Dollar … 76 Milliarden"); another scale
    // is likely another quantity ("… stieg um drei Millionen")
    if (!before || before.scale !== scale || !Number.isFinite(value) || value <= 0) continue
    found.push({ start, end, surface: m[0].trim(), value, currency: before.currency, scale })
  }
  if (found.length === 0) return
  amounts.push(...found)
  amounts.sort((a, b) => a.start - b.start)
}


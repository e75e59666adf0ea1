/**
 * The year a money amount refers to, and how that was decided: a year or a relative year named in its
 * clause or sentence (not one named only as the comparison of a change), a period of months within a
 * year, annual statistics published early in the next year, the article's own date for trade and deals
 * told as news; null for amounts spread over years, recurring and cumulative amounts, goals without a
 * date, and wherever the text leaves the year open.
 */
import type { Decision, FigureKind } from '../../../src/model/dataset.ts'
import { MONTH } from '../time/calendar.ts'
import { findTimeMentions } from '../time/resolve-time.ts'
import { parseReference, yearForMonth } from '../time/time-reference.ts'
import type { ReferenceDate, TimeMention } from '../time/time-reference.ts'
import type { Span } from './figure-amounts.ts'
import { clauseOf, distance, periodGroup, shortCue, within } from './figure-kind.ts'
import type { Group } from './figure-kind.ts'

export interface YearDecision {
  year: number | null
  from: Decision
  /** How firmly the text decides: 3 a time in the sentence, 2 the paragraph or the season of the news, 1 the article's date, 0 nothing. */
  strength: number
}

export interface YearContext {
  /** The page's own date ("YYYY-MM-DD" or "YYYY-MM"), or null. */
  published: string | null
  /** What relative times resolve against: the page's date, else the text's estimated reference month. */
  reference: string | null
  /** The latest year the text names ("YYYY"), for relative years when there is no reference at all. */
  textYear: () => string | null
}

/** "für 30 Jahre", "mit 30 Jahren Laufzeit", "seit zehn Jahren", "jährlich": a deal or loan spread over years. */
const YEARS_SPAN =
  /\b(?:\d{1,3}|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|fünfzehn|zwanzig|dreißig|vierzig|fünfzig)\s+Jahren?\b|\bLaufzeit\b|(?<!\p{L})(?:\d{1,3}-|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|fünfzehn|zwanzig|dreißig|vierzig|fünfzig)[Jj]ahres-?(?:[Vv]ertrag|[Aa]bkommen|[Kk]ontrakt|[Dd]eal|[Pp]lan|[Pp]rogramm|[Pp]aket)\p{L}*|(?<!\p{L})jährlich(?!\p{L})|\bpro\s+Jahr\b|\bjedes\s+Jahr\b|\bper\s+annum\b/iu
/** Money lent or granted "bis 2027", "zwischen 2024 und 2027", "2024–2027": spread over those years. */
const SPREAD_UNTIL = /\bbis\s+(?:zum\s+Jahr\s+|Ende\s+)?\d{4}\b|\bzwischen\s+\d{4}\s+und\s+\d{4}\b|\b\d{4}\s*(?:bis|–|-)\s*\d{4}\b/iu
const RECURRING_WORD = /jährlich|monatlich|pro|je|jedes|annum|im\s+Jahr|im\s+Monat/iu
/** A recurring amount: "60 Milliarden Dollar jährlich", "… pro Jahr", "… im Jahr", "… pro Monat"; before it "jährlich Öl im Wert von …", "monatlich". */
const RECURRING_AFTER = /^[^.;,]{0,30}?(?<!\p{L})(?:jährlich|monatlich|(?:pro|je)\s+(?:Jahr|Monat)|im\s+(?:Jahr|Monat)(?!\s*(?:\d|zuvor|darauf))|jedes\s+Jahr|jeden\s+Monat|per\s+annum)(?!\p{L})/iu
const RECURRING_BEFORE = /(?<!\p{L})(?:jährlich|monatlich|jedes\s+Jahr|jeden\s+Monat|Jahr\s+für\s+Jahr|Monat\s+für\s+Monat)(?!\p{L})(?:\s+\S+){0,5}\s*$/iu
/** Words that make a sum counted "seit" a year cumulative, not a level compared with then. */
const CUMULATIVE = /(?<!\p{L})(?:insgesamt|summiert\p{L}*|kumuliert\p{L}*|zusammen|Gesamt\p{L}*|alles\s+in\s+allem)/iu

/**
 * A year named only as the comparison of a change: "ein Plus von 30 Prozent gegenüber 2021", "30 Prozent
 * zum Vorjahr", "im Vergleich zum Vorjahr", "verglichen mit 2019", "mehr als im Vorjahr", "über dem Niveau
 * von 2021". The
 * conjunctions "als" and "wie" compare only after a comparative ("höher als 2021"): "als 2014 der Vertrag
 * …" is a time.
 */
const FILLER = '(?:(?:dem|den|der|des|im|in|Jahr|Jahres|Jahre|noch|schon|bereits)\\s+)*'
const COMPARED_WITH = new RegExp(
  `(?:gegenüber|im\\s+Vergleich\\s+(?:zu|zum|zur|mit)|verglichen\\s+mit|(?:Prozent|%|Prozentpunkte)\\s+(?:zum|zu|vom|von|gegen)|(?:über|unter)\\s+(?:dem|den)\\s+(?:Wert|Niveau|Stand|Werten)\\s+(?:von|aus)|(?:mehr|weniger|höher|niedriger|stärker|schwächer|größer|geringer|kleiner|so\\s+\\p{L}+|doppelt|dreimal)\\s+(?:als|wie))\\s+${FILLER}$`,
  'iu',
)

function isComparison(text: string, mention: TimeMention): boolean {
  if (mention.preposition === 'gegenüber') return true
  return COMPARED_WITH.test(text.slice(Math.max(0, mention.start - 50), mention.start))
}

function sinceBefore(text: string, mention: TimeMention): boolean {
  if (mention.preposition === 'seit') return true
  return /\b[Ss]eit\b[^,;]*$/.test(text.slice(Math.max(0, mention.start - 60), mention.start))
}

const MONTH_WORD = `(?:${MONTH})(?!\\p{L})`
const MONTH_STEMS = ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez']
function monthNumber(name: string): number | null {
  const stem = name.toLowerCase().replace('jän', 'jan').slice(0, 3)
  const i = MONTH_STEMS.indexOf(stem)
  return i < 0 ? null : i + 1
}

const COUNTS: Readonly<Record<string, number>> = {
  zwei: 2, beiden: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11,
}
const ORDINALS: Readonly<Record<string, number>> = { ersten: 1, zweiten: 2, dritten: 3, vierten: 4, letzten: 4, '1.': 1, '2.': 2, '3.': 3, '4.': 4 }
const COUNT = '(?:zwei|beiden|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|\\d{1,2})'

/**
 * A period within one year, as statistics report it (group: what gives the month it ends in): "in den
 * ersten fünf Monaten", "im ersten Quartal", "in diesem Quartal", "in den ersten drei Quartalen", "im
 * ersten Halbjahr", "in der ersten Jahreshälfte", "von Januar bis Mai", "zwischen Januar und September",
 * "Jan.–Okt.", "seit Jahresbeginn"; then its year: written ("2018", "des Jahres 2018"), relative
 * ("dieses Jahres", "des vergangenen Jahres", "des Vorjahres") or bare ("des Jahres").
 */
const PERIOD_FORMS = [
  `(?:in\\s+den\\s+)?ersten\\s+(${COUNT})\\s+Monaten`,
  `(?:im|in\\s+dem)\\s+(ersten|zweiten|dritten|vierten|letzten|1\\.|2\\.|3\\.|4\\.)\\s+Quartal`,
  `(?:in\\s+diesem|im\\s+laufenden)\\s+(Quartal)`,
  `(?:in\\s+den\\s+)?ersten\\s+(zwei|drei|2|3)\\s+Quartalen`,
  `(?:im|in\\s+der)\\s+(ersten|zweiten)\\s+(?:Halbjahr|Jahreshälfte|Hälfte\\s+des\\s+Jahres)`,
  `(?:von|zwischen|im\\s+Zeitraum(?:\\s+von)?)?\\s*${MONTH_WORD}\\s*(?:bis(?:\\s+(?:Ende|einschließlich))?|und|–|-)\\s*(${MONTH_WORD})`,
  `seit\\s+(Jahresbeginn|Jahresanfang|Beginn\\s+des\\s+Jahres|Anfang\\s+des\\s+Jahres)`,
]
const PERIOD_YEAR =
  '(?:\\s+(?:des\\s+Jahres\\s+)?(\\d{4})\\b|\\s+(des|dieses|diesen)\\s+(?:(vergangenen|vorigen|letzten|laufenden|aktuellen|abgelaufenen)\\s+)?Jahres\\b|\\s+(des\\s+Vorjahres|im\\s+Vorjahr))?'
const PERIOD = new RegExp(`(?:${PERIOD_FORMS.map((p) => `(?:${p})`).join('|')})${PERIOD_YEAR}`, 'giu')

const PERIOD_CUE = new RegExp(`Monaten|Quartal|Halbjahr|hälfte|Hälfte|Jahresbeginn|Jahresanfang|des\\s+Jahres|${MONTH_WORD}`, 'iu')

/** The month a period ends in (null when it ends at the reference and there is none). */
function periodEnd(m: RegExpExecArray, ref: ReferenceDate | undefined): number | null {
  const [months, quarter, quarters, half, toMonth] = [m[1], m[2], m[4], m[5], m[6]]
  if (months) return COUNTS[months.toLowerCase()] ?? Number(months)
  if (quarter) return (ORDINALS[quarter.toLowerCase()] ?? 0) * 3
  if (quarters) return (COUNTS[quarters.toLowerCase()] ?? Number(quarters)) * 3
  if (half) return half.toLowerCase() === 'ersten' ? 6 : 12
  if (toMonth) return monthNumber(toMonth)
  // "in diesem Quartal", "seit Jahresbeginn": up to the reference
  return ref?.month ?? null
}

interface Dating extends Span {
  year: number | null
  from: Decision
}

/**
 * Periods within one year in `text`, each with its year. A period of this year or the last needs the
 * page's own date (never another figure's year, never a guess): null without it.
 */
let lastPeriods: { text: string; published: string | null; periods: readonly Dating[] } | undefined

function periodsIn(text: string, published: string | null): readonly Dating[] {
  if (lastPeriods?.text === text && lastPeriods.published === published) return lastPeriods.periods
  const out: Dating[] = []
  const ref = parseReference(published)
  // every period names months, a quarter, a half year or the year's start
  PERIOD.lastIndex = PERIOD_CUE.test(text) ? 0 : text.length
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    const [written, article, relative, previous] = [m[8], m[9], m[10], m[11]]
    const lead = m[0].length - m[0].trimStart().length
    const span = { start: m.index + lead, end: m.index + m[0].length }
    const cue = m[0].trim()
    if (written) {
      out.push({ ...span, year: Number(written), from: { rule: 'explicit-year', cue, reference: null } })
      continue
    }
    if (!ref) {
      out.push({ ...span, year: null, from: { rule: 'month-period', cue, reference: null } })
      continue
    }
    const end = periodEnd(m, ref)
    let year: number
    if (previous || (relative && /^(?:vergangen|vorig|letzt|abgelaufen)/i.test(relative))) year = ref.year - 1
    else if (relative || (article && article.toLowerCase() !== 'des')) year = ref.year
    // "in den ersten elf Monaten (des Jahres)", "im ersten Quartal": the latest such period up to the page's date
    else year = end === null ? ref.year : yearForMonth(end, ref, 'past')
    out.push({ ...span, year, from: { rule: 'month-period', cue, reference: published } })
  }
  lastPeriods = { text, published, periods: out }
  return out
}

/**
 * Annual statistics published early in the next year: a clause that reports a level of trade reached,
 * in the past tense ("stieg auf", "erreichte", "belief sich auf", "ist gewachsen") or as the year's
 * balance ("Jahresbilanz", "im Gesamtjahr"), naming no time, in an article dated January to March,
 * reports the year just ended. Not a level told as current ("derzeit", "inzwischen", "bislang").
 */
const ANNUAL =
  /(?<!\p{L})(?:stieg(?:en)?|gestiegen|wuchs(?:en)?|gewachsen|erreichten?|belief(?:en)?\s+sich|betrug(?:en)?|lag(?:en)?|kletterten?|geklettert|sank(?:en)?|gesunken|fiel(?:en)?|gefallen|schrumpften?|geschrumpft|ging(?:en)?\s+(?:\S+\s+){0,6}zurück|summierten?\s+sich|legten?\s+(?:\S+\s+){0,8}zu|verzeichneten?|erzielten?|erhöhten?\s+sich|verringerten?\s+sich|verdoppelten?\s+sich|verdoppelt|verdreifacht|angewachsen|angestiegen|zurückgegangen)(?!\p{L})|(?<!\p{L})(?:Jahresbilanz|Gesamtjahr|Jahreshandel|Jahresvolumen|Jahreswert)\p{L}*/u
const CURRENT = /(?<!\p{L})(?:derzeit|aktuell|zurzeit|momentan|inzwischen|mittlerweile|bislang|bisher)(?!\p{L})/iu
/** Annual trade statistics come out in January and February; articles cite them through March. */
export const LAST_EARLY_MONTH = 3

function annualTotal(clauseText: string, published: string | null): YearDecision | undefined {
  const ref = parseReference(published)
  if (!ref?.month || ref.month > LAST_EARLY_MONTH || CURRENT.test(clauseText)) return undefined
  const verb = ANNUAL.exec(clauseText)
  if (!verb) return undefined
  return { year: ref.year - 1, from: { rule: 'annual-total', cue: verb[0], reference: published }, strength: 2 }
}

/**
 * Money lent, granted or invested told in the present, or an agreement on it signed in the simple past
 * of a report ("unterzeichneten … ein Swap-Abkommen über", "vereinbarten"): the article's news, so the
 * article's year. Money lent in the past with no date ("gewährte einen Kredit") stays without a year.
 */
const GRANTED_NOW =
  /(?<!\p{L})(?:erteil(?:t|en)|gewähr(?:t|en)|vergibt|vergeben|bewillig(?:t|en)|stell(?:t|en)\s+(?:\S+\s+){0,8}bereit|sag(?:t|en|te|ten)\s+(?:\S+\s+){0,8}zu|sag(?:t|en|te|ten)\s+(?:\S+\s+){9,14}zu(?=\s*[.,;:]|\s*$)|zugesagt|erhält|erhalten|bekomm(?:t|en)|leih(?:t|en)|investier(?:t|en)|vereinbar(?:t|en|te|ten)|unterzeichn(?:et|en|ete|eten)|kündig(?:t|en|te|ten)\s+(?:\S+\s+){0,8}an|angekündigt|versprochen)(?!\p{L})/u
/**
 * A pledge made at the article's event, in the past ("kündigte an, die Banken würden … öffnen", "sagte …
 * zu", "hat … angekündigt"): what it pledges is intended, but the pledge is the dated news (GUIDE: funds
 * agreed at a dated event take its year).
 */
const PLEDGED = /(?<!\p{L})(?:kündigte(?:n)?\s+(?:\S+\s+){0,8}an|angekündigt|sagte(?:n)?\s+(?:\S+\s+){0,8}zu|sagte(?:n)?\s+(?:\S+\s+){9,14}zu(?=\s*[.,;:]|\s*$)|zugesagt|versprach(?:en)?|versprochen)(?!\p{L})/u
/** A sum up to now: "bislang", "bisher", "seit Jahren" (not "insgesamt": a package's total). */
const SUMMED_UP = /(?<!\p{L})(?:bislang|bisher|seit\s+Jahren)(?!\p{L})/iu
/** Intended, not done: "werde … stecken", "will … investieren". */
const INTENDED = /(?<!\p{L})(?:werde|werden|wird|will|wollen|soll|sollen|könnte|könnten|möchte|möchten|plant|planen)(?!\p{L})/u

function fromMention(m: TimeMention, reference: string | null): Dating {
  const explicit = /\d{4}/.test(m.text)
  const rule = explicit ? 'explicit-year' : m.kind === 'year' ? 'relative-year' : 'time-phrase'
  return { start: m.start, end: m.end, year: Number(m.ref?.iso.slice(0, 4)), from: { rule, cue: m.text, reference: explicit ? null : reference } }
}

function nearestDating(datings: readonly Dating[], clause: Span, amount: Span): Dating | undefined {
  const pick = (list: readonly Dating[]): Dating | undefined => {
    let best: Dating | undefined
    for (const d of list) if (!best || distance(d, amount) < distance(best, amount)) best = d
    return best
  }
  return pick(datings.filter((d) => within(clause, d))) ?? pick(datings)
}

function none(rule: string, cue: string | null, strength = 3): YearDecision {
  return { year: null, from: { rule, cue, reference: null }, strength }
}

/** "ein Jahr zuvor", "im Jahr davor": the year before the year the sentence names; null when it names none. */
const YEAR_BEFORE = /(?<!\p{L})(?:ein|im)\s+Jahr\s+(?:zuvor|davor|vorher)(?!\p{L})/giu
/** "bis zum Jahresende", "zur Jahresmitte": this year's end or middle. */
const THIS_YEAR_PART = /(?<!\p{L})(?:Jahresende|Jahresmitte)(?!\p{L})/gu
const TIED_CUE = /Jahr\s+(?:zuvor|davor|vorher)|Jahres(?:ende|mitte)/u

function tiedYears(text: string, mentions: readonly TimeMention[], reference: string | null): Dating[] {
  const out: Dating[] = []
  const ref = parseReference(reference)
  for (const m of text.matchAll(YEAR_BEFORE)) {
    const span = { start: m.index, end: m.index + m[0].length }
    // the sentence ties the phrase to the year it names ("2023 … 240 Mrd., ein Jahr zuvor 190 Mrd.")
    const named = [...mentions].filter((t) => t.ref !== null && /\d{4}/.test(t.text)).sort((a, b) => distance(a, span) - distance(b, span))[0]
    if (named) out.push({ ...span, year: Number(named.ref?.iso.slice(0, 4)) - 1, from: { rule: 'year-before', cue: `${named.text} … ${m[0]}`, reference: null } })
    // before a year another sentence names: not decidable here
    else out.push({ ...span, year: null, from: { rule: 'year-before', cue: m[0], reference: null } })
  }
  if (ref) for (const m of text.matchAll(THIS_YEAR_PART)) out.push({ start: m.index, end: m.index + m[0].length, year: ref.year, from: { rule: 'relative-year', cue: m[0], reference } })
  return out
}

/** The times the sentence names that can date the amount, with the reference they were read against. */
function datingsOf(text: string, kind: FigureKind, group: Group | null, ctx: YearContext): Dating[] {
  // a goal, or money someone will or plans to raise, lend or spend ("will im Dezember Anleihen … ausgeben"), looks ahead
  const tense = kind === 'trade_target' || INTENDED.test(text) ? 'future' : 'past'
  let reference = ctx.reference
  let mentions = findTimeMentions(text, reference, tense)
  if (reference === null && mentions.some((m) => m.ref === null)) {
    // no page date and no estimate: the latest year the text names stands in for relative years
    reference = ctx.textYear()
    if (reference !== null) mentions = findTimeMentions(text, reference, tense)
  }
  const periods = periodsIn(text, ctx.published)
  const lending = group === 'finance' || group === 'contract'
  const tied = TIED_CUE.test(text) ? tiedYears(text, mentions, reference) : []
  const out: Dating[] = [...periods, ...tied]
  for (const m of mentions) {
    if (m.ref === null || [...periods, ...tied].some((p) => p.start < m.end && m.start < p.end) || isComparison(text, m)) continue
    // a weekday or "heute" dates the article's news: the day a deal or loan was agreed, not a trade period
    if ((m.kind === 'weekday' || m.kind === 'today') && !lending) continue
    // costs take only a year, written or relative ("2016", "in diesem Jahr"), not the date something is due ("bis
    // Ende des Jahres")
    if (group === 'cost' && ((!/\d{4}/.test(m.text) && m.kind !== 'year') || m.preposition === 'bis' || m.preposition === 'ab')) continue
    if (group === 'finance' && (m.preposition === 'bis' || m.preposition === 'ab')) continue
    if (sinceBefore(text, m)) {
      // a sum counted "seit" a year is cumulative (no year); for trade without a word of summing, it is a
      // level compared with then ("ist seit 2019 um die Hälfte gestiegen"): not its year either
      if (group !== 'trade' || CUMULATIVE.test(text)) out.push({ start: m.start, end: m.end, year: null, from: { rule: 'cumulative', cue: m.text, reference: null } })
      continue
    }
    out.push(fromMention(m, reference))
  }
  return out
}

/** Another amount of money between a time and an amount: the time is that amount's ("2023 … auf 240 Mrd. $ und … Ziel von 200 Mrd. $"). */
const MONEY_AMOUNT = /\d[\d.,]*\s*(?:Mrd\.|Mio\.|Milliarde\p{L}*|Million\p{L}*|Billion\p{L}*)/u
function amountBetween(text: string, a: Span, b: Span): boolean {
  const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start]
  return from < to && MONEY_AMOUNT.test(text.slice(from, to))
}

/** No year for money over a span of years or recurring (GUIDE), with the words that told it. */
function spread(span: RegExpExecArray): YearDecision {
  return none(RECURRING_WORD.test(span[0]) ? 'recurring' : 'multi-year', span[0])
}

/**
 * A deal or loan the sentence before named, running over years ("… einen Liefervertrag über 30 Jahre. Sein Wert
 * wurde auf 400 Milliarden Dollar beziffert."): the amount that takes its kind from there has no year either.
 */
export function spreadBefore(previousText: string, group: Group | null): YearDecision | undefined {
  if (group !== 'finance' && group !== 'contract') return undefined
  const span = YEARS_SPAN.exec(previousText)
  return span ? spread(span) : undefined
}

/** The year the amount at `amount` refers to, and how that was decided. */
export function figureYear(text: string, amount: Span, kind: FigureKind, group: Group | null, ctx: YearContext): YearDecision {
  const lending = group === 'finance' || group === 'contract'
  if (lending) {
    // GUIDE: multi-year contracts, and loans and funds spread over years or recurring, have no year
    const span = YEARS_SPAN.exec(text) ?? (group === 'finance' ? SPREAD_UNTIL.exec(text) : null)
    if (span) return spread(span)
  }
  const clause = clauseOf(text, amount)
  // a goal's year is named with the goal ("das Ziel von 200 Mrd. für 2024"); the year of a level reached
  // before it in the sentence ("2023 belief sich der Handel auf … und übertraf das Ziel von …") is not its year
  const datings = datingsOf(text, kind, group, ctx)
  const best = nearestDating(kind === 'trade_target' ? datings.filter((d) => !amountBetween(text, d, amount)) : datings, clause, amount)
  if (best) return { year: best.year, from: best.from, strength: 3 }
  if (!lending && kind !== 'trade_target') {
    const recurring = RECURRING_AFTER.exec(text.slice(amount.end)) ?? RECURRING_BEFORE.exec(text.slice(clause.start, amount.start))
    if (recurring) return none('recurring', (RECURRING_WORD.exec(recurring[0]) ?? recurring)[0])
  }
  if (periodGroup(group) && kind !== 'trade_target') {
    const annual = annualTotal(text.slice(clause.start, clause.end), ctx.published)
    if (annual) return annual
  }
  return fallbackYear(text, kind, group, ctx)
}

/**
 * No time named: trade, balances and deals told as news take the article's date (else the text's
 * reference); money lent or granted only when told in the present as done; goals, costs and the rest none.
 */
function fallbackYear(text: string, kind: FigureKind, group: Group | null, ctx: YearContext): YearDecision {
  const ref = parseReference(ctx.reference)
  const dated = (rule: string, cue: string | null): YearDecision =>
    ref ? { year: ref.year, from: { rule, cue, reference: ctx.reference }, strength: 1 } : none('no-date', cue, 0)
  if (kind === 'trade_target' || group === 'cost' || group === null) return none('no-year', null, 0)
  if (group === 'finance') {
    // money invested or lent "bislang", "insgesamt": a sum over the years up to now
    const summed = SUMMED_UP.exec(text)
    if (summed) return none('cumulative', summed[0])
    const granted = GRANTED_NOW.exec(text)
    if (granted && (!INTENDED.test(text) || PLEDGED.test(text))) return dated('event-year', shortCue(granted[0]))
    return none('no-year', null, 0)
  }
  return dated(ctx.published ? 'publication-year' : 'reference-year', null)
}

/** Year rules that give a period of a year, so that the level a change started from is of the year before. */
const YEARLY = new Set(['explicit-year', 'relative-year', 'annual-total', 'month-period', 'paragraph-year'])

/**
 * The year of the level a change starts from ("seit 2020 von 108 auf 240 Milliarden Dollar", "stieg im
 * vergangenen Jahr von 190 auf 240 Milliarden"): the year the change is counted from ("seit 2020", "von
 * 2020 bis 2023"), else the year before the year of the level it reached; null when neither is told.
 */
export function changeFromYear(text: string, reached: YearDecision, ctx: YearContext): YearDecision {
  const since = findTimeMentions(text, ctx.reference).find((m) => m.ref !== null && /\d{4}/.test(m.text) && (m.preposition === 'seit' || m.preposition === 'von'))
  if (since) return { year: Number(since.ref?.iso.slice(0, 4)), from: { rule: 'change-from', cue: since.text, reference: null }, strength: 3 }
  if (reached.year !== null && YEARLY.has(reached.from.rule)) {
    return { year: reached.year - 1, from: { rule: 'change-from', cue: reached.from.cue, reference: reached.from.reference }, strength: reached.strength }
  }
  return none('change-from', null, 0)
}

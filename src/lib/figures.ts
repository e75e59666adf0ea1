/**
 * Pure helpers for the Trade-figures ledger: which figures pass the filters, how they are converted
 * on the stated rate table, and where sources disagree on the same year and kind. No Vue, no DOM.
 */
import type { Article, Figure, FigureKind } from '../model/dataset.ts'
import { dateSpan, spanInRange, type ViewFilter } from './visits.ts'
import { numberFormat } from './i18n.ts'

export type FxMode = 'native' | 'usd'

/**
 * The fixed rate table used for `fx=usd`: US dollars per unit of each currency. These are round
 * reference rates (rough 2023–2024 averages), not the rate of any article's date; the chart
 * caption states them. A currency missing here is not converted and is listed apart.
 */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  CNY: 0.14,
  RUB: 0.011,
  GBP: 1.26,
  JPY: 0.0068,
  INR: 0.012,
}

/** Date the rate table was set (shown in the caption). */
export const RATE_TABLE_DATE = '2024-01-01'

/** Two sources disagree when their values for one year, kind and currency differ by more than this share. */
export const DISAGREEMENT_TOLERANCE = 0.05

/** The kinds compared for disagreement: contracts and other sums are distinct deals, not one quantity. */
export const COMPARED_KINDS: readonly FigureKind[] = ['trade_volume', 'trade_target']

export const FIGURE_KINDS: readonly FigureKind[] = ['trade_volume', 'trade_target', 'contract', 'other']

/** A figure's value in US dollars on the rate table, or null when its currency is not in the table. */
export function toUsd(value: number, currency: string): number | null {
  const rate = USD_PER_UNIT[currency]
  return rate === undefined ? null : value * rate
}

/**
 * Does a figure pass the filters? Figures are matched through the article that cites them: its
 * outlet ("" matches articles without one), and its publication date against the range (an undated article passes an open range only).
 * The actor filter does not apply: a figure names no actor of its own.
 */
export function figureMatches(
  figure: Pick<Figure, 'articleId'>,
  filter: Pick<ViewFilter, 'outlets' | 'from' | 'to'>,
  articlesById: ReadonlyMap<string, Article>,
): boolean {
  const article = articlesById.get(figure.articleId)
  if (article === undefined) return false
  if (filter.outlets.length > 0 && !filter.outlets.includes(article.outlet ?? '')) return false
  if (filter.from === null && filter.to === null) return true
  if (article.published === null) return false
  const span = dateSpan(article.published, false)
  return span !== null && spanInRange(span, filter.from, filter.to)
}

/** One figure as the ledger shows it. */
export interface FigureRow {
  figure: Figure
  article: Article | null
  /** Currency the value is shown in: the figure's own, or USD when converted. */
  shownCurrency: string
  /** Value in `shownCurrency`; null when `fx=usd` and the currency has no rate. */
  shownValue: number | null
  /** Ids of figures from other sources that disagree with this one (same year, kind and currency). */
  disagreesWith: string[]
}

/**
 * Ids of figures that disagree with each figure: for the same year, kind (trade volume or target) and
 * currency, a figure cited by another article (wire copies of one story count as the same source)
 * whose value differs by more than the tolerance, relative to the larger value.
 */
export function findDisagreements(
  figures: readonly Figure[],
  articlesById: ReadonlyMap<string, Pick<Article, 'duplicateOf'>>,
  tolerance: number = DISAGREEMENT_TOLERANCE,
): Map<string, string[]> {
  const sourceOf = (figure: Figure): string => articlesById.get(figure.articleId)?.duplicateOf ?? figure.articleId
  const groups = new Map<string, Figure[]>()
  for (const figure of figures) {
    if (figure.year === null || !COMPARED_KINDS.includes(figure.kind)) continue
    const key = `${figure.year}|${figure.kind}|${figure.currency}`
    groups.set(key, [...(groups.get(key) ?? []), figure])
  }
  const result = new Map<string, string[]>()
  for (const group of groups.values()) {
    for (const figure of group) {
      const others = group.filter((other) => {
        if (sourceOf(other) === sourceOf(figure)) return false
        const larger = Math.max(other.value, figure.value)
        return larger > 0 && Math.abs(other.value - figure.value) / larger > tolerance
      })
      if (others.length > 0) result.set(figure.id, others.map((other) => other.id))
    }
  }
  return result
}

/** Everything the Figures view draws for one filter state. */
export interface FiguresModel {
  /** Figures with a year, for the chart, in year then value order. */
  dated: FigureRow[]
  /** Figures whose year is unknown, listed apart. */
  undated: FigureRow[]
  /** With `fx=usd`: figures whose currency has no rate (neither drawn nor converted). */
  unconverted: FigureRow[]
  /** Currencies the chart has a panel for: the native currencies present, or just USD. */
  currencies: string[]
  /** Number of figures flagged as disagreeing. */
  disagreements: number
}

export function buildFiguresModel(
  figures: readonly Figure[],
  articles: readonly Article[],
  filter: Pick<ViewFilter, 'outlets' | 'from' | 'to'> & { kind?: readonly FigureKind[] },
  fx: FxMode,
): FiguresModel {
  const articlesById = new Map(articles.map((article) => [article.id, article]))
  const kinds = filter.kind ?? []
  const chosen = figures.filter(
    (figure) => (kinds.length === 0 || kinds.includes(figure.kind)) && figureMatches(figure, filter, articlesById),
  )
  const conflicts = findDisagreements(chosen, articlesById)
  const rows = chosen.map((figure): FigureRow => {
    const converted = fx === 'usd' ? toUsd(figure.value, figure.currency) : figure.value
    return {
      figure,
      article: articlesById.get(figure.articleId) ?? null,
      shownCurrency: fx === 'usd' ? 'USD' : figure.currency,
      shownValue: converted,
      disagreesWith: conflicts.get(figure.id) ?? [],
    }
  })
  const byYearThenValue = (a: FigureRow, b: FigureRow): number =>
    (a.figure.year ?? 0) - (b.figure.year ?? 0) || (a.shownValue ?? 0) - (b.shownValue ?? 0) || (a.figure.id < b.figure.id ? -1 : 1)
  const convertible = rows.filter((row) => row.shownValue !== null)
  const dated = convertible.filter((row) => row.figure.year !== null).sort(byYearThenValue)
  const currencies = [...new Set(dated.map((row) => row.shownCurrency))].sort((a, b) =>
    a === 'USD' ? -1 : b === 'USD' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  )
  return {
    dated,
    undated: convertible.filter((row) => row.figure.year === null).sort(byYearThenValue),
    unconverted: rows.filter((row) => row.shownValue === null),
    currencies,
    disagreements: rows.filter((row) => row.disagreesWith.length > 0).length,
  }
}

export type UiLang = 'de' | 'en'

/** Words of the Figures view, German first. */
const FIGURES_DE = {
  title: 'Handelszahlen je Quelle',
  caption:
    'Jeder Punkt ist eine Zahl, wie ein Artikel sie nennt, beim Jahr, auf das sie sich bezieht. Tatsächlicher Handel, Ziele/Prognosen, Verträge und sonstige Beträge sind getrennte Reihen und werden nie verbunden.',
  captionNative: 'Währungen bleiben getrennt: ein Feld je Währung, Beträge wie genannt.',
  captionUsd: (rates: string, date: string) =>
    `Umgerechnet in US-Dollar zu festen Kursen (Stand ${date}, nicht zum Kurs des Artikeldatums): ${rates}.`,
  captionDisagree: (tolerance: string) =>
    `Rote Ringe: Quellen nennen für dasselbe Jahr, dieselbe Art und Währung Werte, die um mehr als ${tolerance} voneinander abweichen (nur Handelsvolumen und Ziele; Agenturkopien zählen als eine Quelle).`,
  captionActors: 'Der Akteursfilter gilt hier nicht; Medium und Zeitraum filtern über den zitierenden Artikel.',
  kind: {
    trade_volume: 'Handelsvolumen (tatsächlich)',
    trade_target: 'Ziel/Prognose',
    contract: 'Vertrag',
    other: 'Sonstiger Betrag',
  },
  kindShort: { trade_volume: 'Handel', trade_target: 'Ziel', contract: 'Vertrag', other: 'Sonstiges' },
  disagree: 'Quellen widersprechen sich',
  disagreeBadge: 'Widerspruch',
  disagreeWith: (n: number) => `weicht von ${n} ${n === 1 ? 'anderer Quelle' : 'anderen Quellen'} ab`,
  panel: (currency: string) => `Beträge in ${currency}`,
  yearAxis: 'Jahr, auf das sich die Zahl bezieht',
  valueAxis: (currency: string) => `Betrag (${currency})`,
  fx: { native: 'Originalwährung', usd: 'in USD umgerechnet' },
  fxLabel: 'Währung',
  asWritten: 'im Text',
  converted: 'umgerechnet',
  year: 'Jahr',
  kindHeader: 'Art',
  kindFilter: 'Art',
  ledgerCaption: 'Zahlen im Diagramm, nach Jahr',
  outlet: 'Medium',
  date: 'Datum',
  value: 'Wert',
  quote: 'Zitat',
  unknownOutlet: 'Medium unbekannt',
  undatedArticle: 'ohne Datum',
  empty: 'Keine Zahlen für diese Filter',
  noYearTitle: 'Ohne Jahresbezug',
  noYearHint: 'Diese Zahlen nennen kein Jahr (z. B. Gesamtwerte mehrjähriger Verträge) und stehen daher nicht im Diagramm.',
  unconvertedTitle: 'Nicht umrechenbar',
  unconvertedHint: 'Für diese Währungen steht kein Kurs in der Tabelle; sie werden nur hier gezeigt.',
  tableCaption: 'Alle Zahlen als Tabelle',
  showEvidence: 'Beleg zeigen',
  count: (n: number) => `${n} ${n === 1 ? 'Zahl' : 'Zahlen'}`,
}

export type FiguresText = typeof FIGURES_DE

const FIGURES_EN: FiguresText = {
  title: 'Trade figures by source',
  caption:
    'Each point is a figure as one article cites it, placed at the year it refers to. Actual trade, targets/forecasts, contracts and other sums are separate series and are never joined.',
  captionNative: 'Currencies are kept apart: one panel per currency, amounts as cited.',
  captionUsd: (rates: string, date: string) =>
    `Converted to US dollars at fixed rates (as of ${date}, not the rate on the article's date): ${rates}.`,
  captionDisagree: (tolerance: string) =>
    `Red rings: sources give values for the same year, kind and currency that differ by more than ${tolerance} (trade volume and targets only; wire copies count as one source).`,
  captionActors: 'The actor filter does not apply here; outlet and date range filter by the citing article.',
  kind: {
    trade_volume: 'Trade volume (actual)',
    trade_target: 'Target/forecast',
    contract: 'Contract',
    other: 'Other sum',
  },
  kindShort: { trade_volume: 'Trade', trade_target: 'Target', contract: 'Contract', other: 'Other' },
  disagree: 'Sources disagree',
  disagreeBadge: 'Disagreement',
  disagreeWith: (n: number) => `differs from ${n} other ${n === 1 ? 'source' : 'sources'}`,
  panel: (currency: string) => `Amounts in ${currency}`,
  yearAxis: 'Year the figure refers to',
  valueAxis: (currency: string) => `Amount (${currency})`,
  fx: { native: 'Original currency', usd: 'Converted to USD' },
  fxLabel: 'Currency',
  asWritten: 'as written',
  converted: 'converted',
  year: 'Year',
  kindHeader: 'Kind',
  kindFilter: 'Kind',
  ledgerCaption: 'Figures in the chart, by year',
  outlet: 'Outlet',
  date: 'Date',
  value: 'Value',
  quote: 'Quote',
  unknownOutlet: 'outlet unknown',
  undatedArticle: 'undated',
  empty: 'No figures for these filters',
  noYearTitle: 'No year given',
  noYearHint: 'These figures name no year (e.g. totals of multi-year contracts) and are therefore not in the chart.',
  unconvertedTitle: 'Not convertible',
  unconvertedHint: 'The rate table has no rate for these currencies; they are shown here only.',
  tableCaption: 'All figures as a table',
  showEvidence: 'Show evidence',
  count: (n: number) => `${n} ${n === 1 ? 'figure' : 'figures'}`,
}

export const FIGURES_TEXT: Readonly<Record<UiLang, FiguresText>> = { de: FIGURES_DE, en: FIGURES_EN }

/** "240 Mrd. USD" / "240B USD": compact amounts in the chosen locale. */
export function formatAmount(value: number, currency: string, lang: UiLang): string {
  const number = numberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    notation: 'compact',
    compactDisplay: 'short',
    maximumFractionDigits: 2,
  }).format(value)
  return `${number} ${currency}`
}

/** The rate table in words, e.g. "1 EUR = 1,08 USD; 1 CNY = 0,14 USD". */
export function describeRates(lang: UiLang): string {
  const format = numberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumSignificantDigits: 3 })
  return Object.entries(USD_PER_UNIT)
    .filter(([code]) => code !== 'USD')
    .map(([code, rate]) => `1 ${code} = ${format.format(rate)} USD`)
    .join('; ')
}

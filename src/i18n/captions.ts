/**
 * The lines an exported chart carries under its title: which filters it shows and where its numbers come
 * from. Pure functions of what the view drew and the index's totals — never of the records loaded so far,
 * which depend on where the reader has clicked.
 */
import type { Filters } from '../lib/filters.ts'
import type { DatasetIndex } from '../model/layout.ts'
import { FIGURE_KINDS } from '../model/dataset.ts'
import { describeRates, formatPeriod } from './format.ts'
import type { Lang } from './lang.ts'
import { nameOf, type ActorNames } from './names.ts'
import { translate } from './translate.ts'

/** What an export says beside the chart: the filter line and the source line. */
export interface ExportCaption {
  filters: string
  source: string
}

/** "Quelle: Moskau–Peking Pressemonitor, 1.234 Artikel, erstellt 2026-01-01": the whole corpus of the index. */
export function sourceLine(index: Pick<DatasetIndex, 'totals' | 'generatedAt'>, lang: Lang): string {
  return translate(lang, 'chart.source', { n: index.totals.articles, generated: index.generatedAt.slice(0, 10) })
}

function outletsPart(filters: Pick<Filters, 'outlets'>, lang: Lang): string {
  const outlets = filters.outlets.map((outlet) => outlet || translate(lang, 'filter.unknownOutlet')).join(', ')
  return `${translate(lang, 'filter.outlet')}: ${outlets || translate(lang, 'filter.allOutlets')}`
}

function fromToPart(filters: Pick<Filters, 'from' | 'to'>, lang: Lang): string {
  const bound = (date: string | null): string => (date ? formatPeriod(lang, date) : '…')
  return `${translate(lang, 'filter.from')}: ${bound(filters.from)} · ${translate(lang, 'filter.to')}: ${bound(filters.to)}`
}

/** "… · neueste 50.000 von 80.000 Artikeln" when a record view shows only the newest months of its range. */
function cappedPart(capped: { shown: number; total: number } | null, lang: Lang): string[] {
  return capped ? [translate(lang, 'chart.capped', { shown: capped.shown, total: capped.total })] : []
}

/**
 * The Mentions chart: the actors of the lines drawn (named as drawn; "top actors" when the view chose
 * them), the outlets and the period.
 */
export function mentionsCaption(
  drawn: { actorIds: readonly string[] },
  filters: Pick<Filters, 'actors' | 'outlets' | 'from' | 'to'>,
  index: Pick<DatasetIndex, 'totals' | 'generatedAt'>,
  names: ActorNames,
  lang: Lang,
): ExportCaption {
  const actors = drawn.actorIds.map((id) => nameOf(id, names)).join(', ') || '–'
  const automatic = filters.actors.length === 0 ? ` (${translate(lang, 'filter.actorsTop')})` : ''
  const period =
    filters.from || filters.to
      ? `${filters.from ? formatPeriod(lang, filters.from) : '…'} – ${filters.to ? formatPeriod(lang, filters.to) : '…'}`
      : translate(lang, 'filter.allDates')
  const parts = [`${translate(lang, 'filter.actors')}: ${actors}${automatic}`, outletsPart(filters, lang), `${translate(lang, 'filter.period')}: ${period}`]
  return { filters: parts.join(' · '), source: sourceLine(index, lang) }
}

/** The Visits chart: an empty actor filter means every event here, not the top actors. */
export function visitsCaption(
  filters: Pick<Filters, 'actors' | 'outlets' | 'from' | 'to' | 'status' | 'lane'>,
  capped: { shown: number; total: number } | null,
  index: Pick<DatasetIndex, 'totals' | 'generatedAt'>,
  names: ActorNames,
  lang: Lang,
): ExportCaption {
  const actors = filters.actors.map((id) => nameOf(id, names)).join(', ') || translate(lang, 'common.all')
  const statuses = filters.status.map((status) => translate(lang, `status.${status}`)).join(', ') || translate(lang, 'common.all')
  const parts = [
    `${translate(lang, 'filter.actors')}: ${actors}`,
    outletsPart(filters, lang),
    fromToPart(filters, lang),
    `${translate(lang, 'visits.table.status')}: ${statuses}`,
    `${translate(lang, 'visits.lanesLabel')}: ${translate(lang, `visits.laneMode.${filters.lane}`)}`,
    ...cappedPart(capped, lang),
  ]
  return { filters: parts.join(' · '), source: sourceLine(index, lang) }
}

/** The Figures chart: the actor filter does not apply here; the kinds, the currency mode and its rates do. */
export function figuresCaption(
  filters: Pick<Filters, 'outlets' | 'from' | 'to' | 'kind' | 'fx'>,
  rates: Readonly<Record<string, number>>,
  capped: { shown: number; total: number } | null,
  index: Pick<DatasetIndex, 'totals' | 'generatedAt'>,
  lang: Lang,
): ExportCaption {
  const kinds = (filters.kind.length > 0 ? filters.kind : FIGURE_KINDS).map((kind) => translate(lang, `figures.kindShort.${kind}`)).join(', ')
  const fx = filters.fx === 'usd' ? `${translate(lang, 'figures.fx.usd')} (${describeRates(rates, lang)})` : translate(lang, 'figures.fx.native')
  const parts = [
    outletsPart(filters, lang),
    fromToPart(filters, lang),
    `${translate(lang, 'figures.kindLabel')}: ${kinds}`,
    `${translate(lang, 'figures.fxLabel')}: ${fx}`,
    ...cappedPart(capped, lang),
  ]
  return { filters: parts.join(' · '), source: sourceLine(index, lang) }
}

/** The Quotes chart: the speakers drawn ("most quoted" when the view chose them), the words' actors, outlets and dates. */
export function quotesCaption(
  drawn: { speakers: readonly string[] },
  filters: Pick<Filters, 'speaker' | 'named' | 'outlets' | 'from' | 'to'>,
  capped: { shown: number; total: number } | null,
  index: Pick<DatasetIndex, 'totals' | 'generatedAt'>,
  names: ActorNames,
  lang: Lang,
): ExportCaption {
  const speakers = drawn.speakers.map((id) => nameOf(id, names)).join(', ') || '–'
  const automatic = filters.speaker.length === 0 ? ` (${translate(lang, 'quotes.anySpeaker')})` : ''
  const named = filters.named.map((id) => nameOf(id, names)).join(', ') || translate(lang, 'quotes.anyNamed')
  const parts = [
    `${translate(lang, 'quotes.speakerLabel')}: ${speakers}${automatic}`,
    `${translate(lang, 'quotes.namedLabel')}: ${named}`,
    outletsPart(filters, lang),
    fromToPart(filters, lang),
    ...cappedPart(capped, lang),
  ]
  return { filters: parts.join(' · '), source: sourceLine(index, lang) }
}

/** The co-mention matrix: its actors ("most named" when the view chose them), outlets, the whole months counted. */
export function comentionsCaption(
  drawn: { actorIds: readonly string[]; months: Pick<Filters, 'from' | 'to'> },
  filters: Pick<Filters, 'actors' | 'outlets'>,
  index: Pick<DatasetIndex, 'totals' | 'generatedAt'>,
  names: ActorNames,
  lang: Lang,
): ExportCaption {
  const actors = drawn.actorIds.map((id) => nameOf(id, names)).join(', ') || '–'
  const automatic = filters.actors.length === 0 ? ` (${translate(lang, 'filter.actorsTop')})` : ''
  const parts = [`${translate(lang, 'filter.actors')}: ${actors}${automatic}`, outletsPart(filters, lang), fromToPart(drawn.months, lang)]
  return { filters: parts.join(' · '), source: sourceLine(index, lang) }
}

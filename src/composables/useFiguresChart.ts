/**
 * Everything the Figures view shows, for the current filters: the month parts of the date range (newest
 * months up to the record cap), the ledger rows, the ECharts option, and the exports (CSV of the figures
 * shown, the PNG caption).
 */
import { computed } from 'vue'
import type { ECElementEvent } from 'echarts/core'
import { figuresChartHeight, figuresOption } from '../charts/figures-option.ts'
import { figuresCaption, type ExportCaption } from '../i18n/captions.ts'
import { describeRates } from '../i18n/format.ts'
import { queryString, queryWithoutSelection } from '../lib/filter-query.ts'
import { parseSelection, selectionToString } from '../lib/selection.ts'
import type { Fx } from '../lib/filters.ts'
import { figuresCsv } from '../lib/figures/export.ts'
import { DISAGREEMENT_TOLERANCE, RATE_TABLE_DATE, USD_PER_UNIT, buildFiguresModel, type FiguresModel } from '../lib/figures/model.ts'
import { FIGURE_KINDS, type FigureKind } from '../model/dataset.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { useSearchFilter } from './useSearchFilter.ts'
import { useI18n } from './useI18n.ts'
import { useRecords } from './useRecords.ts'
import { useTheme } from './useTheme.ts'

/** Toggles: the currency mode, and which kinds are shown (all shown is the default, the last shown stays). */
function useFiguresControls() {
  const filtersStore = useFiltersStore()
  const filters = computed(() => filtersStore.filters)
  function setFx(fx: Fx): void {
    if (fx !== filters.value.fx) filtersStore.patch({ fx })
  }
  function toggleKind(kind: FigureKind): void {
    const shown = filters.value.kind.length === 0 ? FIGURE_KINDS : filters.value.kind
    const next = shown.includes(kind) ? shown.filter((k) => k !== kind) : [...shown, kind]
    if (next.length === 0) return
    filtersStore.patch({ kind: next.length === FIGURE_KINDS.length ? [] : [...next].sort(), sel: null })
  }
  function kindShown(kind: FigureKind): boolean {
    return filters.value.kind.length === 0 || filters.value.kind.includes(kind)
  }
  function select(figureId: string): void {
    filtersStore.patch({ sel: selectionToString({ kind: 'figure', figureId }) })
  }
  function onSelect(event: ECElementEvent): void {
    if (typeof event.name === 'string' && event.name !== '') select(event.name)
  }
  return { setFx, toggleKind, kindShown, select, onSelect }
}

export function useFiguresChart() {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, lang, number } = useI18n()
  const theme = useTheme()
  const filters = computed(() => filtersStore.filters)
  const records = useRecords()
  const search = useSearchFilter()

  const model = computed<FiguresModel>(() => {
    const dataset = records.dataset.value
    if (!dataset) return { dated: [], undated: [], unconverted: [], currencies: [], disagreements: 0 }
    // a search keeps the figures of the articles it matches
    const matched = search.matched.value
    const figures = search.active.value ? dataset.figures.filter((figure) => matched?.has(figure.articleId) ?? false) : dataset.figures
    return buildFiguresModel(figures, dataset.articles, filters.value, filters.value.fx)
  })
  const allRows = computed(() => [...model.value.dated, ...model.value.undated, ...model.value.unconverted])
  const selectedId = computed(() => {
    const selection = filters.value.sel === null ? undefined : parseSelection(filters.value.sel)
    return selection?.kind === 'figure' ? selection.figureId : null
  })
  const option = computed(() =>
    figuresOption({ model: model.value, fx: filters.value.fx, lang: lang.value, dark: theme.value === 'dark', selectedId: selectedId.value }),
  )
  const chartHeight = computed(() => `${figuresChartHeight(model.value.currencies.length)}px`)
  const caption = computed(() => {
    const currency =
      filters.value.fx === 'usd'
        ? t('figures.captionUsd', { rates: describeRates(USD_PER_UNIT, lang.value), date: RATE_TABLE_DATE })
        : t('figures.captionNative')
    return `${t('figures.caption')} ${currency}`
  })
  const footnote = computed(() => `${t('figures.captionDisagree', { tolerance: number(DISAGREEMENT_TOLERANCE, { style: 'percent' }) })} ${t('figures.captionActors')}`)
  const summary = computed(() => {
    const count = t('figures.count', { n: allRows.value.length })
    return model.value.disagreements > 0 ? t('figures.withDisagreements', { count, n: model.value.disagreements }) : count
  })
  /** The PNG's caption lines, made when a PNG is (not with every draw: they need plural rules and names). */
  function exportCaption(): ExportCaption {
    const index = datasetStore.index
    return index ? figuresCaption(filters.value, USD_PER_UNIT, records.capped.value, index, lang.value) : { filters: '', source: '' }
  }
  function csv() {
    const query = queryString(queryWithoutSelection(filters.value))
    return figuresCsv(allRows.value, filters.value.fx, datasetStore.index?.generatedAt ?? '', query)
  }

  return { records, model, allRows, selectedId, option, chartHeight, caption, footnote, summary, exportCaption, csv, search, ...useFiguresControls() }
}

/**
 * Everything the Quotes view shows, for the current filters: the month parts of the date range (newest
 * months up to the record cap), the quotes that pass (src/lib/quotes/model.ts), the speakers and the
 * actors named to choose from, the ECharts option, and the exports (CSV of the quotes shown, the PNG
 * caption). The global actor filter does not apply here: speaker and "named in the quote" do.
 */
import { computed } from 'vue'
import type { ECElementEvent } from 'echarts/core'
import { quotesChartHeight, quotesOption } from '../charts/quotes-option.ts'
import { quotesCaption, type ExportCaption } from '../i18n/captions.ts'
import { actorNames } from '../i18n/names.ts'
import { actorColor } from '../lib/colors.ts'
import { queryString, queryWithoutSelection } from '../lib/filter-query.ts'
import { parseSelection, selectionToString } from '../lib/selection.ts'
import { quotesCsv } from '../lib/quotes/export.ts'
import { ANY_TEXT, buildQuotesModel, selectQuotes, type QuotesModel, type TextMatch } from '../lib/quotes/model.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { useActorNames } from './useActorNames.ts'
import { useI18n } from './useI18n.ts'
import { useMediaQuery } from './useMediaQuery.ts'
import { useRecords } from './useRecords.ts'
import { useTheme } from './useTheme.ts'

/** How the search query will match a quote once the filter state has one (`q`); until then every quote. */
const textMatch: TextMatch = ANY_TEXT

/** An option of the speaker or "named" choice: id, and how many quotes it would show. */
export interface ChoiceOption {
  id: string
  quotes: number
}

/** The speakers and named actors to choose from, each counted under the other filters. */
function useQuoteChoices(records: ReturnType<typeof useRecords>) {
  const filtersStore = useFiltersStore()
  const filters = computed(() => filtersStore.filters)
  const speakers = computed<ChoiceOption[]>(() => {
    const dataset = records.dataset.value
    if (!dataset) return []
    const { rows } = selectQuotes(dataset.quotes ?? [], dataset.articles, { ...filters.value, speaker: [] }, filters.value.grain, textMatch)
    const counts = new Map<string, number>()
    for (const row of rows) if (row.quote.speaker !== null) counts.set(row.quote.speaker, (counts.get(row.quote.speaker) ?? 0) + 1)
    return [...counts].map(([id, quotes]) => ({ id, quotes })).sort((a, b) => b.quotes - a.quotes || (a.id < b.id ? -1 : 1))
  })
  const named = computed<ChoiceOption[]>(() => {
    const dataset = records.dataset.value
    if (!dataset) return []
    const { rows } = selectQuotes(dataset.quotes ?? [], dataset.articles, { ...filters.value, named: [] }, filters.value.grain, textMatch)
    const counts = new Map<string, number>()
    for (const row of rows) for (const id of row.quote.actors) counts.set(id, (counts.get(id) ?? 0) + 1)
    return [...counts].map(([id, quotes]) => ({ id, quotes })).sort((a, b) => b.quotes - a.quotes || (a.id < b.id ? -1 : 1))
  })
  function setSpeaker(id: string | null): void {
    filtersStore.patch({ speaker: id === null ? [] : [id], sel: null })
  }
  function setNamed(id: string | null): void {
    filtersStore.patch({ named: id === null ? [] : [id], sel: null })
  }
  return { speakers, named, setSpeaker, setNamed }
}

/** A dot selects one speaker's quotes in one period; a quote of the list selects its first sentence. */
function useQuoteSelection() {
  const filtersStore = useFiltersStore()
  function selectDot(speaker: string, when: string): void {
    filtersStore.patch({ sel: selectionToString({ kind: 'quotes', speaker, period: when }) })
  }
  function selectSentence(articleId: string, sentence: number): void {
    filtersStore.patch({ sel: selectionToString({ kind: 'sentence', articleId, sentence }) })
  }
  return { selectDot, selectSentence }
}

export function useQuotesView() {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, lang, period } = useI18n()
  const theme = useTheme()
  const narrow = useMediaQuery('(max-width: 720px)')
  const filters = computed(() => filtersStore.filters)
  const records = useRecords()
  const names = useActorNames()

  const model = computed<QuotesModel>(() => {
    const dataset = records.dataset.value
    if (!dataset) return { rows: [], speakers: [], drawn: [], periods: [], cells: [], unplaced: 0, foldedCopies: 0 }
    return buildQuotesModel(dataset.quotes ?? [], dataset.articles, filters.value, filters.value.grain, textMatch)
  })
  const selected = computed(() => {
    const selection = filters.value.sel ? parseSelection(filters.value.sel) : undefined
    return selection?.kind === 'quotes' ? { speaker: selection.speaker, period: selection.period } : undefined
  })
  const selectedSentence = computed(() => {
    const selection = filters.value.sel ? parseSelection(filters.value.sel) : undefined
    return selection?.kind === 'sentence' ? `${selection.articleId}.${selection.sentence}` : null
  })
  const palette = computed(() => datasetStore.colorOrder)
  const summary = computed(() => t('quotes.count', { n: model.value.rows.length }))
  const option = computed(() =>
    quotesOption({
      model: model.value,
      names: names.value,
      colors: new Map(model.value.drawn.map((id) => [id, actorColor(palette.value, id)])),
      labels: {
        period,
        tooltip: (speaker, when, n) => t('quotes.tooltip', { speaker, period: when, n }),
        description: `${t('quotes.title')}: ${summary.value}`,
      },
      selected: selected.value,
      compact: narrow.value,
      dark: theme.value === 'dark',
    }),
  )
  const chartHeight = computed(() => `${quotesChartHeight(model.value.drawn.length)}px`)
  const caption = computed(() => t('quotes.caption', { grain: t(`grain.${filters.value.grain}`) }))
  /** The PNG's caption lines, made when a PNG is (not with every draw: they need plural rules and names). */
  function exportCaption(): ExportCaption {
    const index = datasetStore.index
    return index ? quotesCaption({ speakers: model.value.drawn }, filters.value, records.capped.value, index, names.value, lang.value) : { filters: '', source: '' }
  }
  function csv() {
    const query = queryString(queryWithoutSelection(filters.value))
    return quotesCsv(model.value.rows, actorNames(datasetStore.index?.actors ?? [], 'de'), datasetStore.index?.generatedAt ?? '', query)
  }
  const { selectDot, selectSentence } = useQuoteSelection()
  function onSelect(event: ECElementEvent): void {
    const speaker = model.value.drawn[event.seriesIndex ?? -1]
    const value = event.value
    const when = Array.isArray(value) ? model.value.periods[Number(value[0])] : undefined
    if (speaker && when) selectDot(speaker, when)
  }
  return {
    records,
    model,
    names,
    palette,
    selected,
    selectedSentence,
    summary,
    option,
    chartHeight,
    caption,
    exportCaption,
    csv,
    selectDot,
    selectSentence,
    onSelect,
    ...useQuoteChoices(records),
  }
}

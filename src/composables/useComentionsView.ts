/**
 * Everything the "named together" view shows, for the current filters: the co-mention file (fetched when
 * the view opens), the matrix of the chosen actors (or the most named), the companions of the focus actor
 * with their share of its articles, the ECharts option, and the exports. Counted from the cells alone,
 * by whole months (src/lib/comentions/matrix.ts).
 */
import { computed, onMounted, ref } from 'vue'
import type { ECElementEvent } from 'echarts/core'
import { comentionsChartHeight, comentionsOption } from '../charts/comentions-option.ts'
import { comentionsCaption, type ExportCaption } from '../i18n/captions.ts'
import { actorNames } from '../i18n/names.ts'
import { buildComentions, cutsMonths, wholeMonths, type ComentionModel } from '../lib/comentions/matrix.ts'
import { comentionsCsv } from '../lib/comentions/export.ts'
import { errorMessage } from '../lib/errors.ts'
import { queryString, queryWithoutSelection } from '../lib/filter-query.ts'
import { parseSelection, selectionToString } from '../lib/selection.ts'
import { byCodeUnit } from '../model/order.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { useActorNames } from './useActorNames.ts'
import { useI18n } from './useI18n.ts'
import { useMediaQuery } from './useMediaQuery.ts'
import { useTheme } from './useTheme.ts'

/** A cell or a ranking row selects a pair (ids in code-unit order, so one pair has one URL); the focus select ranks another actor. */
function useComentionsSelection() {
  const filtersStore = useFiltersStore()
  function pairSel(a: string, b: string): string {
    const [first, second] = byCodeUnit(a, b) <= 0 ? [a, b] : [b, a]
    return selectionToString({ kind: 'pair', first, second })
  }
  function selectPair(a: string, b: string): void {
    filtersStore.patch({ sel: pairSel(a, b) })
  }
  function setFocus(id: string): void {
    filtersStore.patch({ focus: id })
  }
  return { pairSel, selectPair, setFocus }
}

/** The co-mention file, fetched when the view opens: whether it is still coming, and why it failed. */
function useComentionsFile() {
  const datasetStore = useDatasetStore()
  const error = ref<string | null>(null)
  onMounted(() => {
    datasetStore.loadComentions().catch((cause: unknown) => (error.value = errorMessage(cause)))
  })
  return { error, loading: computed(() => datasetStore.comentions === null && error.value === null) }
}

/** Rows of the companion ranking shown. */
export const COMPANIONS_SHOWN = 15

const EMPTY: ComentionModel = { actorIds: [], counts: [], max: 0, focus: null, companions: [] }

export function useComentionsView() {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, lang, number, period } = useI18n()
  const theme = useTheme()
  const narrow = useMediaQuery('(max-width: 720px)')
  const filters = computed(() => filtersStore.filters)
  const names = useActorNames()

  const { error, loading } = useComentionsFile()

  const months = computed(() => wholeMonths(filters.value))
  /** Actors by stories naming them over the whole months, most first: the matrix's order and the focus choice. */
  const ranked = computed(() => {
    const cells = datasetStore.cells
    return cells ? datasetStore.rankActors(cells, { ...months.value, outlets: filters.value.outlets }).filter((entry) => entry.articles > 0) : []
  })
  const top = computed(() => (narrow.value ? 8 : 12))
  const actorIds = computed(() => {
    const chosen = filters.value.actors
    if (chosen.length === 0) return ranked.value.slice(0, top.value).map((entry) => entry.actorId)
    const order = new Map(ranked.value.map((entry, i) => [entry.actorId, i]))
    return [...chosen].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || byCodeUnit(a, b))
  })
  const model = computed<ComentionModel>(() => {
    const { index, comentions } = datasetStore
    if (!index || !comentions) return EMPTY
    return buildComentions(index, comentions, filters.value, actorIds.value, filters.value.focus)
  })
  const focusArticles = computed(() => ranked.value.find((entry) => entry.actorId === model.value.focus)?.articles ?? 0)
  const companions = computed(() =>
    model.value.companions.slice(0, COMPANIONS_SHOWN).map((entry) => ({ ...entry, share: focusArticles.value > 0 ? entry.articles / focusArticles.value : 0 })),
  )
  const selected = computed(() => {
    const selection = filters.value.sel ? parseSelection(filters.value.sel) : undefined
    return selection?.kind === 'pair' ? { first: selection.first, second: selection.second } : undefined
  })
  /** Nothing to show: no pair in the matrix and no companion of the focus actor. */
  const empty = computed(() => model.value.max === 0 && model.value.companions.length === 0)
  const nameOf = (id: string): string => names.value.get(id) ?? id
  const option = computed(() =>
    comentionsOption({
      model: model.value,
      names: names.value,
      labels: {
        cell: (first, second, n) => t('comentions.cell', { first, second, n }),
        value: (n) => number(n),
        description: `${t('comentions.title')}: ${model.value.actorIds.map(nameOf).join(', ')}`,
      },
      selected: selected.value,
      compact: narrow.value,
      dark: theme.value === 'dark',
    }),
  )
  const chartHeight = computed(() => `${comentionsChartHeight(model.value.actorIds.length, narrow.value)}px`)
  const caption = computed(() => {
    const { from, to } = months.value
    const span = from || to ? ` ${t('comentions.captionMonths', { from: from ? period(from.slice(0, 7)) : '…', to: to ? period(to.slice(0, 7)) : '…' })}` : ''
    return `${t('comentions.caption')}${cutsMonths(filters.value) || from || to ? span : ''}`
  })
  /** The PNG's caption lines, made when a PNG is (not with every draw: they need plural rules and names). */
  function exportCaption(): ExportCaption {
    const index = datasetStore.index
    return index ? comentionsCaption({ actorIds: model.value.actorIds, months: months.value }, filters.value, index, names.value, lang.value) : { filters: '', source: '' }
  }
  function csv() {
    const query = queryString(queryWithoutSelection(filters.value))
    return comentionsCsv(model.value, actorNames(datasetStore.index?.actors ?? [], 'de'), filters.value, datasetStore.index?.generatedAt ?? '', query)
  }
  const { pairSel, selectPair, setFocus } = useComentionsSelection()
  function onSelect(event: ECElementEvent): void {
    const value = event.value
    if (!Array.isArray(value)) return
    const x = model.value.actorIds[Number(value[0])]
    const y = model.value.actorIds[Number(value[1])]
    if (!x || !y) return
    if (x === y) setFocus(x)
    else selectPair(y, x)
  }
  return { error, loading, model, empty, companions, focusArticles, ranked, option, chartHeight, caption, exportCaption, csv, pairSel, selectPair, setFocus, onSelect, names, nameOf }
}

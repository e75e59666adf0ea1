/**
 * The records the evidence panel needs for a selection, fetched when it changes: the parts of a mention's
 * or a quote dot's period, the events file and its articles' parts, an article's part, and — for a cell of
 * the co-mention matrix — the parts of the months in which stories name both (newest first, up to the
 * record cap; `capped` then says how many articles were searched of how many).
 */
import { ref, watch, type ComputedRef, type Ref } from 'vue'
import { RECORD_CAP } from '../data/plan.ts'
import { pairMonths } from '../lib/comentions/matrix.ts'
import { errorMessage } from '../lib/errors.ts'
import { parseSelection, type Selection } from '../lib/selection.ts'
import { periodBounds } from '../lib/periods.ts'
import { stagesOf } from '../lib/visits/lifecycle.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'

export interface EvidenceRecords {
  fetching: Ref<boolean>
  fetchError: Ref<string | null>
  capped: Ref<{ shown: number; total: number } | null>
}

export function useEvidenceRecords(sel: ComputedRef<string | null>): EvidenceRecords {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const fetching = ref(false)
  const fetchError = ref<string | null>(null)
  const capped = ref<{ shown: number; total: number } | null>(null)

  /** Parts of the months a pair is named together in, newest first up to the cap. */
  async function pairParts(selection: Extract<Selection, { kind: 'pair' }>): Promise<void> {
    await datasetStore.loadComentions()
    const { index, comentions } = datasetStore
    if (!index || !comentions) return
    const months = pairMonths(index, comentions, filtersStore.filters, selection.first, selection.second)
    const sizes = new Map(index.parts.map((part) => [part.month, part.articles]))
    const chosen: string[] = []
    let shown = 0
    for (const month of months) {
      const size = sizes.get(month) ?? 0
      if (shown + size > RECORD_CAP && chosen.length > 0) break
      chosen.push(month)
      shown += size
    }
    const total = months.reduce((sum, month) => sum + (sizes.get(month) ?? 0), 0)
    capped.value = shown < total ? { shown, total } : null
    await datasetStore.loadParts(chosen)
  }

  async function fetchRecords(value: string): Promise<void> {
    const selection = parseSelection(value)
    if (!selection) return
    switch (selection.kind) {
      case 'mention':
      case 'quotes': {
        const { start, end } = periodBounds(selection.period)
        await datasetStore.loadParts([...new Set([start.slice(0, 7), end.slice(0, 7)])])
        return
      }
      case 'event': {
        await datasetStore.loadEvents()
        const event = datasetStore.events?.find((candidate) => candidate.id === selection.eventId)
        const stages = event ? stagesOf(event.id, datasetStore.events ?? []) : []
        const ids = [...new Set(stages.flatMap((stage) => stage.evidence.map((item) => item.articleId)))]
        await datasetStore.findArticles(ids, event?.date ?? null, 24)
        return
      }
      case 'figure':
        return
      case 'sentence':
        await datasetStore.findArticles([selection.articleId])
        return
      case 'pair':
        await pairParts(selection)
    }
  }

  watch(
    sel,
    (value) => {
      fetchError.value = null
      capped.value = null
      if (!value) return
      fetching.value = true
      fetchRecords(value).then(
        () => {
          if (sel.value === value) fetching.value = false
        },
        (cause: unknown) => {
          if (sel.value !== value) return
          fetching.value = false
          fetchError.value = errorMessage(cause)
        },
      )
    },
    { immediate: true },
  )
  return { fetching, fetchError, capped }
}

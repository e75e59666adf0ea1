/**
 * For a few articles of a list, the first sentence holding a hit of the search queries, with the hits'
 * offsets: the list's snippet. The texts are fetched with their shards (src/stores/dataset.ts#loadText).
 */
import { shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { queryHits, type Hit } from '../lib/search/match.ts'
import type { SearchQuery } from '../lib/search/query.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import type { QueryEntry } from './useSearch.ts'

export interface Snippet {
  text: string
  hits: Hit[]
}

/** The first sentence with hits of any query (hits of all queries marked in it). */
export function firstHitSentence(queries: readonly SearchQuery[], sentences: readonly string[]): Snippet | null {
  const hits = queries.flatMap((query) => queryHits(query, sentences) ?? [])
  if (hits.length === 0) return null
  // the title (sentence 0) repeats in the list: prefer a body sentence when there is one
  const body = hits.filter((hit) => hit.sentence > 0)
  const sentence = (body[0] ?? hits[0])?.sentence ?? 0
  return { text: sentences[sentence] ?? '', hits: hits.filter((hit) => hit.sentence === sentence).sort((a, b) => a.start - b.start) }
}

export function useSearchSnippets(ids: ComputedRef<string[]>, queries: ComputedRef<QueryEntry[]>): Ref<ReadonlyMap<string, Snippet>> {
  const datasetStore = useDatasetStore()
  const snippets = shallowRef<ReadonlyMap<string, Snippet>>(new Map())
  let request = 0
  watch(
    [ids, queries],
    async ([list, entries]) => {
      const mine = ++request
      const parsed = entries.flatMap((entry) => (entry.state.parsed.query ? [entry.state.parsed.query] : []))
      if (list.length === 0 || parsed.length === 0) {
        snippets.value = new Map()
        return
      }
      const found = await Promise.all(
        list.map((id) =>
          datasetStore.loadText(id).then(
            (text) => [id, firstHitSentence(parsed, text.sentences)] as const,
            () => [id, null] as const,
          ),
        ),
      )
      if (mine !== request) return
      snippets.value = new Map(found.flatMap(([id, snippet]) => (snippet ? [[id, snippet] as const] : [])))
    },
    { immediate: true },
  )
  return snippets
}

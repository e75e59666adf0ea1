import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { useRecords } from '../../../src/composables/useRecords.ts'
import { layoutFromDataset } from '../../../pipeline/io/layout-build.ts'
import { useDatasetStore } from '../../../src/stores/dataset.ts'
import { useFiltersStore } from '../../../src/stores/filters.ts'
import { makeDataset } from '../lib/dataset-fixture.ts'

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await nextTick()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

async function loadedStore(broken: string | null = null): Promise<ReturnType<typeof useDatasetStore>> {
  const layout = layoutFromDataset(makeDataset())
  const files = new Map<string, unknown>([['dataset.index.json', layout.index], ...layout.parts])
  const store = useDatasetStore()
  await store.load({
    url: '/data/dataset.index.json',
    fetcher: (url) => {
      const path = url.replace('/data/', '')
      if (path === broken) return Promise.resolve(new Response('nope', { status: 500 }))
      return Promise.resolve(files.has(path) ? new Response(JSON.stringify(files.get(path))) : new Response('not found', { status: 404 }))
    },
  })
  return store
}

describe('useRecords', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the parts of the date range and gives their records only', async () => {
    await loadedStore()
    useFiltersStore().patch({ from: '2023-03-01' })
    const records = useRecords()
    expect(records.loading.value).toBe(true)
    await settle()
    expect(records.loading.value).toBe(false)
    expect(records.months.value).toEqual(['2023-04'])
    expect(records.dataset.value?.articles.map((article) => article.id)).toEqual(['a4'])
    expect(records.capped.value).toBeNull()
  })

  it('says when the range holds more articles than the cap: the newest months are loaded', async () => {
    await loadedStore()
    const records = useRecords(2)
    await settle()
    expect(records.months.value).toEqual(['2023-04'])
    expect(records.capped.value).toEqual({ shown: 1, total: 5 })
  })

  it('gives the one-line reason of a part that fails', async () => {
    await loadedStore('dataset.parts/2023-02.json')
    const records = useRecords()
    await settle()
    expect(records.error.value).toBe('/data/dataset.parts/2023-02.json: HTTP 500')
    // the parts that arrived are still there
    expect(records.dataset.value?.articles.map((article) => article.id)).toEqual(['a4', 'a5'])
  })
})

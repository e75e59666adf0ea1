import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDatasetStore } from '../../../src/stores/dataset.ts'
import { useFiltersStore } from '../../../src/stores/filters.ts'
import { DEFAULT_FILTERS } from '../../../src/lib/filters.ts'
import { makeDataset, makeText } from '../lib/dataset-fixture.ts'

function respond(body: string, status = 200): Promise<Response> {
  return Promise.resolve(new Response(body, { status }))
}

describe('useDatasetStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads a valid dataset and derives the URL context', async () => {
    const store = useDatasetStore()
    await store.load({ url: '/data/dataset.json', fetcher: () => respond(JSON.stringify(makeDataset())) })
    expect(store.status).toBe('ready')
    expect(store.context.actorIds.has('putin')).toBe(true)
    expect(store.context.outlets.has('')).toBe(true)
    expect(store.colorOrder[0]).toBe('putin')
  })

  it('says the file is missing on HTTP 404', async () => {
    const store = useDatasetStore()
    await store.load({ url: '/data/dataset.json', fetcher: () => respond('not found', 404) })
    expect(store.status).toBe('error')
    expect(store.error).toEqual({ key: 'error.missing', params: { url: '/data/dataset.json', status: 404 } })
  })

  it('says a truncated file is not valid JSON', async () => {
    const store = useDatasetStore()
    const text = JSON.stringify(makeDataset())
    await store.load({ url: '/d.json', fetcher: () => respond(text.slice(0, text.length / 2)) })
    expect(store.error?.key).toBe('error.truncated')
  })

  it('names the field when the schema does not match', async () => {
    const store = useDatasetStore()
    const broken = { ...makeDataset(), articles: [{ id: 'a1' }] }
    await store.load({ url: '/d.json', fetcher: () => respond(JSON.stringify(broken)) })
    expect(store.error?.key).toBe('error.schema')
    expect(String(store.error?.params.message)).toContain('articles.0')
  })

  it('says which schema version it found', async () => {
    const store = useDatasetStore()
    await store.load({ url: '/d.json', fetcher: () => respond(JSON.stringify({ ...makeDataset(), schemaVersion: 7 })) })
    expect(store.error).toMatchObject({ key: 'error.version', params: { found: '7' } })
  })

  it('reports a network failure in one line', async () => {
    const store = useDatasetStore()
    await store.load({ url: '/d.json', fetcher: () => Promise.reject(new Error('offline')) })
    expect(store.error).toMatchObject({ key: 'error.network', params: { message: 'offline' } })
  })

  it('fetches a text shard once, relative to the dataset, and caches it', async () => {
    const store = useDatasetStore()
    const requested: string[] = []
    await store.load({
      url: '/base/data/dataset.json',
      fetcher: (url) => {
        requested.push(url)
        if (url.endsWith('dataset.json')) return respond(JSON.stringify(makeDataset()))
        return respond(JSON.stringify({ texts: [makeText('a1'), makeText('a2')] }))
      },
    })
    const first = await store.loadText('a1')
    const second = await store.loadText('a2')
    expect(first.sentences[1]).toBe('Putin lobte die Gespräche.')
    expect(second.articleId).toBe('a2')
    expect(requested).toEqual(['/base/data/dataset.json', '/base/data/texts/0.json'])
  })

  it('rejects with a reason for a broken shard and retries later', async () => {
    const store = useDatasetStore()
    let shardCalls = 0
    await store.load({
      url: '/data/dataset.json',
      fetcher: (url) => {
        if (url.endsWith('dataset.json')) return respond(JSON.stringify(makeDataset()))
        shardCalls += 1
        return respond('{"texts": [{"articleId": 5}]}')
      },
    })
    await expect(store.loadText('a1')).rejects.toThrow('/data/texts/0.json')
    await expect(store.loadText('a1')).rejects.toThrow()
    expect(shardCalls).toBe(2)
    await expect(store.loadText('nope')).rejects.toThrow('unknown article')
  })
})

describe('useFiltersStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('swaps in a new frozen object on every change', () => {
    const store = useFiltersStore()
    const before = store.filters
    store.patch({ grain: 'week' })
    expect(store.filters).not.toBe(before)
    expect(store.filters.grain).toBe('week')
    expect(before.grain).toBe('month')
    expect(Object.isFrozen(store.filters)).toBe(true)
  })

  it('resets data filters but keeps language and theme', () => {
    const store = useFiltersStore()
    store.patch({ actors: ['xi'], lang: 'en', theme: 'dark', sel: 'e.ev1' })
    store.reset()
    expect(store.filters).toEqual({ ...DEFAULT_FILTERS, lang: 'en', theme: 'dark' })
  })

  it('collects and dismisses notices', () => {
    const store = useFiltersStore()
    store.addNotices([{ key: 'actor', value: 'merkel', reason: 'unknown-value' }])
    store.addNotices([])
    expect(store.notices).toHaveLength(1)
    store.dismissNotices()
    expect(store.notices).toEqual([])
  })
})

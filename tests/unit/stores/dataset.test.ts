import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDatasetStore } from '../../../src/stores/dataset.ts'
import { useFiltersStore } from '../../../src/stores/filters.ts'
import { DEFAULT_FILTERS } from '../../../src/lib/filters.ts'
import { makeDataset, makeText } from '../lib/dataset-fixture.ts'
import { layoutFromDataset } from '../../../pipeline/io/layout-build.ts'

function respond(body: string, status = 200): Promise<Response> {
  return Promise.resolve(new Response(body, { status }))
}

/** The layout files of the fixture dataset, served by path under /base/data/ (texts from makeText). */
function layoutFetcher(
  overrides: Record<string, () => Promise<Response>> = {},
  options: { withoutIds?: boolean } = {},
): { fetcher: (url: string) => Promise<Response>; requested: string[] } {
  const layout = layoutFromDataset(makeDataset())
  // a layout written before the id shards existed
  const index = options.withoutIds ? { ...layout.index, ids: undefined } : layout.index
  const files = new Map<string, unknown>([
    ['dataset.index.json', index],
    [layout.index.events, layout.events],
    ...layout.dayFiles,
    ...layout.parts,
    ...layout.files,
    ...layout.eventParts,
    ['texts/0.json', { texts: [makeText('a1'), makeText('a2')] }],
    ['texts/1.json', { texts: [makeText('a4')] }],
  ])
  const requested: string[] = []
  const fetcher = (url: string): Promise<Response> => {
    requested.push(url)
    const path = url.replace(/^\/base\/data\//, '')
    const override = overrides[path]
    if (override) return override()
    return files.has(path) ? respond(JSON.stringify(files.get(path))) : respond('not found', 404)
  }
  return { fetcher, requested }
}
const INDEX_URL = '/base/data/dataset.index.json'

describe('useDatasetStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is ready from the index alone and derives the URL context and colour order from its cells', async () => {
    const store = useDatasetStore()
    const { fetcher, requested } = layoutFetcher()
    await store.load({ url: INDEX_URL, fetcher })
    expect(store.status).toBe('ready')
    expect(requested).toEqual([INDEX_URL])
    expect(store.context.actorIds.has('putin')).toBe(true)
    expect(store.context.outlets.has('')).toBe(true)
    // records not loaded yet: their ids cannot be checked
    expect(store.context.articleIds).toBeNull()
    expect(store.context.eventIds).toBeNull()
    expect(store.colorOrder[0]).toBe('putin')
    expect(store.dataset?.articles).toEqual([])
  })

  it('says the file is missing on HTTP 404', async () => {
    const store = useDatasetStore()
    await store.load({ url: '/data/dataset.index.json', fetcher: () => respond('not found', 404) })
    expect(store.status).toBe('error')
    expect(store.error).toEqual({ key: 'error.missing', params: { url: '/data/dataset.index.json', status: 404 } })
  })

  it('says a truncated file is not valid JSON', async () => {
    const store = useDatasetStore()
    const text = JSON.stringify(layoutFromDataset(makeDataset()).index)
    await store.load({ url: '/d.json', fetcher: () => respond(text.slice(0, text.length / 2)) })
    expect(store.error?.key).toBe('error.truncated')
  })

  it('names the field when the schema does not match', async () => {
    const store = useDatasetStore()
    const broken = { ...layoutFromDataset(makeDataset()).index, months: ['2023-13'] }
    await store.load({ url: '/d.json', fetcher: () => respond(JSON.stringify(broken)) })
    expect(store.error?.key).toBe('error.schema')
    expect(String(store.error?.params.message)).toContain('months.0')
  })

  it('says which layout version it found', async () => {
    const store = useDatasetStore()
    await store.load({ url: '/d.json', fetcher: () => respond(JSON.stringify({ ...layoutFromDataset(makeDataset()).index, layoutVersion: 7 })) })
    expect(store.error).toMatchObject({ key: 'error.version', params: { found: '7' } })
  })

  it('reports a network failure in one line', async () => {
    const store = useDatasetStore()
    await store.load({ url: '/d.json', fetcher: () => Promise.reject(new Error('offline')) })
    expect(store.error).toMatchObject({ key: 'error.network', params: { message: 'offline' } })
  })

  it('fetches month parts, day files and the events file on demand, each once', async () => {
    const store = useDatasetStore()
    const { fetcher, requested } = layoutFetcher()
    await store.load({ url: INDEX_URL, fetcher })
    await Promise.all([store.loadParts(['2023-02']), store.loadParts(['2023-02', '1999-01'])])
    expect(store.dataset?.articles.map((article) => article.id)).toEqual(['a1', 'a2', 'a3'])
    expect(store.dataset?.mentions.every((mention) => ['a1', 'a2', 'a3'].includes(mention.articleId))).toBe(true)
    await store.loadEvents()
    await store.loadEvents()
    expect(store.events?.map((event) => event.id)).toEqual(['ev1'])
    // the quotes are not kept: the panel reads the sentence from the text shard
    expect(store.events?.[0]?.evidence.map((item) => [item.articleId, item.sentence, item.quote])).toEqual([['a4', 1, '']])
    expect(store.context.eventIds?.has('ev1')).toBe(true)
    await store.loadDays(['2023'])
    expect(store.cells?.days.has('2023')).toBe(true)
    expect(requested).toEqual([
      INDEX_URL,
      '/base/data/dataset.parts/2023-02.json',
      '/base/data/dataset.events.json',
      '/base/data/dataset.days/2023.json',
    ])
  })

  it('a failing part rejects with a one-line reason kept under its path, and is retried on the next call', async () => {
    const store = useDatasetStore()
    let calls = 0
    const { fetcher } = layoutFetcher({
      'dataset.parts/2023-04.json': () => {
        calls += 1
        return respond('{"month": "2023-04", "articles": [{"id": 1}]', 200)
      },
    })
    await store.load({ url: INDEX_URL, fetcher })
    await expect(store.loadParts(['2023-02', '2023-04'])).rejects.toThrow('/base/data/dataset.parts/2023-04.json')
    expect(store.errorOf('dataset.parts/2023-04.json')).toMatch(/^\/base\/data\/dataset\.parts\/2023-04\.json: /)
    // the other part arrived
    expect(store.articlesById.has('a1')).toBe(true)
    await expect(store.loadParts(['2023-04'])).rejects.toThrow()
    expect(calls).toBe(2)
  })

  it('says a part is missing when a static server answers with its HTML fallback page', async () => {
    const store = useDatasetStore()
    const { fetcher } = layoutFetcher({
      'dataset.parts/2023-04.json': () => Promise.resolve(new Response('<!doctype html><p>App</p>', { status: 200, headers: { 'content-type': 'text/html' } })),
    })
    await store.load({ url: INDEX_URL, fetcher })
    await expect(store.loadParts(['2023-04'])).rejects.toThrow('/base/data/dataset.parts/2023-04.json: missing (the server sent an HTML page)')
  })

  it('plans the newest months up to a cap of articles and says how many the range holds', async () => {
    const store = useDatasetStore()
    const { fetcher } = layoutFetcher()
    await store.load({ url: INDEX_URL, fetcher })
    // parts: 2023-02 (3 articles), 2023-04 (1), undated (1)
    expect(store.monthsFor(null, null)).toEqual({ months: ['2023-02', '2023-04', 'undated'], loaded: 5, total: 5 })
    expect(store.monthsFor(null, null, 2)).toEqual({ months: ['2023-04'], loaded: 1, total: 5 })
    expect(store.monthsFor('2023-03-15', null, 10)).toEqual({ months: ['2023-04'], loaded: 1, total: 1 })
    // one month bigger than the cap is still loaded whole
    expect(store.monthsFor('2023-02-01', '2023-02-28', 1)).toEqual({ months: ['2023-02'], loaded: 3, total: 3 })
  })

  it('finds an article by its id shard: one shard, then the one part it names', async () => {
    const store = useDatasetStore()
    const { fetcher, requested } = layoutFetcher()
    await store.load({ url: INDEX_URL, fetcher })
    await store.findArticles(['a4'])
    expect(store.articlesById.has('a4')).toBe(true)
    expect(requested.slice(1)).toEqual(['/base/data/dataset.ids/000.json', '/base/data/dataset.parts/2023-04.json'])
    expect(await store.locateArticle('a4')).toEqual({ month: '2023-04', eventParts: ['2023-03'] })
    expect(await store.locateEvent('ev1')).toBe('2023-03')
    expect(await store.locateArticle('nope')).toBeNull()
    // the shard is fetched once
    expect(requested.filter((url) => url.includes('dataset.ids'))).toHaveLength(1)
  })

  it('in a layout without id shards, searches the parts near a hint month first', async () => {
    const store = useDatasetStore()
    const { fetcher, requested } = layoutFetcher({}, { withoutIds: true })
    await store.load({ url: INDEX_URL, fetcher })
    await store.findArticles(['a1'], '2023-02-10', 1)
    expect(store.articlesById.get('a1')?.title).toBe('Putin empfängt Wang in Moskau')
    expect(requested.slice(1)).toEqual(['/base/data/dataset.parts/2023-02.json'])
    // without a hint: newest month first, then on until found
    await store.findArticles(['a5'])
    expect(store.articlesById.has('a5')).toBe(true)
    expect(requested.slice(2)).toEqual(['/base/data/dataset.parts/2023-04.json', '/base/data/dataset.parts/undated.json'])
    // an id that is nowhere ends the search with every part loaded, without throwing
    await store.findArticles(['nope'])
    expect(store.articlesById.has('nope')).toBe(false)
  })

  it('fetches a text shard once, relative to the index, and caches it (finding the article first)', async () => {
    const store = useDatasetStore()
    const { fetcher, requested } = layoutFetcher()
    await store.load({ url: INDEX_URL, fetcher })
    await store.loadParts(['2023-02'])
    const first = await store.loadText('a1')
    const second = await store.loadText('a2')
    expect(first.sentences[1]).toBe('Putin lobte die Gespräche.')
    expect(second.articleId).toBe('a2')
    expect(requested.filter((url) => url.includes('texts'))).toEqual(['/base/data/texts/0.json'])
    const third = await store.loadText('a4')
    expect(third.articleId).toBe('a4')
  })

  it('rejects with a reason for a broken shard and retries later', async () => {
    const store = useDatasetStore()
    let shardCalls = 0
    const { fetcher } = layoutFetcher({
      'texts/0.json': () => {
        shardCalls += 1
        return respond('{"texts": [{"articleId": 5}]}')
      },
    })
    await store.load({ url: INDEX_URL, fetcher })
    await expect(store.loadText('a1')).rejects.toThrow('/base/data/texts/0.json')
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

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { useFiltersInUrl } from '../../../src/composables/useFiltersInUrl.ts'
import { useDatasetStore } from '../../../src/stores/dataset.ts'
import { useFiltersStore } from '../../../src/stores/filters.ts'
import { layoutFromDataset } from '../../../pipeline/io/layout-build.ts'
import { makeDataset } from '../lib/dataset-fixture.ts'

const Empty = defineComponent({ render: () => h('div') })
const Host = defineComponent({
  setup() {
    useFiltersInUrl()
    return () => h('div')
  },
})

let pinia: Pinia
let router: Router
let wrapper: VueWrapper | undefined

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await nextTick()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

async function start(path: string): Promise<void> {
  pinia = createPinia()
  setActivePinia(pinia)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/mentions', component: Empty },
      { path: '/articles/:id', component: Empty },
    ],
  })
  await router.push(path)
  await router.isReady()
  const index = layoutFromDataset(makeDataset()).index
  await useDatasetStore().load({ url: '/data/dataset.index.json', fetcher: () => Promise.resolve(new Response(JSON.stringify(index))) })
  wrapper = mount(Host, { global: { plugins: [pinia, router] } })
  await settle()
}

describe('useFiltersInUrl', () => {
  beforeEach(() => {
    wrapper = undefined
  })
  afterEach(() => wrapper?.unmount())

  it('reads the filters from the URL when the dataset is ready', async () => {
    await start('/mentions?actor=xi,putin&grain=week')
    expect(useFiltersStore().filters.actors).toEqual(['putin', 'xi'])
    expect(useFiltersStore().filters.grain).toBe('week')
    // Canonical order written back (replace, not a new entry).
    expect(router.currentRoute.value.fullPath).toBe('/mentions?actor=putin,xi&grain=week')
  })

  it('drops junk with notices and cleans the URL, keeping the good values', async () => {
    await start('/mentions?actor=putin,merkel&from=2023-02-30&lang=en&foo=bar')
    const store = useFiltersStore()
    expect(store.filters.actors).toEqual(['putin'])
    expect(store.filters.lang).toBe('en')
    expect(store.notices.map((notice) => `${notice.key}=${notice.value}`)).toEqual(['actor=merkel', 'from=2023-02-30', 'foo=bar'])
    expect(router.currentRoute.value.query).toEqual({ actor: 'putin', lang: 'en' })
  })

  it('pushes filter changes, so Back returns to the previous filters', async () => {
    await start('/mentions')
    const store = useFiltersStore()
    store.patch({ grain: 'day' })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ grain: 'day' })
    store.patch({ measure: 'share' })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ grain: 'day', measure: 'share' })
    router.back()
    await settle()
    expect(store.filters.measure).toBe('mentions')
    expect(store.filters.grain).toBe('day')
  })

  it('keeps the reader sentence "s" next to the filters', async () => {
    await start('/articles/a1?s=2&lang=en')
    useFiltersStore().patch({ theme: 'dark' })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ s: '2', lang: 'en', theme: 'dark' })
  })
})

import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { loadCatalogue } from './i18n/translate.ts'
import { loadCharts } from './charts/load.ts'

/** A chart view: its chunk, with the chart chunk fetched beside it (not waited for: BaseChart does). */
function chartView<T>(view: () => Promise<T>): () => Promise<T> {
  return () => {
    void loadCharts()
    return view()
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: (to) => ({ path: '/mentions', query: to.query }) },
  { path: '/mentions', name: 'mentions', component: chartView(() => import('./views/MentionsView.vue')) },
  { path: '/visits', name: 'visits', component: chartView(() => import('./views/VisitsView.vue')) },
  { path: '/figures', name: 'figures', component: chartView(() => import('./views/FiguresView.vue')) },
  { path: '/quotes', name: 'quotes', component: chartView(() => import('./views/QuotesView.vue')) },
  { path: '/together', name: 'comentions', component: chartView(() => import('./views/ComentionsView.vue')) },
  { path: '/articles', name: 'articles', component: () => import('./views/ArticlesView.vue') },
  { path: '/articles/:id', name: 'article', component: () => import('./views/ArticleReaderView.vue'), props: true },
  { path: '/:pathMatch(.*)*', redirect: (to) => ({ path: '/mentions', query: to.query }) },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? undefined,
})

// The English catalogue is its own chunk: a navigation to ?lang=en (first load, toggle, Back) waits for it, so
// the page never paints German words where English was asked for. A failed fetch still navigates (German words).
// A first load of ?lang=en starts fetching the catalogue at once, beside the dataset and the view's chunk.
if (typeof location !== 'undefined' && new URLSearchParams(location.search).get('lang') === 'en') void loadCatalogue('en').catch(() => undefined)
router.beforeEach(async (to) => {
  const lang = Array.isArray(to.query.lang) ? to.query.lang[0] : to.query.lang
  if (lang === 'en') await loadCatalogue('en').catch(() => undefined)
})

import { computed, createApp } from 'vue'
import { createPinia } from 'pinia'
import { THEME_KEY } from 'vue-echarts'
import { CHART_THEMES } from './charts/echarts.ts'
import { useTheme } from './composables/useTheme.ts'
import App from './App.vue'
import { router } from './router.ts'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(router)
// The ECharts theme is provided once, for every chart, and follows light/dark.
const theme = app.runWithContext(() => useTheme())
app.provide(
  THEME_KEY,
  computed(() => CHART_THEMES[theme.value]),
)
app.mount('#app')

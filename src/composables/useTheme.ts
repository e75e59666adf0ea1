/** Light/dark: the URL's `theme`, else the system setting. Sets data-theme on <html>. */
import { computed, ref, watchEffect, type ComputedRef } from 'vue'
import type { Theme } from '../lib/filters.ts'
import { useFiltersStore } from '../stores/filters.ts'

const systemDark = ref(false)
let listening = false

function listen(): void {
  if (listening || typeof window === 'undefined' || !window.matchMedia) return
  listening = true
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  systemDark.value = query.matches
  query.addEventListener('change', (event) => {
    systemDark.value = event.matches
  })
}

export function useTheme(): ComputedRef<Theme> {
  listen()
  const filtersStore = useFiltersStore()
  return computed(() => filtersStore.filters.theme ?? (systemDark.value ? 'dark' : 'light'))
}

/** Mirrors the effective theme onto the document root (called once, in App.vue). */
export function useThemeOnDocument(): void {
  const theme = useTheme()
  watchEffect(() => {
    document.documentElement.dataset.theme = theme.value
    document.documentElement.lang = useFiltersStore().filters.lang
  })
}

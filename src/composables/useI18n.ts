/** Messages, dates and numbers in the language chosen in the URL (`lang`). */
import { computed, type ComputedRef } from 'vue'
import type { Lang } from '../lib/filters.ts'
import { formatNumber, formatPeriod, localeOf, translate, type MessageKey, type MessageParams } from '../lib/i18n.ts'
import { useFiltersStore } from '../stores/filters.ts'

export interface I18n {
  lang: ComputedRef<Lang>
  t: (key: MessageKey, params?: MessageParams) => string
  period: (period: string) => string
  number: (value: number, options?: Intl.NumberFormatOptions) => string
  locale: ComputedRef<string>
}

export function useI18n(): I18n {
  const filtersStore = useFiltersStore()
  const lang = computed(() => filtersStore.filters.lang)
  return {
    lang,
    locale: computed(() => localeOf(lang.value)),
    t: (key, params) => translate(lang.value, key, params),
    period: (period) => formatPeriod(lang.value, period),
    number: (value, options) => formatNumber(lang.value, value, options),
  }
}

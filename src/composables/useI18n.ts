/** Messages, dates and numbers in the language chosen in the URL (`lang`). */
import { computed, type ComputedRef } from 'vue'
import type { MessageKey } from '../i18n/de.ts'
import { formatNumber, formatPeriod } from '../i18n/format.ts'
import type { Lang } from '../i18n/lang.ts'
import type { MessageParams } from '../i18n/message.ts'
import { translate } from '../i18n/translate.ts'
import { useFiltersStore } from '../stores/filters.ts'

export interface I18n {
  lang: ComputedRef<Lang>
  t: (key: MessageKey, params?: MessageParams) => string
  period: (period: string) => string
  number: (value: number, options?: Intl.NumberFormatOptions) => string
}

export function useI18n(): I18n {
  const filtersStore = useFiltersStore()
  const lang = computed(() => filtersStore.filters.lang)
  return {
    lang,
    t: (key, params) => translate(lang.value, key, params),
    period: (period) => formatPeriod(lang.value, period),
    number: (value, options) => formatNumber(lang.value, value, options),
  }
}

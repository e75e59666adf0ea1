/**
 * ECharts' own words in the UI language, from the app's catalogues: what it says of a chart to a screen
 * reader (the aria description it writes from the series and their values), the names of the chart
 * types and of months and weekdays. Registered for both languages by ./echarts.ts. Pure.
 */
import { dateFormat } from '../i18n/intl.ts'
import { localeOf, type Lang } from '../i18n/lang.ts'
import { translate } from '../i18n/translate.ts'

/** The twelve months (or seven weekdays, Sunday first) in the language, in one Intl style. */
function names(lang: Lang, count: 12 | 7, options: Intl.DateTimeFormatOptions): string[] {
  const format = dateFormat(localeOf(lang), { ...options, timeZone: 'UTC' })
  // 2023-01-01 is a Sunday
  return Array.from({ length: count }, (_, i) => format.format(count === 12 ? Date.UTC(2023, i, 1) : Date.UTC(2023, 0, 1 + i)))
}

/** The locale object ECharts' registerLocale takes (only what the app's charts can show). */
export function echartsLocale(lang: Lang) {
  const t = (key: Parameters<typeof translate>[1]): string => translate(lang, key)
  return {
    time: {
      month: names(lang, 12, { month: 'long' }),
      monthAbbr: names(lang, 12, { month: 'short' }),
      dayOfWeek: names(lang, 7, { weekday: 'long' }),
      dayOfWeekAbbr: names(lang, 7, { weekday: 'short' }),
    },
    series: {
      typeNames: { line: t('echarts.line'), scatter: t('echarts.scatter'), custom: t('echarts.custom'), heatmap: t('echarts.heatmap'), chart: t('echarts.chart') },
    },
    aria: {
      general: { withTitle: t('echarts.withTitle'), withoutTitle: t('echarts.withoutTitle') },
      series: {
        single: { prefix: '', withName: t('echarts.singleWithName'), withoutName: t('echarts.singleWithoutName') },
        multiple: {
          prefix: t('echarts.multiplePrefix'),
          withName: t('echarts.multipleWithName'),
          withoutName: t('echarts.multipleWithoutName'),
          separator: { middle: '', end: '' },
        },
      },
      data: {
        allData: t('echarts.allData'),
        partialData: t('echarts.partialData'),
        withName: t('echarts.dataWithName'),
        withoutName: t('echarts.dataWithoutName'),
        separator: { middle: ', ', end: '.' },
      },
    },
  }
}

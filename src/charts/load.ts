/**
 * The chart chunk (ECharts and the app's registration, ./echarts.ts), fetched once. A chart route starts
 * it with its view (src/router.ts), so both download side by side, but it is evaluated in a task of its
 * own: the view and its text are painted before ECharts' code runs. Nothing else imports ./echarts.ts
 * other than for types.
 */
export type ChartsModule = typeof import('./echarts.ts')

let charts: Promise<ChartsModule> | undefined

export function loadCharts(): Promise<ChartsModule> {
  charts ??= import('./echarts.ts')
  return charts
}

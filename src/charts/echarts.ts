/**
 * The one ECharts registration of the app: only what we draw. Never `import * as echarts from 'echarts'`.
 * Exports the option type, the two app themes and the PNG export helper.
 * Loaded with the first chart view (BaseChart imports it), never by the shell. What only the PNG export
 * draws (title, source line) is registered when the first PNG is made, so it loads with that click.
 */
import { init, registerLocale, registerTheme, use, type ComposeOption } from 'echarts/core'
import { LineChart, ScatterChart } from 'echarts/charts'
import type { CustomSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import { AriaComponent, GridComponent } from 'echarts/components'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { Lang } from '../i18n/lang.ts'
import { whenCatalogueLoaded } from '../i18n/translate.ts'
import { echartsLocale } from './echarts-locale.ts'
import { installLate, registerStandIns } from './late-processors.ts'

// What the first frame of a chart needs. No chart draws bars. Loaded on demand: custom series (visits
// lanes, `registerSeriesOf`), tooltip, dataZoom slider, legend, mark lines and mark points (peak pins,
// the "today" line) (`registerInteraction`, right after the first chart is drawn), title and graphic
// (PNG export).
use([CanvasRenderer, LineChart, ScatterChart, GridComponent, AriaComponent])
// The processors of the lazy components run through stand-ins every chart has from its creation
// (./late-processors.ts): a chart drawn before they load is not created again when they arrive.
registerStandIns()

/** Re-exported for BaseChart, which imports this chunk on demand (src/charts/load.ts). */
export { init }

let interaction: Promise<void> | undefined
let interactionRegistered = false

/**
 * Registers tooltip, legend, the dataZoom slider and the mark lines and points (the mentions slider is the
 * only dataZoom; no inside zoom). Nobody can point at a chart before it is drawn, so BaseChart draws first
 * without them and calls this after its first frame: they stay out of the JavaScript fetched before the
 * first chart. Their processors go to the stand-ins, so a chart already drawn gets them with a setOption.
 */
export function registerInteraction(): Promise<void> {
  interaction ??= import('./echarts-interaction.ts').then(({ INTERACTION_COMPONENTS }) => {
    use((registers) => installLate(registers, () => use(INTERACTION_COMPONENTS)))
    interactionRegistered = true
  })
  return interaction
}

export function isInteractionRegistered(): boolean {
  return interactionRegistered
}

/** `option` without the parts that need `registerInteraction` (drawn before it has loaded). */
export function withoutInteraction(option: ChartOption): ChartOption {
  const rest = { ...option }
  delete rest.tooltip
  delete rest.dataZoom
  delete rest.legend
  if (Array.isArray(rest.series) && rest.series.some((series) => 'markPoint' in series || 'markLine' in series)) {
    rest.series = rest.series.map((series) => {
      if (!('markPoint' in series) && !('markLine' in series)) return series
      const bare = { ...series }
      delete bare.markPoint
      delete bare.markLine
      return bare
    })
  }
  return rest
}

/**
 * What `withoutInteraction` left out, as options to merge into the drawn chart one at a time (each a task
 * of its own on a phone): the legend, the slider, then tooltip and the mark points and lines of each series
 * (series matched by position, with their id and type). Empty parts are skipped.
 */
export function interactionSteps(option: ChartOption): ChartOption[] {
  const steps: ChartOption[] = []
  if (option.legend !== undefined) steps.push({ legend: option.legend })
  if (option.dataZoom !== undefined && (!Array.isArray(option.dataZoom) || option.dataZoom.length > 0)) steps.push({ dataZoom: option.dataZoom })
  const series = option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series]
  const marked = series.some((one) => 'markPoint' in one || 'markLine' in one)
  if (option.tooltip !== undefined || marked) {
    steps.push({
      ...(option.tooltip !== undefined ? { tooltip: option.tooltip } : {}),
      ...(marked
        ? {
            series: series.map((one) => ({
              type: one.type,
              ...(one.id !== undefined ? { id: one.id } : {}),
              ...('markPoint' in one ? { markPoint: one.markPoint } : {}),
              ...('markLine' in one ? { markLine: one.markLine } : {}),
            })) as ChartOption['series'],
          }
        : {}),
    })
  }
  return steps
}

/** Series types not in the chart chunk, each loaded the first time an option draws one. */
const LAZY_SERIES: Readonly<Record<string, () => Promise<{ SERIES: Parameters<typeof use>[0] }>>> = {
  // visits lanes
  custom: () => import('./echarts-custom.ts'),
  // the co-mention matrix
  heatmap: () => import('./echarts-heatmap.ts'),
}
const lazyLoads = new Map<string, Promise<void>>()
const lazyRegistered = new Set<string>()

function seriesTypes(option: ChartOption): string[] {
  const series = option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series]
  return series.map((one) => one.type ?? '')
}

/**
 * Registers the series types of `option` that are not in the chart chunk (custom series of the visits
 * view, the heatmap of the co-mention view). Returns undefined when there is nothing left to load;
 * BaseChart waits for the promise before drawing.
 */
export function registerSeriesOf(option: ChartOption): Promise<void> | undefined {
  const missing = [...new Set(seriesTypes(option))].filter((type) => type in LAZY_SERIES && !lazyRegistered.has(type))
  if (missing.length === 0) return undefined
  return Promise.all(
    missing.map((type) => {
      let load = lazyLoads.get(type)
      if (!load) {
        load = (LAZY_SERIES[type] as () => Promise<{ SERIES: Parameters<typeof use>[0] }>)().then(({ SERIES }) => {
          use(SERIES)
          lazyRegistered.add(type)
        })
        lazyLoads.set(type, load)
      }
      return load
    }),
  ).then(() => undefined)
}

let exportComponents: Promise<void> | undefined

/** Title and graphic (source line) are only drawn into exported PNGs: registered on the first export. */
function registerExportComponents(): Promise<void> {
  exportComponents ??= import('./echarts-export.ts').then(({ EXPORT_COMPONENTS }) => use(EXPORT_COMPONENTS))
  return exportComponents
}

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | CustomSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | AriaComponentOption
  | TitleComponentOption
  | GraphicComponentOption
>

export const CHART_THEMES = { light: 'pm-light', dark: 'pm-dark' } as const

const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif'

function themeOf(text: string, muted: string, line: string, tooltipBg: string): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: line } },
    axisTick: { lineStyle: { color: line } },
    axisLabel: { color: muted, fontFamily: FONT },
    splitLine: { lineStyle: { color: line, opacity: 0.5 } },
    nameTextStyle: { color: muted, fontFamily: FONT },
  }
  return {
    backgroundColor: 'transparent',
    textStyle: { color: text, fontFamily: FONT },
    title: { textStyle: { color: text, fontFamily: FONT }, subtextStyle: { color: muted, fontFamily: FONT } },
    legend: { textStyle: { color: text, fontFamily: FONT } },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    tooltip: { backgroundColor: tooltipBg, borderColor: line, textStyle: { color: text, fontFamily: FONT } },
    dataZoom: { textStyle: { color: muted }, borderColor: line },
  }
}

registerTheme(CHART_THEMES.light, themeOf('#1c2330', '#5a6476', '#d5dae3', '#ffffff'))
registerTheme(CHART_THEMES.dark, themeOf('#e6e9ef', '#a9b1c0', '#3a4252', '#1d2330'))

/** The ECharts locale of each UI language (its aria descriptions, chart type and month names). */
const CHART_LOCALES: Readonly<Record<Lang, string>> = { de: 'PM-DE', en: 'PM-EN' }
// ECharts fills in what a locale leaves out from its English one (the toolbox and the legend selector,
// which no chart of the app shows), so the locale object holds only what the app's charts can say.
type ChartLocale = Parameters<typeof registerLocale>[1]
const localesRegistered = new Set<Lang>()

/**
 * The ECharts locale name of a UI language, registered on first use: building one (month and day names
 * through Intl) is work the chart chunk's evaluation need not do for a language nobody has chosen.
 */
export function chartLocale(lang: Lang): string {
  if (!localesRegistered.has(lang)) {
    registerLocale(CHART_LOCALES[lang], echartsLocale(lang) as ChartLocale)
    localesRegistered.add(lang)
  }
  return CHART_LOCALES[lang]
}
// the English catalogue is a lazy chunk: a locale registered before it arrived (German fallback words) is
// registered again with the English words when it does
whenCatalogueLoaded('en', () => {
  if (localesRegistered.has('en')) registerLocale(CHART_LOCALES.en, echartsLocale('en') as ChartLocale)
})

export interface PngExport {
  title: string
  subtitle: string
  source: string
  theme: keyof typeof CHART_THEMES
  lang: Lang
  width?: number
  height?: number
}

/**
 * Renders the option off screen with a title, the active filters and a source line, and returns a PNG
 * data URL. The chart on screen is not touched.
 */
export async function renderChartPng(option: ChartOption, meta: PngExport): Promise<string> {
  await registerExportComponents()
  const width = meta.width ?? 1200
  // Charts laid out in several grids (one panel per currency, lanes) keep their layout, moved below
  // the title block; the image grows to fit them.
  const grids = Array.isArray(option.grid) ? option.grid : null
  const shift = 84
  const lowest = grids
    ? Math.max(...grids.map((grid) => (typeof grid.top === 'number' ? grid.top : 0) + (typeof grid.height === 'number' ? grid.height : 0)))
    : 0
  const height = meta.height ?? Math.max(675, lowest + shift + 110)
  const host = document.createElement('div')
  host.style.position = 'fixed'
  host.style.left = '-20000px'
  host.style.top = '0'
  document.body.append(host)
  const chart = init(host, CHART_THEMES[meta.theme], { renderer: 'canvas', width, height, locale: chartLocale(meta.lang) })
  try {
    const background = meta.theme === 'dark' ? '#151a23' : '#ffffff'
    chart.setOption({
      ...option,
      animation: false,
      dataZoom: [],
      grid: grids
        ? grids.map((grid) => ({
            ...grid,
            left: 24,
            right: 32,
            top: typeof grid.top === 'number' ? grid.top + shift : grid.top,
            bottom: grid.height === undefined ? 70 : undefined,
          }))
        : { left: 64, right: 40, top: 150, bottom: 70, containLabel: true },
      // The legend goes under the title block (title, filters), never over it.
      ...(option.legend && !Array.isArray(option.legend)
        ? { legend: { ...option.legend, ...(grids ? {} : { type: 'plain', right: 24 }), top: shift - 8, left: 24 } }
        : {}),
      title: { text: meta.title, subtext: meta.subtitle, left: 24, top: 16 },
      graphic: [
        {
          type: 'text',
          left: 24,
          bottom: 16,
          style: { text: meta.source, fontSize: 12, fill: meta.theme === 'dark' ? '#a9b1c0' : '#5a6476' },
        },
      ],
    })
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background })
  } finally {
    chart.dispose()
    host.remove()
  }
}

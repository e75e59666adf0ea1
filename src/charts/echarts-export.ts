/**
 * The ECharts parts only the PNG export draws (title block, source line). Imported on demand by
 * renderChartPng in ./echarts.ts, which registers them; a module of its own so they stay out of the
 * chart chunk every view loads.
 */
import { GraphicComponent, TitleComponent } from 'echarts/components'

export const EXPORT_COMPONENTS = [TitleComponent, GraphicComponent]

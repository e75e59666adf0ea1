/**
 * The heatmap series (the co-mention matrix), loaded by `registerSeriesOf` in ./echarts.ts the first time
 * an option draws one. Its cells carry their own colour, so no visualMap component is needed.
 */
import { HeatmapChart } from 'echarts/charts'

export const SERIES = [HeatmapChart]

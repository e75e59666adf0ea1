/**
 * The custom series (visits lanes), loaded by `registerSeriesOf` in ./echarts.ts the first time an option
 * draws one, so the mentions view (the default route) does not fetch it.
 */
import { CustomChart } from 'echarts/charts'

export const SERIES = [CustomChart]

/**
 * Tooltip and dataZoom slider, loaded by `registerInteraction` in ./echarts.ts once the first chart is
 * drawn (nobody can hover or drag before that), so they are not part of the JavaScript fetched before it.
 */
import { DataZoomSliderComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent } from 'echarts/components'

/** Also the legend and the mark lines and points: labels on a drawn chart, drawn a moment after it. */
export const INTERACTION_COMPONENTS = [TooltipComponent, DataZoomSliderComponent, LegendComponent, MarkLineComponent, MarkPointComponent]

/**
 * Tooltip and dataZoom slider, loaded by `registerInteraction` in ./echarts.ts once the first chart is
 * drawn (nobody can hover or drag before that), so they are not part of the JavaScript fetched before it.
 */
import { DataZoomSliderComponent, TooltipComponent } from 'echarts/components'

export const INTERACTION_COMPONENTS = [TooltipComponent, DataZoomSliderComponent]

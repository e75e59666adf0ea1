/**
 * How each event status and figure kind is drawn, the same in every chart and in the controls that
 * toggle them: a colour (colour-blind safe, Okabe–Ito; lighter variants for the dark theme) AND a shape,
 * so neither alone carries the meaning.
 */
import type { EventStatus, FigureKind } from '../model/dataset.ts'

export const STATUS_COLORS: Readonly<Record<'light' | 'dark', Record<EventStatus, string>>> = {
  light: { happened: '#0b6aa8', ongoing: '#c47a00', planned: '#007a5a', invited: '#b4468f' },
  dark: { happened: '#56b4e9', ongoing: '#f0b54a', planned: '#3cc49a', invited: '#e08ac2' },
}

/** ECharts symbol per status. */
export const STATUS_SYMBOLS: Readonly<Record<EventStatus, 'circle' | 'rect' | 'triangle' | 'diamond'>> = {
  happened: 'circle',
  ongoing: 'rect',
  planned: 'triangle',
  invited: 'diamond',
}

export const KIND_COLORS: Readonly<Record<'light' | 'dark', Record<FigureKind, string>>> = {
  light: { trade_volume: '#0b6aa8', trade_target: '#c47a00', contract: '#007a5a', other: '#6b6f76' },
  dark: { trade_volume: '#56b4e9', trade_target: '#f0b54a', contract: '#3cc49a', other: '#b3b8bf' },
}

/** ECharts symbol per figure kind. */
export const KIND_SYMBOLS: Readonly<Record<FigureKind, 'circle' | 'rect' | 'triangle' | 'diamond'>> = {
  trade_volume: 'circle',
  trade_target: 'diamond',
  contract: 'rect',
  other: 'triangle',
}

/**
 * The colour ramp of the count grids (the co-mention matrix, the visits density): its own module, so the
 * Visits view loads the ramp without the co-mention chart's builder.
 */

/** The two ends of the colour ramp, as RGB. */
export const RAMP = {
  light: { low: [232, 239, 251], high: [22, 70, 160], text: ['#1c2330', '#ffffff'], empty: '#f4f6f9', line: '#ffffff' },
  dark: { low: [33, 45, 66], high: [140, 182, 255], text: ['#e6e9ef', '#0f131a'], empty: '#1b202a', line: '#151a23' },
} as const

/** The cell colour of a count: a square-root ramp from low to high, so small counts stay visible. */
export function cellColor(n: number, max: number, dark: boolean): string {
  const ramp = RAMP[dark ? 'dark' : 'light']
  const t = max <= 0 ? 0 : Math.sqrt(n / max)
  const mix = ramp.low.map((low, i) => Math.round(low + ((ramp.high[i] ?? low) - low) * t))
  return `rgb(${mix.join(', ')})`
}

import { describe, expect, it } from 'vitest'
import { periodBounds, periodOf, periodRange } from '../../../src/lib/periods.ts'

describe('periods', () => {
  it('puts a day into its ISO week, also across the new year', () => {
    expect(periodOf('2023-02-22', 'week')).toBe('2023-W08')
    expect(periodOf('2021-01-01', 'week')).toBe('2020-W53')
    expect(periodOf('2024-12-30', 'week')).toBe('2025-W01')
  })

  it('cannot place a month-only date on a day or week axis', () => {
    expect(periodOf('2023-04', 'month')).toBe('2023-04')
    expect(periodOf('2023-04', 'day')).toBeUndefined()
    expect(periodOf('2023-04', 'week')).toBeUndefined()
  })

  it('gives the first and last day of weeks and months', () => {
    expect(periodBounds('2023-W08')).toEqual({ start: '2023-02-20', end: '2023-02-26' })
    expect(periodBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' })
    expect(periodBounds('2023-05-01')).toEqual({ start: '2023-05-01', end: '2023-05-01' })
  })

  it('lists every period between two, without gaps', () => {
    expect(periodRange('2023-11', '2024-02', 'month')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(periodRange('2020-W52', '2021-W01', 'week')).toEqual(['2020-W52', '2020-W53', '2021-W01'])
    expect(periodRange('2024-02-28', '2024-03-01', 'day')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
  })

  it('stops at the cap on absurd ranges', () => {
    expect(periodRange('1000-01-01', '9999-12-31', 'day', 50)).toHaveLength(50)
  })
})

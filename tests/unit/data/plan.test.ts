import { describe, expect, it } from 'vitest'
import { monthsFor, searchOrder } from '../../../src/data/plan.ts'
import type { DatasetIndex } from '../../../src/model/layout.ts'

const part = (month: string, articles: number) => ({ month, path: `dataset.parts/${month}.json`, articles })
const INDEX = { parts: [part('2023-01', 10), part('2023-02', 20), part('2023-05', 5), part('undated', 3)] } as Pick<DatasetIndex, 'parts'> as DatasetIndex

describe('monthsFor', () => {
  it('takes the newest months of the range up to the cap, and says how many the range holds', () => {
    expect(monthsFor(INDEX, null, null)).toEqual({ months: ['2023-01', '2023-02', '2023-05', 'undated'], loaded: 38, total: 38 })
    expect(monthsFor(INDEX, null, null, 25)).toEqual({ months: ['2023-02', '2023-05'], loaded: 25, total: 38 })
    expect(monthsFor(INDEX, '2023-02-10', '2023-04-30', 1)).toEqual({ months: ['2023-02'], loaded: 20, total: 20 })
  })
})

describe('searchOrder', () => {
  it('tries the months after the hint first, then before it, undated last; without a hint the newest first', () => {
    expect(searchOrder(INDEX, new Set(), '2023-02-10')).toEqual(['2023-02', '2023-01', '2023-05', 'undated'])
    expect(searchOrder(INDEX, new Set(['2023-05']), null)).toEqual(['2023-02', '2023-01', 'undated'])
    expect(searchOrder(INDEX, new Set(), null, 2)).toEqual(['2023-05', '2023-02'])
  })
})

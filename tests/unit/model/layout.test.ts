import { describe, expect, it } from 'vitest'
import { parseDayFile } from '../../../src/model/layout.ts'

const cells = (period: unknown[]) => ({
  year: '2024',
  days: ['2024-05-16'],
  mentionCells: { period, actor: [0], outletSet: [0], mentions: [2], articles: [1] },
  articleCells: { period: [0], outletSet: [0], articles: [1] },
})

describe('cell columns', () => {
  it('take integers at or above their lowest value (-1 = undated for periods)', () => {
    expect(parseDayFile(cells([0])).ok).toBe(true)
    expect(parseDayFile(cells([-1])).ok).toBe(true)
  })

  it.each([[[-2]], [[0.5]], [['0']], [[null]]])('refuse %j, naming the column', (period) => {
    const result = parseDayFile(cells(period))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain('mentionCells.period')
  })

  it('refuse a column that is not an array', () => {
    const file = { ...cells([0]), articleCells: { period: 0, outletSet: [0], articles: [1] } }
    const result = parseDayFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain('articleCells.period')
  })
})

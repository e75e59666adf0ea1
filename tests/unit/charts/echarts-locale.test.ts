import { describe, expect, it } from 'vitest'
import { echartsLocale } from '../../../src/charts/echarts-locale.ts'

describe('echartsLocale', () => {
  it('describes charts to screen readers in German in the German UI', () => {
    const de = echartsLocale('de')
    expect(de.aria.general.withoutTitle).toBe('Dies ist ein Diagramm')
    expect(de.aria.series.multiple.prefix).toContain('{seriesCount} Datenreihen')
    expect(de.series.typeNames.line).toBe('Liniendiagramm')
    expect(de.time.month[2]).toBe('März')
    expect(de.time.dayOfWeekAbbr[0]).toBe('So')
  })

  it('and in English in the English UI', () => {
    const en = echartsLocale('en')
    expect(en.aria.general.withoutTitle).toBe('This is a chart')
    expect(en.time.month[2]).toBe('March')
  })
})

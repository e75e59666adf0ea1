import { describe, expect, it } from 'vitest'
import { laterTime } from '../../../../../pipeline/stages/extract/event-later.ts'

describe('laterTime: a time counted from the one told before', () => {
  it('counts years and months from the last time with a year, nearest first', () => {
    expect(laterTime('ein Jahr später reiste sie nach Rom', 'Im März 2016 traf sie den Papst,', [], '2020-01-10')).toMatchObject({ iso: '2017-03', from: { rule: 'later', cue: 'ein Jahr später', reference: '2016-03' } })
    expect(laterTime('Drei Monate darauf folgte der Gegenbesuch.', '', ['Im Jahr 2010 war es ruhig.', 'Im November 2018 kam der Minister.'], '2020-01-10')?.iso).toBe('2019-02')
    expect(laterTime('Zehn Jahre später kehrte er zurück.', '', ['Im Jahr 2013 reiste er erstmals nach Moskau.'], '2024-01-10')?.iso).toBe('2023')
  })

  it('dates nothing without a year told before, with a count of nothing, or for a month count from a bare year', () => {
    expect(laterTime('Ein Jahr später reiste sie nach Rom.', '', ['Am Dienstag sprach sie in Paris.'], '2020-01-10')).toBeNull()
    expect(laterTime('Zwei Monate danach reiste sie nach Rom.', '', ['Im Jahr 2013 war es ruhig.'], '2020-01-10')).toBeNull()
    expect(laterTime('Später reiste sie nach Rom.', '', ['Im März 2016 traf sie den Papst.'], '2020-01-10')).toBeNull()
  })
})

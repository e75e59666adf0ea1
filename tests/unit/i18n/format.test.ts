import { describe, expect, it } from 'vitest'
import { formatDateInput, formatNumber, formatPeriod, parseDateInput } from '../../../src/i18n/format.ts'
import { dateFormat, numberFormat } from '../../../src/i18n/intl.ts'
import { translate } from '../../../src/i18n/translate.ts'

describe('formats', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('de', 'articles.caption', { n: 3 })).toBe('3 Artikel für diese Filter, neueste zuerst')
    expect(translate('en', 'articles.caption', { n: 3 })).toBe('3 articles for these filters, newest first')
    expect(translate('de', 'articles.caption')).toContain('{n}')
  })

  it('formats days, ISO weeks and months in the chosen language', () => {
    expect(formatPeriod('de', '2023-02-22')).toBe('22.02.2023')
    expect(formatPeriod('en', '2023-02-22')).toBe('22 Feb 2023')
    expect(formatPeriod('de', '2023-W08')).toBe('KW 8/2023')
    expect(formatPeriod('en', '2023-W08')).toBe('W8 2023')
    expect(formatPeriod('de', '2023-03')).toBe('März 2023')
    expect(formatPeriod('de', 'kein Datum')).toBe('kein Datum')
  })

  it('formats numbers and shares with the locale separators', () => {
    expect(formatNumber('de', 1234.5)).toBe('1.234,5')
    expect(formatNumber('en', 1234.5)).toBe('1,234.5')
    expect(formatNumber('de', 0.25, { style: 'percent' })).toBe('25\u00a0%')
  })

  it('builds one formatter per locale and options, and keeps different ones apart', () => {
    const day = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } as const
    expect(dateFormat('de-DE', { ...day })).toBe(dateFormat('de-DE', { ...day }))
    expect(dateFormat('en-GB', day)).not.toBe(dateFormat('de-DE', day))
    expect(dateFormat('de-DE', { year: 'numeric', timeZone: 'UTC' })).not.toBe(dateFormat('de-DE', day))
    expect(numberFormat('de-DE', { notation: 'compact' })).toBe(numberFormat('de-DE', { notation: 'compact' }))
    expect(numberFormat('de-DE', { notation: 'compact' })).not.toBe(numberFormat('de-DE'))
    // A shared formatter gives the same text as a fresh one, for either language after the other.
    expect(formatPeriod('en', '2023-03')).toBe('Mar 2023')
    expect(formatPeriod('de', '2023-03')).toBe('März 2023')
    expect(formatNumber('en', 0.25, { style: 'percent' })).toBe('25%')
    expect(formatNumber('de', 0.25, { style: 'percent' })).toBe('25\u00a0%')
  })
})

describe('date fields', () => {
  it('show an ISO day as the UI language writes it', () => {
    expect(formatDateInput('2023-02-01', 'de')).toBe('01.02.2023')
    expect(formatDateInput('2023-02-01', 'en')).toBe('01/02/2023')
    expect(formatDateInput(null, 'de')).toBe('')
  })

  it('read a typed day, day first or ISO, into an ISO day', () => {
    expect(parseDateInput('1.2.2023')).toBe('2023-02-01')
    expect(parseDateInput(' 01/02/2023 ')).toBe('2023-02-01')
    expect(parseDateInput('2023-02-01')).toBe('2023-02-01')
    expect(parseDateInput('')).toBeNull()
  })

  it('refuse what is not a calendar day', () => {
    expect(parseDateInput('30.02.2023')).toBeUndefined()
    expect(parseDateInput('02/30/2023')).toBeUndefined()
    expect(parseDateInput('morgen')).toBeUndefined()
  })
})

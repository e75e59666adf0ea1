import { describe, expect, it, vi } from 'vitest'
import { de } from '../../../src/i18n/de.ts'
import { en } from '../../../src/i18n/en.ts'
import { translate } from '../../../src/i18n/translate.ts'

describe('translate', () => {
  it('picks the plural form by the language rule of n', () => {
    expect(translate('de', 'visits.count', { n: 1 })).toBe('1 Ereignis')
    expect(translate('de', 'visits.count', { n: 0 })).toBe('0 Ereignisse')
    expect(translate('en', 'visits.count', { n: 1 })).toBe('1 event')
    expect(translate('en', 'visits.count', { n: 2 })).toBe('2 events')
    expect(translate('de', 'evidence.fromArticles', { n: 1 })).toBe('aus 1 Artikel')
    expect(translate('de', 'evidence.fromArticles', { n: 3 })).toBe('aus 3 Artikeln')
    expect(translate('en', 'mentions.undated', { n: 1 })).toBe('Not drawn (no date at this grain): 1 article.')
  })

  it('writes numbers in the language number format', () => {
    expect(translate('de', 'header.articles', { n: 12345 })).toBe('12.345 Artikel')
    expect(translate('en', 'header.articles', { n: 12345 })).toBe('12,345 articles')
  })

  it('takes the other form when a plural message gets no count', () => {
    expect(translate('en', 'figures.count')).toBe('{n} figures')
  })

  it('has the same keys, each plain or plural alike, in both catalogues', () => {
    const shape = (catalogue: Record<string, unknown>) => Object.entries(catalogue).map(([key, message]) => [key, typeof message]).sort()
    expect(shape(en)).toEqual(shape(de))
  })

  it('uses the placeholders of the German message in the English one', () => {
    const placeholders = (message: unknown): string[] => [...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()
    const differ = Object.keys(de).filter(
      (key) => JSON.stringify([...new Set(placeholders(de[key as keyof typeof de]))]) !== JSON.stringify([...new Set(placeholders(en[key as keyof typeof en]))]),
    )
    expect(differ).toEqual([])
  })

  it('speaks German for English until the lazy English catalogue has loaded, then English', async () => {
    vi.resetModules() // a fresh module: the setup file loaded English into the shared one
    const fresh = await import('../../../src/i18n/translate.ts')
    expect(fresh.catalogueLoaded('en')).toBe(false)
    expect(fresh.translate('en', 'header.articles', { n: 12345 })).toBe('12.345 Artikel')
    await Promise.all([fresh.loadCatalogue('en'), fresh.loadCatalogue('en')])
    expect(fresh.catalogueLoaded('en')).toBe(true)
    expect(fresh.translate('en', 'header.articles', { n: 12345 })).toBe('12,345 articles')
  })
})

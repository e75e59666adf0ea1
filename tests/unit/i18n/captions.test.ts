import { describe, expect, it } from 'vitest'
import { figuresCaption, mentionsCaption, sourceLine, visitsCaption } from '../../../src/i18n/captions.ts'
import { DEFAULT_FILTERS } from '../../../src/lib/filters.ts'

const INDEX = { totals: { articles: 1234, wireCopies: 0, mentions: 0, events: 0, figures: 0 }, generatedAt: '2026-01-01T00:00:00.000Z' }
const NAMES = new Map([
  ['putin', 'Wladimir Putin'],
  ['xi', 'Xi Jinping'],
])

describe('export captions', () => {
  it('counts the articles of the whole index, however few records are loaded', () => {
    expect(sourceLine(INDEX, 'de')).toBe('Quelle: Moskau–Peking Pressemonitor, 1.234 Artikel, erstellt 2026-01-01')
    expect(sourceLine({ ...INDEX, totals: { ...INDEX.totals, articles: 1 } }, 'en')).toBe('Source: Moscow–Beijing Press Monitor, 1 article, built 2026-01-01')
  })

  it('names the actors of the lines drawn, marked as chosen by the view when no actor filter is set', () => {
    const caption = mentionsCaption({ actorIds: ['xi', 'putin'] }, DEFAULT_FILTERS, INDEX, NAMES, 'de')
    expect(caption.filters).toBe('Akteure: Xi Jinping, Wladimir Putin (Top-Akteure (automatisch)) · Medium: Alle Medien · Zeitraum: gesamter Korpus')
    expect(caption.source).toBe(sourceLine(INDEX, 'de'))
    const chosen = mentionsCaption({ actorIds: ['putin'] }, { ...DEFAULT_FILTERS, actors: ['putin'], outlets: [''], from: '2023-02-01' }, INDEX, NAMES, 'en')
    expect(chosen.filters).toBe('Actors: Wladimir Putin · Outlet: unknown · Period: 1 Feb 2023 – …')
  })

  it('says "all" for an empty actor or status filter in the Visits caption', () => {
    const caption = visitsCaption({ ...DEFAULT_FILTERS, status: ['planned'] }, null, INDEX, NAMES, 'de')
    expect(caption.filters).toBe('Akteure: alle · Medium: Alle Medien · Von: … · Bis: … · Stand: geplant · Spuren: Richtung')
  })

  it('names the kinds and the rate table in the Figures caption, and says when only the newest months are shown', () => {
    const caption = figuresCaption({ ...DEFAULT_FILTERS, fx: 'usd', kind: ['trade_volume'] }, { USD: 1, EUR: 1.08 }, { shown: 50000, total: 80000 }, INDEX, 'de')
    expect(caption.filters).toBe(
      'Medium: Alle Medien · Von: … · Bis: … · Art: Handel · Währung: in USD umgerechnet (1 EUR = 1,08 USD) · neueste 50.000 von 80.000 Artikeln',
    )
  })
})

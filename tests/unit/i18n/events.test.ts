import { describe, expect, it } from 'vitest'
import { eventTitle, placeName } from '../../../src/i18n/events.ts'

const names = new Map([
  ['putin', 'Wladimir Putin'],
  ['xi', 'Xi Jinping'],
  ['russia', 'Russland'],
])

describe('event titles', () => {
  it('names the place in the UI language: Peking in German, Beijing in English', () => {
    const visit = { kind: 'visit' as const, visitors: ['putin'], place: 'Peking', country: 'china' }
    expect(eventTitle(visit, names, 'de')).toBe('Besuch: Wladimir Putin → Peking')
    expect(eventTitle(visit, names, 'en')).toBe('Visit: Wladimir Putin → Beijing')
  })
  it('falls back to the host country, and to nothing, when the place is not known', () => {
    expect(eventTitle({ kind: 'visit', visitors: ['xi'], place: null, country: 'russia' }, names, 'de')).toBe('Besuch: Xi Jinping → Russland')
    expect(eventTitle({ kind: 'call', visitors: ['xi', 'putin'], place: null, country: null }, names, 'de')).toBe('Telefonat: Xi Jinping, Wladimir Putin')
  })
  it('keeps a place English writes the same way', () => {
    expect(placeName('Shanghai', 'en')).toBe('Shanghai')
    expect(placeName('Moskau', 'de')).toBe('Moskau')
  })
})

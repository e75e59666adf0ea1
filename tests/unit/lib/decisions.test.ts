import { describe, expect, it } from 'vitest'
import { explainDecision, ruleName } from '../../../src/i18n/decisions.ts'

describe('explainDecision', () => {
  it('says what was decided, from which words, against which date, by which rule', () => {
    expect(explainDecision('date', 'Mai 2024', { rule: 'weekday-month', cue: 'am Donnerstag', reference: '2024-05-16' }, 'de')).toBe(
      'Datum: Mai 2024 – aus »am Donnerstag«, bezogen auf 16.05.2024 · Wochentag → Monat des Artikels',
    )
    expect(explainDecision('year', '2018', { rule: 'relative-year', cue: 'im Vorjahr', reference: '2019-02' }, 'en')).toMatch(
      /^Year: 2018 – from “im Vorjahr”, read against .*2019 · relative year$/,
    )
  })

  it('explains who travelled when an office named them', () => {
    expect(explainDecision('visitors', 'Li Qiang', { rule: 'role-of-state', cue: 'der chinesische Premier', reference: null }, 'de')).toBe(
      'Wer: Li Qiang – aus »der chinesische Premier« · Amt mit Staat: die zuletzt genannte Person dieses Staates',
    )
  })

  it('leaves out what the decision does not have, and shows an unknown rule by its id', () => {
    expect(explainDecision('kind', null, { rule: 'brand-new-rule', cue: null, reference: null }, 'de')).toBe('Art · brand-new-rule')
    expect(ruleName('arrival', 'en')).toBe('arrival: happened')
  })
})

import { describe, expect, it } from 'vitest'
import { estimateReference } from '../../../../../pipeline/stages/time/estimate-reference.ts'
import { parseOccasions } from '../../../../../pipeline/stages/time/occasions.ts'
import { OCCASIONS } from '../../gazetteers.ts'

describe('estimateReference: the latest past point an undated text names', () => {
  it('takes the Winter Olympics by their host city, then a later month told in the past', () => {
    const text = [
      'Der Kremlchef war zu Beginn des Jahres zu den Olympischen Winterspielen in Peking gereist.',
      'Im November hielten beide Marinen eine gemeinsame Übung im Japanischen Meer ab.',
    ].join('\n')
    expect(estimateReference(text, OCCASIONS)).toBe('2022-11')
  })

  it('picks another occurrence when another host city is named', () => {
    expect(estimateReference('Damals besuchte Xi die Olympischen Winterspiele in Sotschi.', OCCASIONS)).toBe('2014-02')
  })

  it('stays null for the Olympics without a host city: the year is unknown', () => {
    expect(estimateReference('Beide Präsidenten hatten sich bei den Olympischen Winterspielen getroffen.', OCCASIONS)).toBeNull()
  })

  it('uses a reference occasion as a lower bound', () => {
    expect(estimateReference('Seit der Invasion der Ukraine hat sich der Handel mit Peking verdoppelt.', OCCASIONS)).toBe('2022-02')
  })

  it('ignores an occasion the text names as still ahead ("vor der …")', () => {
    expect(estimateReference('Die Gespräche fanden kurz vor der Invasion der Ukraine statt.', OCCASIONS)).toBeNull()
  })

  it('takes the latest explicit past month with a year', () => {
    const text = 'Im März 2023 reiste Xi nach Moskau. Im Oktober 2023 kam Putin nach Peking.'
    expect(estimateReference(text, OCCASIONS)).toBe('2023-10')
  })

  it('ignores dates in sentences about the future', () => {
    expect(estimateReference('Im Mai 2025 soll der Präsident nach Peking reisen.', OCCASIONS)).toBeNull()
  })

  it('stays null when the latest clue is a bare year', () => {
    const text = 'Im Februar 2022 unterzeichneten beide eine Erklärung. Seit 2023 wächst der Handel stark.'
    expect(estimateReference(text, OCCASIONS)).toBeNull()
  })

  it('does not let a bare month of a future sentence move the reference', () => {
    const text = 'Im Juli 2022 trafen sich die Außenminister in Bali. Im Dezember wird Xi nach Moskau reisen.'
    expect(estimateReference(text, OCCASIONS)).toBe('2022-07')
  })

  it('stays null without any dated clue', () => {
    expect(estimateReference('Im Dezember hielten beide Armeen ein Manöver ab.', OCCASIONS)).toBeNull()
  })
})

describe('parseOccasions: places per occurrence', () => {
  it('rejects a places list that does not match the dates', () => {
    const json = { occasions: [{ id: 'x', kind: 'reference', pattern: 'Spiele', places: ['Peking'], dates: [['2014-02-07', '2014-02-07'], ['2022-02-04', '2022-02-04']] }] }
    expect(() => parseOccasions(json)).toThrow(/places/)
  })
})

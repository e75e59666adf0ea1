import { describe, expect, it } from 'vitest'
import { officeHolder, parseOffices } from '../../../../../pipeline/stages/extract/quote-offices.ts'

const terms = parseOffices({
  offices: [
    { office: 'head', country: 'russia', holder: 'putin', from: '2000-05-07', to: '2008-05-07' },
    { office: 'head', country: 'russia', holder: 'medwedew', from: '2008-05-07', to: '2012-05-07' },
    { office: 'head', country: 'russia', holder: 'putin', from: '2012-05-07', to: null },
    { office: 'mayor', country: 'russia', holder: 'x', from: '2000-01-01', to: null },
    { office: 'head', country: 'china', holder: 'xi-jinping', from: 'bald', to: null },
  ],
})

describe('office table', () => {
  it('drops malformed terms (unknown office, bad dates)', () => {
    expect(terms).toHaveLength(3)
  })

  it('gives the holder on a day or in a month; in a month with two holders the one the article names', () => {
    expect(officeHolder(terms, 'head', 'russia', '2010-03-01', new Set())).toBe('medwedew')
    expect(officeHolder(terms, 'head', 'russia', '2015-03', new Set())).toBe('putin')
    expect(officeHolder(terms, 'head', 'russia', '2012-05', new Set())).toBeNull()
    expect(officeHolder(terms, 'head', 'russia', '2012-05', new Set(['medwedew']))).toBe('medwedew')
  })

  it('without a date, gives the one holder the article names, else no one', () => {
    expect(officeHolder(terms, 'head', 'russia', null, new Set(['putin']))).toBe('putin')
    expect(officeHolder(terms, 'head', 'russia', null, new Set())).toBeNull()
    expect(officeHolder(terms, 'head', 'china', '2020-01-01', new Set())).toBeNull()
  })
})

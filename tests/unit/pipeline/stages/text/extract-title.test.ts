import { describe, expect, it } from 'vitest'
import { extractTitle } from '../../../../../pipeline/stages/text/extract-title.ts'

describe('extractTitle', () => {
  it('takes the first line as the title and the rest as body', () => {
    expect(extractTitle(['Gipfel in Peking', 'Erster Absatz.'])).toEqual({ title: 'Gipfel in Peking', body: ['Erster Absatz.'] })
  })

  it('takes only the first sentence of a first line that is a whole paragraph', () => {
    const long = `Der Minister ist am Sonntag zu Gesprächen eingetroffen. ${'Die Gespräche sollen mehrere Tage dauern und viele Themen berühren. '.repeat(4)}`.trim()
    const { title, body } = extractTitle([long, 'Zweiter Absatz.'])
    expect(title).toBe('Der Minister ist am Sonntag zu Gesprächen eingetroffen.')
    expect(body[0]?.startsWith('Die Gespräche sollen')).toBe(true)
    expect(body[1]).toBe('Zweiter Absatz.')
  })

  it('gives an empty title for no lines', () => {
    expect(extractTitle([])).toEqual({ title: '', body: [] })
  })
})

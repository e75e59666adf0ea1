import { describe, expect, it } from 'vitest'
import { findQuoteSpans } from '../../../../../pipeline/stages/extract/quote-marks.ts'

/** The quoted words of each top-level quotation. */
const inner = (text: string) => findQuoteSpans(text).map((s) => text.slice(s.start, s.end))

describe('findQuoteSpans', () => {
  it('pairs German, guillemet (both ways), straight and English marks by where they stand', () => {
    expect(inner('Er sagte: „Wir kommen.“ Dann ging er.')).toEqual(['Wir kommen.'])
    expect(inner('»Wir kommen«, sagte sie.')).toEqual(['Wir kommen'])
    expect(inner('«Wir kommen», sagte sie.')).toEqual(['Wir kommen'])
    expect(inner('"Wir kommen", sagte sie.')).toEqual(['Wir kommen'])
    expect(inner('“Wir kommen”, sagte sie.')).toEqual(['Wir kommen'])
  })

  it('keeps a nested quotation of the same marks inside its outer one', () => {
    expect(inner('»Das gibt der »Eis-Seidenstraße« neuen Sinn«, sagte er.')).toEqual(['Das gibt der »Eis-Seidenstraße« neuen Sinn'])
  })

  it('counts the words between the marks and ignores apostrophes', () => {
    const [span] = findQuoteSpans('Xi’s Plan: „Wir bauen 3 neue Brücken“.')
    expect(span?.words).toBe(5)
    expect(inner('Putin’s Rede war lang.')).toEqual([])
  })

  it('keeps a quote left open to the end (a cut-off page) and a closing mark whose opening mark was lost', () => {
    expect(findQuoteSpans('Er sagte „die Lage sei sehr ernst').map((s) => s.orphan)).toEqual(['open'])
    expect(findQuoteSpans('Das hilft sehr", erklärte die Bank.').map((s) => s.orphan)).toEqual(['close'])
  })

  it('pairs mixed marks of one quotation, as crawls leave them', () => {
    expect(inner('«Wir werden uns treffen“, sagte er.')).toEqual(['Wir werden uns treffen'])
  })
})

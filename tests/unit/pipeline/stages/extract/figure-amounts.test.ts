import { describe, expect, it } from 'vitest'
import { findAmounts } from '../../../../../pipeline/stages/extract/figure-amounts.ts'

function read(text: string): [number, string][] {
  return findAmounts(text).map((a) => [a.value, a.currency])
}

describe('findAmounts: German number forms', () => {
  it('reads compound number words: "fünfundzwanzig Milliarden", "dreizehn Millionen", "dreihundert Millionen"', () => {
    expect(read('Es geht um fünfundzwanzig Milliarden Euro.')).toEqual([[25e9, 'EUR']])
    expect(read('Die Firma meldete dreizehn Millionen Rubel Verlust.')).toEqual([[13e6, 'RUB']])
    expect(read('Dafür gab es dreihundert Millionen Yuan.')).toEqual([[3e8, 'CNY']])
  })

  it('reads "eine halbe Milliarde" and the singular "Milliarde"', () => {
    expect(findAmounts('Der Fonds umfasst eine halbe Milliarde Dollar.')).toMatchObject([{ value: 5e8, currency: 'USD', surface: 'eine halbe Milliarde Dollar' }])
    expect(read('Der Zuschuss von einer Milliarde Euro kam spät.')).toEqual([[1e9, 'EUR']])
    expect(read('Es ging um 1 Milliarde Euro.')).toEqual([[1e9, 'EUR']])
  })

  it('reads amounts after hedges: "rund 1,3 Billionen Rubel", "mehr als 200 Milliarden US-Dollar", "knapp 100 Mrd. Dollar"', () => {
    expect(read('Die Summe lag bei rund 1,3 Billionen Rubel.')).toEqual([[1.3e12, 'RUB']])
    expect(read('Mehr als 200 Milliarden US-Dollar flossen, knapp 100 Mrd. Dollar davon nach Asien.')).toEqual([
      [2e11, 'USD'],
      [1e11, 'USD'],
    ])
  })

  it('reads symbols and abbreviations before and after the number: "US$ 3 Mrd.", "300 Mio. €", "€ 2,5 Mrd.", "4 Mio. Euro"', () => {
    expect(read('Gezahlt wurden US$ 3 Mrd., 300 Mio. € und € 2,5 Mrd., dazu 4 Mio. Euro.')).toEqual([
      [3e9, 'USD'],
      [3e8, 'EUR'],
      [2.5e9, 'EUR'],
      [4e6, 'EUR'],
    ])
  })

  it('reads the currency after its country: "80 Milliarden chinesische Yuan", "5 Milliarden russische Rubel"', () => {
    expect(read('Die Bank lieh 80 Milliarden chinesische Yuan und 5 Milliarden russische Rubel.')).toEqual([
      [8e10, 'CNY'],
      [5e9, 'RUB'],
    ])
  })

  it('reads the currencies of third countries: Swiss francs, yen, pounds, rupees', () => {
    expect(read('Die Schweiz sagte 1,2 Milliarden Franken zu, Japan 300 Milliarden Yen.')).toEqual([
      [1.2e9, 'CHF'],
      [3e11, 'JPY'],
    ])
    expect(read('Die Bank zahlte 4 Mio. Schweizer Franken und 2 Milliarden Pfund Sterling.')).toEqual([
      [4e6, 'CHF'],
      [2e9, 'GBP'],
    ])
    expect(read('Indien bezahlte Öl für 90 Milliarden Rupien.')).toEqual([[9e10, 'INR']])
    expect(read('Das Abkommen umfasst 150 Mrd. Yuan (rund 20 Mrd. Fr.).')).toEqual([
      [1.5e11, 'CNY'],
      [2e10, 'CHF'],
    ])
    expect(read('Kasachstan plant 900 Milliarden Tenge ein.')).toEqual([[9e11, 'KZT']])
    // a region is no currency: "in Franken" after no number
    expect(read('Die Messe in Franken zog 2 Millionen Besucher an.')).toEqual([])
  })

  it('reads a decimal point before a scale word ("10.5 Milliarden"), and keeps a thousands dot a thousands dot', () => {
    expect(read('Der Deal ist 10.5 Milliarden Dollar wert.')).toEqual([[1.05e10, 'USD']])
    expect(read('Jeder erhielt 1.500 Euro und 2.000 Dollar.')).toEqual([
      [1500, 'EUR'],
      [2000, 'USD'],
    ])
  })

  it('reads an amount inside a compound: "die 200-Milliarden-Dollar-Marke", "ein Zehn-Milliarden-Euro-Kredit"', () => {
    expect(findAmounts('Russland überschritt die 200-Milliarden-Dollar-Marke.')).toMatchObject([{ value: 2e11, currency: 'USD', surface: '200-Milliarden-Dollar' }])
    expect(read('Ein Zehn-Milliarden-Euro-Kredit wurde vereinbart.')).toEqual([[1e10, 'EUR']])
    // a compound with no number is no amount
    expect(read('Ein Milliarden-Dollar-Geschäft wurde vereinbart.')).toEqual([])
  })
})

describe('findAmounts: ranges', () => {
  it('reads both bounds of a range, the lower one with the upper one’s scale and currency', () => {
    expect(read('Die Kosten werden auf zwischen 50 und 60 Milliarden Dollar geschätzt.')).toEqual([
      [5e10, 'USD'],
      [6e10, 'USD'],
    ])
    expect(read('Analysten rechnen mit 5 bis 7 Mrd. Euro.')).toEqual([
      [5e9, 'EUR'],
      [7e9, 'EUR'],
    ])
    expect(read('Gebraucht werden 50–60 Mrd. Dollar.')).toEqual([
      [5e10, 'USD'],
      [6e10, 'USD'],
    ])
  })

  it('gives the lower bound its own scale when it has one: "500 Millionen bis eine Milliarde Euro"', () => {
    expect(read('Der Auftrag hat einen Wert von 500 Millionen bis eine Milliarde Euro.')).toEqual([
      [5e8, 'EUR'],
      [1e9, 'EUR'],
    ])
  })

  it('reads the level a change starts from: "von 108 Milliarden auf 240 Milliarden Dollar", "von 240 auf 190 Mrd. Euro"', () => {
    expect(findAmounts('Der Handel stieg von 108 Milliarden auf 240 Milliarden Dollar.')).toMatchObject([
      { value: 1.08e11, currency: 'USD', role: 'change-from' },
      { value: 2.4e11, currency: 'USD' },
    ])
    expect(read('Die Exporte fielen von 240 auf 190 Mrd. Euro.')).toEqual([
      [2.4e11, 'EUR'],
      [1.9e11, 'EUR'],
    ])
    // a change by an amount ("um 5 auf 60") is not a level changed from
    expect(read('Die Exporte stiegen um 5 auf 60 Milliarden Dollar.')).toEqual([[6e10, 'USD']])
    // nor is a year before "auf"
    expect(read('Der Handel könnte früher als ihr Ziel von 2024 auf 200 Milliarden Dollar wachsen.')).toEqual([[2e11, 'USD']])
  })

  it('reads no range from years, percentages or an "und" without "zwischen"', () => {
    expect(read('Zwischen 2019 und 2023 stieg der Handel auf 240 Milliarden Dollar.')).toEqual([[2.4e11, 'USD']])
    expect(read('Die Exporte legten um 5 bis 6 Prozent auf 60 Milliarden Dollar zu.')).toEqual([[6e10, 'USD']])
    expect(read('Es kamen 4 und 60 Milliarden Dollar zusammen.')).toEqual([[6e10, 'USD']])
    // a lower "bound" above the upper one is no range
    expect(read('Auf Seite 80 - 60 Milliarden Dollar.')).toEqual([[6e10, 'USD']])
  })
})

describe('findAmounts: not money', () => {
  it('reads no amount from Kubikmeter, Tonnen, Barrel or Prozent', () => {
    expect(read('Russland lieferte 38 Milliarden Kubikmeter Gas, 90 Millionen Tonnen Öl und 1,2 Millionen Barrel.')).toEqual([])
    expect(read('Der Handel wuchs um 26,3 Prozent.')).toEqual([])
  })

  it('does not give a unit written as a symbol the currency of the amount before it: "38 Mrd. m³"', () => {
    expect(read('Der Handel erreichte 90 Milliarden Euro, geliefert wurden 38 Mrd. m³ Gas.')).toEqual([[9e10, 'EUR']])
  })
})

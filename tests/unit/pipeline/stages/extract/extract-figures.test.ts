import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { extractFigures, findAmounts } from '../../../../../pipeline/stages/extract/extract-figures.ts'
import type { Sentence } from '../../../../../pipeline/stages/types.ts'

function sentences(...texts: string[]): Sentence[] {
  return texts.map((text, index) => ({ index, text, paragraph: index }))
}

function one(text: string, published: string | null = '2021-03-15') {
  const figures = extractFigures(sentences('Titel', text), published)
  expect(figures).toHaveLength(1)
  return figures[0]
}

describe('extractFigures: a pronoun subject', () => {
  it('takes the kind of what the sentence before named ("Der Handel wuchs … Laut Zoll belief er sich auf …")', () => {
    const [f] = extractFigures(sentences('Titel', 'Der Handel zwischen beiden Ländern wuchs kräftig.', 'Laut Zoll belief er sich 2023 auf 90 Milliarden Euro.'), '2024-01-20')
    expect(f).toMatchObject({ kind: 'trade_volume', year: 2023, kindFrom: { rule: 'pronoun-antecedent', cue: 'Handel' } })
    const [g] = extractFigures(sentences('Titel', 'Das Wetter war schlecht.', 'Laut Bericht belief er sich 2023 auf 90 Milliarden Euro.'), '2024-01-20')
    expect(g).toMatchObject({ kind: 'other' })
  })
})

describe('extractFigures: the value of a deal named before, goals beside an agreement, a level reached', () => {
  it('"Sein Wert wurde auf … beziffert" takes the kind of the deal the sentence before named, and its span of years', () => {
    const found = extractFigures(sentences('Titel', 'Beide Konzerne unterzeichneten einen Liefervertrag über 25 Jahre.', 'Sein Wert wurde auf 80 Milliarden Dollar beziffert.'), '2021-03-15')
    expect(found.map((f) => [f.kind, f.year, f.kindFrom?.rule, f.yearFrom?.rule])).toEqual([['contract', null, 'pronoun-antecedent', 'multi-year']])
    const valued = extractFigures(sentences('Titel', 'Beide Konzerne unterzeichneten einen Liefervertrag.', 'Der Chef bezifferte den Gesamtwert auf 80 Milliarden Dollar.'), '2021-03-15')
    expect(valued.map((f) => [f.kind, f.year])).toEqual([['contract', 2021]])
  })

  it('a goal told "…, wie beide vereinbart hatten" stays a goal, not a deal', () => {
    const found = extractFigures(sentences('Titel', 'Der Handel wuchs zuletzt kräftig.', 'Bis 2030 soll er auf 300 Milliarden Dollar steigen, wie beide Präsidenten früher vereinbart hatten.'), '2021-03-15')
    expect(found.map((f) => [f.kind, f.year])).toEqual([['trade_target', 2030]])
  })

  it('a level reached in reported speech ("erreicht habe") is no goal, the goal after "und" keeps its kind', () => {
    const found = extractFigures(sentences('Titel', 'Er sagte, dass der Handel im ersten Halbjahr 80 Milliarden Dollar erreicht habe und man das Ziel von 200 Milliarden Dollar erreichen werde.'), '2021-09-15')
    expect(found.map((f) => [f.value, f.kind])).toEqual([
      [8e10, 'trade_volume'],
      [2e11, 'trade_target'],
    ])
  })
})

describe('extractFigures: an amount added to the one before', () => {
  it('"Hinzu kommen …" takes the year of the amount the sentence before dated, and "Insgesamt entspricht das …" converts it', () => {
    const found = extractFigures(
      sentences('Titel', 'Die Staatsbank kündigte an, sie werde einen Fonds über 50 Milliarden Yuan auflegen.', 'Hinzu kommen 20 Milliarden Yuan für Kredite an Firmen.', 'Insgesamt entspricht das rund zehn Milliarden Dollar.'),
      '2023-10-18',
    )
    expect(found.map((f) => [f.value, f.currency, f.year, f.yearFrom?.rule])).toEqual([
      [50e9, 'CNY', 2023, 'event-year'],
      [20e9, 'CNY', 2023, 'added-to'],
      [10e9, 'USD', 2023, 'added-to'],
    ])
    // an amount added to one with no year gets none either
    const undated = extractFigures(sentences('Titel', 'Die Staatsbank werde einen Fonds über 50 Milliarden Yuan auflegen.', 'Hinzu kommen 20 Milliarden Yuan für Kredite.'), '2023-10-18')
    expect(undated.map((f) => f.year)).toEqual([null, null])
  })
})

describe('findAmounts', () => {
  it('reads "1,5 Mrd. US-Dollar" as 1.5 billion USD', () => {
    expect(findAmounts('Das Projekt kostet 1,5 Mrd. US-Dollar.')).toMatchObject([{ value: 1.5e9, currency: 'USD', surface: '1,5 Mrd. US-Dollar' }])
  })

  it('gives an amount without currency the currency of the amount before it when it repeats its scale', () => {
    expect(findAmounts('Die Ausfuhren stiegen auf 80,5 Mrd. US-Dollar, die Einfuhren auf 61,2 Mrd.')).toMatchObject([
      { value: 80.5e9, currency: 'USD' },
      { value: 61.2e9, currency: 'USD', surface: '61,2 Mrd.' },
    ])
    expect(findAmounts('Peking zahlte zehn Milliarden Yuan, Moskau zwölf Milliarden und damit mehr.')).toMatchObject([
      { value: 1e10, currency: 'CNY' },
      { value: 1.2e10, currency: 'CNY' },
    ])
  })

  it('leaves a bare amount alone before a unit noun, with another scale, or with no amount before it', () => {
    expect(findAmounts('Der Handel erreichte 90 Milliarden Euro, geliefert wurden 38 Milliarden Kubikmeter Gas.')).toHaveLength(1)
    expect(findAmounts('Der Handel erreichte 90 Milliarden Euro, die Zahl der Reisenden stieg um drei Millionen.')).toHaveLength(1)
    expect(findAmounts('Es kamen 4 Millionen, später wurden 20 Milliarden Rubel bewilligt.')).toMatchObject([{ value: 2e10, currency: 'RUB' }])
  })

  it('reads "1.500 Euro" with a thousands dot', () => {
    expect(findAmounts('Jeder erhielt 1.500 Euro.')).toMatchObject([{ value: 1500, currency: 'EUR' }])
  })

  it('reads number words: "zehn Milliarden Yuan", "eine Billion Rubel"', () => {
    expect(findAmounts('Es geht um zehn Milliarden Yuan.')).toMatchObject([{ value: 1e10, currency: 'CNY' }])
    expect(findAmounts('Die Summe liegt bei einer Billion Rubel.')).toMatchObject([{ value: 1e12, currency: 'RUB' }])
    expect(findAmounts('Es fehlen anderthalb Milliarden Euro.')).toMatchObject([{ value: 1.5e9, currency: 'EUR' }])
  })

  it('reads abbreviations and symbols: "Mio.", "Bio.", "$", "€", "USD", "Renminbi"', () => {
    expect(findAmounts('Zuschuss von 3 Mio. Euro.')).toMatchObject([{ value: 3e6, currency: 'EUR' }])
    expect(findAmounts('Schulden von 2 Bio. Rubel.')).toMatchObject([{ value: 2e12, currency: 'RUB' }])
    expect(findAmounts('Ein Kredit über $ 5 Mrd. wurde gewährt.')).toMatchObject([{ value: 5e9, currency: 'USD' }])
    expect(findAmounts('Der Preis: 40 € pro Stück und 7 USD Gebühr und 9 Renminbi.').map((a) => a.currency)).toEqual(['EUR', 'USD', 'CNY'])
  })

  it('reads amounts in any letter case the amount patterns accept, past the quick currency test', () => {
    expect(findAmounts('Putins Zusage: 5 MRD. US-DOLLAR.')).toMatchObject([{ value: 5e9, currency: 'USD' }])
    expect(findAmounts('Im Frühjahr flossen 2 Mio. yuan und 3 rmb.').map((a) => a.currency)).toEqual(['CNY', 'CNY'])
    expect(findAmounts('Am Mittwoch zahlte er 4 Rubeln, 6 ₽ und usd 7.').map((a) => a.value)).toEqual([4, 6, 7])
  })

  it('does not read percentages, units or currency compounds as money', () => {
    expect(findAmounts('Der Handel wuchs um 31,5 Prozent auf 38 Milliarden Kubikmeter.')).toEqual([])
    expect(findAmounts('Die Abkehr vom US-Dollar und der Euro-Raum.')).toEqual([])
    expect(findAmounts('Mehrere Milliarden Dollar flossen.')).toEqual([])
  })
})

describe('extractFigures', () => {
  it('finds the year a figure needs in the text only when the article cites an amount', () => {
    const figures = extractFigures(sentences('Titel', 'Im Jahr 2022 kam Putin.', 'Putins Reich zahlte im vergangenen Jahr 5 Mrd. US-Dollar für Importe.'), null)
    expect(figures).toMatchObject([{ value: 5e9, currency: 'USD', year: 2021 }])
    expect(extractFigures(sentences('Titel', 'Im Jahr 2022 kam Putin.'), null)).toEqual([])
  })

  it('classifies actual bilateral trade with its explicit year', () => {
    expect(one('Der Handel zwischen beiden Ländern erreichte im Jahr 2019 rund 110 Milliarden Dollar.')).toMatchObject({
      value: 1.1e11,
      currency: 'USD',
      year: 2019,
      kind: 'trade_volume',
    })
  })

  it('resolves "im vergangenen Jahr" against the published date', () => {
    expect(one('Im vergangenen Jahr beliefen sich die Exporte auf 12 Milliarden Euro.', '2021-03-15')).toMatchObject({ year: 2020, kind: 'trade_volume' })
  })

  it('classifies goals and forecasts as trade_target with the target year', () => {
    expect(one('Bis 2025 wollen beide Seiten den Warenaustausch auf 250 Milliarden Dollar steigern.')).toMatchObject({ year: 2025, kind: 'trade_target' })
    expect(one('Das Volumen könnte in diesem Jahr auf 90 Milliarden Dollar anwachsen.')).toMatchObject({ year: 2021, kind: 'trade_target' })
  })

  it('classifies a deal value as contract, and a multi-year contract has no year', () => {
    expect(one('Die Firmen unterzeichneten Verträge im Wert von vier Milliarden Euro.')).toMatchObject({ kind: 'contract', year: 2021 })
    expect(one('Der Liefervertrag über 25 Jahre hat einen Gesamtwert von 80 Milliarden Dollar.')).toMatchObject({ kind: 'contract', year: null })
  })

  it('classifies loans, funds and costs as other, without a year unless one is written', () => {
    expect(one('Die Bank gewährte einen Kredit von 2 Milliarden Yuan.')).toMatchObject({ kind: 'other', year: null, currency: 'CNY' })
    expect(one('Die Kosten der Brücke lagen 2016 bei 3,2 Milliarden Rubel.')).toMatchObject({ kind: 'other', year: 2016 })
  })

  it('classifies a trade surplus as other, and aid "bis 2027" is not a trade target (spread over years: no year, GUIDE)', () => {
    expect(one('Der Überschuss im Handel mit dem Nachbarland betrug 2022 rund 38 Milliarden Dollar.')).toMatchObject({ kind: 'other', year: 2022 })
    expect(one('Die Kommission plant Hilfen von 50 Milliarden Euro bis 2027.')).toMatchObject({ kind: 'other', year: null })
  })

  it('does not read an exchange rate as an amount', () => {
    expect(extractFigures(sentences('Titel', 'Der Kurs fiel auf 100 Rubel pro Dollar.'), null)).toEqual([])
  })

  it('lists a converted amount in brackets as its own figure with the same kind and year', () => {
    const figures = extractFigures(
      sentences('Titel', 'Im Jahr 2019 erreichte der Handel 400 Milliarden Dollar (etwa 360 Milliarden Euro).'),
      null,
    )
    expect(figures.map((f) => [f.value, f.currency, f.kind, f.year])).toEqual([
      [4e11, 'USD', 'trade_volume', 2019],
      [3.6e11, 'EUR', 'trade_volume', 2019],
    ])
  })

  it('lists a conversion without brackets (", umgerechnet rund") or in the next sentence ("Das entspricht …") with the same kind and year', () => {
    const plain = extractFigures(sentences('Titel', 'Der Warenaustausch erreichte 2023 1,7 Billionen Yuan, umgerechnet rund 218 Milliarden Euro.'), null)
    expect(plain.map((f) => [f.currency, f.kind, f.year])).toEqual([
      ['CNY', 'trade_volume', 2023],
      ['EUR', 'trade_volume', 2023],
    ])
    const next = extractFigures(sentences('Titel', 'Der Handel erreichte 2023 rund 20 Billionen Rubel.', 'Das entspricht etwa 205 Milliarden Euro.'), null)
    expect(next.map((f) => [f.currency, f.kind, f.year, f.sentence])).toEqual([
      ['RUB', 'trade_volume', 2023, 1],
      ['EUR', 'trade_volume', 2023, 2],
    ])
  })

  it('does not take a second amount in the same currency, or one after "und", for a conversion', () => {
    const figures = extractFigures(sentences('Titel', 'Der Handel erreichte 2023 rund 240 Milliarden Dollar, die Investitionen 10 Milliarden Dollar.'), null)
    expect(figures.map((f) => f.kind)).toEqual(['trade_volume', 'other'])
    const next = extractFigures(sentences('Titel', 'Der Handel erreichte 2023 rund 240 Milliarden Dollar.', 'Die Kosten betragen 3 Milliarden Euro.'), null)
    expect(next.map((f) => f.kind)).toEqual(['trade_volume', 'other'])
  })

  it('treats a sum counted "seit" a year as cumulative (no year)', () => {
    expect(one('Seit dem Start im Jahr 2012 summierten sich die Transaktionen auf 1,2 Billionen Rubel.')).toMatchObject({ year: null, kind: 'other' })
  })

  it('carries the kind of the previous sentence when a sentence has no cue of its own', () => {
    const figures = extractFigures(
      sentences('Titel', 'Der Handelsumsatz lag 2016 bei 70 Milliarden Dollar.', 'Im Jahr 2017 stieg er auf 84 Milliarden Dollar.'),
      null,
    )
    expect(figures.map((f) => f.kind)).toEqual(['trade_volume', 'trade_volume'])
  })

  it('keeps the year a paragraph gave its trade figures for the sentences that follow', () => {
    const input: Sentence[] = [
      { index: 0, text: 'Titel', paragraph: 0 },
      { index: 1, text: 'Im vergangenen Jahr stieg der Handel auf 240 Milliarden Dollar.', paragraph: 1 },
      { index: 2, text: 'Die Exporte beliefen sich auf 115 Milliarden Dollar.', paragraph: 1 },
      { index: 3, text: 'Die Exporte in diesem Quartal lagen bei 30 Milliarden Dollar.', paragraph: 2 },
    ]
    expect(extractFigures(input, '2025-01-14').map((f) => f.year)).toEqual([2024, 2024, 2025])
  })

  it('uses the latest year the text names when the published date is unknown', () => {
    const figures = extractFigures(
      sentences('Titel', 'Im Januar 2018 stieg der Anteil erneut.', 'Im vergangenen Jahr erreichte der Handel 87 Milliarden Dollar.'),
      null,
    )
    expect(figures[0]).toMatchObject({ year: 2017, kind: 'trade_volume' })
  })

  it('keeps the year a paragraph gave its trade for a balance that follows', () => {
    const input: Sentence[] = [
      { index: 0, text: 'Titel', paragraph: 0 },
      { index: 1, text: 'Im Jahr 2016 lag der Handel bei 69 Milliarden Dollar.', paragraph: 1 },
      { index: 2, text: 'Der Überschuss Chinas betrug 10 Milliarden Dollar.', paragraph: 1 },
    ]
    expect(extractFigures(input, '2017-06-01').map((f) => [f.kind, f.year, f.yearFrom?.rule])).toEqual([
      ['trade_volume', 2016, 'explicit-year'],
      ['other', 2016, 'paragraph-year'],
    ])
  })

  it('lists an amount restated in the article once: the statement whose year the text decides', () => {
    const input = sentences('Handel mit China erreicht 240 Milliarden Dollar', 'Im vergangenen Jahr stieg der Handel auf 240 Milliarden Dollar.', 'Der Rest ist Politik.')
    expect(extractFigures(input, '2024-05-16')).toMatchObject([{ value: 2.4e11, sentence: 1, year: 2023, yearFrom: { rule: 'relative-year' } }])
    // two different amounts stay two figures
    expect(extractFigures(sentences('Titel', 'Der Handel stieg 2023 auf 240 Milliarden Dollar.', 'Im Jahr 2022 waren es 190 Milliarden Dollar.'), null)).toHaveLength(2)
  })

  it('says how each year and kind were decided: rule, the words read, the date they were read against', () => {
    const [figure] = extractFigures(sentences('Titel', 'Im Vorjahr exportierte Russland Waren im Wert von 12 Milliarden Euro.'), '2019-02-11')
    expect(figure).toMatchObject({
      year: 2018,
      yearFrom: { rule: 'relative-year', cue: 'Vorjahr', reference: '2019-02-11' },
      kind: 'trade_volume',
      kindFrom: { rule: 'trade-cue', cue: 'Waren', reference: null },
    })
    const [converted] = extractFigures(sentences('Titel', 'Ein Kredit von 5 Milliarden Yuan (etwa 700 Millionen Dollar).'), null).slice(1)
    expect(converted).toMatchObject({ kind: 'other', kindFrom: { rule: 'finance-cue', cue: 'Kredit' }, year: null })
  })

  it('quotes the sentence each figure came from', () => {
    const input = sentences('Titel', 'Ohne Zahl.', 'Der Export brachte 5 Milliarden Euro.')
    expect(extractFigures(input, null)).toMatchObject([{ sentence: 2, quote: 'Der Export brachte 5 Milliarden Euro.', surface: '5 Milliarden Euro' }])
  })

  it('never throws on arbitrary text and quotes only input sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 5 }), (texts) => {
        const input = sentences(...texts.map((t, i) => (i % 2 ? `${t} 3,5 Mrd. Euro ${t}` : t)))
        for (const f of extractFigures(input, '2020-01-01')) {
          expect(input.some((s) => s.index === f.sentence && s.text === f.quote)).toBe(true)
          expect(Number.isFinite(f.value)).toBe(true)
          expect(f.yearFrom?.rule).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
          expect(f.kindFrom?.rule).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
        }
      }),
      { numRuns: 200 },
    )
  })
})

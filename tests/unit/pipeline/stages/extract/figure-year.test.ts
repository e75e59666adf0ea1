import { describe, expect, it } from 'vitest'
import { extractFigures } from '../../../../../pipeline/stages/extract/extract-figures.ts'
import type { Sentence } from '../../../../../pipeline/stages/types.ts'

/** The figures of one sentence (after a title), as [value, year, rule]. */
function years(text: string, published: string | null, reference: string | null = published): [number, number | null, string | undefined][] {
  const input: Sentence[] = [
    { index: 0, text: 'Titel', paragraph: 0 },
    { index: 1, text, paragraph: 1 },
  ]
  return extractFigures(input, published, reference).map((f) => [f.value, f.year, f.yearFrom?.rule])
}

describe('figure year: relative years', () => {
  it('gives a monthly amount no year, like a yearly one ("pro Monat", "monatlich")', () => {
    expect(years('Die Mehrkosten für Händler liegen bei rund 30 Mio. Euro pro Monat.', '2024-05-02')).toEqual([[3e7, null, 'recurring']])
    expect(years('Der Handel bringt monatlich 2 Milliarden Dollar ein.', '2024-05-02')).toEqual([[2e9, null, 'recurring']])
  })

  it('reads "in den ersten beiden Monaten des Jahres" as a period of the article’s year, not last year’s total', () => {
    expect(years('Die Exporte sind in den ersten beiden Monaten des Jahres auf 15 Milliarden Dollar gestiegen.', '2022-03-19')).toEqual([[1.5e10, 2022, 'month-period']])
  })

  it('dates a market’s or a firm’s turnover like trade: by the month or year it is told for', () => {
    expect(years('An der Börse wurden im Juli Yuan im Gegenwert von 2 Billionen Rubel gehandelt.', '2024-08-05')).toEqual([[2e12, 2024, 'time-phrase']])
    expect(years('Der Konzern schrieb im Vorjahr einen Verlust von 4 Milliarden Euro.', '2024-03-10')).toEqual([[4e9, 2023, 'relative-year']])
  })

  it('gives trade with no time of its own the year an early-in-the-year article’s trade figures report', () => {
    const input: Sentence[] = [
      { index: 0, text: 'Titel', paragraph: 0 },
      { index: 1, text: 'Im vergangenen Jahr stieg der Handel auf 100 Milliarden Dollar.', paragraph: 1 },
      { index: 2, text: 'China lieferte Waren für 60 Milliarden Dollar nach Russland.', paragraph: 2 },
    ]
    expect(extractFigures(input, '2019-01-14', '2019-01-14').map((f) => [f.value, f.year, f.yearFrom?.rule])).toEqual([
      [1e11, 2018, 'relative-year'],
      [6e10, 2018, 'reported-year'],
    ])
    // in June the page's year stands
    expect(extractFigures(input, '2019-06-14', '2019-06-14').map((f) => f.year)).toEqual([2018, 2019])
  })

  it('resolves "im Vorjahr", "letztes Jahr", "im laufenden Jahr", "dieses Jahres" against the publication date', () => {
    expect(years('Im Vorjahr hatte der Handel 190 Milliarden Dollar betragen.', '2024-03-10')).toEqual([[1.9e11, 2023, 'relative-year']])
    expect(years('Letztes Jahr exportierte Russland Waren im Wert von 129 Milliarden Dollar.', '2024-05-02')).toEqual([[1.29e11, 2023, 'relative-year']])
    expect(years('Im laufenden Jahr sollen die Exporte auf 150 Milliarden Dollar steigen.', '2024-05-02')).toEqual([[1.5e11, 2024, 'relative-year']])
    expect(years('Bis Ende dieses Jahres soll der Handel 300 Milliarden Dollar erreichen.', '2024-05-02')).toEqual([[3e11, 2024, 'time-phrase']])
  })

  it('resolves them against the text’s estimated reference when the page has no date, and says which', () => {
    const [figure] = extractFigures(
      [
        { index: 0, text: 'Titel', paragraph: 0 },
        { index: 1, text: 'Im vergangenen Jahr erreichte der Handel 100 Milliarden Dollar.', paragraph: 1 },
      ],
      null,
      '2019-06',
    )
    expect(figure).toMatchObject({ year: 2018, yearFrom: { rule: 'relative-year', cue: 'vergangenen Jahr', reference: '2019-06' } })
  })

  it('reads "ein Jahr zuvor" against the year its sentence names, and leaves it open when the sentence names none', () => {
    expect(years('Im Jahr 2023 stieg der Handel auf 240 Milliarden Dollar, ein Jahr zuvor waren es 190 Milliarden Dollar.', '2024-05-01')).toEqual([
      [2.4e11, 2023, 'explicit-year'],
      [1.9e11, 2022, 'year-before'],
    ])
    expect(years('Ein Jahr zuvor hatte der Handel 190 Milliarden Dollar betragen.', '2024-05-01')).toEqual([[1.9e11, null, 'year-before']])
  })

  it('gives a budget its relative year ("in diesem Jahr"), not a date a cost is due ("bis Ende des Jahres")', () => {
    expect(years('Der Verteidigungshaushalt beträgt in diesem Jahr 90 Milliarden Euro.', '2025-03-05')).toEqual([[9e10, 2025, 'relative-year']])
    expect(years('Die Ausgaben für das Militär sollen bis Ende des Jahres 90 Milliarden Euro erreichen.', '2025-03-05')).toEqual([[9e10, null, 'no-year']])
  })

  it('reads "bis zum Jahresende" as this year', () => {
    expect(years('Bis zum Jahresende soll der Handel 250 Milliarden Dollar erreichen.', '2024-05-01')).toEqual([[2.5e11, 2024, 'relative-year']])
  })

  it('takes a named year over a relative comparison: "2023 … gegenüber dem Vorjahr"', () => {
    expect(years('2023 stieg der Warenaustausch gegenüber dem Vorjahr um 26 Prozent auf 240 Milliarden Dollar.', '2024-01-12')).toEqual([[2.4e11, 2023, 'explicit-year']])
  })
})

describe('figure year: a period of months within a year', () => {
  it('gives "von Januar bis Mai", "in den ersten fünf Monaten" the year of the latest such period up to the page date', () => {
    expect(years('Von Januar bis Mai stieg der Handel um 5 Prozent auf 95 Milliarden Dollar.', '2024-06-20')).toEqual([[9.5e10, 2024, 'month-period']])
    expect(years('Von Januar bis Mai stieg der Handel um 5 Prozent auf 95 Milliarden Dollar.', '2024-03-01')).toEqual([[9.5e10, 2023, 'month-period']])
    expect(years('In den ersten fünf Monaten wuchs der Handel auf 95 Milliarden Dollar.', '2024-06-03')).toEqual([[9.5e10, 2024, 'month-period']])
    expect(years('In den ersten elf Monaten des Jahres erreichte der Handel 218 Milliarden Dollar.', '2024-01-10')).toEqual([[2.18e11, 2023, 'month-period']])
    expect(years('Im ersten Halbjahr dieses Jahres lagen die Exporte bei 60 Milliarden Dollar.', '2024-08-10')).toEqual([[6e10, 2024, 'month-period']])
  })

  it('gives a period its written year, whatever the page date', () => {
    expect(years('Im ersten Quartal 2018 lagen die Exporte bei 12 Milliarden Dollar.', '2019-02-01')).toEqual([[1.2e10, 2018, 'explicit-year']])
    expect(years('In den ersten sieben Monaten 2023 stieg der Handel auf 134 Milliarden Dollar.', null)).toEqual([[1.34e11, 2023, 'explicit-year']])
  })

  it('leaves a period of "this year" without a year when the page has no date, even with an estimated reference', () => {
    expect(years('In den ersten sieben Monaten des Jahres stieg der Handel auf 134 Milliarden Dollar.', null, '2023-09')).toEqual([[1.34e11, null, 'month-period']])
  })

  it('reads a single month as a month, not a period: "im Mai" told in March is last May', () => {
    expect(years('Im Mai stieg der Handel auf 20 Milliarden Dollar.', '2024-03-05')).toEqual([[2e10, 2023, 'time-phrase']])
  })
})

describe('figure year: a year named only as a comparison', () => {
  it('does not take the year a change is measured against', () => {
    expect(years('Der Handel legte 2023 um 30 Prozent gegenüber 2021 auf 240 Milliarden Dollar zu.', '2024-06-01')).toEqual([[2.4e11, 2023, 'explicit-year']])
    expect(years('Der Handel legte um 30 Prozent gegenüber 2021 auf 190 Milliarden Dollar zu.', '2022-11-01')).toEqual([[1.9e11, 2022, 'publication-year']])
    expect(years('Die Exporte stiegen im Vergleich zum Vorjahr um zwölf Prozent auf 50 Milliarden Euro.', '2023-07-01')).toEqual([[5e10, 2023, 'publication-year']])
    expect(years('Mit 190 Milliarden Dollar lag der Handel 30 Prozent über dem Niveau von 2021.', '2022-11-01')).toEqual([[1.9e11, 2022, 'publication-year']])
    expect(years('Die Importe erreichten 2023 ein Plus von 12 Prozent zum Vorjahr und 90 Milliarden Dollar.', '2024-06-01')).toEqual([[9e10, 2023, 'explicit-year']])
    expect(years('Die Importe stiegen um 12 Prozent zum Vorjahr auf 90 Milliarden Dollar.', '2023-07-01')).toEqual([[9e10, 2023, 'publication-year']])
  })

  it('takes "im Vorjahr" and a temporal "als 2014" that are not comparisons', () => {
    expect(years('Die Exporte erreichten im Vorjahr 50 Milliarden Euro.', '2023-07-01')).toEqual([[5e10, 2022, 'relative-year']])
    expect(years('Als 2014 der Vertrag über 400 Milliarden Dollar unterzeichnet wurde, jubelte Gazprom.', '2019-12-02')).toEqual([[4e11, 2014, 'explicit-year']])
  })
})

describe('figure year: annual statistics published early in the next year', () => {
  it('gives a reached level of trade told in the past, with no time named, in January to March the year before', () => {
    expect(years('Der Handel zwischen beiden Ländern stieg auf 240 Milliarden Dollar.', '2024-01-12')).toEqual([[2.4e11, 2023, 'annual-total']])
    expect(years('Im Gesamtjahr erreichte der Warenaustausch 240 Milliarden Dollar.', '2024-02-20')).toEqual([[2.4e11, 2023, 'annual-total']])
  })

  it('does not when the article is of later in the year, the level is told as current, or the amount is a goal', () => {
    expect(years('Der Handel zwischen beiden Ländern stieg auf 240 Milliarden Dollar.', '2024-06-12')).toEqual([[2.4e11, 2024, 'publication-year']])
    expect(years('Der Handel beträgt derzeit rund 240 Milliarden Dollar.', '2024-01-12')).toEqual([[2.4e11, 2024, 'publication-year']])
    expect(years('Der Handel stieg inzwischen auf 240 Milliarden Dollar.', '2024-01-12')).toEqual([[2.4e11, 2024, 'publication-year']])
    expect(years('Der Handel soll auf 300 Milliarden Dollar steigen.', '2024-01-12')).toEqual([[3e11, null, 'no-year']])
  })

  it('does not on an estimated reference: the page’s own date is needed', () => {
    expect(years('Der Handel zwischen beiden Ländern stieg auf 240 Milliarden Dollar.', null, '2024-01')).toEqual([[2.4e11, 2024, 'reference-year']])
  })

  it('reads the time of money someone will or plans to raise ahead of the page, a past one behind it', () => {
    expect(years('Das Ministerium will im Dezember Anleihen über 20 Milliarden Yuan ausgeben.', '2025-10-14')).toEqual([[2e10, 2025, 'time-phrase']])
    expect(years('Das Ministerium gab im Dezember Anleihen über 20 Milliarden Yuan aus.', '2025-10-14')).toEqual([[2e10, 2024, 'time-phrase']])
  })

  it('reads a fall told in the past as the year\'s total too ("fielen auf", "ging zurück")', () => {
    expect(years('Die Ausfuhren nach Russland fielen auf 90 Milliarden Dollar.', '2024-01-15')).toEqual([[9e10, 2023, 'annual-total']])
    expect(years('Der Warenverkehr ging auf 200 Milliarden Dollar zurück.', '2024-02-03')).toEqual([[2e11, 2023, 'annual-total']])
  })

  it('reads "im Vorjahr" after the year just ended as the year before it, in an article of January to March', () => {
    const paragraphs = (published: string) =>
      extractFigures(
        [
          { index: 0, text: 'Titel', paragraph: 0 },
          { index: 1, text: 'Der Handel stieg im vergangenen Jahr auf 210 Milliarden Dollar.', paragraph: 1 },
          { index: 2, text: 'Im Vorjahr hatte er bei 180 Milliarden Dollar gelegen.', paragraph: 2 },
        ],
        published,
      ).map((f) => [f.value, f.year, f.yearFrom?.rule])
    expect(paragraphs('2024-01-20')).toEqual([
      [2.1e11, 2023, 'relative-year'],
      [1.8e11, 2022, 'year-before-reported'],
    ])
    // later in the year "im vergangenen Jahr" and "im Vorjahr" are the same year
    expect(paragraphs('2024-07-20')).toEqual([
      [2.1e11, 2023, 'relative-year'],
      [1.8e11, 2023, 'relative-year'],
    ])
  })
})

describe('figure year: loans, funds, deals', () => {
  it('gives money lent or granted at a dated event that event’s year, from the page date if needed', () => {
    expect(years('Die Entwicklungsbank gewährt einen Kredit über 9 Milliarden Dollar.', '2019-04-26')).toEqual([[9e9, 2019, 'event-year']])
    expect(years('Peking stellt eine Kreditlinie von 10 Milliarden Yuan bereit.', '2019-04-26')).toEqual([[1e10, 2019, 'event-year']])
    expect(years('Beim Gipfel am Dienstag vereinbarten beide Seiten einen Kredit über 5 Milliarden Dollar.', '2019-04-26')).toEqual([[5e9, 2019, 'time-phrase']])
    expect(years('Im Mai 2014 sagte China einen Kredit über 5 Milliarden Dollar zu.', '2019-04-26')).toEqual([[5e9, 2014, 'explicit-year']])
    expect(years('Die Notenbanken unterzeichneten ein Swap-Abkommen über 100 Milliarden Yuan.', '2019-04-26')).toEqual([[1e11, 2019, 'event-year']])
    // a pledge made at the event, whatever it pledges for later: the pledge is the dated news
    expect(years('Die Staatsbank sagte der Reederei einen Kredit über 2 Milliarden Euro zu.', '2019-04-26')).toEqual([[2e9, 2019, 'event-year']])
    // the particle at the clause's end after a long object, not a "zu" inside it
    expect(years('Die staatliche Förderbank sagte der größten Reederei des Landes einen Kredit über 2 Milliarden Euro zu.', '2019-04-26')).toEqual([[2e9, 2019, 'event-year']])
    expect(years('Die Bank sagte, der größten Reederei des Landes fehle ein Kredit über 2 Milliarden Euro zu guten Bedingungen.', '2019-04-26')).toEqual([[2e9, null, 'no-year']])
    expect(years('Der Präsident kündigte an, die Förderbanken würden Kreditlinien über 50 Milliarden Yuan öffnen.', '2019-04-26')).toEqual([[5e10, 2019, 'event-year']])
    expect(years('Peking hat weitere 20 Milliarden Yuan für den Entwicklungsfonds angekündigt.', '2019-04-26')).toEqual([[2e10, 2019, 'event-year']])
  })

  it('gives no year to money spread over years, recurring, intended, or lent at no date the text names', () => {
    expect(years('China gewährt über fünf Jahre Kredite von insgesamt 10 Milliarden Dollar.', '2019-04-26')).toEqual([[1e10, null, 'multi-year']])
    expect(years('Die Kommission plant Hilfen von 50 Milliarden Euro bis 2027.', '2021-03-15')).toEqual([[5e10, null, 'multi-year']])
    expect(years('Peking zahlt jährlich 2 Milliarden Yuan in den Fonds ein.', '2019-04-26')).toEqual([[2e9, null, 'recurring']])
    expect(years('China werde 40 Milliarden Dollar in einen Fonds stecken.', '2019-04-26')).toEqual([[4e10, null, 'no-year']])
    expect(years('Die Bank gewährte einen Kredit von 2 Milliarden Yuan.', '2019-04-26')).toEqual([[2e9, null, 'no-year']])
    expect(years('China hat in Russland bislang rund 30 Milliarden Dollar investiert.', '2019-04-26')).toEqual([[3e10, null, 'cumulative']])
    // "insgesamt" is a package's total, not a sum over time
    expect(years('Die Bank vergibt Kredite über insgesamt 10 Milliarden Dollar.', '2019-04-26')).toEqual([[1e10, 2019, 'event-year']])
  })

  it('gives a deal told as news the article’s year, a multi-year deal none', () => {
    expect(years('Die Firmen unterzeichneten Verträge im Wert von vier Milliarden Euro.', '2021-03-15')).toEqual([[4e9, 2021, 'publication-year']])
    expect(years('Russland soll China 30 Jahre lang Gas im Wert von 400 Milliarden Dollar liefern.', '2014-05-21')).toEqual([[4e11, null, 'multi-year']])
    expect(years('Die Konzerne schlossen einen Zehnjahresvertrag im Wert von 80 Milliarden Dollar.', '2014-05-21')).toEqual([[8e10, null, 'multi-year']])
    expect(years('Der 25-Jahres-Vertrag hat einen Umfang von 20 Milliarden Euro.', '2014-05-21')).toEqual([[2e10, null, 'multi-year']])
  })

  it('gives a recurring trade amount no year, and a trade level "seit" a year the year of the article', () => {
    expect(years('Russland verkauft jährlich Öl im Wert von 60 Milliarden Dollar an China.', '2024-04-26')).toEqual([[6e10, null, 'recurring']])
    expect(years('Der Handel beträgt rund 200 Milliarden Dollar im Jahr.', '2024-04-26')).toEqual([[2e11, null, 'recurring']])
    expect(years('Der Handel ist seit 2019 um die Hälfte auf 240 Milliarden Dollar gestiegen.', '2024-06-26')).toEqual([[2.4e11, 2024, 'publication-year']])
    expect(years('Seit 2019 summierten sich die Exporte auf insgesamt 600 Milliarden Dollar.', '2024-06-26')).toEqual([[6e11, null, 'cumulative']])
  })
})

describe('figure year: the level a change starts from', () => {
  it('is of the year the change is counted from, else of the year before the level reached', () => {
    expect(years('Der Handel hat sich seit 2020 von 108 Milliarden auf 240 Milliarden Dollar mehr als verdoppelt.', '2024-01-20')).toEqual([
      [1.08e11, 2020, 'change-from'],
      [2.4e11, 2023, 'annual-total'],
    ])
    expect(years('Im vergangenen Jahr stieg der Handel von 190 auf 240 Milliarden Dollar.', '2024-05-20')).toEqual([
      [1.9e11, 2022, 'change-from'],
      [2.4e11, 2023, 'relative-year'],
    ])
  })

  it('has no year when the level reached has none of its own', () => {
    expect(years('Der Handel stieg von 190 auf 240 Milliarden Dollar.', '2024-05-20')).toEqual([
      [1.9e11, null, 'change-from'],
      [2.4e11, 2024, 'publication-year'],
    ])
  })
})

describe('figure year: a goal beside a level reached', () => {
  it('does not give a goal the year of the level reached before it in the sentence', () => {
    expect(years('Im Jahr 2023 stieg der Handel auf 240 Milliarden Dollar und übertraf das Ziel von 200 Milliarden Dollar.', null)).toEqual([
      [240e9, 2023, 'explicit-year'],
      [200e9, null, 'no-year'],
    ])
  })

  it('keeps a year named with the goal', () => {
    expect(years('Das Ziel von 200 Milliarden Dollar soll bis 2024 erreicht werden.', null)[0]?.[1]).toBe(2024)
  })
})

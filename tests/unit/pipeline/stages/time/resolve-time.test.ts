import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { dayForWeekday, parseReference, yearForMonth } from '../../../../../pipeline/stages/time/time-reference.ts'
import { eventDate, findTimeMentions, resolveTime } from '../../../../../pipeline/stages/time/resolve-time.ts'

function first(text: string, published: string | null, tense: 'past' | 'present' | 'future' = 'past') {
  const m = findTimeMentions(text, published, tense)[0]
  return m ? { text: m.text, kind: m.kind, iso: m.ref?.iso ?? null, approx: m.ref?.approx ?? null, preposition: m.preposition } : undefined
}

describe('resolveTime', () => {
  it('reads "4. Februar 2022" as 2022-02-04', () => {
    expect(resolveTime('Der Kanzler reiste am 4. Februar 2022 nach Paris.', null)).toEqual({ iso: '2022-02-04', approx: false })
  })

  it('reads a range "vom 22. bis 24. Oktober" as its first day', () => {
    expect(first('Er wird vom 22. bis 24. Oktober erwartet.', '2024-10-16', 'future')).toMatchObject({ iso: '2024-10-22', kind: 'date', preposition: 'vom' })
  })

  it('dates a known occasion to the day: "einen Tag nach dem Amtsantritt von Trump", the Olympic opening', () => {
    expect(resolveTime('Einen Tag nach dem Amtsantritt von Trump telefonierte Xi mit Putin.', '2025-03-01')).toEqual({ iso: '2025-01-21', approx: false })
    expect(resolveTime('Pünktlich zur Eröffnung der Olympischen Winterspiele traf er ein.', '2022-02')).toEqual({ iso: '2022-02-04', approx: false })
    expect(resolveTime('Zur Eröffnung der Olympischen Winterspiele reiste er an.', null)).toBeUndefined()
    // a trip still to come goes to the next occurrence; told as past, to the latest one
    expect(resolveTime('Die Ministerin werde zur Eröffnung der Olympischen Winterspiele reisen.', '2021-09-17', 'future')).toEqual({ iso: '2022-02-04', approx: false })
    expect(resolveTime('Die Ministerin reiste zur Eröffnung der Olympischen Winterspiele.', '2021-09-17')).toEqual({ iso: '2018-02-09', approx: false })
  })

  it('reads a numeric date "11.9.2018"', () => {
    expect(resolveTime('Gemeldet am 11.9.2018 in Wien.', null)?.iso).toBe('2018-09-11')
  })

  it('reads "am 14. Februar" without a year in the year of the reference, forward for planned trips', () => {
    expect(resolveTime('Am 14. Februar reist er nach Rom.', '2022-02-04', 'future')?.iso).toBe('2022-02-14')
    expect(resolveTime('Am 3. Januar reist er nach Rom.', '2022-12-20', 'future')?.iso).toBe('2023-01-03')
  })

  it('reads "im Frühjahr" as the season start month, approximate, in the coming year for plans', () => {
    expect(first('Ein Besuch ist im Frühjahr vorgesehen.', '2023-02-22', 'future')).toMatchObject({ iso: '2023-03', approx: true, kind: 'season' })
    expect(first('Der Minister will im Herbst kommen.', '2023-12-10', 'future')).toMatchObject({ iso: '2024-09', approx: true })
  })

  it('reads "im Frühling 2023" and "im Herbst des vergangenen Jahres"', () => {
    expect(resolveTime('Die Reise fand im Frühling 2023 statt.', null)).toEqual({ iso: '2023-03', approx: true })
    expect(resolveTime('Sie trafen sich im Herbst des vergangenen Jahres.', '2020-05-01')).toEqual({ iso: '2019-09', approx: true })
  })

  it('reads "Anfang Januar" as January, approximate', () => {
    expect(first('Die Ministerin telefonierte Anfang Januar mit ihm.', '2023-02-22')).toMatchObject({ iso: '2023-01', approx: true, kind: 'season' })
  })

  it('reads "Mitte März 2021" and "Ende des Jahres"', () => {
    expect(resolveTime('Mitte März 2021 begann die Übung.', null)).toEqual({ iso: '2021-03', approx: true })
    expect(resolveTime('Die Leitung soll bis Ende des Jahres fertig sein.', '2019-12-02')).toEqual({ iso: '2019-12', approx: true })
  })

  it('reads "im vergangenen Jahr" relative to the published date', () => {
    expect(first('Im vergangenen Jahr wuchs der Handel deutlich.', '2024-05-16')).toMatchObject({ iso: '2023', kind: 'year' })
    expect(first('In diesem Jahr soll er weiter wachsen.', '2024-05-16')).toMatchObject({ iso: '2024' })
  })

  it('reads the other forms of a relative year: "letztes Jahr", "vergangenes Jahr", "nächstes Jahr", "diesen Jahres", "im abgelaufenen Jahr"', () => {
    expect(first('Letztes Jahr kam er zweimal.', '2024-05-16')).toMatchObject({ iso: '2023', kind: 'year' })
    expect(first('Vergangenes Jahr kam er nicht.', '2024-05-16')).toMatchObject({ iso: '2023' })
    expect(first('Nächstes Jahr will sie wiederkommen.', '2024-05-16')).toMatchObject({ iso: '2025' })
    expect(first('Im Laufe diesen Jahres soll es so weit sein.', '2024-05-16')).toMatchObject({ iso: '2024' })
    expect(first('Im abgelaufenen Jahr fiel der Absatz.', '2024-01-20')).toMatchObject({ iso: '2023' })
    // a part of a month: that month ("Ende des Monats", "Anfang nächsten Monats")
    expect(first('Ende des Monats reist sie nach Rom.', '2025-08-19', 'present')).toMatchObject({ text: 'Ende des Monats', iso: '2025-08', kind: 'month' })
    expect(first('Anfang nächsten Monats reist sie nach Rom.', '2025-08-19', 'present')).toMatchObject({ iso: '2025-09' })
    // a month with a relative year in the genitive, with or without "des"
    expect(first('Sie trafen sich im Juni vergangenen Jahres.', '2020-04-10')).toMatchObject({ text: 'im Juni vergangenen Jahres', iso: '2019-06', kind: 'month' })
    expect(first('Im Mai nächsten Jahres soll er kommen.', '2020-04-10', 'future')).toMatchObject({ iso: '2021-05' })
    // after "das": "für das kommende Jahr", "das vergangene Jahr"
    expect(first('Ein Besuch ist für das kommende Jahr geplant.', '2024-05-16')).toMatchObject({ iso: '2025', kind: 'year' })
    expect(first('Das vergangene Jahr war schwierig.', '2024-05-16')).toMatchObject({ iso: '2023' })
    // a year named after the words is the year itself
    expect(first('Im darauffolgenden Jahr 2017 stieg er.', '2024-05-16')).toMatchObject({ iso: '2017' })
  })

  it('reads "im Vorjahr" as the year before the reference, with the preposition that gives its role', () => {
    expect(first('Im Vorjahr waren es noch weniger.', '2019-02-11')).toMatchObject({ text: 'Vorjahr', iso: '2018', kind: 'year', preposition: 'im' })
    expect(first('Die Zahl stieg gegenüber dem Vorjahr.', '2019-02-11')).toMatchObject({ iso: '2018', preposition: 'gegenüber' })
    expect(first('Die Bilanz des Vorjahres fiel schwach aus.', '2019-02-11')).toMatchObject({ iso: '2018' })
    expect(resolveTime('im Vorjahr', null)).toBeUndefined()
  })

  it('does not read the comparison nouns "Vorjahreszeitraum", "Vorjahresniveau", "Vorjahres-Wert" as a year', () => {
    expect(findTimeMentions('Das Plus gegenüber dem Vorjahreszeitraum lag bei zehn Prozent.', '2019-02-11')).toEqual([])
    expect(findTimeMentions('Sie liegt über dem Vorjahresniveau und dem Vorjahres-Wert.', '2019-02-11')).toEqual([])
  })

  it('reads "vor wenigen Wochen" and "vor zwei Monaten" back from the reference; vague counts are approximate months', () => {
    expect(first('Die Ministerin war vor wenigen Wochen in Rom.', '2023-06-10')).toMatchObject({ text: 'vor wenigen Wochen', iso: '2023-05', approx: true })
    expect(first('Vor zwei Monaten reiste der Gesandte nach Kiew.', '2023-06-10')).toMatchObject({ iso: '2023-04', approx: false })
    expect(first('Vor einigen Tagen traf er in Peking ein.', '2023-06-02')).toMatchObject({ iso: '2023-05', approx: true })
    // counted days and weeks stay chrono's, to the day
    expect(first('Er war vor 3 Tagen in Moskau.', '2023-06-10')).toMatchObject({ iso: '2023-06-07', kind: 'date' })
  })

  it('dates the clause after "nachdem" when the main clause says how long before: "findet Wochen statt, nachdem …"', () => {
    const text = 'Das Treffen findet Wochen statt, nachdem die Ministerin nach Peking geflogen ist.'
    const [mention] = findTimeMentions(text, '2023-06-20')
    expect(mention).toMatchObject({ text: 'Wochen statt,', ref: { iso: '2023-05', approx: true } })
    // placed on "nachdem", inside the clause it dates
    expect(text.slice(mention?.start, mention?.end)).toBe('nachdem')
    expect(first('Drei Monate nachdem der Gesandte in Kiew war, reist nun der Präsident.', '2023-06-20')).toMatchObject({ iso: '2023-03' })
  })

  it('reads "vorigen Monat" and "in den kommenden Monaten"', () => {
    expect(resolveTime('Vorigen Monat war er in Berlin.', '2017-06')?.iso).toBe('2017-05')
    expect(resolveTime('Sie will in den kommenden Monaten reisen.', '2023-02-22', 'future')).toEqual({ iso: '2023-03', approx: true })
  })

  it('reads "am Mittwoch" as the latest Wednesday up to the published day, and as the month only for events', () => {
    const m = findTimeMentions('Der Gast wurde am Mittwoch empfangen.', '2023-02-24')[0]
    expect(m?.ref?.iso).toBe('2023-02-22')
    expect(m && eventDate(m)).toEqual({ iso: '2023-02', approx: false })
  })

  it('reads "heute" and "morgen" but not "am Morgen" or "morgige"', () => {
    expect(first('Er empfängt heute den Gast.', '2018-06-08')).toMatchObject({ iso: '2018-06-08', kind: 'today' })
    expect(findTimeMentions('Am Morgen sprach er über die morgige Sitzung.', '2018-06-08')).toEqual([])
  })

  it('reads "im Mai" in the past for past tense and ahead for planned trips', () => {
    expect(resolveTime('Im Mai besuchte er die Stadt.', '2024-04-26', 'past')?.iso).toBe('2023-05')
    expect(resolveTime('Er plant für Mai eine Reise.', '2024-04-26', 'future')?.iso).toBe('2024-05')
  })

  it('records the preposition that bounds a date: "ab Februar 2022", "seit 2019", "bis 2024"', () => {
    expect(first('Der Vertrag gilt ab Februar 2022 für fünf Jahre.', null)?.preposition).toBe('ab')
    expect(first('Seit 2019 wächst der Austausch.', null)?.preposition).toBe('seit')
    expect(first('Das Ziel soll bis 2024 erreicht werden.', null)?.preposition).toBe('bis')
  })

  it('ignores chrono false hits: "Fr" in "Frühjahr", "so", "von 2024" as a time of day, amounts', () => {
    expect(findTimeMentions('so sei es', '2023-02-22')).toEqual([])
    const spring = findTimeMentions('im Frühjahr', null)
    expect(spring.map((m) => m.text)).toEqual(['Frühjahr'])
    expect(spring[0]?.ref).toBeNull()
    const texts = findTimeMentions('Der Wert stieg von 2024 auf 2050 Millionen und 2000 Dollar.', null).map((m) => m.text)
    expect(texts).toEqual(['2024'])
  })

  it('reads a year before a noun, but not a round count of things', () => {
    expect(findTimeMentions('Der Plan sieht 2024 Ausgaben vor.', null).map((m) => m.text)).toEqual(['2024'])
    expect(findTimeMentions('Es kamen 2000 Soldaten.', null)).toEqual([])
  })

  it('does not read a season out of a compound like "Winterspiele"', () => {
    expect(findTimeMentions('Er kam zu den Olympischen Winterspielen.', '2022-02-04')).toEqual([])
  })

  it('needs a reference for relative expressions', () => {
    expect(resolveTime('im vergangenen Jahr', null)).toBeUndefined()
    expect(parseReference('2023-02')).toEqual({ year: 2023, month: 2, day: null })
    expect(parseReference('kein Datum')).toBeUndefined()
  })

  it('picks the year of a month and a weekday in both directions', () => {
    const ref = { year: 2023, month: 2, day: 22 }
    expect(yearForMonth(12, ref, 'past')).toBe(2022)
    expect(yearForMonth(1, ref, 'future')).toBe(2024)
    expect(dayForWeekday(1, ref, 'future')?.iso).toBe('2023-02-27')
    expect(dayForWeekday(1, ref, 'past')?.iso).toBe('2023-02-20')
    expect(dayForWeekday(5, ref, 'present')?.iso).toBe('2023-02-24')
    expect(dayForWeekday(1, ref, 'present')?.iso).toBe('2023-02-20')
  })

  it('asks chrono about a sentence with a digit (a date written with spaces), and reads digit-free expressions itself', () => {
    expect(first('Putins Besuch endete vor 3 Tagen in Peking.', '2022-02-10')).toMatchObject({ iso: '2022-02-07', kind: 'date' })
    expect(first('Die Zusage über 5 Mrd. US-Dollar kam am 04/02.', '2022-02-10')).toMatchObject({ iso: '2022-02-04', kind: 'date' })
    // each kind of cue chrono's day-and-month dates start from: a count of hours, weeks, minutes, a casual day word
    expect(first('Putin landete vor 36 h in Peking.', '2022-02-10')).toMatchObject({ iso: '2022-02-09', kind: 'date' })
    expect(first('Putins Gast kam vor 2 Wochen an.', '2022-02-10')).toMatchObject({ iso: '2022-01-27', kind: 'date' })
    expect(first('Die Maschine landete vor 3 Minuten.', '2022-02-10')).toMatchObject({ iso: '2022-02-10', kind: 'date' })
    expect(first('Er kam vorgestern um 15:30 an.', '2022-02-10')).toMatchObject({ iso: '2022-02-08', kind: 'date' })
    // chrono is asked about the stretches between the expressions already read
    expect(
      findTimeMentions('Am 4. Februar 2022 kam Putin, vor 3 Tagen Xi mit 5 Mrd. US-Dollar.', '2022-02-10').map((m) => [m.text, m.ref?.iso]),
    ).toEqual([
      ['4. Februar 2022', '2022-02-04'],
      [' vor 3 Tagen', '2022-02-07'],
    ])
    // a sentence with digits but none of those cues has no chrono date: "5 Mrd. US-Dollar", a year
    expect(findTimeMentions('Putins Zusage über 5 Mrd. US-Dollar galt 2022.', '2022-02-10').map((m) => m.kind)).toEqual(['year'])
    expect(first('Im Frühjahr reiste er nach Peking.', '2023-06-01')).toMatchObject({ iso: '2023-03', kind: 'season', approx: true })
    expect(first('Am Mittwoch sprach er mit Xi.', '2023-02-24')).toMatchObject({ iso: '2023-02-22', kind: 'weekday' })
  })

  it('reads a weekday with the time of day ("am Dienstagabend") as that weekday, not the habitual "dienstagabends"', () => {
    expect(first('Am Dienstagabend flog sie nach Wien.', '2024-07-11')).toMatchObject({ iso: '2024-07-09', kind: 'weekday' })
    expect(first('Am Sonntagmorgen landete er in Minsk.', '2024-07-11')).toMatchObject({ iso: '2024-07-07', kind: 'weekday' })
    expect(findTimeMentions('Dienstagabends trifft sich der Rat.', '2024-07-11', 'present').map((m) => m.kind)).not.toContain('weekday')
  })

  it('answers a repeated question alike, for each reference and tense apart, and no caller changes another one\'s answer', () => {
    const text = 'Am Mittwoch reist Putin nach Peking.'
    const past = findTimeMentions(text, '2023-02-24', 'past')
    past.pop()
    expect(findTimeMentions(text, '2023-02-24', 'past').map((m) => m.ref?.iso)).toEqual(['2023-02-22'])
    expect(findTimeMentions(text, '2023-02-24', 'future').map((m) => m.ref?.iso)).toEqual(['2023-03-01'])
    expect(findTimeMentions(text, '2023-03-10', 'past').map((m) => m.ref?.iso)).toEqual(['2023-03-08'])
    expect(findTimeMentions(text, null, 'past').map((m) => m.ref)).toEqual([null])
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.option(fc.constantFrom('2023-02-22', '2018-06', '2014')), (text, published) => {
        for (const m of findTimeMentions(text, published)) {
          expect(m.start).toBeGreaterThanOrEqual(0)
          expect(m.end).toBeLessThanOrEqual(text.length)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('findTimeMentions: week parts and two-day ranges', () => {
  it('reads "Ende der Woche" as the Friday of the reference week, "Anfang kommender Woche" as next Monday', () => {
    expect(findTimeMentions('Beide werden Ende der Woche in Hamburg erwartet.', '2017-07-04', 'future')[0]).toMatchObject({ text: 'Ende der Woche', ref: { iso: '2017-07-07' } })
    expect(findTimeMentions('Er reist Anfang kommender Woche.', '2017-07-04', 'future')[0]?.ref?.iso).toBe('2017-07-10')
    expect(findTimeMentions('Er reist Ende der Woche.', null, 'future')[0]?.ref).toBeNull()
  })

  it('reads "30./31. Oktober" as its first day', () => {
    expect(findTimeMentions('an diesem Wochenende (30./31. Oktober)', '2021-10-28', 'future').map((t) => t.ref?.iso)).toContain('2021-10-30')
  })
})

describe('findTimeMentions: offsets from a dated occasion', () => {
  it('counts days exactly, months and years to the month, and a vague count approximately', () => {
    expect(findTimeMentions('Einen Tag nach dem Amtsantritt von Trump reiste er ab.', '2025-01-30')[0]?.ref).toEqual({ iso: '2025-01-21', approx: false })
    expect(findTimeMentions('Zwei Jahre nach Beginn des Angriffskriegs sprach er.', '2024-03-01')[0]?.ref).toEqual({ iso: '2024-02', approx: false })
    expect(findTimeMentions('Mehr als 17 Monate nach Beginn des Angriffskriegs telefonierten sie.', '2023-08-01')[0]?.ref).toEqual({ iso: '2023-07', approx: true })
  })

  it('reads the occasion itself without an offset', () => {
    expect(findTimeMentions('Seit Beginn des Angriffskriegs ist viel geschehen.', '2023-08-01')[0]?.ref?.iso).toBe('2022-02-24')
  })
})

import { describe, expect, it } from 'vitest'
import { extractDate, DATE_CUE, HOLDS_DATE, STAMPS } from '../../../../../pipeline/stages/time/extract-date.ts'
import { OCCASIONS } from '../../gazetteers.ts'

describe('extractDate', () => {
  it('reads "Stand: 22.02.2023 16:00 Uhr" as 2023-02-22', () => {
    expect(extractDate(' date 2023-02 Ein Titel Stand: 22.02.2023 16:00 Uhr\n\nText.', OCCASIONS)).toMatchObject({ date: '2023-02-22', from: 'text' })
  })

  it('reads a date followed by its update on one line as published on the first ("12.05.2021 (aktualisiert 13.05.2021)")', () => {
    expect(extractDate('Titel\n\nPolitik\n12.05.2021 (aktualisiert 13.05.2021)\n\nDer Minister reiste ab.', OCCASIONS)).toMatchObject({ date: '2021-05-12', cue: { rule: 'published-stamp', cue: '12.05.2021' } })
    expect(extractDate('Titel\n\nZuletzt aktualisiert: 13.05.2021\n\nDer Minister reiste ab.', OCCASIONS)).toMatchObject({ date: '2021-05-13' })
  })

  it('reads an agency field with capitals inside as a name on a date line ("dpa-AFX | 14.01.2020, 06:12")', () => {
    expect(extractDate('Titel\n\ndpa-AFX | 14.01.2020, 06:12\n\nDer Handel wuchs.', OCCASIONS)).toMatchObject({ date: '2020-01-14' })
    expect(extractDate('Titel\n\nder Handel wuchs | 14.01.2020\n\nText.', OCCASIONS)?.date).not.toBe('2020-01-14')
  })

  it('reads the " date 2023-02" header as month precision when nothing gives the day', () => {
    expect(extractDate(' date 2023-02 Ein Satz ohne Tag.', OCCASIONS)).toMatchObject({ date: '2023-02', from: 'text' })
  })

  it('reads an outlet stamp glued to a date: "Beispielzeitung26. April 2024"', () => {
    expect(extractDate('Titel\nBeispielzeitung26. April 2024\n\nText.', OCCASIONS)).toMatchObject({ date: '2024-04-26', from: 'text' })
  })

  it('reads a broadcast line and prefers its day over the month header', () => {
    const text = ' date 2021-06 Der Vertrag wurde verlängert.\nDiese Nachricht wurde am 28.06.2021 im Programm Beispielfunk gesendet.'
    expect(extractDate(text, OCCASIONS)).toMatchObject({ date: '2021-06-28', from: 'text' })
  })

  it('reads "veröffentlicht am", bylines with a date and slash headers', () => {
    expect(extractDate('Titel\nveröffentlicht am 3. März 2019\nText.', OCCASIONS)).toMatchObject({ date: '2019-03-03', from: 'text' })
    expect(extractDate('Titel\nText über Handel. (abc, APA, 11.9.2018)', OCCASIONS)).toMatchObject({ date: '2018-09-11', from: 'text' })
    expect(extractDate('beispiel.de / 22.05.2014 / Politik / Seite 6\nTitel', OCCASIONS)).toMatchObject({ date: '2014-05-22', from: 'text' })
  })

  it('reads a dated dateline', () => {
    expect(extractDate('Titel\nPeking, 4. Februar 2022 (dpa) – Der Präsident ist angekommen.', OCCASIONS)).toMatchObject({ date: '2022-02-04', from: 'text' })
  })

  it('reads weekday stamps, "Sendung vom …" and ISO stamps', () => {
    expect(extractDate('Titel\nMittwoch, 22. Februar 2023\nText.', OCCASIONS)).toMatchObject({ date: '2023-02-22', from: 'text' })
    expect(extractDate('Titel\nAus der Sendung vom 5.3.2020 im Beispielfunk.', OCCASIONS)).toMatchObject({ date: '2020-03-05', from: 'text' })
    expect(extractDate('Titel\n2021-11-09T08:15:00Z\nText.', OCCASIONS)).toMatchObject({ date: '2021-11-09', from: 'text' })
  })

  it('reads a page date line of fields: time, byline, reading time, agency, weekday', () => {
    expect(extractDate('Titel\n12.03.2023 – 14:05 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-12', from: 'text' })
    expect(extractDate('Titel\n13. März 2023 um 17:30 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-13', from: 'text' })
    expect(extractDate('Titel\nVon Anna Beispiel | 13.03.2023, 17:30 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-13', from: 'text' })
    expect(extractDate('Titel\n13.03.2023 | 17:30 Uhr | Lesezeit 3 Min.\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-13', from: 'text' })
    expect(extractDate('Titel\nFoto: dpa · 14. März 2023 · 3 Min. Lesezeit\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', from: 'text' })
    expect(extractDate('Titel\nDi 14.03.2023 | 10:00\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', from: 'text' })
    expect(extractDate('Titel\nPeking/Moskau. 14. März 2023\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', from: 'text' })
    expect(extractDate('Titel\nPublished on 2023-03-13\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-13', from: 'text' })
  })

  it('reads ISO, dashed and slashed fields, an age field and an author\'s initials in a page date line', () => {
    expect(extractDate('Titel\n2024-06-03 18:05:09 | beispielsender.de\nText.', OCCASIONS)).toMatchObject({ date: '2024-06-03', from: 'text' })
    expect(extractDate('Titel\nBeispiel Deutsch | 07-Sep-2022\nText.', OCCASIONS)).toMatchObject({ date: '2022-09-07', from: 'text' })
    expect(extractDate('Titel\nBeispiel Deutsch | 07-Okt-2022\nText.', OCCASIONS)).toMatchObject({ date: '2022-10-07', from: 'text' })
    expect(extractDate('Titel\n3. Mai 2019 / 08:10 / vor 7 Jahren\nText.', OCCASIONS)).toMatchObject({ date: '2019-05-03', from: 'text' })
    expect(extractDate('Titel\n9. Juni 2021, 10:02 Uhr Quelle: Beispielblatt, dpa, abc\nText.', OCCASIONS)).toMatchObject({ date: '2021-06-09', from: 'text' })
    // still no sentence: lower-case words of a sentence beside the field, a dashed field that is no date
    expect(extractDate('Titel\n2024-06-03 | Putin reist nach Peking\nText.', OCCASIONS)).toBeUndefined()
    expect(extractDate('Titel\nBeispiel | 31-Feb-2022\nText.', OCCASIONS)).toBeUndefined()
  })

  it('does not take a chronology line or a line far below the header for the page date', () => {
    // a chronology entry: a date field beside a sentence
    expect(extractDate('Titel\n04.02.2022 – Putin reist zu den Spielen nach Peking\nText.', OCCASIONS)).toBeUndefined()
    // the same date line after a long body paragraph is no longer the header
    const body = 'Ein langer erster Absatz über den Handel zwischen beiden Ländern, der weit mehr als zweihundert Zeichen umfasst und damit eindeutig zum Text und nicht mehr zum Kopf der Seite gehört, so wie es bei echten Artikeln üblich ist, und noch ein wenig mehr.'
    expect(extractDate(`Titel\n${body}\n13.03.2023 | 17:30 Uhr`, OCCASIONS)).toBeUndefined()
  })

  it('does not take a paragraph that opens with a date for a dateline', () => {
    expect(extractDate('Titel\nAm 24. Februar 2022 - so begann es - marschierten Truppen ein.', OCCASIONS)).toBeUndefined()
    expect(extractDate('Titel\nMoskau/Peking, 3. März 2021 (dpa) – Die Minister trafen sich.', OCCASIONS)).toMatchObject({ date: '2021-03-03', from: 'text' })
    // a dateline closed by a full stop, the date after it, then a dash and the body
    expect(extractDate('Titel\nMoskau/Kasan. 05.11.2020 – Ein Zug fuhr ab.', OCCASIONS)).toMatchObject({ date: '2020-11-05', from: 'text', cue: { rule: 'dateline' } })
  })

  it('ignores impossible dates', () => {
    expect(extractDate('Titel\nStand: 31.02.2023 10:00 Uhr', OCCASIONS)).toBeUndefined()
  })

  it('gives nothing for a page without a stamp whose text pins no day, not the month of a date it names (GUIDE: else null)', () => {
    expect(extractDate('Titel\nAm 3. Mai 2022 und am 7. Juni 2022 trafen sich die Minister.', OCCASIONS)).toBeUndefined()
    expect(extractDate('Titel\nDer Minister wird am 11. April 2025 in Washington erwartet.', OCCASIONS)).toBeUndefined()
    expect(extractDate('Titel\nAm Mittwoch trafen sich die Minister in der Hauptstadt.', OCCASIONS)).toBeUndefined()
  })
})

describe('extractDate: the kinds of stamp German news pages print', () => {
  it('says which rule read the date and the words it read', () => {
    expect(extractDate('Titel\nStand: 14.03.2023 17:30 Uhr\nText.', OCCASIONS)).toEqual({ date: '2023-03-14', from: 'text', cue: { rule: 'stand-stamp', cue: 'Stand: 14.03.2023', reference: null } })
  })

  it('reads a ticker stamp with seconds and a clock time glued by a hyphen', () => {
    expect(extractDate('17.03.2016 09:15:22\n|\nTitel der Meldung\nText.', OCCASIONS)).toMatchObject({ date: '2016-03-17', cue: { rule: 'date-line' } })
    expect(extractDate('Titel\n21.11.2019-08:40\nText.', OCCASIONS)).toMatchObject({ date: '2019-11-21', cue: { rule: 'date-line' } })
  })

  it('reads publication and update labels, the publication date first whatever the order', () => {
    expect(extractDate('Titel\nVeröffentlicht am 14.03.2023 | Lesedauer: 3 Minuten\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', cue: { rule: 'published-stamp' } })
    expect(extractDate('Titel\nAktualisiert am 14.03.2023-17:30\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', cue: { rule: 'updated-stamp' } })
    expect(extractDate('Titel\nAktualisiert: 15.03.2023 · Veröffentlicht: 13.03.2023\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-13', cue: { rule: 'published-stamp' } })
    expect(extractDate('Titel\nLetzte Aktualisierung: 2. Oktober 2020\nText.', OCCASIONS)).toMatchObject({ date: '2020-10-02', cue: { rule: 'updated-stamp' } })
    expect(extractDate('Titel\nPubliziert: 14.3.2023, 05.30 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', cue: { rule: 'published-stamp' } })
  })

  it('reads a "Datum" label with or without a colon', () => {
    expect(extractDate('Titel\nDatum: 09.05.2021 12:14 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2021-05-09', cue: { rule: 'date-label' } })
    expect(extractDate('Titel\nDatum 09.05.2021\nAutorin Anna Beispiel\nText.', OCCASIONS)).toMatchObject({ date: '2021-05-09', cue: { rule: 'date-label' } })
  })

  it('reads a two-digit year in a byline field on the title line behind the crawl header', () => {
    expect(extractDate(' date 2019-04 Von: Redaktion Beispielblatt | 24.04.19\n\nText.', OCCASIONS)).toMatchObject({ date: '2019-04-24', cue: { rule: 'header-line' } })
  })

  it('reads print headers: date first, or the paper, its date, number and page', () => {
    expect(extractDate('28.02.2019 / Inland / Seite 4\n\nTitel\nText.', OCCASIONS)).toMatchObject({ date: '2019-02-28', cue: { rule: 'print-header' } })
    expect(extractDate('Titel\nBeispielzeitung, 14.03.2023, Nr. 62, S. 5\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', cue: { rule: 'header-line' } })
    expect(extractDate('Titel\nErschienen in der Printausgabe vom 14.03.2023\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14' })
    expect(extractDate('Titel\nAus der Printausgabe vom 3.4.2022\nText.', OCCASIONS)).toMatchObject({ date: '2022-04-03', cue: { rule: 'edition-stamp' } })
  })

  it('reads a header date the crawl glued to the lead, but not a date before a spaced sentence', () => {
    expect(extractDate('Titel\n3. Juni 2019Die Regierung in Peking hat neue Zölle angekündigt.', OCCASIONS)).toMatchObject({ date: '2019-06-03', cue: { rule: 'glued-lead' } })
    expect(extractDate('Titel\n3. Juni 2019 Die Regierung in Peking hat neue Zölle angekündigt.', OCCASIONS)).toBeUndefined()
  })

  it('reads Austrian and Swiss forms: "Feber", a byline with a hyphenated name, a weekday with a comma and a time', () => {
    expect(extractDate('Titel\n14. Feber 2023\nText.', OCCASIONS)).toMatchObject({ date: '2023-02-14' })
    expect(extractDate('Titel\nText über Handel. (Anna Muster-Beispiel, 14.2.2023)', OCCASIONS)).toMatchObject({ date: '2023-02-14', cue: { rule: 'byline-tag' } })
    expect(extractDate('Titel\nDi., 14.03.2023, 17:30 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14' })
  })

  it('reads a day-and-month dateline ("PEKING, 5. Jun (Reuters) -") only with a year from the crawl header', () => {
    expect(extractDate(' date 2019-06 Titel\n\nPEKING, 5. Jun (Reuters) - Die Regierung hat neue Zölle angekündigt.', OCCASIONS)).toMatchObject({ date: '2019-06-05', cue: { rule: 'dateline-day' } })
    expect(extractDate('Titel\n\nPEKING, 5. Jun (Reuters) - Die Regierung hat neue Zölle angekündigt.', OCCASIONS)).toBeUndefined()
  })

  it('reads the year of a day-and-month dateline from an occasion the text names', () => {
    const forum = 'Titel\n\nPEKING, 18. Oktober (Agentur) -- Xi hat Putin am Rande des Seidenstraßen-Forums empfangen.'
    // the forum met in 2017, 2019 and 2023: only in 2023 on an 18 October
    expect(extractDate(forum, OCCASIONS)).toMatchObject({ date: '2023-10-18', from: 'estimated' })
  })

  it('finds the page date line under a teaser paragraph longer than a line', () => {
    const teaser = 'Ein Rückblick auf elf Jahre Gipfeldiplomatie zwischen zwei Hauptstädten, die sich näher gekommen sind, als es viele im Westen erwartet hatten – und auf die Rollen, die dabei klar verteilt sind, wie die Zahlen zeigen.'
    const body = 'Als der Gast am Donnerstag in der Hauptstadt aus seinem Flugzeug stieg, war es bereits sein neunzehnter Besuch im Land, und zwei Tage lang ließ er sich mit militärischen Ehren, einem Spaziergang im Park und einer gemeinsamen Erklärung feiern.'
    expect(extractDate(`Titel\n\n${teaser}\n\nVon Anna Beispiel · 20.05.2024, 06:00 Uhr\n\n${body}`, OCCASIONS)).toMatchObject({ date: '2024-05-20', from: 'text' })
    expect(extractDate(`Titel\n\nBerlin · ${teaser}\n\nBerlin · 24. Oktober 2025 · Aktualisiert 18:02 Uhr\n\n${body}`, OCCASIONS)).toMatchObject({ date: '2025-10-24', from: 'text' })
    // not under the body's second long paragraph
    expect(extractDate(`Titel\n\n${teaser}\n\n${body}\n\nVon Anna Beispiel · 20.05.2024, 06:00 Uhr\n\n${body}`, OCCASIONS)?.cue.rule).not.toBe('header-line')
  })

  it('does not take a date inside the text for a stamp: a data cut-off, a cited report, a study', () => {
    expect(extractDate('Titel\nDie Zahlen (Stand: 31.12.2022) zeigen einen Anstieg des Handels.', OCCASIONS)).toBeUndefined()
    const long = 'Der Handel zwischen beiden Ländern ist nach offiziellen Angaben im vergangenen Jahr erneut kräftig gewachsen, wie die Zollbehörde in Peking mitteilte.'
    expect(extractDate(`Titel\n${long} Die Studie, veröffentlicht am 3. März 2022, kommt zu einem anderen Ergebnis.`, OCCASIONS)).toBeUndefined()
    expect(extractDate(`Titel\n${long} Laut einer Meldung vom 3. März 2022 war das Volumen geringer.`, OCCASIONS)).toBeUndefined()
  })

  it('reads a Spiegel-like line with its issue, "Erstveröffentlichung", a day without its dot', () => {
    expect(extractDate('Titel\n14.03.2023, 17.30 Uhr • aus DER SPIEGEL 12/2023\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', cue: { rule: 'header-line' } })
    expect(extractDate('Titel\nErstveröffentlichung: 02.11.2020\nText.', OCCASIONS)).toMatchObject({ date: '2020-11-02', cue: { rule: 'published-stamp' } })
    expect(extractDate('Titel\n14 März 2023 17:30 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14', cue: { rule: 'date-line' } })
  })

  it('reads a monthly\'s month in the header, not a month named in a sentence', () => {
    expect(extractDate('Titel\nAusgabe März 2023\nText.', OCCASIONS)).toMatchObject({ date: '2023-03', cue: { rule: 'month-stamp' } })
    expect(extractDate('Titel\nBeispielmagazin | Oktober 2019\nText.', OCCASIONS)).toMatchObject({ date: '2019-10', cue: { rule: 'month-stamp' } })
    expect(extractDate('Titel\nIm März 2023 trafen sich die Minister in Moskau.', OCCASIONS)).toBeUndefined()
  })

  it('prefers a day in the header to a month field', () => {
    expect(extractDate('Titel\nAusgabe März 2023\n14.03.2023 | 17:30 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2023-03-14' })
  })

  it('takes a bare date line in the header or on the last line, not a chronology entry in the body', () => {
    const body = Array.from({ length: 9 }, (_, i) => `Absatz ${i + 1} über den Handel beider Länder.`).join('\n')
    expect(extractDate(`Titel\n${body}\nChronik\n04.02.2022\nPutin reist zu den Spielen nach Peking.\nEnde der Chronik.`, OCCASIONS)).toBeUndefined()
    expect(extractDate(`Titel\n${body}\n14.03.2023`, OCCASIONS)).toMatchObject({ date: '2023-03-14', cue: { rule: 'date-line' } })
  })

  it('takes a labelled stamp on a furniture line, not the same label in a short sentence', () => {
    expect(extractDate('Titel\nDie Studie, veröffentlicht am 3. März 2022, zeigt ein Plus.\nText.', OCCASIONS)).toBeUndefined()
    expect(extractDate('Titel\nLaut einer Meldung vom 3. März 2022 war das Volumen geringer.', OCCASIONS)).toBeUndefined()
    expect(extractDate('Titel\nArtikel veröffentlicht am 3. März 2022 um 10:15 Uhr\nText.', OCCASIONS)).toMatchObject({ date: '2022-03-03', cue: { rule: 'published-stamp' } })
  })
})

describe('extractDate: the label stamps are found in any case (their first test has the pattern flags)', () => {
  // texts written for this test
  it.each([
    ['Titel der Meldung\nSTAND: 22.02.2023 16:00 Uhr\nDer Text beginnt hier.', '2023-02-22', 'stand-stamp'],
    ['Titel der Meldung\nERSTVERÖFFENTLICHUNG: 14.03.2023\nDer Text beginnt hier.', '2023-03-14', 'published-stamp'],
    ['Titel der Meldung\nZuletzt AKTUALISIERT am 15.03.2023\nDer Text beginnt hier.', '2023-03-15', 'updated-stamp'],
    ['Titel der Meldung\nDer Text beginnt hier.\nDiese Nachricht wurde am 28.06.2021 im Programm GESENDET.', '2021-06-28', 'broadcast-line'],
  ])('%s', (text, date, rule) => {
    const found = extractDate(text, OCCASIONS)
    expect(found?.date).toBe(date)
    expect(found?.cue.rule).toBe(rule)
  })
})

describe('stamps skipped in a text with no date', () => {
  const lines = [
    'Stand: 22.02.2023 16:00 Uhr',
    'Veröffentlicht am Mittwoch, 3. März 2022',
    '26.04.2019 (aktualisiert 27.04.2019)',
    'Zuletzt aktualisiert: 4. 2. 22',
    'Datum: 12.1.2021',
    'Diese Nachricht wurde am 05.06.2019 im Programm gesendet.',
    'Ausgabe vom 1. Mai 2020',
    'gesendet am 7. Juni 2021',
    '22.05.2014',
    'Epoch Times26. April 2024',
    'nd-aktuell.de / 22.05.2014 / Politik / Seite 6',
    '31.12.2022 / Ausland / Seite 2',
    '(red, APA, 11.9.2018)',
    'MOSKAU, 22.02.2023 (dpa)',
    'Peking/Moskau. 14. MÄRZ 2023',
  ]

  it('are the stamps whose pattern holds ANY_DATE: all but the ISO stamps', () => {
    expect(STAMPS.filter((s) => !HOLDS_DATE.has(s)).map((s) => s.rule)).toEqual(['iso-stamp', 'iso-stamp'])
  })

  it('never skip a stamp that matches: each match of such a stamp holds a date DATE_CUE finds', () => {
    let matched = 0
    for (const stamp of HOLDS_DATE) {
      for (const line of lines) {
        const m = new RegExp(stamp.re.source, stamp.re.flags).exec(`Titel\n${line}\nText.`)
        if (!m) continue
        matched++
        expect(DATE_CUE.test(m[0])).toBe(true)
      }
    }
    expect(matched).toBeGreaterThan(15)
  })
})

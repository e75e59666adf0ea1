import { describe, expect, it } from 'vitest'
import { extractDate } from '../../../../../pipeline/stages/time/extract-date.ts'
import { OCCASIONS } from '../../gazetteers.ts'

describe('extractDate', () => {
  it('reads "Stand: 22.02.2023 16:00 Uhr" as 2023-02-22', () => {
    expect(extractDate(' date 2023-02 Ein Titel Stand: 22.02.2023 16:00 Uhr\n\nText.', OCCASIONS)).toEqual({ date: '2023-02-22', from: 'text' })
  })

  it('reads the " date 2023-02" header as month precision when nothing gives the day', () => {
    expect(extractDate(' date 2023-02 Ein Satz ohne Tag.', OCCASIONS)).toEqual({ date: '2023-02', from: 'text' })
  })

  it('reads an outlet stamp glued to a date: "Beispielzeitung26. April 2024"', () => {
    expect(extractDate('Titel\nBeispielzeitung26. April 2024\n\nText.', OCCASIONS)).toEqual({ date: '2024-04-26', from: 'text' })
  })

  it('reads a broadcast line and prefers its day over the month header', () => {
    const text = ' date 2021-06 Der Vertrag wurde verlängert.\nDiese Nachricht wurde am 28.06.2021 im Programm Beispielfunk gesendet.'
    expect(extractDate(text, OCCASIONS)).toEqual({ date: '2021-06-28', from: 'text' })
  })

  it('reads "veröffentlicht am", bylines with a date and slash headers', () => {
    expect(extractDate('Titel\nveröffentlicht am 3. März 2019\nText.', OCCASIONS)).toEqual({ date: '2019-03-03', from: 'text' })
    expect(extractDate('Titel\nText über Handel. (abc, APA, 11.9.2018)', OCCASIONS)).toEqual({ date: '2018-09-11', from: 'text' })
    expect(extractDate('beispiel.de / 22.05.2014 / Politik / Seite 6\nTitel', OCCASIONS)).toEqual({ date: '2014-05-22', from: 'text' })
  })

  it('reads a dated dateline', () => {
    expect(extractDate('Titel\nPeking, 4. Februar 2022 (dpa) – Der Präsident ist angekommen.', OCCASIONS)).toEqual({ date: '2022-02-04', from: 'text' })
  })

  it('reads weekday stamps, "Sendung vom …" and ISO stamps', () => {
    expect(extractDate('Titel\nMittwoch, 22. Februar 2023\nText.', OCCASIONS)).toEqual({ date: '2023-02-22', from: 'text' })
    expect(extractDate('Titel\nAus der Sendung vom 5.3.2020 im Beispielfunk.', OCCASIONS)).toEqual({ date: '2020-03-05', from: 'text' })
    expect(extractDate('Titel\n2021-11-09T08:15:00Z\nText.', OCCASIONS)).toEqual({ date: '2021-11-09', from: 'text' })
  })

  it('reads a page date line of fields: time, byline, reading time, agency, weekday', () => {
    expect(extractDate('Titel\n12.03.2023 – 14:05 Uhr\nText.', OCCASIONS)).toEqual({ date: '2023-03-12', from: 'text' })
    expect(extractDate('Titel\n13. März 2023 um 17:30 Uhr\nText.', OCCASIONS)).toEqual({ date: '2023-03-13', from: 'text' })
    expect(extractDate('Titel\nVon Anna Beispiel | 13.03.2023, 17:30 Uhr\nText.', OCCASIONS)).toEqual({ date: '2023-03-13', from: 'text' })
    expect(extractDate('Titel\n13.03.2023 | 17:30 Uhr | Lesezeit 3 Min.\nText.', OCCASIONS)).toEqual({ date: '2023-03-13', from: 'text' })
    expect(extractDate('Titel\nFoto: dpa · 14. März 2023 · 3 Min. Lesezeit\nText.', OCCASIONS)).toEqual({ date: '2023-03-14', from: 'text' })
    expect(extractDate('Titel\nDi 14.03.2023 | 10:00\nText.', OCCASIONS)).toEqual({ date: '2023-03-14', from: 'text' })
    expect(extractDate('Titel\nPeking/Moskau. 14. März 2023\nText.', OCCASIONS)).toEqual({ date: '2023-03-14', from: 'text' })
    expect(extractDate('Titel\nPublished on 2023-03-13\nText.', OCCASIONS)).toEqual({ date: '2023-03-13', from: 'text' })
  })

  it('does not take a chronology line or a line far below the header for the page date', () => {
    // a chronology entry: a date field beside a sentence
    expect(extractDate('Titel\n04.02.2022 – Putin reist zu den Spielen nach Peking\nText.', OCCASIONS)).toEqual({ date: '2022-02', from: 'estimated' })
    // the same date line after a long body paragraph is no longer the header
    const body = 'Ein langer erster Absatz über den Handel zwischen beiden Ländern, der weit mehr als zweihundert Zeichen umfasst und damit eindeutig zum Text und nicht mehr zum Kopf der Seite gehört, so wie es bei echten Artikeln üblich ist, und noch ein wenig mehr.'
    expect(extractDate(`Titel\n${body}\n13.03.2023 | 17:30 Uhr`, OCCASIONS)).toEqual({ date: '2023-03', from: 'estimated' })
  })

  it('does not take a paragraph that opens with a date for a dateline', () => {
    expect(extractDate('Titel\nAm 24. Februar 2022 - so begann es - marschierten Truppen ein.', OCCASIONS)).toEqual({ date: '2022-02', from: 'estimated' })
    expect(extractDate('Titel\nMoskau/Peking, 3. März 2021 (dpa) – Die Minister trafen sich.', OCCASIONS)).toEqual({ date: '2021-03-03', from: 'text' })
  })

  it('ignores impossible dates', () => {
    expect(extractDate('Titel\nStand: 31.02.2023 10:00 Uhr', OCCASIONS)).toBeUndefined()
  })

  it('estimates the month from the latest full date in the text, else gives nothing', () => {
    expect(extractDate('Titel\nAm 3. Mai 2022 und am 7. Juni 2022 trafen sich die Minister.', OCCASIONS)).toEqual({ date: '2022-06', from: 'estimated' })
    expect(extractDate('Titel\nAm Mittwoch trafen sich die Minister in der Hauptstadt.', OCCASIONS)).toBeUndefined()
  })
})

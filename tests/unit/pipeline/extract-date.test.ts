import { describe, expect, it } from 'vitest'
import { extractDate } from '../../../pipeline/extract-date.ts'

describe('extractDate', () => {
  it('reads "Stand: 22.02.2023 16:00 Uhr" as 2023-02-22', () => {
    expect(extractDate(' date 2023-02 Ein Titel Stand: 22.02.2023 16:00 Uhr\n\nText.')).toEqual({ date: '2023-02-22', from: 'text' })
  })

  it('reads the " date 2023-02" header as month precision when nothing gives the day', () => {
    expect(extractDate(' date 2023-02 Ein Satz ohne Tag.')).toEqual({ date: '2023-02', from: 'text' })
  })

  it('reads an outlet stamp glued to a date: "Beispielzeitung26. April 2024"', () => {
    expect(extractDate('Titel\nBeispielzeitung26. April 2024\n\nText.')).toEqual({ date: '2024-04-26', from: 'text' })
  })

  it('reads a broadcast line and prefers its day over the month header', () => {
    const text = ' date 2021-06 Der Vertrag wurde verlängert.\nDiese Nachricht wurde am 28.06.2021 im Programm Beispielfunk gesendet.'
    expect(extractDate(text)).toEqual({ date: '2021-06-28', from: 'text' })
  })

  it('reads "veröffentlicht am", bylines with a date and slash headers', () => {
    expect(extractDate('Titel\nveröffentlicht am 3. März 2019\nText.')).toEqual({ date: '2019-03-03', from: 'text' })
    expect(extractDate('Titel\nText über Handel. (abc, APA, 11.9.2018)')).toEqual({ date: '2018-09-11', from: 'text' })
    expect(extractDate('beispiel.de / 22.05.2014 / Politik / Seite 6\nTitel')).toEqual({ date: '2014-05-22', from: 'text' })
  })

  it('reads a dated dateline', () => {
    expect(extractDate('Titel\nPeking, 4. Februar 2022 (dpa) – Der Präsident ist angekommen.')).toEqual({ date: '2022-02-04', from: 'text' })
  })

  it('reads weekday stamps, "Sendung vom …" and ISO stamps', () => {
    expect(extractDate('Titel\nMittwoch, 22. Februar 2023\nText.')).toEqual({ date: '2023-02-22', from: 'text' })
    expect(extractDate('Titel\nAus der Sendung vom 5.3.2020 im Beispielfunk.')).toEqual({ date: '2020-03-05', from: 'text' })
    expect(extractDate('Titel\n2021-11-09T08:15:00Z\nText.')).toEqual({ date: '2021-11-09', from: 'text' })
  })

  it('does not take a paragraph that opens with a date for a dateline', () => {
    expect(extractDate('Titel\nAm 24. Februar 2022 - so begann es - marschierten Truppen ein.')).toEqual({ date: '2022-02', from: 'estimated' })
    expect(extractDate('Titel\nMoskau/Peking, 3. März 2021 (dpa) – Die Minister trafen sich.')).toEqual({ date: '2021-03-03', from: 'text' })
  })

  it('ignores impossible dates', () => {
    expect(extractDate('Titel\nStand: 31.02.2023 10:00 Uhr')).toBeUndefined()
  })

  it('estimates the month from the latest full date in the text, else gives nothing', () => {
    expect(extractDate('Titel\nAm 3. Mai 2022 und am 7. Juni 2022 trafen sich die Minister.')).toEqual({ date: '2022-06', from: 'estimated' })
    expect(extractDate('Titel\nAm Mittwoch trafen sich die Minister in der Hauptstadt.')).toBeUndefined()
  })
})

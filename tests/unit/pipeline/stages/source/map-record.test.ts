import { describe, expect, it } from 'vitest'
import { mapRecord } from '../../../../../pipeline/stages/source/map-record.ts'

const TEXT = 'Der chinesische Staatschef reist im Mai nach Moskau. Dort will er mit dem russischen Präsidenten über Energie sprechen.'

describe('mapRecord', () => {
  it('news-please: title, maintext, date_publish, source_domain, url, language', () => {
    const r = mapRecord({ title: 'Xi reist nach Moskau', maintext: TEXT, date_publish: '2024-05-02 07:30:00', date_download: '2024-05-03 01:00:00', source_domain: 'beispiel.de', url: 'https://beispiel.de/a', language: 'de', description: null })
    expect(r).toEqual({ ok: true, record: { title: 'Xi reist nach Moskau', text: TEXT, published: { value: '2024-05-02 07:30:00', field: 'date_publish' }, outlet: 'beispiel.de', url: 'https://beispiel.de/a', language: 'de' } })
  })

  it('trafilatura: title, text, date, sitename before hostname, source as url', () => {
    const r = mapRecord({ title: 'T', text: TEXT, date: '2024-05-02', hostname: 'beispiel.de', sitename: 'Beispiel Zeitung', source: 'https://beispiel.de/b', id: '7' })
    expect(r.ok && r.record).toMatchObject({ published: { value: '2024-05-02', field: 'date' }, outlet: 'Beispiel Zeitung', url: 'https://beispiel.de/b' })
  })

  it('plain: title, text, published, outlet, url; empty strings count as absent', () => {
    const r = mapRecord({ title: '', text: TEXT, published: '2024-05', outlet: 'Blatt', url: '' })
    expect(r.ok && r.record).toEqual({ title: null, text: TEXT, published: { value: '2024-05', field: 'published' }, outlet: 'Blatt', url: null, language: null })
  })

  it('not an object, or no text: the reason', () => {
    expect(mapRecord([1, 2])).toEqual({ ok: false, reason: 'not an object (an array)' })
    expect(mapRecord('Text')).toEqual({ ok: false, reason: 'not an object (a string)' })
    expect(mapRecord(null)).toEqual({ ok: false, reason: 'not an object (null)' })
    expect(mapRecord(42)).toEqual({ ok: false, reason: 'not an object (a number)' })
    expect(mapRecord({ title: 'Nur Titel', text: 3 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^no text/) })
  })
})

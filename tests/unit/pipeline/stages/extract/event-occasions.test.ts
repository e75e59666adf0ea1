import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../../../pipeline/stages/extract/extract-events.ts'
import { hostedOccasions, occurrenceIn } from '../../../../../pipeline/stages/extract/event-occasions.ts'
import { parseOccasions } from '../../../../../pipeline/stages/time/occasions.ts'
import { OCCASIONS, PLACES } from '../../gazetteers.ts'
import { matchesOf, REGISTRY, sentences } from './event-fixtures.ts'

const TABLE = hostedOccasions(
  parseOccasions({
    occasions: [
      {
        id: 'test-summit',
        kind: 'summit',
        pattern: 'Testgipfel\\p{L}*',
        dates: [['2016-09-04', '2016-09-05'], ['2017-07-07', '2017-07-08'], ['2018-11-30', '2018-12-01']],
        cities: ['Hangzhou', 'Hamburg', null],
      },
    ],
  }),
)

describe('occurrenceIn', () => {
  it('picks the occurrence by the host city named, whatever the article date', () => {
    expect(occurrenceIn('beim Testgipfel in Hamburg', TABLE, 'Hamburg', null, 'past')).toMatchObject({ from: '2017-07-07', city: 'Hamburg' })
  })

  it('picks by the article year and the side of now the report speaks of, none when the city held no occurrence', () => {
    expect(occurrenceIn('beim Testgipfel', TABLE, null, '2018-06-01', 'future')?.from).toBe('2018-11-30')
    expect(occurrenceIn('beim Testgipfel', TABLE, null, '2018-06-01', 'past')?.from).toBe('2017-07-07')
    expect(occurrenceIn('beim Testgipfel', TABLE, null, null, 'past')).toBeUndefined()
    expect(occurrenceIn('beim Testgipfel in Paris', TABLE, 'Paris', '2017-07-01', 'future')).toBeUndefined()
  })
})

describe('extractEvents: trips to recurring summits', () => {
  const events = (published: string | null, ...texts: string[]) => {
    const input = sentences('Nachrichten aus aller Welt', ...texts)
    return extractEvents(input, matchesOf(input), REGISTRY, published, PLACES, OCCASIONS)
  }

  it('dates a trip by a summit named elsewhere in the article only when the article\'s date tells which year', () => {
    const text = ['Am Rande des G20-Gipfels sprachen Xi und Macron.', 'Am Montag war Xi in Hamburg gewesen.']
    expect(events('2017-07-08', ...text).find((e) => e.place === 'Hamburg')).toMatchObject({ date: '2017-07-07' })
    expect(events(null, ...text).find((e) => e.place === 'Hamburg')).toMatchObject({ date: null })
  })

  it('dates a trip to a named summit by its occurrence, planned when it is ahead', () => {
    const [e] = events(null, 'Putin wird beim G20-Gipfel in Hamburg erwartet.')
    expect(e).toMatchObject({ visitors: ['putin'], place: 'Hamburg', date: '2017-07-07', status: 'planned', dateFrom: { rule: 'occasion' } })
  })

  it('a summit "ein Jahr später" is the occurrence of the year counted from the time told before, not of the article', () => {
    const parade = events('2023-03-22', 'Im Mai 2014 unterzeichneten beide Seiten den Vertrag.', 'Ein Jahr später stand Macron bei der Siegesparade auf dem Roten Platz.')
    expect(parade.map((e) => [e.visitors, e.place, e.date, e.dateFrom?.cue])).toEqual([[['macron'], 'Moskau', '2015-05-09', 'Ein Jahr später · Siegesparade']])
  })

  it('places a trip to a summit that names no city in its host city', () => {
    const [e] = events('2018-06-06', 'Putin wird am Wochenende beim Treffen der Shanghaier Organisation für Zusammenarbeit erwartet.')
    expect(e).toMatchObject({ visitors: ['putin'], place: 'Qingdao', country: 'china', status: 'planned' })
  })

  it('reads a meeting at a summit still under way on the article’s day as ongoing, an arrival or a pluperfect as happened', () => {
    const during = events('2017-07-08', 'Am Rande des G20-Gipfels in Hamburg traf Xi am Freitag Macron.')
    // both travellers to the summit, each a record (GUIDE)
    expect(during.map((e) => [e.visitors, e.status, e.statusFrom?.rule])).toEqual([
      [['xi-jinping'], 'ongoing', 'summit-running'],
      [['macron'], 'ongoing', 'summit-running'],
    ])
    // the day after the summit: over
    expect(events('2017-07-10', 'Am Rande des G20-Gipfels in Hamburg traf Xi am Freitag Macron.').map((e) => e.status)).toEqual(['happened', 'happened'])
    expect(events('2017-07-08', 'Xi hatte am Freitag beim G20-Gipfel in Hamburg mit Macron gesprochen.').map((e) => e.status)).toEqual(['happened', 'happened'])
    // an arrival the article also reports decides the trip's status
    const arrived = events('2017-07-08', 'Putin ist zum G20-Gipfel in Hamburg eingetroffen.', 'Beim G20-Gipfel in Hamburg traf Putin am Freitag Macron.')
    expect(arrived.filter((e) => e.visitors.includes('putin')).map((e) => e.status)).toEqual(['happened'])
  })

  it('keeps an explicit date over the occurrence', () => {
    const [e] = events('2017-06-01', 'Putin reist am 8. Juli zum G20-Gipfel nach Hamburg.')
    expect(e?.date).toBe('2017-07-08')
  })
})

describe('occurrenceIn: bounds and double summits', () => {
  it('does not date by an occasion named as a bound ("vor dem Testgipfel")', () => {
    expect(occurrenceIn('Treffen vor dem Testgipfel in Hamburg', TABLE, 'Hamburg', null, 'past')).toBeUndefined()
  })

  it('decides nothing when two occasions named both fit', () => {
    const two = hostedOccasions(
      parseOccasions({
        occasions: [
          { id: 'a', kind: 'summit', pattern: 'Erstgipfel', dates: [['2015-07-08', '2015-07-09']], cities: ['Ufa'] },
          { id: 'b', kind: 'summit', pattern: 'Zweitgipfel', dates: [['2015-07-09', '2015-07-10']], cities: ['Ufa'] },
        ],
      }),
    )
    expect(occurrenceIn('Erstgipfel und Zweitgipfel', two, 'Ufa', null, 'past', true)).toBeUndefined()
    expect(occurrenceIn('Erstgipfel', two, 'Ufa', null, 'past', true)?.from).toBe('2015-07-08')
  })
})

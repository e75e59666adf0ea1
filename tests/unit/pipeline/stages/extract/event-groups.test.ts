import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../../../pipeline/stages/extract/extract-events.ts'
import { withMembers } from '../../../../../pipeline/stages/extract/event-groups.ts'
import { PLACES } from '../../gazetteers.ts'
import type { EventDraft } from '../../../../../pipeline/stages/types.ts'
import { matchesOf, REGISTRY, sentences } from './event-fixtures.ts'

function events(published: string | null, ...texts: string[]): EventDraft[] {
  const input = sentences('Nachrichten aus aller Welt', ...texts)
  return extractEvents(input, matchesOf(input), REGISTRY, published, PLACES)
}

const trip = (e: EventDraft) => [e.visitors.join('+'), e.place, e.date, e.status]

describe('extractEvents: trips of a group whose members are named after it', () => {
  it('gives each member named after "darunter" the group\'s trip, one record each', () => {
    expect(events('2024-10-22', 'Zum Gipfel sind am Dienstag mehrere Staatschefs in Kasan eingetroffen, darunter Xi und Macron.').map(trip)).toEqual([
      ['xi-jinping', 'Kasan', '2024-10', 'happened'],
      ['macron', 'Kasan', '2024-10', 'happened'],
    ])
  })

  it('takes the members from the next sentence ("Unter ihnen waren …", "Dazu gehören …")', () => {
    const arrived = events('2024-10-22', 'In Kasan sind am Dienstag zahlreiche Gäste eingetroffen.', 'Unter ihnen waren Xi und Macron.')
    expect(arrived.map(trip)).toEqual([
      ['xi-jinping', 'Kasan', '2024-10', 'happened'],
      ['macron', 'Kasan', '2024-10', 'happened'],
    ])
    // the sentence of the trip is the group's, as written
    expect(arrived.map((e) => e.quote)).toEqual(['In Kasan sind am Dienstag zahlreiche Gäste eingetroffen.', 'In Kasan sind am Dienstag zahlreiche Gäste eingetroffen.'])
    const expected = events('2024-10-22', 'Rund 20 Staats- und Regierungschefs werden nächste Woche in Kasan erwartet.', 'Dazu gehören Xi und Macron.')
    expect(expected.map(trip)).toEqual([
      ['xi-jinping', 'Kasan', '2024-10', 'planned'],
      ['macron', 'Kasan', '2024-10', 'planned'],
    ])
  })

  it('takes no one a relative clause after the members names as a member ("…, der mit Putin sprach")', () => {
    const found = events('2024-10-22', 'In Kasan sind am Dienstag zahlreiche Gäste eingetroffen.', 'Unter ihnen war Macron, der dort mit Scholz sprach.')
    expect(found.filter((e) => e.sentence === 1).map((e) => e.visitors)).toEqual([['macron']])
  })

  it('gives no trip where the group did not travel, the members are the hosts, or no group comes before', () => {
    expect(events('2024-10-22', 'Mehrere Staatschefs haben ihre Reise nach Kasan abgesagt, darunter Xi und Macron.')).toEqual([])
    expect(events('2024-10-22', 'In Kasan sind am Dienstag zahlreiche Gäste eingetroffen.', 'Unter ihnen war Unmut über Putin zu spüren.')).toEqual([])
    expect(events('2024-10-22', 'Es regnete in Kasan.', 'Unter ihnen waren Xi und Macron.')).toEqual([])
  })

  it('reads nothing into a sentence that names someone before the group', () => {
    const input = sentences('Titel', 'Xi und weitere Staatschefs sind in Kasan eingetroffen, darunter Macron.')
    const [first] = input.slice(1)
    if (!first) throw new Error('no sentence')
    expect(withMembers(first, matchesOf(input).filter((m) => m.sentence === first.index), undefined, [])).toBeNull()
  })
})

describe('extractEvents: people put at the article\'s meeting without naming it', () => {
  const at = (e: EventDraft) => [e.visitors.join('+'), e.place]

  it('reads who represents a state, who is among the participants, who announced their coming', () => {
    expect(events('2024-10-20', 'Der Gipfel beginnt am Montag in Kasan.', 'Unter den Teilnehmern sind Xi und Macron.').map(at)).toEqual([
      ['xi-jinping', 'Kasan'],
      ['macron', 'Kasan'],
    ])
    expect(events('2024-10-20', 'Der Gipfel beginnt am Montag in Kasan.', 'Vertreten wird Frankreich von Macron.').map(at)).toEqual([['macron', 'Kasan']])
    expect(events('2024-10-20', 'Der Gipfel beginnt am Montag in Kasan.', 'China wird dort von Xi vertreten.').map(at)).toEqual([['xi-jinping', 'Kasan']])
    expect(events('2014-01-20', 'Die Spiele beginnen am 7. Februar in Sotschi.', 'Xi und Macron haben ihr Kommen angekündigt.').map(at)).toEqual([
      ['xi-jinping', 'Sotschi'],
      ['macron', 'Sotschi'],
    ])
  })

  it('does not read a view someone holds, or participants of no meeting named before, as a trip', () => {
    expect(events('2024-10-20', 'Der Gipfel beginnt am Montag in Kasan.', 'Xi vertritt die Ansicht, der Handel wachse.')).toEqual([])
    expect(events('2024-10-20', 'Es regnet in Kasan.', 'Unter den Teilnehmern sind Xi und Macron.')).toEqual([])
    expect(events('2024-10-20', 'Der Gipfel beginnt am Montag in Kasan.', 'Putin wird dort von niemandem vertreten.')).toEqual([])
  })
})


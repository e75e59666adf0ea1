import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { extractEvents } from '../../../../../pipeline/stages/extract/extract-events.ts'
import { parsePlaces } from '../../../../../pipeline/stages/extract/places.ts'
import { PLACES } from '../../gazetteers.ts'
import { TRIGGER, triggersIn } from '../../../../../pipeline/stages/extract/event-words.ts'
import type { EventDraft } from '../../../../../pipeline/stages/types.ts'
import { matchesOf, REGISTRY, sentences } from './event-fixtures.ts'

/** Events of an article whose body is `texts` (a neutral title goes first, as sentence 0). */
function events(published: string | null, ...texts: string[]): EventDraft[] {
  const input = sentences('Nachrichten aus aller Welt', ...texts)
  return extractEvents(input, matchesOf(input), REGISTRY, published, PLACES)
}

function brief(e: EventDraft) {
  return { kind: e.kind, visitors: e.visitors, place: e.place, country: e.country, date: e.date, status: e.status }
}

describe('extractEvents: visits', () => {

  it('gives travellers of different states to one meeting one record each, one state\'s delegation one record', () => {
    const found = events('2019-11-06', 'Macron und Xi trafen sich am Dienstag in Berlin zu Gesprächen.').map(brief)
    expect(found).toEqual([
      { kind: 'visit', visitors: ['macron'], place: 'Berlin', country: 'germany', date: '2019-11', status: 'happened' },
      { kind: 'visit', visitors: ['xi-jinping'], place: 'Berlin', country: 'germany', date: '2019-11', status: 'happened' },
    ])
    const delegation = events('2019-11-06', 'Xi und Wang Yi sind am Dienstag zu einem Besuch in Paris eingetroffen.').map(brief)
    expect(delegation).toEqual([{ kind: 'visit', visitors: ['xi-jinping', 'wang-yi'], place: 'Paris', country: 'france', date: '2019-11', status: 'happened' }])
  })

  it('reads "die beiden" and "beide Präsidenten" as the two people named last, not "beide Seiten" or "beide Länder"', () => {
    const found = events('2019-11-06', 'Macron sprach mit Xi über den Handel.', 'Beide Präsidenten werden im Dezember in Berlin erwartet.').map(brief)
    expect(found).toEqual([
      { kind: 'visit', visitors: ['macron'], place: 'Berlin', country: 'germany', date: '2019-12', status: 'planned' },
      { kind: 'visit', visitors: ['xi-jinping'], place: 'Berlin', country: 'germany', date: '2019-12', status: 'planned' },
    ])
    expect(events('2019-11-06', 'Macron sprach mit Xi über den Handel.', 'Beide Länder wollen im Dezember in Berlin verhandeln.')).toEqual([])
  })

  it('reads a trip to a place named by its kind: "im US-Bundesstaat Alaska", "in dem Touristenort Sotschi"', () => {
    expect(events('2021-03-20', 'Wang Yi traf Blinken am Donnerstag im US-Bundesstaat Alaska.').map(brief)).toEqual([
      { kind: 'visit', visitors: ['wang-yi'], place: 'Alaska', country: 'usa', date: '2021-03', status: 'happened' },
    ])
    expect(events('2021-03-20', 'Xi traf Putin am Donnerstag in dem Touristenort Sotschi.').map(brief)).toMatchObject([{ visitors: ['xi-jinping'], place: 'Sotschi' }])
  })

  it('reads presence at a forum or conference as a trip, but not people merely named beside one', () => {
    expect(events('2018-09-13', 'Xi hatte am Dienstag bei einem Wirtschaftsforum in Wladiwostok mit Putin gesprochen.').map(brief)).toEqual([
      { kind: 'visit', visitors: ['xi-jinping'], place: 'Wladiwostok', country: 'russia', date: '2018-09', status: 'happened' },
    ])
    expect(events('2018-09-13', 'Teilnehmer einer Konferenz in Berlin stritten über die Partnerschaft von Putin und Xi.')).toEqual([])
  })
  it('reads an arrival as happened, dated by the article month when a weekday is given', () => {
    expect(events('2019-11-06', 'Macron ist am Dienstag zu einem Staatsbesuch in Peking eingetroffen.').map(brief)).toEqual([
      { kind: 'visit', visitors: ['macron'], place: 'Peking', country: 'china', date: '2019-11', status: 'happened' },
    ])
  })

  it('dates a weekday by its own month where the article\'s day is known: Tuesday before Wednesday 1 March is February', () => {
    expect(events('2023-03-01', 'Macron ist am Dienstag zu einem Staatsbesuch in Peking eingetroffen.').map(brief)).toMatchObject([{ place: 'Peking', date: '2023-02', status: 'happened' }])
    expect(events('2023-03', 'Macron ist am Dienstag zu einem Staatsbesuch in Peking eingetroffen.').map(brief)).toMatchObject([{ place: 'Peking', date: '2023-03' }])
  })

  it('gives people put at the article\'s meeting without a time of their own that meeting\'s date, an announced coming planned', () => {
    const found = events('2019-11-06', 'Xi wird am 20. November zum Forum in Berlin erwartet.', 'Auch Macron hat sein Kommen angekündigt.').map(brief)
    expect(found).toEqual([
      { kind: 'visit', visitors: ['xi-jinping'], place: 'Berlin', country: 'germany', date: '2019-11-20', status: 'planned' },
      { kind: 'visit', visitors: ['macron'], place: 'Berlin', country: 'germany', date: '2019-11-20', status: 'planned' },
    ])
  })

  it('reads people on the tribune of the article’s ceremony as its guests, one stay with a trip to the same city that month', () => {
    const found = events('2019-05-09', 'Moskau (dpa) – Die Parade zum Tag des Sieges begann am Vormittag.', 'Auf der Ehrentribüne sitzt Macron neben Putin.').map(brief)
    expect(found.map((e) => [e.visitors, e.place, e.status])).toEqual([[['macron'], 'Moskau', 'ongoing']])
    const stay = events('2019-05-09', 'Macron ist vom 8. bis 10. Mai zu einem Staatsbesuch in Moskau.', 'Am 9. Mai sitzt er auf der Tribüne der Parade, Gast von Putin in Moskau.').map(brief)
    expect(stay.map((e) => [e.visitors, e.place, e.date])).toEqual([[['macron'], 'Moskau', '2019-05-08']])
  })

  it('finds the dateline after a teaser of two sentences and a date line, only where a paragraph opens', () => {
    const paragraphs = [['Gipfel am See'], ['In der Stadt beraten die Staatschefs.', 'Die Welt schaut zu.'], ['04.09.2016 um 11:52'], ['Hangzhou.', 'Am Sonntag trafen die Gäste ein, unter ihnen Scholz und Macron.']]
    const input = paragraphs.flatMap((p, paragraph) => p.map((text) => ({ text, paragraph }))).map((s, index) => ({ ...s, index }))
    const found = extractEvents(input, matchesOf(input), REGISTRY, '2016-09-04', PLACES)
    expect(found.map((e) => [e.visitors, e.place])).toEqual([
      [['scholz'], 'Hangzhou'],
      [['macron'], 'Hangzhou'],
    ])
  })

  it('places an arrival told with no place at the dateline, a byline\'s city only for arrivals (it may be the reporter\'s base)', () => {
    const arrived = events('2016-09-05', 'Hangzhou (dpa) - Am Sonntag trafen die Staatschefs ein, unter ihnen Scholz und Macron.', 'Bereits am Samstag war Putin gelandet.').map(brief)
    expect(arrived.map((e) => [e.visitors, e.place, e.status])).toEqual([
      [['scholz'], 'Hangzhou', 'happened'],
      [['macron'], 'Hangzhou', 'happened'],
      [['putin'], 'Hangzhou', 'happened'],
    ])
    expect(events('2016-09-05', 'Eva Roth, Hangzhou', 'Am Sonntag ist Macron eingetroffen.').map((e) => e.place)).toEqual(['Hangzhou'])
    expect(events('2016-09-05', 'Eva Roth, Wien', 'Putins Gäste: Macron und Scholz.')).toEqual([])
  })

  it('reads "ist … gekommen" as a trip and "aus Kiew kommend" as no future', () => {
    expect(events('2019-04-26', 'Zum Jahrestag ist Xi nach Moskau gekommen.').map(brief)).toMatchObject([{ visitors: ['xi-jinping'], place: 'Moskau', status: 'happened' }])
    const landed = events('2019-04-26', 'Macron ist am Donnerstagabend aus Kiew kommend in Berlin gelandet.').map(brief)
    expect(landed.find((e) => e.place === 'Berlin')).toMatchObject({ visitors: ['macron'], date: '2019-04', status: 'happened' })
  })

  it('reads "Am Forum nehmen Vertreter …, darunter X und Y, teil" as each member at the forum named before', () => {
    const found = events('2019-04-26', 'Das Forum in Berlin hat begonnen.', 'Am Forum nehmen Vertreter aus vielen Ländern teil, darunter Xi und Putin.').map(brief)
    expect(found.map((e) => [e.visitors, e.place, e.status])).toEqual([
      [['xi-jinping'], 'Berlin', 'ongoing'],
      [['putin'], 'Berlin', 'ongoing'],
    ])
  })

  it('takes "er" as the traveller when the clause names only the host, and as the first person named before', () => {
    const found = events('2019-04-26', 'Macron traf am Montag in Berlin mit Scholz zusammen.', 'Am Donnerstag reist er weiter nach Kiew, wo ihn Selenskyj erwartet.').map(brief)
    expect(found.map((e) => [e.visitors, e.place])).toEqual([
      [['macron'], 'Berlin'],
      [['macron'], 'Kiew'],
    ])
  })

  it('reads the other party of a call told by a pronoun or by a role of another state', () => {
    const found = events('2019-04-26', 'Macron lobte Xi.', 'Er telefonierte am Dienstag zudem mit Putin.', 'Ein Telefonat mit Scholz habe er am Freitag geführt, sagte der französische Präsident.')
    expect(found.map((e) => [e.kind, [...e.visitors, ...e.hosts].sort()])).toEqual([
      ['call', ['macron', 'putin']],
      ['call', ['macron', 'scholz']],
    ])
    // a pronoun with no one of another state before it: no call
    expect(events('2019-04-26', 'Der Tag war lang.', 'Er telefonierte am Dienstag mit Putin.')).toEqual([])
  })

  it('takes no party from a time phrase, and a day told after a dash as the call’s day', () => {
    const found = events('2025-01-22', 'Xi und Putin haben am Dienstag per Video gesprochen – einen Tag nach der Amtseinführung von Trump.')
    expect(found.map((e) => [[...e.visitors, ...e.hosts].sort(), e.date])).toEqual([[['putin', 'xi-jinping'], '2025-01-21']])
  })

  it('reads a leg in a comma stretch of its own tense by that stretch: landed on Wednesday, appears on Friday', () => {
    // the article is of Wednesday 5 June 2019
    const found = events('2019-06-05', 'Macron ist am Mittwoch in Moskau gelandet, am Freitag tritt er gemeinsam mit Putin beim Forum in Sankt Petersburg auf.').map(brief)
    expect(found.map((e) => [e.place, e.date, e.status])).toEqual([
      ['Moskau', '2019-06', 'happened'],
      ['Sankt Petersburg', '2019-06', 'planned'],
    ])
  })

  it('dates "im selben Monat" by the trip told before it, not by the article', () => {
    const found = events('2023-03-22', 'Im Juni 2019 reiste Xi nach Moskau.', 'Im selben Monat traf Macron Putin in Moskau.').map(brief)
    expect(found.map((e) => [e.visitors, e.date])).toEqual([
      [['xi-jinping'], '2019-06'],
      [['macron'], '2019-06'],
    ])
  })

  it('dates "ein Jahr später" / "zwei Monate danach" from the last time told with a year', () => {
    const found = events('2023-03-22', 'Im Mai 2014 unterzeichneten beide Seiten den Vertrag.', 'Zwei Monate danach reiste Macron nach Moskau.').map(brief)
    expect(found.map((e) => [e.visitors, e.date])).toEqual([[['macron'], '2014-07']])
    // with no year told before, the count dates nothing: the article's month, as for any undated trip
    expect(events('2023-03-22', 'Ein Jahr später reiste Macron nach Moskau.').map((e) => e.date)).toEqual(['2023-03'])
  })

  it('dates a trip to a meeting an earlier sentence dated by that time, not by a weekday told there', () => {
    const found = events('2024-05-12', 'Der Gipfel findet im Juni in Bischkek statt.', 'Sowohl Macron als auch Xi haben ihre Teilnahme zugesagt.').map(brief)
    expect(found.map((e) => [e.visitors, e.place, e.date, e.status])).toEqual([
      [['macron'], 'Bischkek', '2024-06', 'planned'],
      [['xi-jinping'], 'Bischkek', '2024-06', 'planned'],
    ])
    // "Im Juni treffen sich …": a meeting told by its verb
    expect(events('2024-05-12', 'Im Juni treffen sich die Staatschefs in Bischkek.', 'Macron hat seine Teilnahme zugesagt.').map((e) => e.date)).toEqual(['2024-06'])
    // the weekday of the meeting sentence is someone's arrival: the guests are there now
    const now = events('2019-04-26', 'Putin ist am Donnerstag zum Forum in Peking gelandet.', 'Am Forum nehmen Vertreter aus 100 Ländern teil, darunter Macron.').map(brief)
    expect(now.find((e) => e.visitors[0] === 'macron')).toMatchObject({ place: 'Peking', date: '2019-04', status: 'ongoing' })
  })

  it('makes the one sent the traveller ("schickte Außenminister Wang Yi nach Berlin"), not a message sent or a person in a description', () => {
    expect(events('2024-05-12', 'Peking schickte Außenminister Wang Yi nach Berlin.').map(brief)).toEqual([
      { kind: 'visit', visitors: ['wang-yi'], place: 'Berlin', country: 'germany', date: '2024-05', status: 'happened' },
    ])
    expect(events('2024-05-12', 'Zur Amtseinführung in Washington schickte Peking Außenminister Wang Yi.').map((e) => [e.visitors, e.place])).toEqual([[['wang-yi'], 'Washington']])
    // the participle stands after the one sent
    expect(events('2024-05-12', 'Zur Feier hatte Peking Außenminister Wang Yi nach Berlin geschickt.').map((e) => [e.visitors, e.place, e.status])).toEqual([[['wang-yi'], 'Berlin', 'happened']])
    expect(events('2024-05-12', 'Putin schickte Xi ein Glückwunschtelegramm nach Peking.')).toEqual([])
    expect(events('2024-05-12', 'Die USA schickten einen Berater von Präsident Biden nach Peking.')).toEqual([])
  })

  it('puts those who "nehmen teil" or "werden erwartet" with no place at the meeting an earlier sentence names', () => {
    const found = events('2019-04-26', 'Das Forum in Peking hat begonnen.', 'Auch Macron und Scholz nehmen teil.').map(brief)
    expect(found.map((e) => [e.visitors, e.place, e.status])).toEqual([
      [['macron'], 'Peking', 'ongoing'],
      [['scholz'], 'Peking', 'ongoing'],
    ])
    expect(events('2019-04-26', 'Das Forum in Peking beginnt im Mai.', 'Auch Macron wird erwartet.').map((e) => [e.visitors, e.place, e.status])).toEqual([[['macron'], 'Peking', 'planned']])
    // a group no one is named in is no one's trip, not that of someone named before (GUIDE)
    expect(events('2019-04-26', 'Das Forum in Peking hat begonnen, Macron sprach dort.', 'An dem Forum nehmen Vertreter aus 140 Ländern teil.').filter((e) => e.sentence === 2)).toEqual([])
    // "nimmt … teil" with an object of its own is no presence at the meeting ("nimmt Anteil", "nimmt an der Sitzung in Berlin teil" has its place)
    expect(events('2019-04-26', 'Das Forum in Peking hat begonnen.', 'Macron nimmt großen Anteil.')).toEqual([])
  })

  it('gives every place of a list its own record with the traveller and time of the first ("Im Mai reiste Xi nach Italien, Usbekistan und Südafrika")', () => {
    expect(events('2024-09-05', 'Im Mai reiste Xi nach Italien, Usbekistan und Südafrika.').map((e) => [e.visitors, e.country, e.date])).toEqual([
      [['xi-jinping'], 'italy', '2024-05'],
      [['xi-jinping'], 'uzbekistan', '2024-05'],
      [['xi-jinping'], 'south-africa', '2024-05'],
    ])
    // a city and its region are one place
    expect(events('2024-09-05', 'Am Freitag trafen sich Putin und Macron in Anchorage, Alaska.').map((e) => e.place)).toEqual(['Anchorage', 'Anchorage'])
  })

  it('does not make the person a clause counts its time from a traveller ("Kurz vor Putin war Macron in Peking")', () => {
    expect(events('2024-05-20', 'Kurz vor Putin war Macron in Peking zu Gast.').map((e) => [e.visitors, e.status])).toEqual([[['macron'], 'happened']])
    expect(events('2024-05-20', 'Macron ist in Peking zu Gast.').map((e) => e.status)).toEqual(['ongoing'])
  })

  it('places an invitation to the meeting an earlier sentence names at that meeting, dated by it', () => {
    const found = events('2019-04-10', 'Das Forum findet im Mai in Peking statt.', 'Macron hat die Einladung von Xi zur Teilnahme am Forum angenommen.').map(brief)
    expect(found.map((e) => [e.visitors, e.place, e.date, e.status])).toEqual([[['macron'], 'Peking', '2019-05', 'planned']])
    // with no meeting named before, the invitation is to the inviter's state, undated
    expect(events('2019-04-10', 'Macron hat eine Einladung von Xi angenommen.').map((e) => [e.country, e.status])).toEqual([['china', 'invited']])
  })

  it('dates a trip told over a span of days ("am 31. August und 1. September", "vom 7. bis 10. Mai") by its first day', () => {
    expect(events('2025-09-03', 'Zuvor hatte Macron am 31. August und 1. September in Peking Gespräche geführt.').map((e) => e.date)).toEqual(['2025-08-31'])
    expect(events('2025-05-03', 'Macron ist vom 7. bis 10. Mai zu Gast in Peking.').map((e) => e.date)).toEqual(['2025-05-07'])
  })

  it('leaves a place to a presence ("in Anwesenheit Putins") when no one is named signing or speaking there', () => {
    expect(events('2016-09-05', 'Beide Firmen unterzeichneten in Shanghai in Anwesenheit Putins einen Vertrag.').map((e) => [e.visitors, e.place])).toEqual([[['putin'], 'Shanghai']])
    // a named signer keeps the place: the words were said (signed) there
    expect(events('2016-09-05', 'Putin unterzeichnete in Shanghai den Vertrag.').map((e) => [e.visitors, e.place])).toEqual([[['putin'], 'Shanghai']])
  })

  it('reads "Ende des Monats reist …" as planned when the end of the month is after the article’s day', () => {
    expect(events('2025-08-19', 'Ende des Monats reist Macron nach Peking.').map((e) => [e.date, e.status])).toEqual([['2025-08', 'planned']])
    expect(events('2025-08-28', 'Anfang des Monats hatte Macron Peking besucht.').map((e) => [e.date, e.status])).toEqual([['2025-08', 'happened']])
  })

  it('records no trip told as merely possible, and an announced one beside it as planned', () => {
    expect(events('2019-04-26', 'Macron könnte im Herbst nach Peking reisen, heißt es in Paris.').map(brief)).toEqual([])
    expect(events('2019-04-26', 'Scholz deutete an, er werde womöglich noch in diesem Jahr nach China fliegen.').map(brief)).toEqual([])
    expect(events('2019-04-26', 'Vielleicht besucht Blinken im Mai Kiew.').map(brief)).toEqual([])
    expect(events('2019-04-26', 'Macron will im Herbst nach Peking reisen; ein Treffen mit Putin dürfte folgen.').map((e) => [e.visitors, e.place, e.status])).toEqual([
      [['macron'], 'Peking', 'planned'],
    ])
  })

  it('reads a role with a state and no name as the person of that state named last ("der chinesische Premier")', () => {
    const found = events(
      '2019-04-26',
      'Wang Yi sprach am Montag in Berlin mit Scholz.',
      'Die Ukraine war kein Thema.',
      'Am Mittwoch wird der chinesische Außenminister in Paris erwartet.',
      'Frankreichs Präsident Macron lobte den Dialog.',
      'Der französische Präsident war zuvor in Kiew gewesen.',
    ).map(brief)
    expect(found.map((e) => [e.visitors, e.place, e.status])).toEqual([
      [['wang-yi'], 'Berlin', 'happened'],
      [['wang-yi'], 'Paris', 'planned'],
      [['macron'], 'Kiew', 'happened'],
    ])
  })

  it('reads no traveller into a role of the host state, a role with a name after it, or a state no one of was named', () => {
    // the host's role: Scholz is German, the trip is to Berlin
    expect(events('2019-04-26', 'Macron sprach mit Scholz.', 'Am Freitag empfängt der deutsche Kanzler Gäste in Berlin.').map(brief)).toEqual([])
    // no Chinese person named before
    expect(events('2019-04-26', 'Macron sprach mit Scholz.', 'Am Mittwoch wird der chinesische Premier in Paris erwartet.').map(brief)).toEqual([])
    // the words that named the traveller are kept with the report; a named subject keeps none
    const [role] = events('2019-04-26', 'Xi sprach mit Scholz.', 'Am Mittwoch wird der chinesische Staatschef in Paris erwartet.')
    expect(role?.visitorsFrom).toMatchObject({ rule: 'role-of-state', cue: expect.stringContaining('chinesische') })
    expect(events('2019-04-26', 'Am Mittwoch wird Xi in Paris erwartet.')[0]?.visitorsFrom).toBeUndefined()
  })

  it('reads "am vergangenen Freitag … hatte besucht" in the past, however near the coming Friday is', () => {
    expect(events('2024-07-09', 'Am vergangenen Freitag hatte Macron Xi in Peking besucht.').map(brief)).toMatchObject([{ visitors: ['macron'], date: '2024-07', status: 'happened' }])
    expect(events('2024-07-09', 'Am Freitag hatte Macron Xi in Peking besucht.').map(brief)).toMatchObject([{ visitors: ['macron'], status: 'happened' }])
  })

  it('keeps one stay told by weekdays across the turn of a month as one trip', () => {
    const found = events('2023-03-01', 'Macron ist am Dienstag zu einem Besuch in Peking eingetroffen.', 'Am Mittwoch wurde er von Xi in Peking empfangen.').map(brief)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ visitors: ['macron'], place: 'Peking', status: 'happened' })
  })

  it('records the city a traveller came from as a leg, not their own capital nor where someone is from', () => {
    const found = events('2022-11-15', 'Macron war am Sonntag aus Rom nach Berlin gereist, zuvor hatte er Kiew besucht.').map(brief)
    expect(found.map((e) => [e.visitors, e.place ?? e.country, e.status]).sort()).toEqual([
      [['macron'], 'Berlin', 'happened'],
      [['macron'], 'Kiew', 'happened'],
      [['macron'], 'Rom', 'happened'],
    ])
    expect(events('2022-11-15', 'Macron war am Sonntag aus Paris nach Berlin gereist.').map((e) => e.place)).toEqual(['Berlin'])
    expect(events('2022-11-15', 'Nach Berlin sind viele Gäste gekommen, darunter Xi aus Peking.').map((e) => e.place)).not.toContain('Peking')
  })

  it('reads "haben ihre Teilnahme zugesagt" as a planned trip to the meeting', () => {
    const found = events('2022-11-15', 'Macron wird am 20. November zum Gipfel in Berlin erwartet.', 'Sowohl Xi als auch Putin haben ihre Teilnahme zugesagt.').map(brief)
    expect(found.map((e) => [e.visitors, e.place, e.date, e.status])).toEqual([
      [['macron'], 'Berlin', '2022-11-20', 'planned'],
      [['xi-jinping'], 'Berlin', '2022-11-20', 'planned'],
      [['putin'], 'Berlin', '2022-11-20', 'planned'],
    ])
    // without a date anywhere, an acceptance is an invitation taken up: invited (GUIDE)
    expect(events('2022-11-15', 'Der Gipfel in Berlin wird vorbereitet.', 'Xi hat seine Teilnahme zugesagt.').map((e) => e.status)).toEqual(['invited'])
  })

  it('dates a trip told after "nachdem" by how long before the news it was ("Wochen statt, nachdem")', () => {
    const found = events('2019-11-20', 'Das Gipfeltreffen findet Wochen statt, nachdem Macron nach Peking gereist ist.')
    expect(found.map(brief)).toEqual([{ kind: 'visit', visitors: ['macron'], place: 'Peking', country: 'china', date: '2019-10', status: 'happened' }])
  })

  it('reads the trips a quoted speaker tells his partner of: "Sie" is the partner, "wir uns" both', () => {
    const found = events(
      '2019-11-20',
      '„Wir arbeiten eng zusammen“, sagte Macron bei einem Treffen mit Xi in Paris.',
      '„Im vergangenen Monat sind Sie in Moskau gewesen, dann haben wir uns vor kurzem in Berlin getroffen.“',
    )
    expect(found.map(brief)).toEqual(
      expect.arrayContaining([
        { kind: 'visit', visitors: ['xi-jinping'], place: 'Moskau', country: 'russia', date: '2019-10', status: 'happened' },
        // travellers of two states to one meeting: one record each (GUIDE)
        expect.objectContaining({ kind: 'visit', visitors: ['macron'], place: 'Berlin', country: 'germany' }),
        expect.objectContaining({ kind: 'visit', visitors: ['xi-jinping'], place: 'Berlin', country: 'germany' }),
      ]),
    )
  })

  it('reads no one into pronouns outside a conversation, outside quotes, or after other people are named', () => {
    // no meeting "mit" someone: no conversation
    expect(events('2019-11-20', 'Macron sprach über Xi.', '„Im vergangenen Monat sind Sie in Moskau gewesen.“')).toEqual([])
    // a conversation, but the sentence is not quoted speech
    expect(events('2019-11-20', 'Macron sagte bei einem Treffen mit Xi, man arbeite zusammen.', 'Im vergangenen Monat sind Sie in Moskau gewesen.')).toEqual([])
    // another person named in between ends the conversation
    expect(
      events('2019-11-20', 'Macron sagte bei einem Treffen mit Xi, man arbeite zusammen.', 'Scholz schwieg dazu.', '„Im vergangenen Monat sind Sie in Moskau gewesen.“'),
    ).toEqual([])
  })

  it('names the hosts: people of the host country in the same clause', () => {
    const [e] = events('2019-11-06', 'Xi hat Scholz am Montag in Peking empfangen.')
    expect(e).toMatchObject({ visitors: ['scholz'], hosts: ['xi-jinping'], status: 'happened' })
  })

  it('reads "empfängt heute" and "nimmt teil" as ongoing', () => {
    expect(events('2019-11-06', 'Xi empfängt heute Scholz in Peking.')[0]).toMatchObject({ visitors: ['scholz'], status: 'ongoing', date: '2019-11' })
    expect(events('2019-11-06', 'Lawrow nimmt derzeit an einer Konferenz in Berlin teil.')[0]).toMatchObject({
      visitors: ['lawrow'],
      country: 'germany',
      status: 'ongoing',
    })
  })

  it('reads "will … reisen" with a month as planned, in the coming year if the month has passed', () => {
    expect(events('2024-03-01', 'Putin will im Mai nach Peking reisen.').map(brief)).toEqual([
      { kind: 'visit', visitors: ['putin'], place: 'Peking', country: 'china', date: '2024-05', status: 'planned' },
    ])
    expect(events('2024-08-01', 'Putin will im Mai nach Peking reisen.')[0]?.date).toBe('2025-05')
  })

  it('reads a present-tense trip "nächste Woche" as planned', () => {
    expect(events('2024-06-12', 'Putin reist nächste Woche nach Pjöngjang.')[0]).toMatchObject({ visitors: ['putin'], date: '2024-06', status: 'planned' })
  })

  it('reads an invitation without a date as invited, and with a season as planned (approx)', () => {
    expect(events('2023-01-10', 'Putin lud Scholz zu einem Besuch nach Moskau ein.')[0]).toMatchObject({
      visitors: ['scholz'],
      hosts: ['putin'],
      date: null,
      status: 'invited',
    })
    expect(events('2023-01-10', 'Xi hat Selenskyj im Sommer zu einem Besuch nach Peking eingeladen.')[0]).toMatchObject({
      visitors: ['selenskyj'],
      date: '2023-06',
      approx: true,
      status: 'planned',
    })
  })

  it('reads an announced trip without a date as invited, "Russland besuchen" naming the country', () => {
    expect(events('2023-02-22', 'Putin kündigte an, dass Xi Russland besuchen werde.').map(brief)).toEqual([
      { kind: 'visit', visitors: ['xi-jinping'], place: null, country: 'russia', date: null, status: 'invited' },
    ])
  })

  it('gives each leg of a trip its own record with its own date', () => {
    const legs = events('2022-02-04', 'Macron reist am 7. Februar nach Moskau und am 8. Februar nach Kiew.').map(brief)
    expect(legs).toEqual([
      { kind: 'visit', visitors: ['macron'], place: 'Moskau', country: 'russia', date: '2022-02-07', status: 'planned' },
      { kind: 'visit', visitors: ['macron'], place: 'Kiew', country: 'ukraine', date: '2022-02-08', status: 'planned' },
    ])
  })

  it('dates each trip by the time expression beside it, not by one in another part of the sentence', () => {
    const found = events('2023-05-10', 'Im vergangenen Jahr war Xi in Moskau, nun reist Putin nach Peking.')
    expect(found.map((e) => [e.visitors[0], e.place, e.date])).toEqual([
      ['xi-jinping', 'Moskau', '2022'],
      ['putin', 'Peking', '2023-05'],
    ])
  })

  it('finds the traveller of an elided subject earlier in the sentence', () => {
    const [e] = events('2022-02-04', 'Scholz will vermitteln: Am 14. Februar reist er nach Kiew.')
    expect(e).toMatchObject({ visitors: ['scholz'], place: 'Kiew', date: '2022-02-14', status: 'planned' })
  })

  it('reads a closed compound "Chinabesuch" as a trip to China', () => {
    expect(events('2014-05-22', 'Während Putins Chinabesuch wurden neue Verträge unterzeichnet.').map(brief)).toEqual([
      { kind: 'visit', visitors: ['putin'], place: null, country: 'china', date: '2014-05', status: 'happened' },
    ])
  })

  it('names the city of a trip given by country when the article puts the traveller in one city there', () => {
    const found = events('2014-05-22', 'Das sagte Putin am Mittwoch in Shanghai.', 'Während Putins Chinabesuch wurden Verträge unterzeichnet.')
    expect(found.map(brief)).toEqual([{ kind: 'visit', visitors: ['putin'], place: 'Shanghai', country: 'china', date: '2014-05', status: 'happened' }])
  })

  it('takes the host country from the other party when a visit names no place', () => {
    expect(events('2023-02-22', 'Ein Besuch von Xi soll nach Angaben von Putin bald folgen.')[0]).toMatchObject({
      visitors: ['xi-jinping'],
      country: 'russia',
      status: 'invited',
    })
  })

  it('does not invent events: talks without travel, domestic meetings, "viermal gesprochen", wars "in der Ukraine"', () => {
    expect(events('2023-02-22', 'Putin traf sich am Mittwoch mit Lawrow.')).toEqual([])
    expect(events('2023-02-22', 'Putin empfing Lawrow in Moskau.')).toEqual([])
    expect(events('2023-02-22', 'Xi hat in diesem Jahr schon viermal mit Putin gesprochen.')).toEqual([])
    expect(events('2023-02-22', 'Besuche in Russland sind für westliche Politiker selten geworden.')).toEqual([])
    expect(events('2023-02-22', 'Blinken sprach bei den Gesprächen über den Krieg in der Ukraine.')).toEqual([])
  })

  it('does not record trips that did not or will not happen', () => {
    expect(events('2023-02-22', 'Xi hat Kiew bisher nicht besucht.')).toEqual([])
    expect(events('2023-02-22', 'Putin sagte seine Reise nach Peking ab.')).toEqual([])
  })

  it('reads an open question "ob … reist" as not yet planned', () => {
    expect(events('2023-02-22', 'Offen ist, ob Xi nach Moskau reist.')[0]).toMatchObject({ visitors: ['xi-jinping'], status: 'invited' })
  })

  it('folds one trip told in several sentences into one draft with the shortest sentence and the best date', () => {
    const found = events(
      '2018-06-08',
      'Xi hat Putin heute mit militärischen Ehren vor der Großen Halle des Volkes in Peking begrüßt.',
      'Putin ist in Peking eingetroffen.',
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ visitors: ['putin'], date: '2018-06', status: 'happened', quote: 'Putin ist in Peking eingetroffen.', sentence: 2 })
  })

  it('keeps two trips to one city apart when the travellers differ', () => {
    const found = events('2022-02-04', 'Macron will am 7. Februar nach Moskau reisen.', 'Scholz will am 15. Februar nach Moskau reisen.')
    expect(found.map((e) => e.visitors)).toEqual([['macron'], ['scholz']])
  })

  it('lets a dated report decide over a headline', () => {
    const found = events('2022-02-04', 'Scholz reist nach Kiew', 'Am 14. Februar reist Scholz nach Kiew.')
    expect(found.map(brief)).toEqual([{ kind: 'visit', visitors: ['scholz'], place: 'Kiew', country: 'ukraine', date: '2022-02-14', status: 'planned' }])
  })
})

describe('extractEvents: calls', () => {
  it('reads a phone call: first-named party calls, the one after "mit" is called, no place', () => {
    expect(events('2022-02-09', 'Scholz telefonierte am Montag mit Putin.').map((e) => ({ ...brief(e), hosts: e.hosts }))).toEqual([
      { kind: 'call', visitors: ['scholz'], hosts: ['putin'], place: null, country: null, date: '2022-02', status: 'happened' },
    ])
  })

  it('reads "am Telefon" as a call between both named parties', () => {
    expect(events('2023-05-10', 'Lawrow und Wang sprachen am Telefon über die Lage.').map((e) => [e.kind, e.visitors, e.hosts])).toEqual([
      ['call', ['lawrow'], ['wang-yi']],
    ])
  })

  it('reads a video call as a call, not a visit, even when a city is named', () => {
    const found = events('2021-06-28', 'In einer Videoschalte mit Xi sprach Putin in Moskau über den Vertrag.')
    expect(found.map((e) => [e.kind, e.visitors, e.hosts, e.place])).toEqual([['call', ['putin'], ['xi-jinping'], null]])
  })

  it('keeps "ab Februar 2022" from dating the call', () => {
    const [e] = events('2021-06-28', 'Der Vertrag gelte ab Februar 2022, erklärten Putin und Xi nach einer Videokonferenz.')
    expect(e).toMatchObject({ kind: 'call', date: '2021-06' })
  })

  it('dates a call by "Anfang Januar", approximately', () => {
    const [e] = events('2023-02-22', 'In einem Telefonat mit Lawrow Anfang Januar sagte Wang, man sei sich einig.')
    expect(e).toMatchObject({ kind: 'call', visitors: ['wang-yi'], hosts: ['lawrow'], date: '2023-01', approx: true })
  })
})

describe('extractEvents: robustness', () => {
  it('loads the gazetteer with German names and their variants', () => {
    const byName = new Map(PLACES.map((p) => [p.name, p]))
    expect(byName.get('Moskau')?.country).toBe('russia')
    expect(byName.get('Peking')?.variants).toContain('Beijing')
    expect(byName.get('Astana')?.variants).toContain('Nur-Sultan')
    expect(parsePlaces({ places: [{ name: 'X' }, 'kaputt', { name: 'Ort', variants: [1], country: 'land' }] })).toEqual([
      { name: 'Ort', variants: [], country: 'land' },
    ])
  })

  it('never throws on arbitrary text, and every quote is one of the input sentences', () => {
    const words = ['Putin', 'Xi', 'reist', 'nach', 'Moskau', 'Besuch', 'telefonierte', 'mit', 'am', 'Montag', 'in', 'Peking', ',', 'will']
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(fc.constantFrom(...words)).map((w) => w.join(' '))), { maxLength: 6 }),
        fc.option(fc.constantFrom('2023-02-22', '2018-06', null)),
        (texts, published) => {
          const input = sentences(...texts)
          for (const e of extractEvents(input, matchesOf(input), REGISTRY, published ?? null, PLACES)) {
            expect(input.some((s) => s.index === e.sentence && s.text === e.quote)).toBe(true)
            expect(e.visitors.length).toBeGreaterThan(0)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('triggersIn', () => {
  const everyMatch = (text: string): { start: number; end: number; text: string }[] =>
    Array.from(text.matchAll(new RegExp(TRIGGER.source, TRIGGER.flags)), (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }))

  it('finds the trigger words TRIGGER finds, also inside compounds and after a trigger ending inside a word', () => {
    for (const text of [
      'Putins Staatsbesuch in Peking folgte der Chinareise von Scholz.',
      'Am Mittwoch traf er im Frühjahr Xi, dann reiste er ab.',
      'Das Großtreffenübersichtsbesuch-Wort und Treffenäreise sind erfunden.',
      // "besuche" ends at "ä" (an ASCII word boundary), and "äreise" then matches from inside the word
      'Erfunden: besucheäreise, trafüberbesuch und kamßreisen.',
      'Übergipfel, Spitzengipfel, Gipfeltreffen und 5 Mrd. US-Dollar Besuchskosten.',
    ]) {
      expect(triggersIn(text)).toEqual(everyMatch(text))
    }
  })

  it('finds every trigger word past its quick cue', () => {
    const words =
      'Besuch Staatsbesuchs besuchte besuchst Reise Chinareisen reist reisten gereist angereist eingetroffen eintreffen trifft traf trafen getroffen treffen zusammentraf zusammentrafen zusammengetroffen zusammenkommen zusammengekommen angekommen ankommen kommt kommen kam kamen geflogen fliegt flog flogen fliegen weilt weilte gewesen empfängt empfing empfangen begrüßt begrüßte begrüßten teilnimmt teilnehmen teilgenommen nimmt nahm nahmen beteiligt erwartet eingeladen einladen lädt lud luden aufgebrochen bricht brach abgereist gelandet landete landet bereist bereiste bereisen Ankunft Visite Stippvisite Einladung Gespräch Gespräche Gesprächen Treffen Treffens Gipfel Gipfeltreffen Spitzengipfel Teilnahme willkommen'.split(' ')
    for (const word of words) {
      const text = `Putin ${word} am Mittwoch.`
      expect(triggersIn(text).map((t) => t.text)).toEqual(everyMatch(text).map((t) => t.text))
      expect(triggersIn(text).length).toBeGreaterThan(0)
    }
    for (const text of ['Putin hält sich in Peking auf.', 'Xi hielt sich im Frühjahr dort auf.']) expect(triggersIn(text)).toEqual(everyMatch(text))
    expect(triggersIn('Putins Rede über 5 Mrd. US-Dollar.')).toEqual([])
  })

  it('equals TRIGGER on any text of trigger pieces, letters and separators', () => {
    const pieces = ['Besuch', 'besuch', 'Reise', 'reise', 'traf', 'Treffen', 'gipfel', 'Gipfel', 'kam', 'willkommen', 'Staats', 'ä', 'ü', 'ß', 'e', 's', 'en', ' ', ' ', '-', '.', '𝔘', 'é']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (list) => {
        const text = list.join('')
        expect(triggersIn(text)).toEqual(everyMatch(text))
      }),
      { numRuns: 5000 },
    )
  })
})

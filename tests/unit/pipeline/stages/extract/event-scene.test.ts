import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../../../pipeline/stages/extract/extract-events.ts'
import { PLACES } from '../../gazetteers.ts'
import type { EventDraft } from '../../../../../pipeline/stages/types.ts'
import { matchesOf, REGISTRY, sentences } from './event-fixtures.ts'

function events(published: string | null, ...texts: string[]): EventDraft[] {
  const input = sentences('Nachrichten aus aller Welt', ...texts)
  return extractEvents(input, matchesOf(input), REGISTRY, published, PLACES)
}

const where = (e: EventDraft) => [e.visitors.join('+'), e.place, e.country]

describe('extractEvents: places told outside the clause', () => {
  it('reads "in der Stadt" and "dort" as the city the sentence before named', () => {
    const found = events('2015-07-08', 'Der Gipfel beginnt in Ufa.', 'In der Stadt trafen am Mittwoch Xi und Macron ein.')
    expect(found.map(where)).toEqual([
      ['xi-jinping', 'Ufa', 'russia'],
      ['macron', 'Ufa', 'russia'],
    ])
    expect(events('2015-07-08', 'Das Forum tagt in Wladiwostok.', 'Xi ist am Dienstag dort eingetroffen.').map(where)).toEqual([['xi-jinping', 'Wladiwostok', 'russia']])
  })

  it('does not read "in der Stadt Qingdao" as an anaphor, nor point back past two sentences', () => {
    expect(events('2018-06-08', 'Xi traf Putin am Freitag in der Stadt Qingdao.').map(where)).toEqual([['putin', 'Qingdao', 'china']])
    expect(events('2015-07-08', 'Der Gipfel beginnt in Ufa.', 'Es regnet.', 'Es ist warm.', 'Xi ist am Mittwoch dort eingetroffen.')).toEqual([])
  })

  it('takes the venue the next sentence gives a meeting ("Die Begegnung findet in … statt")', () => {
    const found = events('2021-03-22', 'Lawrow ist am Montag zu Gesprächen mit Wang Yi eingetroffen.', 'Die zweitägige Begegnung findet in dem Touristenort Guilin statt.')
    expect(found.map(where)).toEqual([['lawrow', 'Guilin', 'china']])
  })

  it('refines a trip to a country or a region of it by the venue of the next sentence', () => {
    const found = events('2021-03-22', 'Lawrow ist am Montag zu Gesprächen in Südchina eingetroffen.', 'Die Gespräche finden in Guilin statt.')
    expect(found.map(where)).toEqual([['lawrow', 'Guilin', 'china']])
    // a venue in another country does not replace the destination
    expect(events('2021-03-22', 'Lawrow ist am Montag nach China gereist.', 'Der Gipfel fand in Paris statt.').map(where)).toEqual([['lawrow', null, 'china']])
  })

  it('reads a region by its compass point as its country ("in Südchina"), not a country of its own', () => {
    expect(events('2021-03-22', 'Macron ist am Montag in Ostrussland eingetroffen.').map(where)).toEqual([['macron', null, 'russia']])
  })

  it('puts a meeting of a local and a foreigner told as the day\'s news at the dateline\'s city', () => {
    const found = events('2015-07-08', 'UFA (dpa) - Der Gipfel beginnt.', 'Putin treffe an diesem Donnerstag auch Macron.')
    expect(found.map(where)).toEqual([['macron', 'Ufa', 'russia']])
    expect(found[0]?.status).toBe('planned')
  })

  it('does not put a dated past meeting, or one without a local, at the dateline\'s city', () => {
    expect(events('2015-07-08', 'UFA (dpa) - Der Gipfel beginnt.', 'Putin traf Macron im Mai 2014.')).toEqual([])
    expect(events('2015-07-08', 'UFA (dpa) - Der Gipfel beginnt.', 'Scholz traf Macron am Mittwoch.')).toEqual([])
    expect(events('2015-07-08', 'MOSKAU/PEKING (dpa) - Der Gipfel beginnt.', 'Putin traf Xi am Mittwoch.')).toEqual([])
  })

  it('puts a role arriving from home at the dateline\'s city, and no one named before at that home', () => {
    const found = events('2015-07-08', 'UFA (dpa) - Der Gipfel beginnt.', 'Auch Macron sprach mit Putin.', 'Der französische Präsident war am Mittwoch aus Paris angereist.')
    expect(found.map(where)).toEqual([['macron', 'Ufa', 'russia']])
  })

  it('reads the guests of a summit under way as ongoing visits at the scene', () => {
    const found = events('2015-07-08', 'UFA (dpa) - Der Gipfel beginnt.', 'Die Gipfelgäste, unter ihnen Macron, seien ein Beweis für Einigkeit.')
    expect(found.map((e) => [...where(e), e.status])).toEqual([['macron', 'Ufa', 'russia', 'ongoing']])
  })

  it('gives each destination of a clause the people of its own comma stretch', () => {
    const found = events(
      '2021-03-22',
      'Lawrow ist am Montag in Guilin eingetroffen.',
      'Die Begegnung findet in Guilin statt, nur Tage nach einem Treffen zwischen Wang Yi und Blinken im US-Bundesstaat Alaska.',
    )
    expect(found.map(where)).toEqual([
      ['lawrow', 'Guilin', 'china'],
      ['wang-yi', 'Alaska', 'usa'],
    ])
  })

  it('reads "die Staatsoberhäupter" after two leaders were named as those two', () => {
    const found = events('2022-09-16', 'Putin und Xi reden über die Ukraine.', 'Bei dem Treffen am Donnerstag im usbekischen Samarkand demonstrierten die Staatsoberhäupter Einigkeit.')
    expect(found.map(where)).toEqual([
      ['putin', 'Samarkand', 'uzbekistan'],
      ['xi-jinping', 'Samarkand', 'uzbekistan'],
    ])
  })
})

describe('extractEvents: taking part from afar', () => {
  it('records no trip for someone who takes part online or by video, and no call for a video address', () => {
    expect(events('2021-10-28', 'Auch am Gipfel in Glasgow will Putin nur online teilnehmen.')).toEqual([])
    expect(events('2021-10-28', 'Putin wird am Gipfel in Rom per Video teilnehmen.')).toEqual([])
  })

  it('keeps the one who comes in person where the sentence contrasts the two', () => {
    const found = events('2021-10-28', 'Russland wird beim Gipfel in Rom neben Putin per Video nun doch persönlich durch Lawrow vertreten sein.')
    expect(found.map((e) => [e.kind, e.visitors.join('+'), e.place])).toEqual([['visit', 'lawrow', 'Rom']])
  })

  it('reads a summit held by video, or a call with a counterpart described, as a call', () => {
    expect(events('2023-11-22', 'Putin nimmt am 21. November 2023 an einem virtuellen Gipfeltreffen teil.').map((e) => [e.kind, e.visitors.join('+')])).toEqual([['call', 'putin']])
    expect(events('2023-11-22', 'Putin telefonierte am Dienstag mit seinem französischen Amtskollegen.').map((e) => e.kind)).toEqual(['call'])
    expect(events('2023-11-22', 'Putin telefonierte am Dienstag mit Xi.').map((e) => [e.kind, e.visitors.join('+'), e.hosts.join('+')])).toEqual([['call', 'putin', 'xi-jinping']])
  })
})

describe('extractEvents: capitals by their state', () => {
  it('reads "in der italienischen Hauptstadt" as Rome, not a capital named after it', () => {
    expect(events('2021-10-28', 'Lawrow werde in der italienischen Hauptstadt am 30. Oktober Treffen wahrnehmen, darunter mit Wang Yi.').map(where)).toEqual([
      ['lawrow', 'Rom', 'italy'],
      ['wang-yi', 'Rom', 'italy'],
    ])
  })
})

describe('extractEvents: quoted speech', () => {
  it('does not let what a speaker says will happen make the reported call a plan', () => {
    const found = events('2022-12-31', 'Und wir werden uns bald persönlich treffen«, sagte Putin am Freitag in einer Videokonferenz mit Xi.')
    expect(found.map((e) => [e.kind, e.status])).toEqual([['call', 'happened']])
    expect(events('2022-12-31', '„Wir werden uns treffen“, sagte Putin am Freitag in einem Telefonat mit Xi.').map((e) => e.status)).toEqual(['happened'])
  })

  it('still reads a plan the quote itself states', () => {
    expect(events('2022-12-31', 'Putin sagte: „Xi wird im Frühjahr nach Moskau reisen.“').map((e) => [e.visitors.join('+'), e.status])).toEqual([['xi-jinping', 'planned']])
  })
})

describe('extractEvents: presence told by where someone spoke', () => {
  it('puts a speaker at the city named after the speech verb, not the people the words are about', () => {
    expect(events('2023-08-23', 'Die Zusammenarbeit solle wachsen, sagte Xi am Mittwoch in Johannesburg.').map(where)).toEqual([['xi-jinping', 'Johannesburg', 'south-africa']])
    expect(events('2023-08-23', 'Putin sagte am Mittwoch in Moskau, Macron werde bald reisen.').map(where)).toEqual([])
    expect(events('2023-08-23', 'Xi sagte, die Lage in Moskau sei ruhig.')).toEqual([])
  })

  it('reads a presence at a summit the article says is still under way as ongoing', () => {
    const found = events('2023-08-23', 'Der Gipfel, der noch bis Donnerstag läuft, ist groß.', 'Die Zusammenarbeit solle wachsen, sagte Xi am Mittwoch in Johannesburg.')
    expect(found.map((e) => e.status)).toEqual(['ongoing'])
  })
})

describe('extractEvents: more places and dates told elsewhere', () => {
  it('sends an invitation with no place to the inviter\'s state (first named, or after "von")', () => {
    expect(events('2025-02-10', 'Xi habe Putin zur Feier im September eingeladen.').map(where)).toEqual([['putin', null, 'china']])
    expect(events('2025-02-10', 'Macron wurde von Xi zur Feier im September eingeladen.').map(where)).toEqual([['macron', null, 'china']])
  })

  it('reads "auf dem Flughafen von Kasan" as the city of an arrival', () => {
    expect(events('2024-10-22', 'Xi wurde bei seiner Landung auf dem Flughafen von Kasan von einer Ehrengarde begrüßt.').map(where)).toEqual([['xi-jinping', 'Kasan', 'russia']])
  })

  it('points "am Gipfel" back to the city of the summit named earlier', () => {
    const found = events('2024-10-22', 'In Kasan findet ein Gipfeltreffen statt.', 'Es regnet.', 'Es ist kalt.', 'Macron wird ebenfalls am Gipfel teilnehmen.')
    expect(found.map((e) => [...where(e), e.status])).toEqual([['macron', 'Kasan', 'russia', 'invited']])
  })

  it('reads a city alone as the first words ("Moskau.") as the dateline', () => {
    expect(events('2025-04-09', 'Moskau.', 'Putin sagte das am Dienstag beim Empfang von Wang Yi.').map(where)).toEqual([['wang-yi', 'Moskau', 'russia']])
  })

  it('reads a bare "die Hauptstadt" as the capital of the country just named, not the city', () => {
    const found = events('2024-10-20', 'Scholz war am Donnerstag zunächst in Shanghai eingetroffen.', 'Am Freitag reiste er weiter in die Hauptstadt.')
    expect(found.map(where)).toEqual([
      ['scholz', 'Shanghai', 'china'],
      ['scholz', 'Peking', 'china'],
    ])
    // a capital with its name after it is that city
    expect(events('2024-10-20', 'Scholz war in Shanghai.', 'Dann reiste er in die Hauptstadt Moskau.').map(where)).toContainEqual(['scholz', 'Moskau', 'russia'])
  })

  it('follows one woman told by "sie" with a singular verb, and a person told by a role noun without a name', () => {
    const she = events('2024-10-20', 'Macron war am Donnerstag in Shanghai eingetroffen.', 'Am Freitag reiste sie weiter nach Peking.')
    expect(she.map(where)).toContainEqual(['macron', 'Peking', 'china'])
    const role = events('2024-10-20', 'Macron war am Donnerstag in Shanghai eingetroffen.', 'Am Freitag reiste der Präsident weiter nach Peking.')
    expect(role.map(where)).toContainEqual(['macron', 'Peking', 'china'])
    // "sie" with a plural verb, and a role with its own complement, are someone else
    expect(events('2024-10-20', 'Macron war am Donnerstag in Shanghai.', 'Am Freitag reisten sie nach Peking.').map(where)).not.toContainEqual(['macron', 'Peking', 'china'])
    expect(events('2024-10-20', 'Macron war am Donnerstag in Shanghai.', 'Der Präsident der Ukraine reiste nach Peking.').map(where)).not.toContainEqual(['macron', 'Peking', 'china'])
  })

  it('reads a dateline after a headline with a colon ("Gipfel in Kasan: …")', () => {
    const found = events('2024-10-22', 'Treffen in Kasan: Die Gäste kommen', 'Kasan (dpa) - Putin empfing zunächst Xi.')
    expect(found.map(where)).toEqual([['xi-jinping', 'Kasan', 'russia']])
    expect(events('2024-10-22', 'Treffen in Kasan: Die Gäste kommen', 'Putin empfing zunächst Xi.')).toEqual([])
  })

  it('reads a known city glued to the first word of the body ("PekingDie …") as the dateline', () => {
    const glued = events('2019-06-05', 'Ein Kicker', 'PekingDie Präsidenten Xi und Putin trafen sich am Mittwoch zu Gesprächen.')
    expect(glued.map(where)).toEqual([['putin', 'Peking', 'china']])
    // not a city it knows, not the start of a paragraph, a city inside a word that goes on in lower case
    expect(events('2019-06-05', 'Ein Kicker', 'NordkoreaDie Präsidenten Xi und Putin trafen sich am Mittwoch zu Gesprächen.').map(where)).toEqual([])
    expect(events('2019-06-05', 'Ein Kicker', 'Pekingreisende Präsidenten Xi und Putin trafen sich am Mittwoch zu Gesprächen.').map(where)).toEqual([])
  })

  it('reads a guest on a named day as planned when the day cannot be compared', () => {
    expect(events('2025-08', 'Am Mittwoch ist Putin bei einer Parade in Peking zu Gast.').map((e) => e.status)).toEqual(['planned'])
  })

  it('does not let a pronoun that is not the traveller stand for an earlier person', () => {
    expect(events('2024-05-16', 'Putin sprach lange.', 'Ein Diplomat war nach China geflogen und hatte Peking aufgefordert, seine Beziehungen zu Moskau einzuschränken.')).toEqual([])
    expect(events('2024-05-16', 'Putin sprach lange.', 'Im Mai war er nach China geflogen.').map(where)).toEqual([['putin', null, 'china']])
  })
})

describe('extractEvents: times of an earlier meeting', () => {
  it('does not date a trip by the time of an earlier meeting the sentence names ("nach ihrem Treffen im Mai")', () => {
    const found = events('2024-07-03', 'Xi und Putin wollen nach ihrem Treffen im Mai in Paris nun in Astana das Profil stärken.')
    const astana = found.filter((e) => e.place === 'Astana')
    expect(astana).toHaveLength(2)
    expect(astana.map((e) => e.date)).not.toContain('2025-05')
    expect(events('2024-07-03', 'Xi und Putin wollen sich im Mai in Astana treffen.').map((e) => e.date)).toContain('2025-05')
  })

  it('reads the meeting a clause looks back to ("nach ihrem Treffen im Mai in Peking") as past, whatever the clause plans', () => {
    const found = events('2024-07-03', 'Xi und Putin wollen nach ihrem Treffen im Mai in Peking nun in Astana gemeinsam auftreten.')
    const peking = found.filter((e) => e.place === 'Peking')
    expect(peking.map((e) => [e.visitors.join('+'), e.date, e.status, e.statusFrom?.rule])).toEqual([['putin', '2024-05', 'happened', 'looked-back']])
    // "seit" looks back too; "vor ihrem Treffen" may look ahead and is left to the clause
    expect(events('2024-07-03', 'Seit seinem Besuch im März in Moskau will Xi die Beziehungen vertiefen.').map((e) => [e.date, e.status])).toEqual([['2024-03', 'happened']])
    expect(events('2024-07-03', 'Vor ihrem Treffen im September in Peking wollen Xi und Putin telefonieren.').map((e) => e.status)).not.toContain('happened')
  })
})

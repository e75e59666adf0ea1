import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildMatcher, discoveredEntry, parseRegistry, slugify } from '../../../../../pipeline/stages/extract/actor-registry.ts'
import { discoverPeople, nameSkeleton } from '../../../../../pipeline/stages/extract/discover-people.ts'
import { extractActors } from '../../../../../pipeline/stages/extract/extract-actors.ts'
import { segmentSentences } from '../../../../../pipeline/stages/text/segment-sentences.ts'
import type { ActorEntry } from '../../../../../pipeline/stages/types.ts'

const parsed = parseRegistry(JSON.parse(readFileSync(new URL('../../../../../data/actors.json', import.meta.url), 'utf8')))
if (!parsed.ok) throw new Error(parsed.error)
const registry: ActorEntry[] = parsed.value
const matcher = buildMatcher(registry)

/** Counts per actor id for a title and body paragraphs. */
function counts(title: string, ...paragraphs: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of extractActors(segmentSentences(title, paragraphs), matcher)) out[m.actorId] = (out[m.actorId] ?? 0) + 1
  return out
}

describe('actor registry', () => {
  it('is valid, with unique ids, and persons name their country', () => {
    expect(registry.length).toBeGreaterThan(250)
    const ids = new Set(registry.map((e) => e.id))
    for (const e of registry.filter((x) => x.kind === 'person' && x.country)) expect(ids.has(e.country ?? '')).toBe(true)
    for (const id of ['putin', 'xi-jinping', 'wang-yi', 'lawrow', 'russia', 'china', 'usa', 'ukraine', 'nato', 'eu', 'un', 'brics', 'sco', 'g20'])
      expect(ids.has(id)).toBe(true)
  })

  it('gives every country its nationality adjectives, no form to two countries, and no person twice by one full name', () => {
    const adjectives = new Map<string, string>()
    for (const e of registry.filter((x) => x.kind === 'country')) {
      for (const a of e.adjectives ?? []) {
        expect(adjectives.get(a) ?? e.id).toBe(e.id)
        adjectives.set(a, e.id)
      }
    }
    expect(adjectives.get('indisch')).toBe('india')
    expect(adjectives.get('brasilianisch')).toBe('brazil')
    const fullNames = new Map<string, string>()
    for (const e of registry.filter((x) => x.kind === 'person')) {
      for (const f of [e.name, ...e.aliases].filter((x) => /\s/.test(x))) {
        expect(fullNames.get(f) ?? e.id).toBe(e.id)
        fullNames.set(f, e.id)
      }
    }
  })

  it('refuses duplicate ids and malformed entries', () => {
    expect(parseRegistry([{ id: 'x', name: 'X', kind: 'country', aliases: [] }, { id: 'x', name: 'Y', kind: 'country', aliases: [] }]).ok).toBe(false)
    expect(parseRegistry([{ id: 'x', name: 'X', kind: 'planet', aliases: [] }]).ok).toBe(false)
  })
})

describe('extractActors', () => {
  it('counts genitive forms: Putins, Moskaus, Chinas', () => {
    expect(counts('Titel', 'Putins Berater lobte die Rolle Moskaus als Handelspartner Chinas.')).toEqual({ putin: 1, russia: 1, china: 1 })
  })

  it('does not count the city of a byline ("Eva Roth, Moskau") or of a caption\'s place and date ("(Peking, 3. Mai 2021)")', () => {
    expect(counts('Titel', 'Eva Roth, Moskau', 'Moskau lobt die Zusammenarbeit.')).toEqual({ russia: 1 })
    expect(counts('Titel', 'Von Eva Roth, Moskau, 05.06.2019', 'Die Partner trafen sich.')).toEqual({})
    expect(counts('Titel', 'Ehrengarde vor dem Palast. (Peking, 3. Mai 2021) Foto: Archiv', 'Peking will mehr Handel.')).toEqual({ china: 1 })
  })

  it('counts "Präsident Wladimir Putin" and "Kremlchef Wladimir Putin" once', () => {
    expect(counts('Titel', 'Präsident Wladimir Putin empfing Gäste.', 'Kremlchef Wladimir Putin sprach danach.')).toEqual({ putin: 2 })
  })

  it('counts "US-Präsident" for the USA but not "US-Dollar" or "US-amerikanisch"', () => {
    expect(counts('Titel', 'Der US-Präsident sprach über den US-Dollar und die US-amerikanische Flotte.')).toEqual({ usa: 1 })
  })

  it('counts hyphenated compounds but not closed ones', () => {
    expect(counts('Titel', 'Die China-Reise fiel in den Ukraine-Krieg, ein Chinabesuch folgte nicht.')).toEqual({ china: 1, ukraine: 1 })
  })

  it('counts a capital standing for its state but not as a place', () => {
    expect(counts('Titel', 'Peking hat die Gespräche in Peking gelobt.')).toEqual({ china: 1 })
    expect(counts('Titel', 'Die Beziehungen zwischen Moskau und Peking sind eng, sagte er nach Moskau und Kiew reisend.')).toEqual({ russia: 1, china: 1 })
    expect(counts('Titel', 'Das teilte der Kreml mit, nachdem im Kreml verhandelt worden war.')).toEqual({ russia: 1 })
    expect(counts('Titel', 'Der Minister plant, Moskau im Herbst zu besuchen.')).toEqual({})
    expect(counts('Titel', 'Das liegt nicht in Moskaus Interesse.')).toEqual({ russia: 1 })
    expect(counts('Titel', 'Aus Moskau hieß es, ein Sprecher des Weißen Hauses widersprach im Weißen Haus.')).toEqual({ russia: 1, usa: 1 })
    expect(counts('Titel', 'Das Minsk-Abkommen scheiterte, der Kreml-Sprecher schwieg.')).toEqual({ russia: 1 })
    expect(counts('Titel', 'Das Land erhält Rückendeckung aus Peking, die Rückkehr aus Peking verzögert sich.')).toEqual({ china: 1 })
  })

  it('reads the members of a list of capitals like the first one', () => {
    expect(counts('Titel', 'Die Gespräche in Peking, Moskau und Teheran dauerten an.')).toEqual({})
    expect(counts('Titel', 'Gegen Peking, Moskau und Teheran richten sich die Sanktionen.')).toEqual({ china: 1, russia: 1, iran: 1 })
    expect(counts('Titel', 'Er flog von Moskau nach Peking, von Moskau kam kein Kommentar.')).toEqual({ russia: 1 })
  })

  it('never counts the capital of a dateline', () => {
    expect(counts('Titel', 'Moskau/Peking (dpa) - Die Minister sprachen.')).toEqual({})
    expect(counts('Titel', 'Moskau (dpa) - Der Minister sprach mit Journalisten.', 'Peking: Die Regierung schwieg.')).toEqual({})
  })

  it('never counts the cities of a dateline: a paragraph of its own, a list of cities, a city glued to the first word', () => {
    expect(counts('Titel', 'Moskau.', 'Der Minister sprach.')).toEqual({})
    expect(counts('Titel', 'Berlin, Peking, Tiflis Wenige Meter trennten die beiden Minister.')).toEqual({})
    expect(counts('Titel', 'Moskau, Peking – Die Minister sprachen lange.')).toEqual({})
    expect(counts('Titel', 'PekingChina will die Handelsordnung mitgestalten.')).toEqual({ china: 1 })
    // a subject, not a dateline: the list has "und"; a city glued to a word that is not a registry form stays one word
    expect(counts('Titel', 'Peking, Moskau und Teheran haben sich geeinigt.')).toEqual({ china: 1, russia: 1, iran: 1 })
    expect(counts('Titel', 'PetroChina meldet Gewinne, Peking ist zufrieden.')).toEqual({ china: 1 })
  })

  it('reads a capital placed by a direction or distance as a place', () => {
    expect(counts('Titel', 'Die Stadt liegt 1300 Kilometer südöstlich von Moskau, 40 Kilometer von Peking entfernt.')).toEqual({})
    expect(counts('Titel', 'Südlich Moskaus und im Zentrum Pekings wurde gebaut, außerhalb Kiews nicht.')).toEqual({})
    expect(counts('Titel', 'Aus Moskau reist eine Delegation nach Genf.')).toEqual({})
    expect(counts('Titel', 'Von Peking aus wird beobachtet, er reiste von Moskau aus weiter, die Bürger Kiews auch.')).toEqual({})
    expect(counts('Titel', 'Die Winterspiele Peking 2022 waren ein Erfolg.')).toEqual({})
    // the state: a possessor, a source, the start of a message
    expect(counts('Titel', 'Die Interessen Moskaus und der Einfluss Pekings wachsen, von Kiew kam kein Kommentar.')).toEqual({ russia: 1, china: 1, ukraine: 1 })
    expect(counts('Titel', 'Aus Moskau hieß es, man sei zufrieden.')).toEqual({ russia: 1 })
  })

  it('counts a name with its abbreviation in brackets once, and each member of a list before one', () => {
    expect(counts('Titel', 'Der Gipfel der Schanghaier Organisation für Zusammenarbeit (SCO) begann, die SCO tagt.')).toEqual({ sco: 2 })
    expect(counts('Titel', 'Die Europäische Union (EU) verhängte Sanktionen.')).toEqual({ eu: 1 })
    // a former or other name of the same actor in brackets: still one mention; another actor in brackets is its own
    expect(counts('Titel', 'Belarus (früher Weißrussland) trat bei, Belarus (auch Weißrussland genannt) ebenso.')).toEqual({ belarus: 3 })
    expect(counts('Titel', 'Belarus (früher ein Teil der Sowjetunion) und Russland (mit China) stimmten zu.')).toEqual({ belarus: 1, 'soviet-union': 1, russia: 1, china: 1 })
    expect(counts('Titel', 'Die Staaten Brasilien, Russland, Indien, China und Südafrika (Brics) trafen sich.')).toEqual({
      brazil: 1, russia: 1, india: 1, china: 1, 'south-africa': 1, brics: 1,
    })
  })

  it('counts "die Union" for the EU only where the article names the EU otherwise and not the CDU/CSU', () => {
    expect(counts('Titel', 'Die EU verhängte Sanktionen.', 'Der Handel mit der Union wächst.')).toEqual({ eu: 2 })
    expect(counts('Titel', 'Der Handel mit der Union wächst.')).toEqual({})
    expect(counts('Titel', 'Die EU und die CDU streiten, die Union will mehr Geld.')).toEqual({ eu: 1 })
    expect(counts('Titel', 'Die EU lobt die Union Investment.')).toEqual({ eu: 1 })
  })

  it('counts intergovernmental bodies in the spellings of the German press, national agencies and companies not', () => {
    expect(counts('Titel', 'Der Uno-Sicherheitsrat tagte, die Uno schwieg, der ICC ermittelt.')).toEqual({ un: 2, icc: 1 })
    expect(counts('Titel', 'Die europäische Raumfahrtbehörde ESA und die NASA planen, Roskosmos und Gazprom nicht.')).toEqual({ esa: 1 })
  })

  it('counts Brüssel for the EU where it stands for it, not as a place', () => {
    expect(counts('Titel', 'Brüssel hat neue Sanktionen beschlossen, die Minister tagten in Brüssel.')).toEqual({ eu: 1 })
  })

  it('does not count a country inside an English proper name', () => {
    expect(counts('Titel', 'Zahlungen laufen über das China International Payments System.')).toEqual({})
    expect(counts('Titel', 'In Kasachstan wächst der Einfluss, sagt die Bank of China.')).toEqual({ kazakhstan: 1 })
    // a party's proper name (GUIDE: a country inside another entity's name is not a mention); the party of a country is
    expect(counts('Titel', 'Der Generalsekretär der Kommunistischen Partei Chinas sprach, die Kommunistische Partei Vietnams auch.')).toEqual({})
    expect(counts('Titel', 'Die größte Partei Chinas und die Politik Vietnams.')).toEqual({ china: 1, vietnam: 1 })
  })

  it('counts "die Volksrepublik" alone as China, and "Volksrepublik China" once', () => {
    expect(counts('Titel', 'Die Volksrepublik wächst. Die Volksrepublik China investiert.')).toEqual({ china: 2 })
  })

  it('counts a shared surname only when the article names that person in full', () => {
    expect(counts('Titel', 'Wang sprach lange.')).toEqual({})
    expect(counts('Titel', 'Wang sprach lange.', 'Später traf Wang Yi den Minister.')).toEqual({ 'wang-yi': 2 })
    expect(counts('Titel', 'Xi sprach lange mit Lawrow.')).toEqual({ 'xi-jinping': 1, lawrow: 1 })
    expect(counts('Titel', 'Premier Li Qiang kam an. Li sagte wenig.')).toEqual({ 'li-qiang': 2 })
    expect(counts('Titel', 'Li sagte wenig.')).toEqual({})
  })

  it('counts the surname of a registry person given only in full, where the article names the person in full', () => {
    const own: ActorEntry[] = [
      { id: 'kowalski', name: 'Jan Kowalski', kind: 'person', aliases: [] },
      { id: 'hun-sen', name: 'Hun Sen', kind: 'person', aliases: [] },
      { id: 'da-costa', name: 'Rui da Costa', kind: 'person', aliases: [] },
      { id: 'abiy', name: 'Abiy Ahmed', kind: 'person', aliases: ['Abiy'] },
    ]
    const ownMatcher = buildMatcher(own)
    const ownCounts = (...paragraphs: string[]): Record<string, number> => {
      const out: Record<string, number> = {}
      for (const m of extractActors(segmentSentences('Titel', paragraphs), ownMatcher)) out[m.actorId] = (out[m.actorId] ?? 0) + 1
      return out
    }
    expect(ownCounts('Jan Kowalski kam an.', 'Kowalski sagte, Kowalskis Plan gelte.')).toEqual({ kowalski: 3 })
    // not without the full name; not the last word of a name led by its family name, with a particle, or known by its given name
    expect(ownCounts('Kowalski sagte wenig.')).toEqual({})
    expect(ownCounts('Hun Sen kam an.', 'Sen sagte wenig.')).toEqual({ 'hun-sen': 1 })
    expect(ownCounts('Rui da Costa kam an.', 'Costa sagte wenig.')).toEqual({ 'da-costa': 1 })
    expect(ownCounts('Abiy Ahmed kam an.', 'Ahmed sagte wenig.')).toEqual({ abiy: 1 })
  })

  it('counts a person\'s hyphenated name for the state its first part names too ("Kreml-Chef"), once with the name after it', () => {
    expect(counts('Titel', 'Der Kreml-Chef reiste ab.')).toEqual({ putin: 1, russia: 1 })
    expect(counts('Titel', 'Kreml-Chef Wladimir Putin reiste ab.')).toEqual({ putin: 1, russia: 1 })
    expect(counts('Titel', 'Der Kremlchef reiste ab.')).toEqual({ putin: 1 })
  })

  it('does not count a name that continues after an apostrophe ("Xi\'an"), but counts "Xi\'s"', () => {
    expect(counts('Titel', "Er reiste nach Xi'an. Xi's Rede folgte.")).toEqual({ 'xi-jinping': 1 })
  })

  it('does not count adjectives or descriptions without a name', () => {
    expect(counts('Titel', 'Der russische Präsident und der chinesische Staatschef sprachen über russisch-chinesische Fragen.')).toEqual({})
  })

  it('reads a name only as a whole word: not glued to digits, underscores or letters outside the BMP', () => {
    const sentences = segmentSentences('Titel', ['Putins Plan, (Putin) und „Putin“ gegen 2Putin, Putin_2, 𝔘Putin und Putin𝔘.'])
    expect(extractActors(sentences, matcher).map((m) => m.surface)).toEqual(['Putins', 'Putin', 'Putin'])
  })

  it('gives offsets that point at the name inside its sentence', () => {
    const sentences = segmentSentences('Xi trifft Putin', ['Am Montag sprach Russlands Präsident Wladimir Putin.'])
    for (const m of extractActors(sentences, matcher)) {
      expect(sentences[m.sentence]?.text.slice(m.start, m.end)).toBe(m.surface)
    }
  })
})

describe('discoverPeople', () => {
  it('finds people after role nouns and speech verbs, but not media or known people', () => {
    const sentences = segmentSentences('Titel', [
      'Der Analyst Max Beispielmann warnte vor Eile.',
      '„Das ist ein Signal“, sagte Lena Mustermann, Professorin in Wien.',
      'Außenminister Sergej Lawrow widersprach, berichtete Reuters.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Max Beispielmann', 'Lena Mustermann'])
  })

  it('makes a discovered person countable, with later surname mentions in the same article', () => {
    const entry = discoveredEntry('Max Beispielmann')
    expect(entry).toMatchObject({ id: 'max-beispielmann', kind: 'person', aliases: ['Beispielmann'] })
    const withDiscovered = buildMatcher(registry, [entry])
    const sentences = segmentSentences('Titel', ['Der Analyst Max Beispielmann warnte.', 'Beispielmann sieht Risiken.'])
    expect(extractActors(sentences, withDiscovered).filter((m) => m.actorId === entry.id)).toHaveLength(2)
    const elsewhere = segmentSentences('Titel', ['Beispielmann sieht Risiken.'])
    expect(extractActors(elsewhere, withDiscovered).filter((m) => m.actorId === entry.id)).toHaveLength(0)
  })

  it('finds a name after a role with a genitive complement, and a Chinese name led by a known family name', () => {
    const sentences = segmentSentences('Titel', [
      '„Das ist ein Erfolg“, sagte der Sprecher des Handelsministeriums, He Beispiel.',
      'Handelsminister Wang Musterfeng reiste nach Berlin.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['He Beispiel', 'Wang Musterfeng'])
    expect(discoveredEntry('Wang Musterfeng').aliases).toEqual(['Wang'])
  })

  it('does not take known people, role nouns or first names of known people for new people', () => {
    const sentences = segmentSentences('Titel', [
      'Dazu sagte Bundeskanzler Olaf Scholz wenig.',
      'Es trafen sich Außenminister Wang Yi Sergej Lawrow und andere.',
      'Das sagte Außenministerin Annalena Baerbock.',
      'Das berichtete Radio Free Europe, so schrieb Global Times, meldete die New York Times.',
    ])
    expect(discoverPeople(sentences, matcher)).toEqual([])
  })

  it('finds names after role compounds and after speech verbs in sentences with no role word', () => {
    const sentences = segmentSentences('Titel', [
      'Am Mittwoch widersprach Ex-Vizepräsidentin Erika Musterfrau den Plänen.',
      'Putins Kurs sei riskant, sagte Hans Beispieler.',
      'Im Frühjahr hatte die Sonderbeauftragte Olga Probewitsch 5 Mrd. US-Dollar gefordert.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Erika Musterfrau', 'Hans Beispieler', 'Olga Probewitsch'])
  })

  it('finds a hyphenated first name, and nobody in a sentence without two capitalized words in a row', () => {
    const sentences = segmentSentences('Titel', ['Putins Berater Hans-Peter Probemann widersprach am Mittwoch.', 'am mittwoch sagte er nichts, so hieß es.'])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Hans-Peter Probemann'])
  })

  it('stops a name before a following noun unless punctuation closes it', () => {
    const sentences = segmentSentences('Titel', ['Am Montag traf Außenminister Max Beispielmann Vertreter der Opposition.'])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Max Beispielmann'])
  })

  it('gives a discovered person the state its phrase names: genitive, adjective, compound, complement, apposition', () => {
    const sentences = segmentSentences('Titel', [
      'Indiens Premier Narendra Modi und der brasilianische Präsident Max Beispielo trafen ein.',
      'Kasachstans Präsident Erlan Musterow sprach, der ehemalige iranische Außenminister Ali Beispieli widersprach.',
      'Das sagte US-Außenminister Tom Probe, Kremlsprecher Dmitri Beispielkow schwieg.',
      'Der Sprecher des chinesischen Außenministeriums, Geng Muster, und der Präsident der Mongolei, Batu Probe, sprachen.',
      'Lawrow traf seinen chinesischen Kollegen Zhang Beispiel. „Gut“, sagte Hans Probemann, der frühere indische Botschafter.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => [p.name, p.country])).toEqual([
      ['Max Beispielo', 'brazil'],
      ['Erlan Musterow', 'kazakhstan'],
      ['Ali Beispieli', 'iran'],
      ['Tom Probe', 'usa'],
      ['Dmitri Beispielkow', 'russia'],
      ['Geng Muster', 'china'],
      ['Batu Probe', 'mongolia'],
      ['Zhang Beispiel', 'china'],
      ['Hans Probemann', 'india'],
    ])
  })

  it('gives no state where the phrase names none or names the subject of an expertise or the host of a post', () => {
    const sentences = segmentSentences('Titel', [
      'Der China-Experte Max Beispielmann widersprach.',
      'Der von Russland ernannte Gouverneur Erika Musterfrau sprach.',
      'Der Botschafter in China, Hans Beispieler, sagte das.',
      'Novatek-Chef Olga Probewitsch sagte das.',
    ])
    const found = discoverPeople(sentences, matcher)
    expect(found.map((p) => p.name)).toEqual(['Max Beispielmann', 'Erika Musterfrau', 'Hans Beispieler', 'Olga Probewitsch'])
    expect(found.map((p) => p.country)).toEqual([undefined, undefined, undefined, undefined])
  })

  it('says how it read the state: the rule and the phrase as written', () => {
    const sentences = segmentSentences('Titel', [
      'Die brasilianische Präsidentin Erika Beispiela kam, Indiens Premier Max Probeman auch.',
      'US-Außenminister Tom Probe und der Sprecher des chinesischen Außenministeriums, Geng Muster, sprachen.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.countryFrom)).toEqual([
      { rule: 'nationality-adjective', cue: 'brasilianische Präsidentin', reference: null },
      { rule: 'nationality-genitive', cue: 'Indiens Premier', reference: null },
      { rule: 'nationality-compound', cue: 'US-Außenminister', reference: null },
      { rule: 'nationality-complement', cue: 'Sprecher des chinesischen Außenministeriums', reference: null },
    ])
  })

  it('carries the state into the discovered entry, where the events stage reads it', () => {
    const from = { rule: 'nationality-adjective', cue: 'brasilianische Präsident', reference: null }
    expect(discoveredEntry('Max Beispielo', 'brazil', from)).toMatchObject({ id: 'max-beispielo', country: 'brazil', countryFrom: from })
    expect(discoveredEntry('Max Beispielo')).not.toHaveProperty('country')
  })

  it('finds a person named with an apposition that gives a role, but not a company', () => {
    const sentences = segmentSentences('Titel', [
      'Weil Gennadi Probow, einer der wichtigsten Aktionäre, auf der Liste stand, blieb der Kredit aus.',
      'Dabei traf Max Muster, der frühere Botschafter, den Minister.',
      'Die Firma Huawei Technologies, einer der Marktführer, wächst, der Konzern Gazprom Neft, einer der größten Ölförderer, auch.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Gennadi Probow', 'Max Muster'])
  })

  it('finds people after business and other offices: CEO, Milliardär, Oppositionsführer, Machthaber', () => {
    const sentences = segmentSentences('Titel', [
      'Der Präsident traf Novatek-CEO Leonid Probelson und den Milliardär Oleg Musterow.',
      'Oppositionsführer Max Muster widersprach dem Marktführer Erika Probe.',
      '„Das ist ein Signal“, erläuterte Hans Beispieler.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Leonid Probelson', 'Oleg Musterow', 'Max Muster', 'Hans Beispieler'])
  })

  it('gives the people after a role\'s list of states the state in their place', () => {
    const inOrder = (text: string) => discoverPeople(segmentSentences('Titel', [text]), matcher).map((p) => [p.name, p.country, p.countryFrom?.rule])
    expect(inOrder('Zuvor trafen sich die Staatschefs Russlands, der Mongolei und Chinas, Wladimir Putin, Batu Musterbaatar und Xi Jinping.')).toEqual([
      ['Batu Musterbaatar', 'mongolia', 'nationality-in-order'],
    ])
    // as many people as states, or no state for any of them
    expect(inOrder('Die Präsidenten Russlands und der Mongolei, Batu Musterbaatar, Erika Probe und Hans Beispiel, kamen.').map((p) => p[1])).not.toContain('mongolia')
  })

  it('finds the members of a list after a role or after a state and a known person, each with its own state', () => {
    const sentences = segmentSentences('Titel', [
      'Am Gipfel nahmen die Präsidenten Max Muster, Erika Probe und Hans Beispiel teil.',
      'Chinas Xi Jinping, Indiens Ram Musterdas und Brasiliens Erika Probeira kamen.',
      'Der Präsident Tadschikistans, Emomali Muster, sprach zuerst.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => [p.name, p.country])).toEqual([
      ['Max Muster', undefined],
      ['Erika Probe', undefined],
      ['Hans Beispiel', undefined],
      ['Ram Musterdas', 'india'],
      ['Erika Probeira', 'brazil'],
      ['Emomali Muster', 'tajikistan'],
    ])
  })

  it('ends a list at what is no name: a known person with a title, a company, a genitive that is not a state', () => {
    const sentences = segmentSentences('Titel', [
      'Es ging um ein Treffen zwischen US-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong-un.',
      'Dazu sprachen Außenminister Max Muster, Deutsche Bank und Nord Stream.',
      'Dazu reiste Außenminister Max Muster, Sankt Petersburg und Moskau im Blick, ab.',
      'Chinas Xi Jinping und Putins Berater Juri Uschakow schwiegen.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Max Muster'])
  })

  it('takes another transliteration of a registry person for that person, and counts its surname for them', () => {
    expect(nameSkeleton('Sergej Lawrow')).toBe(nameSkeleton('Sergey Lavrov'))
    expect(nameSkeleton('Dmitrij Medwedew')).toBe(nameSkeleton('Dmitry Medvedev'))
    expect(nameSkeleton('Sergej Lawrow')).not.toBe(nameSkeleton('Sergej Lawrenko'))
    const sentences = segmentSentences('Titel', ['Außenminister Sergei Lavrow sagte das.', 'Lavrow fügte hinzu, es sei gut.'])
    const found = discoverPeople(sentences, matcher)
    expect(found.map((p) => [p.name, p.sameAs])).toEqual([['Sergei Lavrow', 'lawrow']])
    const withVariant = buildMatcher(registry, found.map((p) => discoveredEntry(p.name, p.country, p.countryFrom, p.sameAs)))
    expect(extractActors(sentences, withVariant).map((m) => m.actorId)).toEqual(['lawrow', 'lawrow'])
    expect(withVariant.byId.has('sergei-lavrow')).toBe(false)
    // a different surname is a different person
    expect(discoverPeople(segmentSentences('Titel', ['Außenminister Sergej Lawrenko sagte das.']), matcher)[0]?.sameAs).toBeUndefined()
  })

  it('keeps a third word of a name that a verb follows, and Arabic names with "bin" and "al-"', () => {
    const sentences = segmentSentences('Titel', [
      'Der frühere Außenminister Ali Akbar Beispieli warnte.',
      'Am Montag traf Außenminister Max Beispielmann Vertreter der Opposition.',
      'Außenminister Faisal bin Musterhan reiste nach Moskau, Präsident Ahmed al-Probe auch.',
    ])
    expect(discoverPeople(sentences, matcher).map((p) => p.name)).toEqual(['Ali Akbar Beispieli', 'Max Beispielmann', 'Faisal bin Musterhan', 'Ahmed al-Probe'])
    expect(discoveredEntry('Ahmed al-Probe').aliases).toEqual(['al-Probe'])
  })

  it('finds a name right after a role of a named state, not after a role of anything else', () => {
    const sentences = segmentSentences('Titel', ['Der Ex-Präsident der Mongolei Batu Beispiel kam, der Chef der Firma Max Muster nicht.'])
    expect(discoverPeople(sentences, matcher).map((p) => [p.name, p.country])).toEqual([['Batu Beispiel', 'mongolia']])
  })

  it('finds another spelling of a registry person without a role, but never conflates pinyin names', () => {
    const sentences = segmentSentences('Titel', ['Sergei Lavrow traf in Peking Wang Ji, Dmitry Medwedew warnte.'])
    expect(discoverPeople(sentences, matcher).map((p) => [p.name, p.sameAs])).toEqual([
      ['Sergei Lavrow', 'lawrow'],
      ['Dmitry Medwedew', 'medwedew'],
    ])
    expect(nameSkeleton('Wang Ji')).toBe(nameSkeleton('Wang Yi'))
  })

  it('slugs names to ASCII ids', () => {
    expect(slugify('Mevlüt Çavuşoğlu')).toBe('mevlut-cavusoglu')
    expect(slugify('Große Straße')).toBe('grosse-strasse')
  })
})

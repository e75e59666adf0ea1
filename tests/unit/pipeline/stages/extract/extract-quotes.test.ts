import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildMatcher, discoveredEntry, parseRegistry } from '../../../../../pipeline/stages/extract/actor-registry.ts'
import { discoverPeople } from '../../../../../pipeline/stages/extract/discover-people.ts'
import { extractActors } from '../../../../../pipeline/stages/extract/extract-actors.ts'
import { extractQuotes } from '../../../../../pipeline/stages/extract/extract-quotes.ts'
import { parseOffices } from '../../../../../pipeline/stages/extract/quote-offices.ts'
import { segmentSentences } from '../../../../../pipeline/stages/text/segment-sentences.ts'
import type { QuoteDraft } from '../../../../../pipeline/stages/types.ts'

const data = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../../data/${name}`, import.meta.url), 'utf8'))
const parsed = parseRegistry(data('actors.json'))
if (!parsed.ok) throw new Error(parsed.error)
const registry = parsed.value
const offices = parseOffices(data('offices.json'))

/** The quotes of an article: a neutral title (sentence 0), then the paragraphs, dated `date`. */
function quotesOf(date: string | null, ...paragraphs: string[]): QuoteDraft[] {
  const sentences = segmentSentences('Nachrichten aus aller Welt', paragraphs)
  const people = discoverPeople(sentences, buildMatcher(registry)).map((p) => discoveredEntry(p.name, p.country, p.countryFrom, p.sameAs))
  const matcher = buildMatcher(registry, people)
  return extractQuotes(sentences, extractActors(sentences, matcher), { registry: matcher.registry, offices, date })
}
const brief = (q: QuoteDraft) => ({ kind: q.kind, speaker: q.speaker, text: q.text })
const quotes = (...paragraphs: string[]) => quotesOf('2023-05-10', ...paragraphs).map(brief)

describe('extractQuotes: direct quotations', () => {
  it('reads quoted words with their attribution after them, in any quotation marks', () => {
    expect(quotes('„Wir stehen fest an der Seite unserer Partner“, sagte Putin am Montag in Moskau.')).toEqual([
      { kind: 'direct', speaker: 'putin', text: 'Wir stehen fest an der Seite unserer Partner' },
    ])
    expect(quotes('»Die Gespräche waren offen und sehr konstruktiv«, so Lawrow nach dem Treffen.')[0]).toMatchObject({ speaker: 'lawrow' })
    expect(quotes('«Unsere Zusammenarbeit wächst jedes Jahr weiter», betonte Xi Jinping.')[0]).toMatchObject({ speaker: 'xi-jinping' })
    expect(quotes('"Wir halten diesen Schritt für einen schweren Fehler", erklärte Blinken.')[0]).toMatchObject({ speaker: 'blinken' })
  })

  it('reads the attribution before a colon, also at the end of the paragraph before the quote', () => {
    expect(quotes('Wang Yi sagte vor Journalisten: „China wird seine Haltung nicht ändern, das ist klar.“')[0]).toMatchObject({ kind: 'direct', speaker: 'wang-yi' })
    expect(quotes('Putin empfing am Dienstag den Gast. Er fügte hinzu:', '„Wir werden diese Gespräche bald fortsetzen müssen.“')[0]).toMatchObject({ speaker: 'putin' })
  })

  it('does not take scare quotes and titles of one to four words for quotes', () => {
    expect(quotes('Beide Seiten sprachen von einer „grenzenlosen“ Partnerschaft.')).toEqual([])
    expect(quotes('Das Manöver „Wostok 2018“ begann am Dienstag im Osten.')).toEqual([])
    expect(quotes('Die Pipeline „Kraft Sibiriens 2“ soll bald gebaut werden.')).toEqual([])
  })

  it('joins a quote interrupted by its attribution, in one sentence or the next', () => {
    expect(quotes('„Die Lage ist schwierig“, sagte Lawrow, „aber wir sehen einen Weg nach vorn.“')).toEqual([
      { kind: 'direct', speaker: 'lawrow', text: 'Die Lage ist schwierig … aber wir sehen einen Weg nach vorn' },
    ])
    expect(quotes('„Die Lage ist schwierig“, sagte Lawrow. „Wir sehen dennoch einen gangbaren Weg nach vorn.“')).toEqual([
      { kind: 'direct', speaker: 'lawrow', text: 'Die Lage ist schwierig … Wir sehen dennoch einen gangbaren Weg nach vorn' },
    ])
  })

  it('gives a quote paragraph with no attribution the speaker of the quote before it, and no one without one', () => {
    const found = quotes('Lawrow sagte, die Beziehungen seien so gut wie nie zuvor.', '„Wir arbeiten jeden Tag an neuen gemeinsamen Projekten.“')
    expect(found[1]).toEqual({ kind: 'direct', speaker: 'lawrow', text: 'Wir arbeiten jeden Tag an neuen gemeinsamen Projekten' })
    expect(quotes('Der Gipfel begann am Morgen.', '„Wir arbeiten jeden Tag an neuen gemeinsamen Projekten.“')).toEqual([])
  })

  it('takes quoted words inside a clause after a verb of calling, not after a comma further on', () => {
    expect(quotes('Putin wertete das Treffen als „Zeichen für besonderes Vertrauen zwischen uns“.')[0]).toMatchObject({ kind: 'direct', speaker: 'putin' })
    expect(quotes('Der Plan sprach von Ländern, die „ihren Teil zur Deeskalation der Krise beitragen“ müssten.')).toEqual([])
  })

  it('pairs mixed marks a crawl left («…“) and a closing mark whose opening one was lost', () => {
    expect(quotes('«Wir werden einen Weg finden, uns bald persönlich zu treffen“, sagte Putin.')[0]).toMatchObject({ speaker: 'putin' })
    expect(quotes('Das hilft beiden Ländern sehr, die Abhängigkeit zu verringern", erklärte die russische Zentralbank.')[0]).toMatchObject({
      kind: 'direct',
      speaker: 'russia',
    })
  })
})

describe('extractQuotes: reported speech', () => {
  it('reads a dass-clause or a clause in Konjunktiv after a speech verb, with the subject before or after the verb', () => {
    expect(quotes('Xi betonte, dass die Partnerschaft mit Russland Vorrang habe.')).toEqual([
      { kind: 'reported', speaker: 'xi-jinping', text: 'dass die Partnerschaft mit Russland Vorrang habe' },
    ])
    expect(quotes('Dabei sagte Wang Yi, China sei zu weiteren Gesprächen bereit.')[0]).toMatchObject({ speaker: 'wang-yi', text: 'China sei zu weiteren Gesprächen bereit' })
    expect(quotes('In einem Telefonat am Montag erklärte Lawrow, die Sanktionen würden scheitern.')[0]).toMatchObject({ speaker: 'lawrow' })
  })

  it('does not take a bare object or a relative clause after the object for reported words', () => {
    expect(quotes('Putin kritisierte die Sanktionen des Westens scharf.')).toEqual([])
    expect(quotes('Xi betonte die Partnerschaft zweier Länder, die beide vor großen Aufgaben stehen.')).toEqual([])
  })

  it('reads a zu-infinitive after verbs that take one, not a purpose clause', () => {
    expect(quotes('China hat angekündigt, bald einen eigenen Friedensplan vorzulegen.')[0]).toMatchObject({ speaker: 'china', text: 'bald einen eigenen Friedensplan vorzulegen' })
    expect(quotes('Lawrow rief zur Zusammenarbeit auf, um den Druck des Westens abzuwehren.')).toEqual([])
  })

  it('reads the clause before a closing attribution (", sagte …", ", so …", ", teilte … mit"), not a main verb after an apposition', () => {
    expect(quotes('Die Gespräche seien sehr offen verlaufen, sagte Peskow am Freitag.')[0]).toMatchObject({ speaker: 'peskow' })
    expect(quotes('Der Handel werde weiter wachsen, so das chinesische Handelsministerium.')[0]).toMatchObject({ speaker: 'china' })
    expect(quotes('Es seien Gespräche in Peking geplant, teilte das Verteidigungsministerium in Moskau mit.')[0]).toMatchObject({ speaker: 'russia' })
    expect(quotes('Putin und der Berater des Kremls, Juri Uschakow, bekräftigten bei den Gesprächen am Montag ihre Haltung.')).toEqual([])
  })

  it('does not read "so" as an attribution when a verb follows it', () => {
    expect(quotes('Waren es 2015 nur zwei Prozent, so erreichte diese Zahl 2017 schon neun Prozent.')).toEqual([])
  })

  it('reads an attribution inside the reported words (", so Lawrow,") as one quote', () => {
    expect(quotes('China und Russland, so Lawrow, hätten einen intensiven Austausch beibehalten.')).toEqual([
      { kind: 'reported', speaker: 'lawrow', text: 'China und Russland … hätten einen intensiven Austausch beibehalten' },
    ])
  })

  it('reads source phrases: laut X, X zufolge, nach Angaben von X, wie X mitteilte, demnach', () => {
    expect(quotes('Ein Besuch in Peking soll laut Putin bald folgen.')[0]).toMatchObject({ speaker: 'putin' })
    expect(quotes('Der Handel ist Xi zufolge um ein Drittel gewachsen.')[0]).toMatchObject({ speaker: 'xi-jinping' })
    expect(quotes('Nach Angaben des Kremls soll es um Energie gehen.')[0]).toMatchObject({ speaker: 'russia' })
    expect(quotes('Wie Lawrow am Montag mitteilte, soll das Treffen im Juni stattfinden.')[0]).toMatchObject({ speaker: 'lawrow', text: 'soll das Treffen im Juni stattfinden' })
    expect(quotes('Lawrow sagte, die Lieferungen würden steigen.', 'Der Vertrag ist demnach auf zwanzig Jahre ausgelegt.')[1]).toMatchObject({ speaker: 'lawrow' })
  })

  it('reads "Das teilte X mit." as the attribution of the sentence before it', () => {
    const found = quotes('Beide Seiten vereinbarten eine engere Zusammenarbeit in der Raumfahrt. Das teilte Rogosin am Dienstag mit.')
    expect(found).toEqual([{ kind: 'reported', speaker: 'rogosin', text: 'Beide Seiten vereinbarten eine engere Zusammenarbeit in der Raumfahrt' }])
  })

  it('reads speech nouns with their owner: "die Sorge, dass", "Warnungen der USA, …"', () => {
    expect(quotes('Die USA äußerten die Sorge, dass China Waffen liefern könnte.')[0]).toMatchObject({ speaker: 'usa', text: 'dass China Waffen liefern könnte' })
    expect(quotes('Peking reagierte auf Warnungen der USA, das Land könnte Waffen liefern.')[0]).toMatchObject({ speaker: 'usa' })
    expect(quotes('Peking lobte die Bemühungen Moskaus, sich dem Westen entgegenzustellen.')).toEqual([])
  })

  it('continues a speaker through sentences in Konjunktiv, but not after the writer\'s own hedging', () => {
    expect(quotes('Wang Yi sagte, China sei bereit. Dafür sei man Russland sehr dankbar. Beide Länder sollten enger zusammenarbeiten.').map((q) => q.speaker)).toEqual([
      'wang-yi',
      'wang-yi',
      'wang-yi',
    ])
    expect(quotes('„Ein Besuch im Mai ist geplant“, sagte Putin. Es wäre seine erste Reise seit der Wahl.')).toHaveLength(1)
    expect(quotes('Der Gipfel beginnt am Montag. Dort dürfte auch der Handel zur Sprache kommen.')).toEqual([])
  })

  it('reads no quote where the speech act is denied', () => {
    expect(quotes('Der Plan forderte Russland nicht dazu auf, die besetzten Gebiete zu verlassen.')).toEqual([])
  })
})

describe('extractQuotes: speakers', () => {
  it('gives a body the state it speaks for, and a document with no single issuer no one', () => {
    expect(quotes('Die Zusammenarbeit sei erfolgreich, teilte das russische Außenministerium mit.')[0]).toMatchObject({ speaker: 'russia' })
    expect(quotes('In der gemeinsamen Erklärung hieß es, beide Seiten seien zufrieden.')[0]).toMatchObject({ speaker: null })
    expect(quotes('Beide lehnten die Politik der USA ab, hieß es in einer Mitteilung des russischen Außenministeriums.')[0]).toMatchObject({ speaker: 'russia' })
    expect(quotes('Die chinesischen Beamten sagten, sie seien sehr besorgt.')[0]).toMatchObject({ speaker: 'china' })
  })

  it('gives "hieß es aus Peking" / "hieß es in Moskau" that state, and unnamed circles no one', () => {
    expect(quotes('Die Gespräche würden fortgesetzt, hieß es aus Peking.')[0]).toMatchObject({ speaker: 'china' })
    expect(quotes('Man sei zu weiteren Schritten bereit, hieß es in Moskau.')[0]).toMatchObject({ speaker: 'russia' })
    expect(quotes('Eine Reise sei denkbar, hieß es in Moskauer Diplomatenkreisen.')[0]).toMatchObject({ speaker: null })
  })

  it('never makes a medium or a company the speaker, and keeps the person a medium quotes', () => {
    expect(quotes('Xi bereite einen Besuch vor, berichtete die Nachrichtenagentur Reuters.')[0]).toMatchObject({ speaker: null })
    expect(quotes('Die Kosten lägen laut Gazprom bei zehn Milliarden Euro.')[0]).toMatchObject({ speaker: null })
    expect(quotes('Der Handel wachse schnell, sagte Putin der Agentur Tass zufolge.')[0]).toMatchObject({ speaker: 'putin' })
  })

  it('resolves "er" to the last speaker, and leaves it unresolved with no one before', () => {
    expect(quotes('Juri Uschakow sprach von Fortschritten. Geplant sei ein Abkommen, sagte er.')[0]).toMatchObject({ speaker: 'uschakow' })
    const alone = quotes('Geplant sei ein Abkommen über Energie, sagte er.')[0]
    expect(alone).toMatchObject({ speaker: null })
  })

  it('resolves an office to its holder on the article\'s date, and not without a date unless the article names the holder', () => {
    expect(quotesOf('2019-06-05', '„Dieser Besuch wird sehr fruchtbar sein“, sagte der chinesische Staatschef.')[0]?.speaker).toBe('xi-jinping')
    expect(quotesOf('2010-06-05', '„Dieser Besuch wird sehr fruchtbar sein“, sagte der chinesische Staatschef.')[0]?.speaker).toBe('hu-jintao')
    expect(quotesOf(null, '„Dieser Besuch wird sehr fruchtbar sein“, sagte der chinesische Staatschef.')[0]?.speaker).not.toBe('xi-jinping')
    expect(quotesOf(null, 'Xi reiste nach Moskau.', '„Dieser Besuch wird sehr fruchtbar sein“, sagte der chinesische Staatschef.')[0]?.speaker).toBe('xi-jinping')
  })

  it('gives a role with no office the speaker before it who fits', () => {
    const found = quotes('Außenamtssprecherin Hua Chunying sagte, die Lage sei ernst.', '„Wir lassen uns nicht unter Druck setzen“, sagte die Sprecherin.')
    expect(found[1]).toMatchObject({ speaker: 'hua-chunying' })
  })

  it('gives two speakers together no single speaker', () => {
    expect(quotes('Das Abkommen gelte fünf Jahre, erklärten Putin und Xi nach der Videokonferenz.')[0]).toMatchObject({ speaker: null })
  })

  it('takes the named head of the attribution, not a genitive before it, an object or a place', () => {
    expect(quotes('Das sei ein Erfolg, sagte Putins Berater Juri Uschakow.')[0]).toMatchObject({ speaker: 'uschakow' })
    expect(quotes('Das sei ein Erfolg, sagte Putin dem chinesischen Staatsrat Wang Yi.')[0]).toMatchObject({ speaker: 'putin' })
    expect(quotes('Xi habe zugesagt, sagte der russische Botschafter in Peking, Igor Morgulow, dem Sender.')[0]).toMatchObject({ speaker: 'morgulov' })
  })

  it('reads the state of "nach russischen Angaben", "laut US-Quellen", "nach Kremlangaben"', () => {
    expect(quotes('Xi soll nach russischen Angaben im Mai kommen.')[0]).toMatchObject({ speaker: 'russia' })
    expect(quotes('Laut US-Quellen hat Moskau Munition bestellt.')[0]).toMatchObject({ speaker: 'usa' })
    expect(quotes('Putin sprach nach Kremlangaben auch mit Erdogan.')[0]).toMatchObject({ speaker: 'russia' })
  })

  it('takes a person found in the text (on no list) as the speaker', () => {
    const found = quotesOf('2024-05-16', '„Beide Seiten wollen zeigen, dass sie zusammenstehen“, sagte der Politologe Max Mustermann in Berlin.')
    expect(found[0]?.speaker).toBe('max-mustermann')
  })

  it('says how the speaker was decided, with the words it read', () => {
    const [q] = quotesOf('2019-06-05', '„Dieser Besuch wird sehr fruchtbar sein“, sagte der chinesische Staatschef.')
    expect(q?.speakerFrom).toEqual({ rule: 'office', cue: 'der chinesische Staatschef', reference: null })
    expect(quotesOf('2023-01-01', 'Die Lage sei ernst, sagte Putin.')[0]?.speakerFrom.rule).toBe('named')
  })
})

describe('extractQuotes: what a quote keeps', () => {
  it('keeps the actors named inside the quoted words and the sentences of quote and attribution', () => {
    const [q] = quotesOf('2023-01-01', '„Russland und China arbeiten eng zusammen. Die USA sehen das mit Sorge.“, sagte Lawrow.')
    expect(q?.actors).toEqual(['china', 'russia', 'usa'])
    expect(q?.sentences).toEqual([1, 2])
  })

  it('never throws on any text and keeps every quote inside the article', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 6 }), (paragraphs) => {
        const sentences = segmentSentences('Titel', paragraphs)
        const found = extractQuotes(sentences, extractActors(sentences, buildMatcher(registry)), { registry, offices, date: null })
        for (const q of found) {
          expect(q.text.length).toBeGreaterThan(0)
          for (const i of q.sentences) expect(i).toBeLessThan(sentences.length)
        }
      }),
      { numRuns: 150 },
    )
  })
})

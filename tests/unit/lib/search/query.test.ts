import { describe, expect, it } from 'vitest'
import { matchesText, queryHits } from '../../../../src/lib/search/match.ts'
import { MAX_QUERY_LENGTH } from '../../../../src/lib/search/limits.ts'
import { parseQuery, type SearchQuery } from '../../../../src/lib/search/query.ts'
import { foldTerm, termPositions, tokenize } from '../../../../src/lib/search/tokens.ts'

function q(text: string): SearchQuery {
  const parsed = parseQuery(text)
  if (!parsed.query) throw new Error(`no query in ${text}`)
  return parsed.query
}

const ARTICLE = [
  'Moskau setzt auf die neue Gaspipeline nach China',
  'Die Sanktionen des Westens treffen die russische Wirtschaft, sagte der Minister.',
  'Über die Leitung Kraft\nSibiriens fließt seit Jahren Erdgas; die Zölle auf Weizen fallen.',
]

describe('foldTerm', () => {
  it('spells umlauts and ß out, so Zölle finds Zoelle and Straße finds Strasse', () => {
    expect(foldTerm('Zölle')).toBe(foldTerm('Zoelle'))
    expect(foldTerm('ZÖLLE')).toBe('zoelle')
    expect(foldTerm('Straße')).toBe(foldTerm('Strasse'))
    expect(foldTerm('STRASSE')).toBe('strasse')
  })
  it('keeps schon and schön apart, and drops other accents', () => {
    expect(foldTerm('schön')).not.toBe(foldTerm('schon'))
    expect(foldTerm('Erdoğan')).toBe('erdogan')
  })
})

describe('tokenize', () => {
  it('splits hyphenated compounds, keeps digits in a word and reads across line breaks', () => {
    expect(tokenize('Gas-Pipeline der G20\nin Peking').map((t) => t.term)).toEqual(['gas', 'pipeline', 'der', 'g20', 'in', 'peking'])
  })
  it('gives offsets into the original text, also after ß', () => {
    const [first, second] = tokenize('Große Mauer')
    expect(first).toMatchObject({ term: 'grosse', start: 0, end: 5 })
    expect(second).toMatchObject({ term: 'mauer', start: 6, end: 11 })
  })
  it('leaves stop words out of the index but keeps their places, with a gap between sentences', () => {
    const positions = termPositions(['Kraft der Sibirien', 'Sibirien'])
    expect(positions.has('der')).toBe(false)
    expect(positions.get('kraft')).toEqual([0])
    expect(positions.get('sibirien')).toEqual([2, 4])
  })
})

describe('parseQuery', () => {
  it('reads words, phrases, prefixes, OR and exclusions', () => {
    expect(q('Gas "Kraft Sibiriens" Sanktion* Yuan OR Rubel -Taiwan')).toEqual({
      must: [
        [{ kind: 'word', term: 'gas' }],
        [{ kind: 'phrase', terms: ['kraft', 'sibiriens'] }],
        [{ kind: 'prefix', prefix: 'sanktion' }],
        [
          { kind: 'word', term: 'yuan' },
          { kind: 'word', term: 'rubel' },
        ],
      ],
      not: [{ kind: 'word', term: 'taiwan' }],
    })
  })
  it('reads a hyphenated word as the phrase of its parts', () => {
    expect(q('Gas-Pipeline').must).toEqual([[{ kind: 'phrase', terms: ['gas', 'pipeline'] }]])
  })
  it('says so when nothing is left to search', () => {
    for (const text of ['', '   ', 'OR', 'und die der', '"" OR -', '* OR *']) {
      const parsed = parseQuery(text)
      expect(parsed.query, text).toBeNull()
      expect(parsed.notices.some((n) => n.kind === 'nothing-to-search'), text).toBe(true)
    }
    expect(parseQuery('-Taiwan').notices).toContainEqual({ kind: 'only-exclusions' })
  })
  it('drops a stop word with a notice and searches the rest', () => {
    const parsed = parseQuery('die Sanktionen')
    expect(parsed.query?.must).toEqual([[{ kind: 'word', term: 'sanktionen' }]])
    expect(parsed.notices).toContainEqual({ kind: 'stop-word', word: 'die' })
  })
  it('closes an unbalanced quote at the end and says so', () => {
    const parsed = parseQuery('Gas "Kraft Sibiriens')
    expect(parsed.query?.must[1]).toEqual([{ kind: 'phrase', terms: ['kraft', 'sibiriens'] }])
    expect(parsed.notices).toContainEqual({ kind: 'unclosed-quote' })
  })
  it('cuts a 10,000-character query at a word boundary and says so', () => {
    const parsed = parseQuery('Getreide '.repeat(1200))
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(parsed.text.endsWith('Getreide')).toBe(true)
    expect(parsed.notices).toContainEqual({ kind: 'too-long', max: MAX_QUERY_LENGTH })
    expect(parsed.notices.some((n) => n.kind === 'too-many')).toBe(true)
  })
  it('reads markup as words, never as markup', () => {
    const parsed = parseQuery('<script>alert(1)</script>')
    // one piece without spaces is read like a hyphenated word: the phrase of its words
    expect(parsed.query?.must).toEqual([[{ kind: 'phrase', terms: ['script', 'alert', '1', 'script'] }]])
  })
  it('refuses a one-letter prefix with a notice', () => {
    expect(parseQuery('G* Gas').notices).toContainEqual({ kind: 'short-prefix', word: 'G*' })
  })
  it('reports a dangling OR and keeps the words', () => {
    const parsed = parseQuery('OR Gas OR')
    expect(parsed.query?.must).toEqual([[{ kind: 'word', term: 'gas' }]])
    expect(parsed.notices).toContainEqual({ kind: 'dangling-or' })
  })
})

describe('matching the text of an article', () => {
  it('is case-insensitive and finds Zölle written as Zoelle', () => {
    expect(matchesText(q('ZOELLE'), ARTICLE)).toBe(true)
    expect(matchesText(q('moskau'), ARTICLE)).toBe(true)
  })
  it('matches a word as written: no inflection unless a prefix is asked for', () => {
    expect(matchesText(q('Sanktion'), ARTICLE)).toBe(false)
    expect(matchesText(q('Sanktionen'), ARTICLE)).toBe(true)
    expect(matchesText(q('Sanktion*'), ARTICLE)).toBe(true)
    expect(matchesText(q('russisch'), ARTICLE)).toBe(false)
  })
  it('finds the compound Gaspipeline by Gas* but not by Gas', () => {
    expect(matchesText(q('Gas'), ARTICLE)).toBe(false)
    expect(matchesText(q('Gas*'), ARTICLE)).toBe(true)
    expect(matchesText(q('Gaspipeline'), ARTICLE)).toBe(true)
  })
  it('finds a phrase across a line break, not the words out of order', () => {
    expect(matchesText(q('"Kraft Sibiriens"'), ARTICLE)).toBe(true)
    expect(matchesText(q('"Sibiriens Kraft"'), ARTICLE)).toBe(false)
  })
  it('does not run a phrase from one sentence into the next', () => {
    expect(matchesText(q('"China Sanktionen"'), ['Gas nach China.', 'Sanktionen folgen.'])).toBe(false)
  })
  it('applies OR and exclusions', () => {
    expect(matchesText(q('Rubel OR Weizen'), ARTICLE)).toBe(true)
    expect(matchesText(q('Weizen -Taiwan'), ARTICLE)).toBe(true)
    expect(matchesText(q('Weizen -Erdgas'), ARTICLE)).toBe(false)
  })
  it('gives the hits as offsets in their sentences, phrases as one span', () => {
    const hits = queryHits(q('"Kraft Sibiriens" Zölle'), ARTICLE) ?? []
    const third = ARTICLE[2] as string
    expect(hits.map((h) => third.slice(h.start, h.end))).toEqual(['Kraft\nSibiriens', 'Zölle'])
    expect(hits.every((h) => h.sentence === 2)).toBe(true)
  })
})

/** A small hand-made dataset (German sentences written for the tests) shared by the lib/store/chart tests. */
import type { ArticleText, Dataset } from '../../../src/model/dataset.ts'

export function makeDataset(): Dataset {
  return {
    schemaVersion: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    articles: [
      { id: 'a1', file: 'a1.txt', title: 'Putin empfängt Wang in Moskau', outlet: 'tagesschau.de', url: null, published: '2023-02-22', publishedFrom: 'meta', sentenceCount: 3, textShard: 'texts/0.json', duplicateOf: null },
      { id: 'a2', file: 'a2.txt', title: 'Agenturmeldung zum Besuch', outlet: 'n-tv.de', url: null, published: '2023-02-23', publishedFrom: 'text', sentenceCount: 2, textShard: 'texts/0.json', duplicateOf: null },
      { id: 'a3', file: 'a3.txt', title: 'Agenturmeldung zum Besuch', outlet: 'zeit.de', url: null, published: '2023-02-23', publishedFrom: 'meta', sentenceCount: 2, textShard: 'texts/0.json', duplicateOf: 'a2' },
      { id: 'a4', file: 'a4.txt', title: 'Xi reist nach Moskau', outlet: 'tagesschau.de', url: null, published: '2023-04', publishedFrom: 'estimated', sentenceCount: 2, textShard: 'texts/1.json', duplicateOf: null },
      { id: 'a5', file: 'a5.txt', title: 'Ohne Datum', outlet: null, url: null, published: null, publishedFrom: null, sentenceCount: 1, textShard: 'texts/1.json', duplicateOf: null },
    ],
    actors: [
      { id: 'putin', name: 'Wladimir Putin', kind: 'person', aliases: ['Putin'], discovered: false },
      { id: 'xi', name: 'Xi Jinping', kind: 'person', aliases: ['Xi'], discovered: false },
      { id: 'china', name: 'China', kind: 'country', aliases: ['Peking'], discovered: false },
      { id: 'eu', name: 'Europäische Union', kind: 'organization', aliases: ['EU'], discovered: false },
    ],
    mentions: [
      { articleId: 'a1', actorId: 'putin', count: 3, sentences: [0, 1, 2] },
      { articleId: 'a1', actorId: 'china', count: 1, sentences: [2] },
      { articleId: 'a2', actorId: 'putin', count: 2, sentences: [0, 1] },
      { articleId: 'a3', actorId: 'putin', count: 2, sentences: [0, 1] },
      { articleId: 'a4', actorId: 'xi', count: 2, sentences: [0, 1] },
      { articleId: 'a4', actorId: 'putin', count: 1, sentences: [1] },
      { articleId: 'a5', actorId: 'china', count: 1, sentences: [0] },
    ],
    events: [
      {
        id: 'ev1',
        kind: 'visit',
        visitors: ['xi'],
        hosts: ['putin'],
        place: 'Moskau',
        country: null,
        date: '2023-03-20',
        approx: false,
        status: 'happened',
        lifecycle: 'ev1',
        evidence: [{ articleId: 'a4', quote: 'Xi reist im März nach Moskau.', sentence: 1, status: 'planned' }],
      },
    ],
    figures: [
      { id: 'f1', articleId: 'a1', quote: 'Der Handel stieg auf 190 Milliarden Dollar.', value: 190e9, currency: 'USD', year: 2022, kind: 'trade_volume', sentence: 2, surface: '190 Milliarden Dollar' },
    ],
    quotes: [
      { id: 'a1-q1', articleId: 'a1', speaker: 'putin', kind: 'reported', text: 'Peking und Moskau wollen mehr Handel', sentences: [2], actors: ['china'], speakerFrom: { rule: 'named', cue: 'Putin', reference: null } },
      { id: 'a4-q1', articleId: 'a4', speaker: 'xi', kind: 'direct', text: 'Wir kommen im März nach Moskau', sentences: [1], actors: [], speakerFrom: { rule: 'named', cue: 'Xi', reference: null } },
    ],
  }
}

export function makeText(articleId: string): ArticleText {
  return {
    articleId,
    sentences: ['Putin empfängt Wang in Moskau', 'Putin lobte die Gespräche.', 'Peking und Putin wollen mehr Handel.'],
    paragraphStarts: [0, 1],
    spans: [
      { actorId: 'putin', sentence: 0, start: 0, end: 5 },
      { actorId: 'putin', sentence: 1, start: 0, end: 5 },
      { actorId: 'china', sentence: 2, start: 0, end: 6 },
      { actorId: 'putin', sentence: 2, start: 11, end: 16 },
    ],
  }
}

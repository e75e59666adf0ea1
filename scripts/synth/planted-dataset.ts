/**
 * The planted answers of a synthetic corpus as a Dataset (src/model/dataset.ts), the way a perfect
 * pipeline would write it: one record per article, mention, event report and figure, plus text shards.
 * Used to benchmark the app at sizes the pipeline cannot reach in time, and to check that the gold
 * files agree with the dataset format (scoring this dataset against the gold gives F1 = 1).
 */
import type { Actor, Article, ArticleText, DiplomaticEvent, Figure, Mention } from '../../src/model/dataset.ts'
import type { SynthArticle } from './corpus.ts'
import { ACTORS } from './vocabulary.ts'

export const SHARD_SIZE = 64

export function shardPath(datasetBase: string, index: number): string {
  return `${datasetBase}.text/${String(Math.floor(index / SHARD_SIZE)).padStart(5, '0')}.json`
}

/** Every actor the generator can plant, with the surface forms it uses. */
export function plantedActors(): Actor[] {
  return ACTORS.map((a) => {
    const aliases = new Set<string>([a.name])
    if (a.kind === 'person') {
      aliases.add(a.surname)
      aliases.add(a.surnameGen)
    } else {
      for (const form of Object.values(a.core)) aliases.add(form)
      if (a.seat) {
        aliases.add(a.seat.nom)
        aliases.add(a.seat.gen)
      }
      if (a.compound) aliases.add(a.compound)
      if (a.id === 'russia') aliases.add('Kreml')
      if (a.id === 'china') aliases.add('Volksrepublik')
    }
    return { id: a.id, name: a.name, kind: a.kind, aliases: [...aliases].sort(), discovered: false }
  }).sort((a, b) => (a.id < b.id ? -1 : 1))
}

export interface PlantedRecords {
  article: Article
  mentions: Mention[]
  events: DiplomaticEvent[]
  figures: Figure[]
  text: ArticleText
}

export function plantedRecords(a: SynthArticle, datasetBase: string): PlantedRecords {
  const { content, name } = a
  const counts = new Map<string, { count: number; sentences: Set<number> }>()
  for (const span of content.spans) {
    let entry = counts.get(span.actorId)
    if (!entry) {
      entry = { count: 0, sentences: new Set() }
      counts.set(span.actorId, entry)
    }
    entry.count++
    entry.sentences.add(span.sentence)
  }
  const mentions: Mention[] = [...counts.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([actorId, e]) => ({ articleId: name, actorId, count: e.count, sentences: [...e.sentences].sort((x, y) => x - y) }))
  const quote = (i: number): string => content.sentences[i] ?? ''
  const events: DiplomaticEvent[] = content.events.map((e, k) => ({
    id: `${name}-e${k}`,
    kind: e.kind,
    visitors: e.visitors,
    hosts: e.hosts,
    place: e.place,
    country: e.country,
    date: e.date,
    approx: e.approx,
    status: e.status,
    lifecycle: `${name}-e${k}`,
    evidence: [{ articleId: name, quote: quote(e.sentence), sentence: e.sentence, status: e.status }],
  }))
  const figures: Figure[] = content.figures.map((f, k) => ({
    id: `${name}-f${k}`,
    articleId: name,
    quote: quote(f.sentence),
    value: f.value,
    currency: f.currency,
    year: f.year,
    kind: f.kind,
    sentence: f.sentence,
    surface: f.surface,
  }))
  const article: Article = {
    id: name,
    file: `${name}.txt`,
    title: content.sentences[0] ?? '',
    outlet: a.outlet.domain,
    url: a.meta.url,
    published: a.published,
    publishedFrom: a.published ? 'text' : null,
    sentenceCount: content.sentences.length,
    textShard: shardPath(datasetBase, a.index),
    duplicateOf: a.duplicateOf,
  }
  const text: ArticleText = {
    articleId: name,
    sentences: content.sentences,
    paragraphStarts: [0, ...content.paragraphs.map((p) => p[0] ?? 0)],
    spans: content.spans.map((s) => ({ actorId: s.actorId, sentence: s.sentence, start: s.start, end: s.end })),
  }
  return { article, mentions, events, figures, text }
}

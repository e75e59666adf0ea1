/**
 * The records one processed article yields (article, mentions with their sentences, figures with ids, event
 * drafts, its text for the shard), and the actor list of the dataset: what the pipeline writes, per article.
 */
import type { Actor, Article, ArticleText, Decision, DiplomaticEvent, Figure, Mention, Quote } from '../../src/model/dataset.ts'
import { paragraphStartIndexes } from './text/segment-sentences.ts'
import type { ArticleEventDraft } from './extract/merge-events.ts'
import type { ActorEntry, ActorMatch, EventDraft, FigureDraft, QuoteDraft, Sentence } from './types.ts'
import { byCodeUnit } from '../../src/model/order.ts'

export interface ProcessedArticle {
  id: string
  file: string
  title: string
  outlet: string | null
  url: string | null
  published: string | null
  publishedFrom: Article['publishedFrom']
  /** How the text gave `published` (the date stage's decision), carried into `Article.publishedCue`. */
  publishedCue?: Decision
  sentences: Sentence[]
  matches: ActorMatch[]
  events: EventDraft[]
  figures: FigureDraft[]
  quotes?: QuoteDraft[]
  /** Actor ids of people discovered in this article (not in the registry). */
  discovered?: string[]
}
function actorOut(entry: ActorEntry, discovered: boolean): Actor {
  const aliases = [...new Set([...entry.aliases, ...(entry.seats ?? [])])].filter((a) => a !== entry.name)
  return { id: entry.id, name: entry.name, ...(entry.en === undefined ? {} : { en: entry.en }), kind: entry.kind, aliases, discovered }
}
/** One article's records: mentions sorted by actor id, figures by sentence then id (the dataset's order). */
export interface ArticleRecords {
  article: Article
  mentions: Mention[]
  figures: Figure[]
  /** In reading order, ids "<article>-q<n>". */
  quotes: Quote[]
  drafts: ArticleEventDraft[]
  text: ArticleText
}

/** The records and the text of one processed article. */
export function articleRecords(a: ProcessedArticle, shardPath: string, duplicateOf: string | null): ArticleRecords {
  const article: Article = {
    id: a.id,
    file: a.file,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
    publishedFrom: a.published === null ? null : a.publishedFrom,
    sentenceCount: a.sentences.length,
    textShard: shardPath,
    duplicateOf,
    ...(a.publishedCue && a.published !== null ? { publishedCue: a.publishedCue } : {}),
  }
  const perActor = new Map<string, { count: number; sentences: Set<number> }>()
  for (const m of a.matches) {
    const entry = perActor.get(m.actorId) ?? { count: 0, sentences: new Set<number>() }
    entry.count += 1
    entry.sentences.add(m.sentence)
    perActor.set(m.actorId, entry)
  }
  const mentions: Mention[] = []
  for (const [actorId, { count, sentences }] of perActor) {
    mentions.push({ articleId: a.id, actorId, count, sentences: [...sentences].sort((x, y) => x - y) })
  }
  mentions.sort((x, y) => byCodeUnit(x.actorId, y.actorId))
  const figures: Figure[] = a.figures.map((f, i) => ({
    id: `${a.id}-f${i + 1}`,
    articleId: a.id,
    quote: f.quote,
    value: f.value,
    currency: f.currency,
    year: f.year,
    kind: f.kind,
    sentence: f.sentence,
    surface: f.surface,
    ...(f.yearFrom ? { yearFrom: f.yearFrom } : {}),
    ...(f.kindFrom ? { kindFrom: f.kindFrom } : {}),
  }))
  figures.sort((x, y) => x.sentence - y.sentence || byCodeUnit(x.id, y.id))
  const quotes: Quote[] = (a.quotes ?? []).map((q, i) => ({ id: `${a.id}-q${i + 1}`, articleId: a.id, ...q }))
  return {
    article,
    mentions,
    figures,
    quotes,
    drafts: a.events.map((draft) => ({ articleId: a.id, articleDate: a.published, articleOutlet: article.outlet, draft })),
    text: {
      articleId: a.id,
      sentences: a.sentences.map((s) => s.text),
      paragraphStarts: paragraphStartIndexes(a.sentences),
      spans: a.matches.map((m) => ({ actorId: m.actorId, sentence: m.sentence, start: m.start, end: m.end })),
    },
  }
}
/** The actors of the dataset: those named in an article or in an event, sorted by id. */
export function actorsOf(
  registry: readonly ActorEntry[],
  usedActors: ReadonlySet<string>,
  events: readonly DiplomaticEvent[],
  discoveredIds: ReadonlySet<string>,
): Actor[] {
  const used = new Set(usedActors)
  for (const e of events) {
    for (const id of [...e.visitors, ...e.hosts, ...(e.country ? [e.country] : [])]) used.add(id)
  }
  return registry
    .filter((entry) => used.has(entry.id))
    .map((entry) => actorOut(entry, discoveredIds.has(entry.id)))
    .sort((a, b) => byCodeUnit(a.id, b.id))
}

/**
 * Builds the Dataset and its text shards from the processed articles: mentions from the actor
 * matches, events merged across articles, figures with ids, wire copies marked, everything sorted.
 */
import type { Actor, Article, ArticleText, Dataset, Figure, Mention, TextShard } from '../src/model/dataset.ts'
import { DATASET_VERSION } from '../src/model/dataset.ts'
import { mergeEvents } from './merge-events.ts'
import { paragraphStartIndexes } from './segment-sentences.ts'
import type { ArticleEventDraft } from './merge-events.ts'
import type { ActorEntry, ActorMatch, EventDraft, FigureDraft, Sentence } from './types.ts'

export interface ProcessedArticle {
  id: string
  file: string
  title: string
  outlet: string | null
  url: string | null
  published: string | null
  publishedFrom: Article['publishedFrom']
  sentences: Sentence[]
  matches: ActorMatch[]
  events: EventDraft[]
  figures: FigureDraft[]
  /** Actor ids of people discovered in this article (not in the registry). */
  discovered?: string[]
}

export interface AssembleOptions {
  generatedAt: string
  /** Folder of the shards, relative to the dataset file: "dataset.text". */
  shardFolder: string
  /** Most texts per shard. */
  shardSize?: number
}

export interface AssembledDataset {
  dataset: Dataset
  /** Shard file path (relative to the dataset file's folder) → shard. */
  shards: Map<string, TextShard>
}

/** FNV-1a, 32 bit: a stable hash of an article id. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Body text reduced to letters and digits, for finding wire copies. */
export function normalizedBody(sentences: readonly Sentence[]): string {
  return sentences
    .filter((s) => s.index > 0)
    .map((s) => s.text)
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Number of shards: a power of two, grown until no shard holds more than `size` texts. */
function shardCountFor(ids: readonly string[], size: number): number {
  let count = 1
  while (count < ids.length / size) count *= 2
  for (;;) {
    const load = new Map<number, number>()
    for (const id of ids) {
      const k = stableHash(id) % count
      load.set(k, (load.get(k) ?? 0) + 1)
    }
    if ([...load.values()].every((n) => n <= size)) return count
    count *= 2
  }
}

function shardName(index: number, count: number): string {
  const width = Math.max(2, String(count - 1).length)
  return String(index).padStart(width, '0')
}

function actorOut(entry: ActorEntry, discovered: boolean): Actor {
  const aliases = [...new Set([...entry.aliases, ...(entry.seats ?? [])])].filter((a) => a !== entry.name)
  return { id: entry.id, name: entry.name, kind: entry.kind, aliases, discovered }
}

export function assembleDataset(
  processed: readonly ProcessedArticle[],
  registry: readonly ActorEntry[],
  discoveredIds: ReadonlySet<string>,
  options: AssembleOptions,
): AssembledDataset {
  const size = options.shardSize ?? 64
  const sorted = [...processed].sort((a, b) => byString(a.id, b.id))
  const shardCount = shardCountFor(
    sorted.map((a) => a.id),
    size,
  )

  const firstByBody = new Map<string, string>()
  const articles: Article[] = []
  const mentions: Mention[] = []
  const figures: Figure[] = []
  const drafts: ArticleEventDraft[] = []
  const shardTexts = new Map<string, ArticleText[]>()
  const usedActors = new Set<string>()

  for (const a of sorted) {
    const body = normalizedBody(a.sentences)
    let duplicateOf: string | null = null
    if (body.length > 0) {
      const first = firstByBody.get(body)
      if (first === undefined) firstByBody.set(body, a.id)
      else duplicateOf = first
    }
    const shardPath = `${options.shardFolder}/${shardName(stableHash(a.id) % shardCount, shardCount)}.json`
    articles.push({
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
    })

    const perActor = new Map<string, { count: number; sentences: Set<number> }>()
    for (const m of a.matches) {
      const entry = perActor.get(m.actorId) ?? { count: 0, sentences: new Set<number>() }
      entry.count += 1
      entry.sentences.add(m.sentence)
      perActor.set(m.actorId, entry)
    }
    for (const [actorId, { count, sentences }] of perActor) {
      usedActors.add(actorId)
      mentions.push({ articleId: a.id, actorId, count, sentences: [...sentences].sort((x, y) => x - y) })
    }

    const texts = shardTexts.get(shardPath) ?? []
    texts.push({
      articleId: a.id,
      sentences: a.sentences.map((s) => s.text),
      paragraphStarts: paragraphStartIndexes(a.sentences),
      spans: a.matches.map((m) => ({ actorId: m.actorId, sentence: m.sentence, start: m.start, end: m.end })),
    })
    shardTexts.set(shardPath, texts)

    a.figures.forEach((f, i) => {
      figures.push({
        id: `${a.id}-f${i + 1}`,
        articleId: a.id,
        quote: f.quote,
        value: f.value,
        currency: f.currency,
        year: f.year,
        kind: f.kind,
        sentence: f.sentence,
        surface: f.surface,
      })
    })
    for (const draft of a.events) drafts.push({ articleId: a.id, draft })
  }

  const events = mergeEvents(drafts)
  for (const e of events) {
    for (const id of [...e.visitors, ...e.hosts, ...(e.country ? [e.country] : [])]) usedActors.add(id)
  }
  const actors = registry
    .filter((entry) => usedActors.has(entry.id))
    .map((entry) => actorOut(entry, discoveredIds.has(entry.id)))
    .sort((a, b) => byString(a.id, b.id))
  mentions.sort((x, y) => byString(x.articleId, y.articleId) || byString(x.actorId, y.actorId))
  figures.sort((x, y) => byString(x.articleId, y.articleId) || x.sentence - y.sentence || byString(x.id, y.id))

  const shards = new Map<string, TextShard>()
  for (const path of [...shardTexts.keys()].sort(byString)) {
    shards.set(path, { texts: (shardTexts.get(path) ?? []).sort((x, y) => byString(x.articleId, y.articleId)) })
  }
  const dataset: Dataset = {
    schemaVersion: DATASET_VERSION,
    generatedAt: options.generatedAt,
    articles,
    actors,
    mentions,
    events,
    figures,
  }
  return { dataset, shards }
}

/**
 * Builds the Dataset and its text shards from the processed articles: mentions from the actor
 * matches, events merged across articles, figures with ids, wire copies marked, everything sorted.
 */
import { createHash } from 'node:crypto'
import type { Actor, Article, ArticleText, Dataset, DiplomaticEvent, Figure, Mention, TextShard } from '../src/model/dataset.ts'
import { DATASET_VERSION } from '../src/model/dataset.ts'
import { mergeEvents } from './merge-events.ts'
import { paragraphStartIndexes } from './segment-sentences.ts'
import type { ArticleEventDraft } from './merge-events.ts'
import type { ActorEntry, ActorMatch, EventDraft, FigureDraft, Sentence } from './types.ts'
import { byString } from '../src/model/layout-build.ts'

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


/** Number of shards: a power of two, grown until no shard holds more than `size` texts. */
export function shardCountFor(ids: readonly string[], size: number): number {
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

/** Path of shard `index` of `count` (names of one width, so their order is the order of the indexes). */
export function shardPathOf(shardFolder: string, index: number, count: number): string {
  return `${shardFolder}/${shardName(index, count)}.json`
}

function actorOut(entry: ActorEntry, discovered: boolean): Actor {
  const aliases = [...new Set([...entry.aliases, ...(entry.seats ?? [])])].filter((a) => a !== entry.name)
  return { id: entry.id, name: entry.name, kind: entry.kind, aliases, discovered }
}

/** Records of the dataset gathered article by article; `finishDataset` merges and sorts them. */
export interface DatasetParts {
  articles: Article[]
  mentions: Mention[]
  figures: Figure[]
  drafts: ArticleEventDraft[]
  usedActors: Set<string>
}

export function emptyParts(): DatasetParts {
  return { articles: [], mentions: [], figures: [], drafts: [], usedActors: new Set() }
}

/** Key of an article's body for finding wire copies (null for an empty body). */
export function bodyKey(sentences: readonly Sentence[]): string | null {
  const body = normalizedBody(sentences)
  return body.length > 0 ? createHash('sha256').update(body).digest('hex') : null
}

/** Shard paths by article id: a power-of-two number of shards, chosen so none holds more than `size` texts. */
export function shardPaths(ids: readonly string[], shardFolder: string, size = 64): Map<string, string> {
  const count = shardCountFor(ids, size)
  return new Map(ids.map((id) => [id, shardPathOf(shardFolder, stableHash(id) % count, count)]))
}

/** Ids of earlier articles (sorted by id) with the same body key: wire copies. */
export function duplicatesOf(keys: ReadonlyMap<string, string | null>): Map<string, string> {
  const first = new Map<string, string>()
  const out = new Map<string, string>()
  for (const id of [...keys.keys()].sort(byString)) {
    const key = keys.get(id)
    if (key === null || key === undefined) continue
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, id)
    else out.set(id, earlier)
  }
  return out
}

/** One article's records: mentions sorted by actor id, figures by sentence then id (the dataset's order). */
export interface ArticleRecords {
  article: Article
  mentions: Mention[]
  figures: Figure[]
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
  mentions.sort((x, y) => byString(x.actorId, y.actorId))
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
  }))
  figures.sort((x, y) => x.sentence - y.sentence || byString(x.id, y.id))
  return {
    article,
    mentions,
    figures,
    drafts: a.events.map((draft) => ({ articleId: a.id, draft })),
    text: {
      articleId: a.id,
      sentences: a.sentences.map((s) => s.text),
      paragraphStarts: paragraphStartIndexes(a.sentences),
      spans: a.matches.map((m) => ({ actorId: m.actorId, sentence: m.sentence, start: m.start, end: m.end })),
    },
  }
}

/** Adds one article's records to the parts and returns its text for the shard. */
export function addArticle(parts: DatasetParts, a: ProcessedArticle, shardPath: string, duplicateOf: string | null): ArticleText {
  const r = articleRecords(a, shardPath, duplicateOf)
  parts.articles.push(r.article)
  for (const m of r.mentions) {
    parts.usedActors.add(m.actorId)
    parts.mentions.push(m)
  }
  parts.figures.push(...r.figures)
  parts.drafts.push(...r.drafts)
  return r.text
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
    .sort((a, b) => byString(a.id, b.id))
}

/** Merges events across articles, picks the actors that are named, sorts everything. */
export function finishDataset(
  parts: DatasetParts,
  registry: readonly ActorEntry[],
  discoveredIds: ReadonlySet<string>,
  generatedAt: string,
): Dataset {
  const events = mergeEvents(parts.drafts)
  const actors = actorsOf(registry, parts.usedActors, events, discoveredIds)
  return {
    schemaVersion: DATASET_VERSION,
    generatedAt,
    articles: [...parts.articles].sort((x, y) => byString(x.id, y.id)),
    actors,
    mentions: [...parts.mentions].sort((x, y) => byString(x.articleId, y.articleId) || byString(x.actorId, y.actorId)),
    events,
    figures: [...parts.figures].sort(
      (x, y) => byString(x.articleId, y.articleId) || x.sentence - y.sentence || byString(x.id, y.id),
    ),
  }
}

/** The whole dataset and its shards from articles held in memory (the CLI streams the same steps). */
export function assembleDataset(
  processed: readonly ProcessedArticle[],
  registry: readonly ActorEntry[],
  discoveredIds: ReadonlySet<string>,
  options: AssembleOptions,
): AssembledDataset {
  const sorted = [...processed].sort((a, b) => byString(a.id, b.id))
  const paths = shardPaths(
    sorted.map((a) => a.id),
    options.shardFolder,
    options.shardSize,
  )
  const duplicates = duplicatesOf(new Map(sorted.map((a) => [a.id, bodyKey(a.sentences)])))
  const parts = emptyParts()
  const shardTexts = new Map<string, ArticleText[]>()
  for (const a of sorted) {
    const path = paths.get(a.id) ?? ''
    const text = addArticle(parts, a, path, duplicates.get(a.id) ?? null)
    shardTexts.set(path, [...(shardTexts.get(path) ?? []), text])
  }
  const shards = new Map<string, TextShard>()
  for (const path of [...shardTexts.keys()].sort(byString)) shards.set(path, { texts: shardTexts.get(path) ?? [] })
  return { dataset: finishDataset(parts, registry, discoveredIds, options.generatedAt), shards }
}

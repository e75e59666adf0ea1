import { actorsOf, articleRecords } from './stages/article-records.ts'
import type { ProcessedArticle } from './stages/article-records.ts'
import { bodyKey, duplicatesOf, shardPaths } from './passes/plan.ts'
import type { Article, ArticleText, Dataset, Figure, Mention, TextShard } from '../src/model/dataset.ts'
import { DATASET_VERSION } from '../src/model/dataset.ts'
import { mergeEvents } from './stages/extract/merge-events.ts'
import type { ArticleEventDraft } from './stages/extract/merge-events.ts'
import type { ActorEntry } from './stages/types.ts'
import { byCodeUnit } from '../src/model/order.ts'

/**
 * Builds the Dataset and its text shards from the processed articles: mentions from the actor
 * matches, events merged across articles, figures with ids, wire copies marked, everything sorted.
 */


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
    articles: [...parts.articles].sort((x, y) => byCodeUnit(x.id, y.id)),
    actors,
    mentions: [...parts.mentions].sort((x, y) => byCodeUnit(x.articleId, y.articleId) || byCodeUnit(x.actorId, y.actorId)),
    events,
    figures: [...parts.figures].sort(
      (x, y) => byCodeUnit(x.articleId, y.articleId) || x.sentence - y.sentence || byCodeUnit(x.id, y.id),
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
  const sorted = [...processed].sort((a, b) => byCodeUnit(a.id, b.id))
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
  for (const path of [...shardTexts.keys()].sort(byCodeUnit)) shards.set(path, { texts: shardTexts.get(path) ?? [] })
  return { dataset: finishDataset(parts, registry, discoveredIds, options.generatedAt), shards }
}

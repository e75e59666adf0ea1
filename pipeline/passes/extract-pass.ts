/**
 * The second pass, wherever it runs (main thread or worker): per text shard, take its articles from the
 * read cache, extract actors, events, figures and quotes, make the records and write the shard's texts. Only the
 * records go back to the main thread, not the texts.
 */
import { writeFileSync } from 'node:fs'
import { ArticleTextSchema } from '../../src/model/dataset.ts'
import type { ArticleText, TextShard } from '../../src/model/dataset.ts'
import { readCached, ReadCacheWriter } from '../io/read-cache.ts'
import type { ArticleSource } from '../io/read-cache.ts'
import { toJson } from '../io/stream-dataset.ts'
import { articleTerms } from '../../src/lib/search/tokens.ts'
import { encodeTerms } from '../io/search-encode.ts'
import { articleRecords } from '../stages/article-records.ts'
import type { ArticleRecords, ProcessedArticle } from '../stages/article-records.ts'
import type { ActorMatcher } from '../stages/extract/actor-registry.ts'
import { extractActors } from '../stages/extract/extract-actors.ts'
import { extractEvents } from '../stages/extract/extract-events.ts'
import { extractFigures } from '../stages/extract/extract-figures.ts'
import { extractQuotes } from '../stages/extract/extract-quotes.ts'
import type { OfficeTerm } from '../stages/extract/quote-offices.ts'
import type { Place } from '../stages/extract/places.ts'
import { estimateReference } from '../stages/time/estimate-reference.ts'
import type { Occasion } from '../stages/time/occasions.ts'
import type { EventDraft, FigureDraft, QuoteDraft } from '../stages/types.ts'
import type { CachedRead } from './read-pass.ts'

/** The places and occasions the stages look things up in: parsed once, passed to every pass and worker. */
export interface Gazetteers {
  places: readonly Place[]
  occasions: readonly Occasion[]
  /** Terms of office, for speakers named by office (data/offices.json); none: offices are not resolved. */
  offices?: readonly OfficeTerm[]
}

/** One shard of the second pass: where its articles are parked, their wire-copy links, where its texts go. */
export interface ShardJob {
  /** Where each article is parked (a span of a read-cache part file), in id order. */
  sources: ArticleSource[]
  /** `duplicateOf` of each article, in the order of `sources`. */
  duplicateOf: (string | null)[]
  /** Path of the shard relative to the dataset file ("dataset.text/03.json"). */
  shardPath: string
  /** File the shard's texts are written to. */
  shardFile: string
  /** Per article: the records an earlier run made of it (a span of a cache part), reused unless its text names a person of `stale`. */
  reuse?: (ArticleSource | null)[]
  /** Names (a regular expression) of the people found otherwise than in the run that made the cache; null: none. */
  stale?: string | null
  /** Where the job parks each article's records for the next run (no cache: not parked). */
  cachePart?: string
}

/**
 * An article's records as the cache parks them: with the words of its text for the search index as the search
 * spool takes them (io/search-encode.ts#encodeTerms), so that an unchanged article is not tokenized again.
 */
type ParkedRecords = ArticleRecords & { terms?: string[] }

/** The records of one shard's articles (structured-cloneable; their texts are already written). */
export interface ShardRecords {
  /**
   * `terms`: the words of the article for the search index (null for a wire copy: its story has them);
   * `checked`: records an earlier run of this same code made and checked against the schema (the cache holds
   * only while the code is the same), not checked again.
   */
  records: (Omit<ArticleRecords, 'text'> & { terms: string[] | null; checked?: true })[]
  warnings: string[]
  bytes: number
  /** With a cache: where each record's full entry is parked (reused or new), in the order of `records`. */
  parked?: ArticleSource[]
  /** How many articles were extracted again although their file was unchanged (a person found otherwise names them). */
  redone?: number
}

/** Runs a stage without letting its failure stop the article. */
function guarded<T>(label: string, fallback: T, run: () => T, warn: (msg: string) => void): T {
  try {
    return run()
  } catch (e) {
    warn(`${label}: ${(e as Error).message}`)
    return fallback
  }
}

/** The extraction stages on one article as read. */
function extractArticle(read: CachedRead, matcher: ActorMatcher, gazetteers: Gazetteers, warn: (msg: string) => void): ProcessedArticle {
  const a = read.article
  const matches = extractActors(a.sentences, matcher)
  // without a publication date, relative times resolve against the latest past point the text names
  const reference = a.published ?? estimateReference(a.sentences.map((s) => s.text).join('\n'), gazetteers.occasions)
  const events = guarded<EventDraft[]>(`${a.file}: events`, [], () => extractEvents(a.sentences, matches, matcher.registry, reference, gazetteers.places, gazetteers.occasions), warn)
  const figures = guarded<FigureDraft[]>(`${a.file}: figures`, [], () => extractFigures(a.sentences, a.published, reference), warn)
  const context = { registry: matcher.registry, offices: gazetteers.offices ?? [], date: reference }
  const quotes = guarded<QuoteDraft[]>(`${a.file}: quotes`, [], () => extractQuotes(a.sentences, matches, context), warn)
  return { ...a, matches, events, figures, quotes }
}

/** An earlier run's records of an article, fitted to this run's shard and wire-copy link; undefined when a stale name occurs in its text. */
function reused(entry: ParkedRecords, job: ShardJob, i: number, stale: RegExp | undefined): ParkedRecords | undefined {
  if (stale && entry.text.sentences.some((s) => stale.test(s))) return undefined
  return { ...entry, article: { ...entry.article, textShard: job.shardPath, duplicateOf: job.duplicateOf[i] ?? null } }
}

/** The second pass over one shard: extract (or reuse what the cache holds), make the records, write the texts to the shard file. */
export function extractShard(job: ShardJob, matcher: ActorMatcher, gazetteers: Gazetteers): ShardRecords {
  const warnings: string[] = []
  const warn = (msg: string): void => {
    warnings.push(msg)
  }
  const stale = job.stale ? new RegExp(job.stale, 'u') : undefined
  const reuse = job.reuse ?? []
  const earlier = readCached<ParkedRecords>(reuse.filter((r): r is ArticleSource => r !== null && r !== undefined))
  let k = 0
  const kept = job.sources.map((_, i) => (reuse[i] ? reused(earlier[k++] as ParkedRecords, job, i, stale) : undefined))
  const redone = kept.filter((e, i) => !e && reuse[i]).length
  const reads = readCached<CachedRead>(job.sources.filter((_, i) => !kept[i]))
  const part = job.cachePart ? new ReadCacheWriter(job.cachePart) : undefined
  try {
    let r = 0
    let bytes = 0
    const parked: ArticleSource[] = []
    const texts: ArticleText[] = []
    const records = job.sources.map((_, i) => {
      const earlierRecords = kept[i]
      if (earlierRecords) {
        parked.push(reuse[i] as ArticleSource)
        const { text, terms, ...rest } = earlierRecords
        texts.push(text)
        const words = terms ?? encodeTerms(articleTerms(text.sentences))
        return { ...rest, terms: rest.article.duplicateOf === null ? words : null, checked: true as const }
      }
      const read = reads[r++] as CachedRead
      bytes += read.bytes
      const full = articleRecords(extractArticle(read, matcher, gazetteers, warn), job.shardPath, job.duplicateOf[i] ?? null)
      const { text, ...rest } = full
      const ok = ArticleTextSchema.safeParse(text)
      if (!ok.success) throw new Error(`text shard ${job.shardPath} does not match the schema: ${ok.error.issues[0]?.message}`)
      texts.push(text)
      const terms = part || rest.article.duplicateOf === null ? encodeTerms(articleTerms(text.sentences)) : null
      if (part) parked.push(part.add(JSON.stringify({ ...full, terms })))
      return { ...rest, terms: rest.article.duplicateOf === null ? terms : null }
    })
    part?.close()
    const shard: TextShard = { texts }
    writeFileSync(job.shardFile, toJson(shard))
    return { records, warnings, bytes, ...(part ? { parked, redone } : {}) }
  } finally {
    part?.abort()
  }
}

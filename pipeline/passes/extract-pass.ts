/**
 * The second pass, wherever it runs (main thread or worker): per text shard, take its articles from the
 * read cache, extract actors, events, figures and quotes, make the records and write the shard's texts. Only the
 * records go back to the main thread, not the texts.
 */
import { writeFileSync } from 'node:fs'
import { ArticleTextSchema } from '../../src/model/dataset.ts'
import type { Article, ArticleText } from '../../src/model/dataset.ts'
import { readCached, readCachedTexts, ReadCacheWriter } from '../io/read-cache.ts'
import type { ArticleSource } from '../io/read-cache.ts'
import type { MentionCount } from '../io/layout-cells.ts'
import type { SpooledLines } from '../io/spool.ts'
import { articleTerms } from '../../src/lib/search/tokens.ts'
import { blockOf, encodeTerms } from '../io/search-encode.ts'
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
import { mergeYearOf } from '../io/event-spool.ts'
import type { DraftLines } from '../io/event-spool.ts'
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
 * An article's records as the cache parks them (`parkEntry`): a head line of JSON — the article, its drafts, each
 * mention's actor and count, and the lengths of the blocks after it — then the blocks as text: the shard item
 * (2-space JSON indented by 4, as the text shard prints it), the words for the search index (`encodeTerms`' lines,
 * each ended by a newline), the mention, figure and quote records as compact JSON lines (as the record spool files
 * them) and the event reports as JSON lines (as the draft spool files them). A reused article is then parsed only
 * for its head (≈ 0.5 of its ≈ 10 kB): its text, words, records and reports are copied as text into the shard, the
 * search spool, the record spool and the draft spool.
 */
interface ParkedHead {
  article: Article
  /** Per event report (the drafts block's lines): the year it is merged in (io/event-spool.ts#mergeYearOf). */
  draftYears: string[]
  /** Per mention: actor id, count. */
  mentions: [string, number][]
  /** Characters of the blocks: shard item, words, mentions, figures, quotes, drafts; then the counts of mentions, figures, quotes. */
  blocks: number[]
}

/** An earlier run's records of an article as read from the cache: the head, the blocks cut apart. */
interface ParkedEntry {
  head: ParkedHead
  textItem: string
  terms: string
  lines: SpooledLines
  drafts: DraftLines
}

/** Records as JSON lines, each ended by a newline. */
function jsonLines(records: readonly unknown[]): string {
  let text = ''
  for (const r of records) text += `${JSON.stringify(r)}\n`
  return text
}

/** An item of the text shard's list, as `toJson` of the shard prints it: 2-space JSON, indented by 4. */
function shardItem(text: ArticleText): string {
  return JSON.stringify(text, null, 2).replace(/\n/g, '\n    ')
}

/** The text of a text shard from its items: the bytes of `toJson({ texts })`. */
function shardJson(items: readonly string[]): string {
  return items.length === 0 ? '{\n  "texts": []\n}\n' : `{\n  "texts": [\n    ${items.join(',\n    ')}\n  ]\n}\n`
}

/** The cache's text of an article's records (see ParkedHead). */
function parkEntry(full: ArticleRecords, textItem: string, terms: readonly string[]): string {
  const words = blockOf(terms)
  const m = jsonLines(full.mentions)
  const f = jsonLines(full.figures)
  const q = jsonLines(full.quotes)
  const d = jsonLines(full.drafts)
  const head: ParkedHead = {
    article: full.article,
    draftYears: full.drafts.map(mergeYearOf),
    mentions: full.mentions.map((x) => [x.actorId, x.count]),
    blocks: [textItem.length, words.length, m.length, f.length, q.length, d.length, full.mentions.length, full.figures.length, full.quotes.length],
  }
  return `${JSON.stringify(head)}\n${textItem}${words}${m}${f}${q}${d}`
}

/** Cuts a parked entry's text (of `parkEntry`) apart; only its head is parsed. */
function parsedEntry(text: string): ParkedEntry {
  const nl = text.indexOf('\n')
  const head = JSON.parse(text.slice(0, nl)) as ParkedHead
  const [t = 0, w = 0, m = 0, f = 0, q = 0, d = 0, nm = 0, nf = 0, nq = 0] = head.blocks
  let at = nl + 1
  const cut = (n: number): string => text.slice(at, (at += n))
  const textItem = cut(t)
  const terms = cut(w)
  const lines = { mentions: cut(m), figures: cut(f), quotes: cut(q), counts: { mentions: nm, figures: nf, quotes: nq } }
  return { head, textItem, terms, lines, drafts: { years: head.draftYears, lines: cut(d) } }
}

/**
 * One article's records as the extract pass hands them over: objects when extracted now; when reused from the
 * cache, `lines` holds its mention, figure and quote records as JSON lines, and `mentions` only what the layout
 * counts of them (actor and count), `figures` and `quotes` empty.
 */
export type ShardRecord = Omit<ArticleRecords, 'text' | 'mentions'> & {
  mentions: MentionCount[]
  terms: string | null
  checked?: true
  lines?: SpooledLines
  /** When reused: its event reports as JSON lines (`drafts` is empty then). */
  draftLines?: DraftLines
}

/** The records of one shard's articles (structured-cloneable; their texts are already written). */
export interface ShardRecords {
  /**
   * `terms`: the words of the article for the search index (null for a wire copy: its story has them);
   * `checked`: records an earlier run of this same code made and checked against the schema (the cache holds
   * only while the code is the same), not checked again.
   */
  records: ShardRecord[]
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
function reused(entry: ParkedEntry, job: ShardJob, i: number, stale: RegExp | undefined): ParkedEntry | undefined {
  if (stale && (JSON.parse(entry.textItem) as ArticleText).sentences.some((s) => stale.test(s))) return undefined
  const { head } = entry
  return { ...entry, head: { ...head, article: { ...head.article, textShard: job.shardPath, duplicateOf: job.duplicateOf[i] ?? null } } }
}

/** The second pass over one shard: extract (or reuse what the cache holds), make the records, write the texts to the shard file. */
export function extractShard(job: ShardJob, matcher: ActorMatcher, gazetteers: Gazetteers): ShardRecords {
  const warnings: string[] = []
  const warn = (msg: string): void => {
    warnings.push(msg)
  }
  const stale = job.stale ? new RegExp(job.stale, 'u') : undefined
  const reuse = job.reuse ?? []
  const earlier = readCachedTexts(reuse.filter((r): r is ArticleSource => r !== null && r !== undefined))
  let k = 0
  const kept = job.sources.map((_, i) => (reuse[i] ? reused(parsedEntry(earlier[k++] ?? ''), job, i, stale) : undefined))
  const redone = kept.filter((e, i) => !e && reuse[i]).length
  const reads = readCached<CachedRead>(job.sources.filter((_, i) => !kept[i]))
  const part = job.cachePart ? new ReadCacheWriter(job.cachePart) : undefined
  try {
    let r = 0
    let bytes = 0
    const parked: ArticleSource[] = []
    const items: string[] = []
    const records = job.sources.map((_, i): ShardRecord => {
      const entry = kept[i]
      if (entry) {
        parked.push(reuse[i] as ArticleSource)
        items.push(entry.textItem)
        const { article } = entry.head
        const mentions = entry.head.mentions.map(([actorId, count]) => ({ articleId: article.id, actorId, count }))
        const terms = article.duplicateOf === null ? entry.terms : null
        return { article, mentions, figures: [], quotes: [], drafts: [], terms, checked: true, lines: entry.lines, draftLines: entry.drafts }
      }
      const read = reads[r++] as CachedRead
      bytes += read.bytes
      const full = articleRecords(extractArticle(read, matcher, gazetteers, warn), job.shardPath, job.duplicateOf[i] ?? null)
      const { text, ...rest } = full
      const ok = ArticleTextSchema.safeParse(text)
      if (!ok.success) throw new Error(`text shard ${job.shardPath} does not match the schema: ${ok.error.issues[0]?.message}`)
      const item = shardItem(text)
      items.push(item)
      const terms = part || rest.article.duplicateOf === null ? encodeTerms(articleTerms(text.sentences)) : null
      if (part) parked.push(part.add(parkEntry(full, item, terms ?? [])))
      return { ...rest, terms: rest.article.duplicateOf === null && terms ? blockOf(terms) : null }
    })
    part?.close()
    writeFileSync(job.shardFile, shardJson(items))
    return { records, warnings, bytes, ...(part ? { parked, redone } : {}) }
  } finally {
    part?.abort()
  }
}

/**
 * The first pass, wherever it runs (main thread or worker): read each input file's articles (read-formats.ts:
 * decode, clean, title, segment, date), key each body for wire copies, find people not in the registry. The
 * articles as read go to the job's own part of the read cache (one JSON text each), so the second pass need not
 * read and clean them again; the main thread gets only their spans and a few fields.
 */
import type { Decision } from '../../src/model/dataset.ts'
import { sourceKind } from '../io/list-sources.ts'
import { ReadCacheWriter } from '../io/read-cache.ts'
import type { ArticleSource } from '../io/read-cache.ts'
import type { ActorMatcher } from '../stages/extract/actor-registry.ts'
import { discoverPeople } from '../stages/extract/discover-people.ts'
import type { Occasion } from '../stages/time/occasions.ts'
import { bodyKey } from './plan.ts'
import { sourceItems } from './read-formats.ts'
import type { ReadArticle } from './read-text.ts'

export type { ReadArticle } from './read-text.ts'
export { articleIdFor, metaPublished } from './read-text.ts'

/** An article as read, parked by the first pass for the second (the JSON of the read cache). */
export interface CachedRead {
  bytes: number
  article: ReadArticle
}

/** A person on no list the first pass found: the name and, when the text gave it, the state (actor id). */
export interface FoundPerson {
  name: string
  country?: string
  countryFrom?: Decision
  /** The registry person this is another spelling of. */
  sameAs?: string
}

/**
 * What the first pass learns of one article or of a part skipped (structured-cloneable: it crosses from a
 * worker thread). `records`: how many records of a container one skip line stands for.
 */
export type FirstPassResult =
  | { file: string; ok: true; id: string; bodyKey: string | null; people: FoundPerson[]; warnings: string[]; bytes: number; source: ArticleSource }
  | { file: string; ok: false; reason: string; warnings: string[]; bytes: number; records?: number; folded?: true }

/** The first pass over one input file: its articles and skips in file order. */
export interface SourceRead {
  file: string
  results: FirstPassResult[]
}

function peopleOf(article: ReadArticle, baseMatcher: ActorMatcher): FoundPerson[] {
  return discoverPeople(article.sentences, baseMatcher).map(({ name, country, countryFrom, sameAs }): FoundPerson => ({
    name,
    ...(country !== undefined ? { country, countryFrom } : {}),
    ...(sameAs !== undefined ? { sameAs } : {}),
  }))
}

/** The first pass over one file, its articles parked in `part`. */
async function readSource(inDir: string, file: string, part: ReadCacheWriter, baseMatcher: ActorMatcher, occasions: readonly Occasion[]): Promise<SourceRead> {
  const kind = sourceKind(file)
  if (!kind) return { file, results: [{ file, ok: false, reason: 'not an input file', warnings: [], bytes: 0 }] }
  const results: FirstPassResult[] = []
  let warnings: string[] = []
  for await (const item of sourceItems(inDir, file, kind, occasions, (msg) => warnings.push(msg))) {
    if (!item.ok) results.push({ file: item.file, ok: false, reason: item.reason, warnings, bytes: item.bytes, ...(item.records ? { records: item.records } : {}), ...(item.folded ? { folded: item.folded } : {}) })
    else {
      const { article, bytes } = item
      const cached: CachedRead = { bytes, article }
      const source = part.add(JSON.stringify(cached))
      results.push({ file: article.file, ok: true, id: article.id, bodyKey: bodyKey(article.sentences), people: peopleOf(article, baseMatcher), warnings, bytes, source })
    }
    warnings = []
  }
  const last = results.at(-1)
  if (warnings.length > 0) {
    if (last) last.warnings.push(...warnings)
    else results.push({ file, ok: false, reason: 'no article in the file', warnings, bytes: 0 })
  }
  return { file, results }
}

/** The first pass over some files of `inDir`, their articles parked in the part file `partFile`: one entry per file, in the order given. */
export async function readFiles(inDir: string, files: readonly string[], partFile: string, baseMatcher: ActorMatcher, occasions: readonly Occasion[]): Promise<SourceRead[]> {
  const part = new ReadCacheWriter(partFile)
  try {
    const out: SourceRead[] = []
    for (const file of files) out.push(await readSource(inDir, file, part, baseMatcher, occasions))
    part.close()
    return out
  } finally {
    part.abort()
  }
}

/**
 * The layout files of one index (src/model/layout.ts), fetched on demand and cached: month parts, day
 * files, the events file, text shards. Each file is fetched once; a failure is reported under its path
 * and the file is fetched again on the next call. No Vue: what arrives is handed to the owner's callbacks
 * (the dataset store keeps it in its state).
 */
import { parseTextShard, type ArticleText, type DiplomaticEvent } from '../model/dataset.ts'
import { parseComentionsFile, parseDayFile, parseEventsFile, parsePart, type ComentionsFile, type DatasetIndex, type DatasetPart, type DayFile } from '../model/layout.ts'
import type { ParseResult } from '../model/dataset.ts'
import { errorMessage } from '../lib/errors.ts'
import { parseEventPart, parseEventSummary, type EventPart, type EventSummary } from '../model/event-layout.ts'
import { idShardOf, idShardPath, parseIdShard, type IdShard } from '../model/id-map.ts'
import { fetchLayoutFile, resolvePath, type Fetcher } from './fetch.ts'
import { searchOrder } from './plan.ts'

/** Where the loaded files go. */
export interface LoaderCallbacks {
  part(month: string, part: DatasetPart): void
  dayFile(year: string, file: DayFile): void
  events(events: DiplomaticEvent[]): void
  comentions(file: ComentionsFile): void
  eventSummary(summary: EventSummary): void
  eventPart(month: string, part: EventPart): void
  /** A file failed (reason), or loaded after failing before (null). */
  failure(path: string, reason: string | null): void
}

export interface LayoutLoader {
  /** Loads the month parts ("YYYY-MM" or "undated") that exist; resolves when all tried, rejects with the first failure. */
  loadParts(months: readonly string[]): Promise<void>
  /** Loads the day files of these years (same rules). */
  loadDays(years: readonly string[]): Promise<void>
  loadEvents(): Promise<void>
  /** Loads the co-mention file; rejects when the index names none (a layout written before it existed). */
  loadComentions(): Promise<void>
  /**
   * Loads parts until `found` says every id is there: the months near `near` first (see searchOrder),
   * four at a time, at most `maxParts`. Never rejects.
   */
  findArticles(found: () => boolean, loaded: ReadonlySet<string>, near: string | null, maxParts?: number): Promise<void>
  /** Loads the event summary; rejects when the index names none (a layout written before the events were split). */
  loadEventSummary(): Promise<void>
  /** Loads the event month parts ("YYYY-MM" or "undated") the summary lists (call after loadEventSummary). */
  loadEventParts(months: readonly string[], summary: EventSummary): Promise<void>
  /** The id shard holding `id` (src/model/id-map.ts), fetched once; null when the index has no id shards. */
  idShard(id: string): Promise<IdShard | null>
  /** The texts of one shard by article id, fetched once (again after a failure). */
  loadShard(path: string): Promise<Map<string, ArticleText>>
}

/** Waits for every request; then rejects with the first failure, if any (the others have still loaded). */
async function allTried(requests: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(requests)).find((result) => result.status === 'rejected')
  if (failed) throw failed.reason
}

/**
 * Events without the quotes of their reports: the evidence panel reads each sentence from the article's
 * text shard (as for mentions), and at 1 M articles the quotes are a quarter of the events' memory.
 */
export function withoutQuotes(events: DiplomaticEvent[]): DiplomaticEvent[] {
  for (const event of events) for (const evidence of event.evidence) evidence.quote = ''
  return events
}

export function createLayoutLoader(index: DatasetIndex, indexUrl: string, fetcher: Fetcher, on: LoaderCallbacks): LayoutLoader {
  const requests = new Map<string, Promise<void>>()
  const shards = new Map<string, Promise<Map<string, ArticleText>>>()
  const idShards = new Map<string, Promise<IdShard>>()

  /** Fetches a layout file once; a failure is reported under its path (and retried on the next call). */
  function once<T>(path: string, parse: (json: unknown) => ParseResult<T>, keep: (value: T) => void): Promise<void> {
    const known = requests.get(path)
    if (known) return known
    const request = fetchLayoutFile(resolvePath(path, indexUrl), parse, fetcher).then(
      (value) => {
        keep(value)
        on.failure(path, null)
      },
      (cause: unknown) => {
        requests.delete(path)
        on.failure(path, errorMessage(cause))
        throw cause
      },
    )
    requests.set(path, request)
    return request
  }

  async function loadParts(months: readonly string[]): Promise<void> {
    const wanted = new Set(months)
    const parts = index.parts.filter((part) => wanted.has(part.month))
    await allTried(parts.map((part) => once(part.path, parsePart, (loaded) => on.part(part.month, loaded))))
  }

  return {
    loadParts,
    async loadDays(years) {
      const wanted = new Set(years)
      const files = index.dayFiles.filter((file) => wanted.has(file.year))
      await allTried(files.map((file) => once(file.path, parseDayFile, (loaded) => on.dayFile(file.year, loaded))))
    },
    loadEvents: () => once(index.events, parseEventsFile, (loaded) => on.events(withoutQuotes(loaded.events))),
    loadComentions: () =>
      index.comentions === undefined
        ? Promise.reject(new Error('dataset.index.json names no co-mention file (npm run preprocess writes one)'))
        : once(index.comentions, parseComentionsFile, (loaded) => on.comentions(loaded)),
    loadEventSummary: () =>
      index.eventSummary === undefined
        ? Promise.reject(new Error('dataset.index.json names no event summary (npm run preprocess writes one)'))
        : once(index.eventSummary, parseEventSummary, (loaded) => on.eventSummary(loaded)),
    async loadEventParts(months, summary) {
      const wanted = new Set(months)
      const parts = summary.parts.filter((part) => wanted.has(part.month))
      await allTried(parts.map((part) => once(part.path, parseEventPart, (loaded) => {
            withoutQuotes(loaded.events)
            on.eventPart(part.month, loaded)
          }),))
    },
    idShard(id) {
      if (index.ids === undefined) return Promise.resolve(null)
      const path = idShardPath(index.ids.folder, idShardOf(id, index.ids.shards))
      let request = idShards.get(path)
      if (!request) {
        request = fetchLayoutFile(resolvePath(path, indexUrl), parseIdShard, fetcher)
        idShards.set(path, request)
        request.catch(() => idShards.delete(path))
      }
      return request
    },
    async findArticles(found, loaded, near, maxParts) {
      if (found()) return
      const order = searchOrder(index, loaded, near, maxParts)
      for (let i = 0; i < order.length && !found(); i += 4) await loadParts(order.slice(i, i + 4)).catch(() => undefined)
    },
    loadShard(path) {
      let request = shards.get(path)
      if (!request) {
        request = fetchLayoutFile(resolvePath(path, indexUrl), parseTextShard, fetcher).then(
          (shard) => new Map(shard.texts.map((text) => [text.articleId, text])),
        )
        shards.set(path, request)
        request.catch(() => shards.delete(path))
      }
      return request
    },
  }
}

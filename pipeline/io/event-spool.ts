/**
 * Event reports parked on disk by year while the articles are processed, then merged one year at a
 * time: memory holds one year's reports and events instead of all of them.
 *
 * Merging year by year gives exactly `mergeEvents` of all reports: reports join an event, a stage of a
 * lifecycle, or share an id hash only within one year (mergeEvents buckets them by kind, parties and
 * year; dateless reports only meet dateless ones), and its output is sorted by date, then id, so the
 * years' outputs in ascending order, the dateless last, are its output.
 */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DiplomaticEvent } from '../../src/model/dataset.ts'
import { mergeEvents } from '../stages/extract/merge-events.ts'
import type { ArticleEventDraft } from '../stages/extract/merge-events.ts'
import { bufferedWriter } from './write-all.ts'
import type { BufferedWriter } from './write-all.ts'
import type { ReportInfo } from './layout-events.ts'

/** The year a report is merged in, or "none" for a dateless one. */
export function mergeYearOf(draft: ArticleEventDraft): string {
  return draft.draft.date === null ? 'none' : draft.draft.date.slice(0, 4)
}

/** The merge years in output order: ascending, "none" last. */
function yearOrder(years: Iterable<string>): string[] {
  const all = [...years]
  const dated = all.filter((y) => y !== 'none').sort()
  return all.includes('none') ? [...dated, 'none'] : dated
}

/** `mergeEvents` one year at a time (for drafts in memory; the same output as `mergeEvents(drafts)`). */
export function* mergeByYear(drafts: readonly ArticleEventDraft[]): Generator<DiplomaticEvent[]> {
  const byYear = new Map<string, ArticleEventDraft[]>()
  for (const d of drafts) {
    const year = mergeYearOf(d)
    const list = byYear.get(year)
    if (list) list.push(d)
    else byYear.set(year, [d])
  }
  for (const year of yearOrder(byYear.keys())) yield mergeEvents(byYear.get(year) ?? [])
}

/** One merge year: its events, and the date and outlet of each article reporting them. */
export interface MergedYear {
  events: DiplomaticEvent[]
  reports: Map<string, ReportInfo>
}

function reportsOf(drafts: readonly ArticleEventDraft[]): Map<string, ReportInfo> {
  return new Map(drafts.map((d) => [d.articleId, { published: d.articleDate ?? null, outlet: d.articleOutlet ?? null }]))
}

/** Event reports as JSON lines (each ended by a newline), with the merge year of each line. */
export interface DraftLines {
  years: readonly string[]
  lines: string
}

export class DraftSpool {
  private readonly files = new Map<string, { fd: number; out: BufferedWriter }>()
  /** Reports added. */
  count = 0

  constructor(private readonly dir: string) {}

  private fileName(year: string): string {
    return join(this.dir, `drafts-${year}.jsonl`)
  }

  private fileOf(year: string): BufferedWriter {
    let file = this.files.get(year)
    if (!file) {
      const fd = openSync(this.fileName(year), 'w')
      file = { fd, out: bufferedWriter(fd, 1 << 18) }
      this.files.set(year, file)
    }
    return file.out
  }

  add(draft: ArticleEventDraft): void {
    this.fileOf(mergeYearOf(draft)).write(`${JSON.stringify(draft)}\n`)
    this.count += 1
  }

  /** Reports given as JSON lines (of `JSON.stringify`, as `add` files them), with their merge years. */
  addLines({ years, lines }: DraftLines): void {
    let from = 0
    for (const year of years) {
      const end = lines.indexOf('\n', from) + 1
      if (end === 0) throw new Error('fewer report lines than years')
      this.fileOf(year).write(lines.slice(from, end))
      from = end
      this.count += 1
    }
  }

  /** The merged events, one year at a time in output order; each year's file is deleted once read. */
  *merged(): Generator<DiplomaticEvent[]> {
    for (const chunk of this.chunks()) yield chunk.events
  }

  /** The same, each year with the date and outlet of the articles reporting it (for the event layout). */
  *chunks(): Generator<MergedYear> {
    for (const file of this.files.values()) file.out.flush()
    for (const year of yearOrder(this.files.keys())) {
      const path = this.fileName(year)
      const drafts = readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as ArticleEventDraft)
      rmSync(path, { force: true })
      yield { events: mergeEvents(drafts), reports: reportsOf(drafts) }
    }
  }

  /** Closes and deletes the files. */
  close(): void {
    for (const [year, { fd }] of this.files) {
      closeSync(fd)
      rmSync(this.fileName(year), { force: true })
    }
    this.files.clear()
  }
}

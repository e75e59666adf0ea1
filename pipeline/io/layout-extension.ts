/**
 * Where the layout files go, and the hook through which more than the mention cells is counted from the
 * stories the layout builder sees (co-mentions; a search index): each extension is fed every story as the
 * cells count it and adds its own files beside the index. Types only; pure.
 */
import type { DatasetIndex } from '../../src/model/layout.ts'
import type { Numbering } from './layout-cells.ts'

/** Where the layout files go, relative to the index file's folder. */
export interface LayoutPaths {
  /** Folder of the per-year day files: "dataset.days". */
  dayFolder: string
  /** Folder of the month parts: "dataset.parts". */
  partFolder: string
  /** The events file: "dataset.events.json". */
  events: string
  /** The co-mention file: "dataset.comentions.json". */
  comentions: string
  /** The search index's meta file: "dataset.search/meta.json" (./search-index.ts writes it). */
  search?: string
  /** The event summary: "dataset.events.summary.json" (src/model/event-layout.ts). */
  eventSummary: string
  /** Folder of the event month parts: "dataset.events". */
  eventFolder: string
  /** Folder of the id shards: "dataset.ids" (src/model/id-map.ts). */
  idFolder: string
}

/** What an extension knows at the end: the final numbering of outlets, sets and actors, the index's months. */
export interface ExtensionContext {
  numbering: Numbering
  /** The index's months ("YYYY-MM", ascending): period numbers index them. */
  months: readonly string[]
  paths: LayoutPaths
}

/** What an extension adds: fields of the index (paths of its files) and its files (path → JSON value). */
export interface ExtensionOutput {
  index: Partial<DatasetIndex>
  files: Map<string, unknown>
}

export interface LayoutExtension {
  /**
   * One story as the cells count it: its date (null: undated), its internal outlet-set number and its
   * mention pairs (internal actor number, count > 0) — wire copies already folded.
   */
  story(published: string | null, outletSet: number, mentions: readonly number[]): void
  finish(context: ExtensionContext): ExtensionOutput
}

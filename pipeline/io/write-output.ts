/** The output files of a run, written from the spool, the merged events and the layout counts into the temporaries of the target. */
import { closeSync, openSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { DATASET_VERSION } from '../../src/model/dataset.ts'
import type { Actor } from '../../src/model/dataset.ts'
import { partPath } from './layout-build.ts'
import type { LayoutBuilder, LayoutPaths } from './layout-build.ts'
import type { OutputTarget } from './output.ts'
import type { SearchIndexBuilder } from './search-index.ts'
import type { RecordSpool } from './spool.ts'
import { compactJson, eventsFilePieces, spooledDatasetPieces, spooledPartPieces } from './stream-dataset.ts'
import { bufferedWriter } from './write-all.ts'
import type { EventLayoutBuilder } from './layout-events.ts'
import type { EventPart } from '../../src/model/event-layout.ts'

/** Writes event month parts into `dir` ("2024-05.json"), as the layout's compact JSON. */
export function writeEventParts(dir: string, parts: readonly EventPart[]): void {
  for (const part of parts) writeFileSync(join(dir, `${part.month}.json`), compactJson(part))
}

/** The dataset of a run, its records parked in a spool file: what the output files are written from. */
export interface BuiltDataset {
  generatedAt: string
  /** Articles, mentions and figures, filed in id order (close it when done). */
  spool: RecordSpool
  actors: Actor[]
  /** The merged events, in the dataset's order, as compact JSON lines (read from a file in the run's folder). */
  events: { count: number; lines: () => Iterable<string> }
  /** Fed every article: the counts of the index and the day files. */
  layout: LayoutBuilder
  /** Fed every event (its month parts are written already): the event summary and where each event went. */
  eventLayout: EventLayoutBuilder
  /** Fed every article: the search index (dataset.search/). */
  search: SearchIndexBuilder
  /** Deletes the spool (and the temporary folder when the run made its own). */
  close(): void
}

/** Where each output file goes: the dataset file, its text shards and its layout, under temporary names. */
export interface OutputNames {
  outFile: string
  shardFolder: string
  indexFile: string
  paths: LayoutPaths
  /** The search index's folder ("dataset.search"). */
  searchFolder: string
}

function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w')
  try {
    const out = bufferedWriter(fd)
    for (const piece of pieces) out.write(piece)
    out.flush()
  } finally {
    closeSync(fd)
  }
}

/** Writes dataset.json, the month parts, the day files, the index and the events file into the temporaries of `target`. */
export function writeOutput(built: BuiltDataset, target: OutputTarget, names: OutputNames): void {
  const { spool } = built
  const inFolder = (path: string): string => {
    const [folder, ...rest] = path.split('/')
    return join(target.tmp(folder ?? ''), ...rest)
  }
  const head = { schemaVersion: DATASET_VERSION, generatedAt: built.generatedAt }
  writePieces(target.tmp(basename(names.outFile)), spooledDatasetPieces(head, built.actors, built.events.lines(), spool))
  for (const { month, positions } of spool.partPositions()) {
    writePieces(inFolder(partPath(names.paths, month)), spooledPartPieces(spool, month, positions))
  }
  const { index, dayFiles, files } = built.layout.finish({
    generatedAt: built.generatedAt,
    actors: built.actors,
    events: built.events.count,
    figures: spool.counts.figures,
    quotes: spool.counts.quotes,
    paths: names.paths,
    eventLayout: built.eventLayout,
  })
  for (const [path, day] of dayFiles) writeFileSync(inFolder(path), compactJson(day))
  for (const [path, value] of files) writeFileSync(path.includes('/') ? inFolder(path) : target.tmp(path), compactJson(value))
  writePieces(target.tmp(names.paths.events), eventsFilePieces(built.events.lines()))
  built.search.write(target.tmp(names.searchFolder), names.searchFolder, built.generatedAt)
  writeFileSync(target.tmp(names.indexFile), compactJson(index))
}

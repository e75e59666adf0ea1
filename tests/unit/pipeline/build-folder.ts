/** The production build (steps 1–4 of a run) on a folder, in-process, with the dataset and the text shards read back into memory. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article, Dataset, DiplomaticEvent, Figure, Mention, TextShard } from '../../../src/model/dataset.ts'
import { DATASET_VERSION } from '../../../src/model/dataset.ts'
import type { Inputs } from '../../../pipeline/io/read-inputs.ts'
import { buildDataset } from '../../../pipeline/run.ts'
import type { BuildOptions, RunReport } from '../../../pipeline/run.ts'
import type { ActorEntry } from '../../../pipeline/stages/types.ts'
import { GAZETTEERS } from './gazetteers.ts'

export interface BuiltFolder {
  dataset: Dataset
  report: RunReport
  /** Shard path ("dataset.text/00.json") → shard. */
  shards: Map<string, TextShard>
}

const parse = <T>(lines: Iterable<string>): T[] => [...lines].map((line) => JSON.parse(line) as T)

/** Builds the dataset of `inDir` as a run does, then reads it back from the spool and the shard files. */
export async function buildFolder(inDir: string, registry: readonly ActorEntry[], options: Partial<BuildOptions> = {}): Promise<BuiltFolder> {
  const shardDir = mkdtempSync(join(tmpdir(), 'mbpm-test-shards-'))
  const inputs: Inputs = { registry: [...registry], gazetteers: GAZETTEERS }
  try {
    const { built, report } = await buildDataset(inDir, inputs, '2026-01-01T00:00:00.000Z', shardDir, 'dataset.text', { workers: 'auto', ...options })
    try {
      const dataset: Dataset = {
        schemaVersion: DATASET_VERSION,
        generatedAt: built.generatedAt,
        articles: parse<Article>(built.spool.records('articles')),
        actors: built.actors,
        mentions: parse<Mention>(built.spool.records('mentions')),
        events: parse<DiplomaticEvent>(built.events.lines()),
        figures: parse<Figure>(built.spool.records('figures')),
      }
      const shards = new Map<string, TextShard>()
      for (const name of readdirSync(shardDir).sort()) shards.set(`dataset.text/${name}`, JSON.parse(readFileSync(join(shardDir, name), 'utf8')) as TextShard)
      return { dataset, report, shards }
    } finally {
      built.close()
    }
  } finally {
    rmSync(shardDir, { recursive: true, force: true })
  }
}

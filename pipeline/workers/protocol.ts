/** What the main thread and a worker thread say to each other (all structured-cloneable). */
import type { ActorEntry } from '../stages/types.ts'
import type { Gazetteers, ShardJob } from '../passes/extract-pass.ts'

/** Given to every worker at start. */
export interface WorkerSetup {
  inDir: string
  registry: ActorEntry[]
  gazetteers: Gazetteers
}

/** A job: the first pass over some files (their articles parked in `part`), or the second pass over one shard's articles. */
export type WorkerJob = { kind: 'first'; files: string[]; part: string } | { kind: 'shard'; shard: ShardJob }

/** Messages to a worker: a numbered job, or the matcher for the second pass (people found in the first). */
export type WorkerMessage = (WorkerJob & { job: number }) | { kind: 'matcher'; discovered: ActorEntry[] }

/** A worker's answer to job `job`: its result (SourceRead[] or ShardRecords), or the error it threw. */
export type WorkerReply = { job: number; ok: true; result: unknown } | { job: number; ok: false; error: string }

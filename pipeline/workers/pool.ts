/**
 * A fixed set of worker threads (worker.ts) that run numbered jobs and hand the results back
 * in job order, so what the main thread builds from them does not depend on which thread was faster.
 */
import { Worker } from 'node:worker_threads'
import type { Gazetteers, ShardJob } from '../index.ts'
import type { ActorEntry } from '../stages/types.ts'

/** Given to every worker at start. */
export interface WorkerSetup {
  inDir: string
  registry: ActorEntry[]
  gazetteers: Gazetteers
}

/** A job: the first pass over some files, or the second pass over one shard's files. */
export type WorkerJob = { kind: 'first'; files: string[] } | { kind: 'shard'; shard: ShardJob }

/** Messages to a worker: a numbered job, or the matcher for the second pass (people found in the first). */
export type WorkerMessage = (WorkerJob & { job: number }) | { kind: 'matcher'; discovered: ActorEntry[] }

/** A worker's answer to job `job`. */
export type WorkerReply = { job: number; ok: true; result: unknown } | { job: number; ok: false; error: string }

export class WorkerPool {
  private readonly workers: Worker[]
  /** Results kept waiting for an earlier job at most: bounds the memory of out-of-order results. */
  private readonly window: number

  constructor(threads: number, setup: WorkerSetup) {
    // Node 20 does not carry tsx's loader into worker threads (a .ts entry fails with "Unknown file
    // extension"), so each worker starts from a small script that registers tsx, then imports worker.ts
    const api = import.meta.resolve('tsx/esm/api')
    const entry = new URL('./worker.ts', import.meta.url).href
    const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
    // tsx's own flags stay behind (they fail in an eval worker); a CPU profile is taken of every thread
    const execArgv = process.execArgv.filter((arg) => arg === '--cpu-prof' || arg.startsWith('--cpu-prof-'))
    this.workers = Array.from({ length: threads }, () => new Worker(boot, { eval: true, execArgv, workerData: setup }))
    this.window = threads * 2
  }

  /** Sends a message every worker reads before its next job. */
  broadcast(message: WorkerMessage): void {
    for (const w of this.workers) w.postMessage(message)
  }

  /**
   * Runs jobs 0 … count-1 and calls `take(i, result)` for each in order of i. Rejects on the first
   * failed job, crashed worker or throwing `take`.
   */
  run<R>(count: number, jobOf: (i: number) => WorkerJob, take: (i: number, result: R) => void): Promise<void> {
    return new Promise<void>((resolvePromise, rejectPromise) => {
      let next = 0
      let emit = 0
      let settled = false
      const ready = new Map<number, R>()
      const idle = [...this.workers]
      const listeners: { w: Worker; message: (reply: WorkerReply) => void; error: (e: Error) => void; exit: (code: number) => void }[] = []
      const finish = (error?: Error): void => {
        if (settled) return
        settled = true
        for (const l of listeners) {
          l.w.off('message', l.message)
          l.w.off('error', l.error)
          l.w.off('exit', l.exit)
        }
        if (error) rejectPromise(error)
        else resolvePromise()
      }
      const pump = (): void => {
        while (!settled && next < count && next < emit + this.window) {
          const w = idle.pop()
          if (w === undefined) break
          const message: WorkerMessage = { ...jobOf(next), job: next }
          w.postMessage(message)
          next++
        }
        if (emit >= count) finish()
      }
      for (const w of this.workers) {
        const message = (reply: WorkerReply): void => {
          if (settled) return
          if (!reply.ok) {
            finish(new Error(reply.error))
            return
          }
          ready.set(reply.job, reply.result as R)
          idle.push(w)
          try {
            for (let r = ready.get(emit); r !== undefined; r = ready.get(emit)) {
              ready.delete(emit)
              take(emit, r)
              emit++
            }
          } catch (e) {
            finish(e as Error)
            return
          }
          pump()
        }
        const error = (e: Error): void => finish(e)
        const exit = (code: number): void => finish(new Error(`a worker thread stopped (exit code ${code})`))
        w.on('message', message)
        w.on('error', error)
        w.on('exit', exit)
        listeners.push({ w, message, error, exit })
      }
      pump()
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}

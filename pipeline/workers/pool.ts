/**
 * A fixed set of worker threads (worker.ts) that run numbered jobs and hand the results back in job
 * order, so what the main thread builds from them does not depend on which thread was faster. A job
 * that throws, a worker that exits or crashes, at any time, fails the current run (or the next one)
 * with an error naming what happened; nothing waits for a dead worker. After a failed run the pool
 * only fails: close it.
 */
import { Worker } from 'node:worker_threads'
import { workerEntry } from './bundle.ts'
import type { WorkerJob, WorkerMessage, WorkerReply, WorkerSetup } from './protocol.ts'

interface Run {
  reply(w: Worker, reply: WorkerReply): void
  fail(error: Error): void
}

export class WorkerPool {
  private readonly workers: Worker[]
  /** Results kept waiting for an earlier job at most: bounds the memory of out-of-order results. */
  private readonly window: number
  /** Why the pool cannot run jobs any more (a worker died), once it happened. */
  private broken: Error | undefined
  private current: Run | undefined
  private closing = false

  /** Starts `threads` workers from `entry` (a JavaScript file; default: worker.ts bundled into `dir`). */
  static async start(threads: number, setup: WorkerSetup, dir: string, entry?: string): Promise<WorkerPool> {
    return new WorkerPool(threads, setup, entry ?? (await workerEntry(dir)))
  }

  private constructor(threads: number, setup: WorkerSetup, entry: string) {
    // a CPU profile is taken of every thread when the command runs under --cpu-prof
    const execArgv = process.execArgv.filter((arg) => arg === '--cpu-prof' || arg.startsWith('--cpu-prof-'))
    this.workers = Array.from({ length: threads }, () => new Worker(entry, { execArgv, workerData: setup }))
    this.window = threads * 2
    for (const w of this.workers) {
      w.on('message', (reply: WorkerReply) => this.current?.reply(w, reply))
      w.on('error', (e: Error) => this.die(new Error(`a worker thread failed: ${e.message}`)))
      w.on('exit', (code: number) => {
        if (!this.closing) this.die(new Error(`a worker thread stopped (exit code ${code})`))
      })
    }
  }

  private die(error: Error): void {
    this.broken ??= error
    this.current?.fail(this.broken)
  }

  /** How many worker threads run the jobs. */
  get size(): number {
    return this.workers.length
  }

  /** Sends a message every worker reads before its next job. */
  broadcast(message: WorkerMessage): void {
    for (const w of this.workers) w.postMessage(message)
  }

  /**
   * Runs jobs 0 … count-1 and calls `take(i, result)` for each in order of i. Rejects on the first
   * failed job, dead worker or throwing `take`.
   */
  run<R>(count: number, jobOf: (i: number) => WorkerJob, take: (i: number, result: R) => void): Promise<void> {
    return new Promise<void>((resolvePromise, rejectPromise) => {
      let next = 0
      let emit = 0
      let settled = false
      const ready = new Map<number, R>()
      const idle = [...this.workers]
      const finish = (error?: Error): void => {
        if (settled) return
        settled = true
        this.current = undefined
        // jobs of a failed run may still be running: no later run could tell their replies from its own
        if (error) this.broken ??= error
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
      const reply = (w: Worker, r: WorkerReply): void => {
        if (settled) return
        if (!r.ok) return finish(new Error(r.error))
        ready.set(r.job, r.result as R)
        idle.push(w)
        try {
          for (let result = ready.get(emit); result !== undefined; result = ready.get(emit)) {
            ready.delete(emit)
            take(emit, result)
            emit++
          }
        } catch (e) {
          return finish(e as Error)
        }
        pump()
      }
      if (this.broken) return finish(this.broken)
      this.current = { reply, fail: finish }
      pump()
    })
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}

/**
 * A worker thread of the preprocessing command: runs first-pass and shard jobs for WorkerPool with the
 * same pass functions the main thread runs. Imports the passes only, never the command.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { extractShard } from '../passes/extract-pass.ts'
import { readFiles } from '../passes/read-pass.ts'
import { buildMatcher } from '../stages/extract/actor-registry.ts'
import type { WorkerMessage, WorkerReply, WorkerSetup } from './protocol.ts'

const setup = workerData as WorkerSetup
const port = parentPort
const baseMatcher = buildMatcher(setup.registry)
let matcher = baseMatcher

port?.on('message', async (message: WorkerMessage) => {
  if (message.kind === 'matcher') {
    matcher = buildMatcher(setup.registry, message.discovered)
    return
  }
  let reply: WorkerReply
  try {
    const result =
      message.kind === 'first'
        ? await readFiles(setup.inDir, message.files, message.part, baseMatcher, setup.gazetteers.occasions)
        : extractShard(message.shard, matcher, setup.gazetteers)
    reply = { job: message.job, ok: true, result }
  } catch (e) {
    reply = { job: message.job, ok: false, error: (e as Error).message }
  }
  port.postMessage(reply)
})

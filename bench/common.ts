/**
 * Helpers shared by the benchmarks: argument parsing, synthetic corpora cached under /tmp, child
 * processes with a time limit and peak memory, medians and tables.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { availableParallelism, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { GENERATOR_VERSION } from '../scripts/synth/corpus.ts'

export const ROOT = resolve(import.meta.dirname, '..')
export const CACHE = process.env.BENCH_CACHE ?? '/tmp/mbpm-bench'

export function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}

export function sizesOption(argv: readonly string[], fallback: readonly number[]): number[] {
  const raw = option(argv, '--sizes')
  if (!raw) return [...fallback]
  const sizes = raw.split(',').map((s) => Number(s.trim().replace(/k$/i, '000').replace(/m$/i, '000000')))
  for (const s of sizes) if (!Number.isInteger(s) || s < 1) throw new Error(`bad size in --sizes: ${raw}`)
  return sizes
}

/** Load average and cores, printed with every table: numbers from a busy machine are not comparable. */
export function machineLoad(): string {
  const [one = 0, five = 0] = loadavg()
  return `load average ${one.toFixed(1)} (1 min) / ${five.toFixed(1)} (5 min) on ${availableParallelism()} cores`
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

export interface RunResult {
  code: number | null
  seconds: number
  timedOut: boolean
  /** Peak resident memory of the largest process in the tree, from /usr/bin/time -v. */
  peakRssMb: number | null
  /** User + system CPU seconds of the process tree, from /usr/bin/time -v (less sensitive to a busy machine than wall time). */
  cpuSeconds: number | null
  stderr: string
  stdout: string
}

const TIME_BIN = '/usr/bin/time'

/**
 * Runs a command in its own process group, killed when `timeoutSeconds` pass. Wall time is measured
 * here; peak RSS comes from GNU time when it is installed.
 */
export function runMeasured(command: string, args: readonly string[], timeoutSeconds: number, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  const useTime = existsSync(TIME_BIN)
  const [bin, argv] = useTime ? [TIME_BIN, ['-v', command, ...args]] : [command, [...args]]
  return new Promise((done) => {
    const started = performance.now()
    const child = spawn(bin, argv, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < 1_000_000) stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000)
    })
    // Peak RSS by sampling /proc, for runs killed at the time limit (GNU time then reports nothing).
    let sampledPeakKb = 0
    const sampler = setInterval(() => {
      if (child.pid) sampledPeakKb = Math.max(sampledPeakKb, largestRssKbInGroup(child.pid))
    }, 1000)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
    }, timeoutSeconds * 1000)
    child.on('close', (code) => {
      clearTimeout(timer)
      clearInterval(sampler)
      const seconds = (performance.now() - started) / 1000
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)
      const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : null
      const peakKb = rss ? Number(rss[1]) : sampledPeakKb || null
      done({ code, seconds, timedOut, peakRssMb: peakKb === null ? null : peakKb / 1024, cpuSeconds, stderr, stdout })
    })
  })
}

/** The largest resident set (kB) among the processes of a process group, read from /proc (Linux). */
function largestRssKbInGroup(pgid: number): number {
  let largest = 0
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        // fields after the command name: state ppid pgrp …
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        if (Number(fields[2]) !== pgid) continue
        const status = readFileSync(`/proc/${entry}/status`, 'utf8')
        const rss = /VmRSS:\s+(\d+) kB/.exec(status)
        if (rss) largest = Math.max(largest, Number(rss[1]))
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return largest
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

/** Total size of the files in a folder (and below it). */
export function folderBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size
  }
  return total
}

export interface CorpusInfo {
  dir: string
  n: number
  textBytes: number
  reused: boolean
  synthSeconds: number | null
}

interface SynthSummary {
  generator: number
  n: number
  seed: number
  textBytes: number
  seconds: number
}

/** A synthetic corpus of n articles under the cache, generated once and reused while the generator is unchanged. */
export async function ensureCorpus(n: number, seed: number): Promise<CorpusInfo> {
  const dir = join(CACHE, `corpus-n${n}-s${seed}-v${GENERATOR_VERSION}`)
  const manifest = join(dir, 'synth.json')
  if (existsSync(manifest)) {
    const summary = JSON.parse(readFileSync(manifest, 'utf8')) as SynthSummary
    if (summary.n === n && summary.seed === seed && summary.generator === GENERATOR_VERSION) {
      return { dir, n, textBytes: summary.textBytes, reused: true, synthSeconds: summary.seconds }
    }
  }
  log(`generating ${n} articles into ${dir} …`)
  const run = await runMeasured(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', '--n', String(n), '--out', dir, '--seed', String(seed), '--quiet'], 3600)
  if (run.code !== 0) throw new Error(`synth failed: ${run.stderr.slice(-500)}`)
  const summary = JSON.parse(readFileSync(manifest, 'utf8')) as SynthSummary
  return { dir, n, textBytes: summary.textBytes, reused: false, synthSeconds: summary.seconds }
}

/** A plain-text table with right-aligned numbers. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ')} |`
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

export const fmt = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits)

/** A TCP port free on 127.0.0.1 right now (for a second preview server beside the assigned PORT). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * The preprocessing command (`npm run preprocess`, which starts Node with a 512 MB heap limit):
 *   npm run preprocess -- --in DIR --out FILE [--actors FILE] [--places FILE] [--occasions FILE] [--offices FILE] [--workers N|auto] [--cache DIR | --no-cache]
 * Flags → run() → exit code. The only module that reads the command line and the environment, and the
 * only `process.exit`.
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs as parseFlags } from 'node:util'
import { run } from './run.ts'
import type { RunOptions } from './run.ts'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const USAGE = '--in DIR --out FILE [--actors FILE] [--places FILE] [--occasions FILE] [--offices FILE] [--workers N|auto] [--cache DIR | --no-cache]'

export type CliOptions = Omit<RunOptions, 'generatedAt'>

const FLAGS = {
  in: { type: 'string', what: 'a folder' },
  out: { type: 'string', what: 'a file' },
  actors: { type: 'string', what: 'a file' },
  places: { type: 'string', what: 'a file' },
  occasions: { type: 'string', what: 'a file' },
  offices: { type: 'string', what: 'a file' },
  workers: { type: 'string', what: 'a whole number ≥ 1 or "auto"' },
  cache: { type: 'string', what: 'a folder' },
} as const

/** Command line → options, or a one-line error. */
export function parseArgs(argv: readonly string[]): { ok: true; value: CliOptions } | { ok: false; error: string } {
  let values: Partial<Record<keyof typeof FLAGS, string>>
  let noCache = false
  try {
    const options = { ...FLAGS, 'no-cache': { type: 'boolean' } } as const
    const parsed = parseFlags({ args: [...argv], options, strict: true, allowPositionals: false }).values
    noCache = parsed['no-cache'] === true
    const { 'no-cache': _, ...strings } = parsed
    void _
    values = strings
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const arg = /'(-[^' ]*)/.exec((e as Error).message)?.[1] ?? argv.find((a) => !a.startsWith('--')) ?? ''
    const flag = arg.replace(/^--/, '').split('=')[0] as keyof typeof FLAGS
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag in FLAGS) return { ok: false, error: `--${flag} needs ${FLAGS[flag].what}` }
    return { ok: false, error: `unknown argument "${arg}" (usage: ${USAGE})` }
  }
  if (noCache && values.cache !== undefined) return { ok: false, error: '--cache and --no-cache exclude each other' }
  for (const [flag, { what }] of Object.entries(FLAGS)) {
    if (values[flag as keyof typeof FLAGS] === '') return { ok: false, error: `--${flag} needs ${what}` }
  }
  const workers = values.workers ?? 'auto'
  if (workers !== 'auto' && !/^[1-9]\d*$/.test(workers)) return { ok: false, error: `--workers needs ${FLAGS.workers.what}` }
  return {
    ok: true,
    value: {
      inDir: values.in ?? 'data/articles',
      outFile: values.out ?? 'public/data/dataset.json',
      actorsFile: values.actors ?? join(PROJECT_ROOT, 'data/actors.json'),
      placesFile: values.places ?? join(PROJECT_ROOT, 'data/places.json'),
      occasionsFile: values.occasions ?? join(PROJECT_ROOT, 'data/occasions.json'),
      officesFile: values.offices ?? join(PROJECT_ROOT, 'data/offices.json'),
      workers: workers === 'auto' ? 'auto' : Number(workers),
      ...(noCache ? { cacheDir: null } : values.cache !== undefined ? { cacheDir: values.cache } : {}),
    },
  }
}

/** ISO time from SOURCE_DATE_EPOCH (seconds) when set, else now. */
export function generatedAtFrom(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const raw = env.SOURCE_DATE_EPOCH
  if (raw !== undefined && /^\d+$/.test(raw.trim())) return new Date(Number(raw.trim()) * 1000).toISOString()
  return now.toISOString()
}

/** The command: flags and environment → run → exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`)
  }
  const args = parseArgs(argv)
  if (!args.ok) {
    log(`error: ${args.error}`)
    return 1
  }
  try {
    return await run({ ...args.value, generatedAt: generatedAtFrom(process.env) }, { log, progress: process.stderr })
  } catch (e) {
    log(`error: ${(e as Error).message}`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await main(process.argv.slice(2)))
}

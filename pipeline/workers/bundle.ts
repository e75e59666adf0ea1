/**
 * The worker threads' entry, bundled: esbuild turns worker.ts with the pipeline code and the packages it
 * imports into one JavaScript file, so a worker starts without compiling TypeScript or resolving hundreds
 * of package files (≈ 0.3 s instead of ≈ 1.5 s under tsx; numbers in pipeline/README.md). The bundle is
 * cached in node_modules/.cache/mbpm-pipeline/<checkout>/ beside a manifest of its inputs and their hash: a run
 * whose inputs are unchanged uses it as is (hashing them takes a few ms), any other run rebuilds it
 * (≈ 0.5 s). Where the cache cannot be written, the bundle goes into the run's temporary folder.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SOURCE = fileURLToPath(new URL('./worker.ts', import.meta.url))
/** One cache per checkout (node_modules may be shared by several, through a link). */
const CACHE_DIR = join(ROOT, 'node_modules/.cache/mbpm-pipeline', createHash('sha1').update(ROOT).digest('hex').slice(0, 12))
/** Bundles older than this are removed when a new one is written (a younger one may be starting a run). */
const STALE_MS = 3_600_000
const MANIFEST = join(CACHE_DIR, 'worker.json')
/** CommonJS packages (iconv-lite) require Node's built-ins: give the ES module bundle a `require`. */
const BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"

interface Manifest {
  /** The files the bundle was made of, relative to the project root. */
  inputs: string[]
  hash: string
}

/** One hash of the inputs' paths and contents; undefined when one of them is gone. */
function hashInputs(inputs: readonly string[]): string | undefined {
  const hash = createHash('sha256')
  for (const input of inputs) {
    const path = resolve(ROOT, input)
    if (!existsSync(path)) return undefined
    hash.update(`${input}\0`).update(readFileSync(path)).update('\0')
  }
  return hash.digest('hex')
}

function bundleFile(hash: string): string {
  return join(CACHE_DIR, `worker-${hash.slice(0, 16)}.mjs`)
}

/** The cached bundle, when its inputs are still what it was made of. */
function cachedBundle(): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest
    const file = bundleFile(manifest.hash)
    return existsSync(file) && hashInputs(manifest.inputs) === manifest.hash ? file : undefined
  } catch {
    return undefined
  }
}

/** Writes `text` to `path` by a rename, so a run never starts a worker from a half-written file. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`
  writeFileSync(tmp, text)
  renameSync(tmp, path)
}

/** Removes bundles of older inputs, once no run can still be starting from them. */
function removeStale(keep: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name)
    if (path !== keep && /^worker-[0-9a-f]{16}\.mjs$/.test(name) && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true })
  }
}

/** Bundles worker.ts; returns the code and the files it was made of. */
async function bundle(): Promise<{ code: string; inputs: string[] }> {
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [SOURCE],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: BANNER },
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.text
  if (code === undefined) throw new Error('bundling the worker gave no output')
  return { code, inputs: Object.keys(result.metafile.inputs).sort() }
}

/** The file to start each worker from: the cached bundle, or a fresh one (in the cache, else in `dir`). */
export async function workerEntry(dir: string): Promise<string> {
  const cached = cachedBundle()
  if (cached) return cached
  const { code, inputs } = await bundle()
  const hash = hashInputs(inputs)
  if (hash !== undefined) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true })
      const file = bundleFile(hash)
      writeAtomically(file, code)
      writeAtomically(MANIFEST, `${JSON.stringify({ inputs, hash } satisfies Manifest)}\n`)
      removeStale(file)
      return file
    } catch {
      // a read-only checkout: the bundle lives as long as the run
    }
  }
  const file = join(dir, 'worker.mjs')
  writeFileSync(file, code)
  return file
}

/**
 * `npm run eval [-- --verbose]`: runs the pipeline on the seed corpus (text only: the .txt files are
 * copied to a temporary folder so no meta is used) and on the development corpus, then prints the
 * scorer's table for both. Paths are relative to the repository root (`../shared`), as in CI.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(root, '../shared')
const scorer = join(shared, 'tools/score.mjs')
const verbose = process.argv.includes('--verbose')

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  return result.status ?? 1
}

function evaluate(label: string, inDir: string, goldDir: string, work: string): boolean {
  const out = join(work, `${label}.json`)
  process.stdout.write(`\n== ${label}: ${inDir}\n`)
  const tsx = join(root, 'node_modules/.bin/tsx')
  if (run(tsx, [join(root, 'pipeline/index.ts'), '--in', inDir, '--out', out]) !== 0) return false
  return run(process.execPath, [scorer, '--dataset', out, '--gold', goldDir, ...(verbose ? ['--verbose'] : [])]) === 0
}

const work = mkdtempSync(join(tmpdir(), 'press-eval-'))
let ok = true
try {
  if (!existsSync(scorer)) throw new Error(`scorer not found at ${scorer}`)
  const seedText = join(work, 'seed-text')
  run('mkdir', ['-p', seedText])
  const seed = join(shared, 'corpus')
  for (const f of readdirSync(seed).filter((n) => n.endsWith('.txt'))) copyFileSync(join(seed, f), join(seedText, f))
  ok = evaluate('seed', seedText, join(seed, 'gold'), work) && ok
  ok = evaluate('dev', join(shared, 'corpus-dev'), join(shared, 'corpus-dev/gold'), work) && ok
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`)
  ok = false
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.exit(ok ? 0 : 1)

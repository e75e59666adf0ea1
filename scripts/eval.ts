/**
 * `npm run eval [-- --verbose] [--only seed,dev-a,dev-b] [--synth N]`: the pipeline on each gold corpus
 * from the text alone (the .txt files are copied to a temporary folder, so no meta file is read), scored
 * by `../shared/tools/score.mjs`; one table row per corpus, then every miss grouped by kind.
 *
 *   seed    the five seed articles (../shared/corpus)
 *   dev-a   d001–d010, the first development articles
 *   dev-b   d011–d040, collected and annotated apart from the code
 *   synth   with --synth N: the first N articles of a 2 000-article `npm run synth` corpus (its meta
 *           without dates), against the answers the generator planted
 *
 * Paths are relative to the repository root (`../shared`), as in CI. Exit 1 when a corpus cannot be run.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(root, '../shared')
const scorer = join(shared, 'tools/score.mjs')
const pipelineEntry = join(root, 'pipeline/cli.ts')

interface Corpus {
  name: string
  textDir: string
  goldDir: string
  /** Gold file stems to take (all when undefined). */
  pick?: (stem: string) => boolean
}

const devNumber = (stem: string): number => Number(/^d(\d+)$/.exec(stem)?.[1] ?? NaN)
const CORPORA: Corpus[] = [
  { name: 'seed', textDir: join(shared, 'corpus'), goldDir: join(shared, 'corpus/gold') },
  { name: 'dev-a', textDir: join(shared, 'corpus-dev'), goldDir: join(shared, 'corpus-dev/gold'), pick: (s) => devNumber(s) <= 10 },
  { name: 'dev-b', textDir: join(shared, 'corpus-dev'), goldDir: join(shared, 'corpus-dev/gold'), pick: (s) => devNumber(s) > 10 },
]

/** The scorer's measures, as its --json file has them. */
interface Score {
  actors: { f1: number; countError: number | null }
  visits: { precision: number; recall: number; f1: number; dateAccuracy: number | null; statusAccuracy: number | null }
  figures: { f1: number; kindAccuracy: number | null; yearAccuracy: number | null }
  published: { accuracy: number | null; n: number }
  quotes: { precision: number; recall: number; speakerAccuracy: number | null; n: number } | null
}

/** Kinds of miss, in the order they are listed, each with the scorer's words for it. */
const MISS_KINDS: [label: string, pattern: RegExp][] = [
  ['visit missed', / visit missed: /],
  ['visit extra', / event extra: /],
  ['visit date', / visit date: /],
  ['visit status', / visit status: /],
  ['figure missed', / figure missed: /],
  ['figure extra', / figure extra: /],
  ['figure kind', / figure kind /],
  ['figure year', / figure year /],
  ['published', / published: /],
  ['actor missed', / actor missed: /],
  ['actor extra', / actor extra: /],
  ['count', / count /],
  ['quote', / quote (?:missed|extra|speaker)/],
]

function run(command: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
}

/** Copies a corpus's text files (and only them) into a folder of its own, with the gold files picked. */
function stage(corpus: Corpus, work: string): { textDir: string; goldDir: string } {
  const textDir = join(work, corpus.name, 'text')
  const goldDir = join(work, corpus.name, 'gold')
  mkdirSync(textDir, { recursive: true })
  mkdirSync(goldDir, { recursive: true })
  for (const file of readdirSync(corpus.goldDir).filter((f) => f.endsWith('.json'))) {
    const stem = file.replace(/\.json$/, '')
    if (corpus.pick && !corpus.pick(stem)) continue
    copyFileSync(join(corpus.goldDir, file), join(goldDir, file))
    const text = join(corpus.textDir, `${stem}.txt`)
    if (existsSync(text)) copyFileSync(text, join(textDir, `${stem}.txt`))
  }
  return { textDir, goldDir }
}

function evaluate(name: string, textDir: string, goldDir: string, work: string): { score: Score; misses: string[] } {
  const out = join(work, `${name}.json`)
  const built = run(join(root, 'node_modules/.bin/tsx'), [pipelineEntry, '--in', textDir, '--out', out])
  if (built.status !== 0) throw new Error(`pipeline failed on ${name}: ${built.stderr.trim().split('\n').slice(-3).join(' | ')}`)
  const scoreFile = join(work, `${name}.score.json`)
  const scored = run(process.execPath, [scorer, '--dataset', out, '--gold', goldDir, '--verbose', '--json', scoreFile])
  if (scored.status !== 0) throw new Error(`scorer failed on ${name}: ${scored.stderr.trim()}`)
  const misses = scored.stdout.split('\n').filter((line) => /^(?!score:)\S+ (?:visit|event|figure|published|actor|count|quote)/.test(line))
  return { score: JSON.parse(readFileSync(scoreFile, 'utf8')) as Score, misses }
}

const num = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : String(x))

function tableRow(name: string, s: Score): string {
  const q = s.quotes ? `${num(s.quotes.precision)} / ${num(s.quotes.recall)} / ${num(s.quotes.speakerAccuracy)}` : '–'
  return `| ${name} | ${num(s.actors.f1)} | ${num(s.actors.countError)} | ${num(s.visits.f1)} (${num(s.visits.precision)} / ${num(s.visits.recall)}) | ${num(s.visits.dateAccuracy)} | ${num(s.visits.statusAccuracy)} | ${num(s.figures.f1)} | ${num(s.figures.kindAccuracy)} | ${num(s.figures.yearAccuracy)} | ${num(s.published.accuracy)} | ${q} |`
}

function grouped(misses: readonly string[]): string {
  const lines: string[] = []
  for (const [label, pattern] of MISS_KINDS) {
    const own = misses.filter((m) => pattern.test(m))
    if (own.length === 0) continue
    lines.push(`${label} (${own.length})`, ...own.map((m) => `  ${m}`))
  }
  return lines.join('\n')
}

/** The first `n` articles of a synthetic corpus and their planted answers, meta kept without dates. */
function synthCorpus(n: number, work: string): Corpus {
  const dir = join(work, 'synth-all')
  const made = run(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/synth.ts'), '--n', '2000', '--out', dir])
  if (made.status !== 0) throw new Error(`synth failed: ${made.stderr.trim()}`)
  const stems = readdirSync(join(dir, 'gold')).map((f) => f.replace(/\.json$/, '')).sort().slice(0, n)
  const keep = new Set(stems)
  return { name: `synth ${n}`, textDir: dir, goldDir: join(dir, 'gold'), pick: (s) => keep.has(s) }
}

function main(): number {
  const { values } = parseArgs({
    options: { verbose: { type: 'boolean', default: false }, only: { type: 'string' }, synth: { type: 'string' } },
  })
  if (!existsSync(scorer)) {
    process.stderr.write(`error: scorer not found at ${scorer} (npm run eval needs ../shared beside the project)\n`)
    return 1
  }
  const only = values.only?.split(',').map((s) => s.trim())
  const work = mkdtempSync(join(tmpdir(), 'press-eval-'))
  try {
    const corpora = CORPORA.filter((c) => !only || only.includes(c.name))
    const synthN = values.synth ? Number(values.synth) : 0
    if (synthN > 0) corpora.push(synthCorpus(synthN, work))
    const rows: string[] = []
    const missLists: string[] = []
    for (const corpus of corpora) {
      const { textDir, goldDir } = stage(corpus, work)
      const { score, misses } = evaluate(corpus.name.replace(/\s+/g, '-'), textDir, goldDir, work)
      rows.push(tableRow(corpus.name, score))
      if (misses.length) missLists.push(`== ${corpus.name}: ${misses.length} misses\n${values.verbose ? grouped(misses) : grouped(misses).split('\n').filter((l) => !l.startsWith('  ')).join(', ')}`)
    }
    process.stdout.write(
      '| corpus | actors F1 | count error | visits F1 (P / R) | visit date | status | figures F1 | kind | year | published | quotes P / R / speaker |\n' +
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
        `${rows.join('\n')}\n\n${missLists.join('\n\n')}\n`,
    )
    return 0
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`)
    return 1
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

process.exitCode = main()

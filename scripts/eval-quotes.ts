/**
 * `npm run eval:quotes [-- --verbose] [--dataset-seed FILE] [--dataset-dev FILE]`: quote precision, recall and
 * speaker accuracy on the seed articles (their gold has quotes) and on d001–d040 against the hand-made quote
 * gold (tests/unit/pipeline/stages/extract/quote-gold.json: offsets and speaker ids; the text comes from the
 * articles). The pipeline runs on the texts alone (no meta files), unless a dataset is given; the scorer is
 * ../shared/tools/score.mjs. Exit 1 when ../shared is not beside the project or a run fails.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { devCorpus, readQuoteGold, scorerQuotes } from './quote-gold.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(root, '../shared')

interface QuoteScore {
  precision: number
  recall: number
  f1: number
  speakerAccuracy: number | null
  n: number
}

function run(command: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
}

/** The dev gold files with the quote gold added, in a folder of their own. */
function devGold(work: string): string {
  const corpus = devCorpus(root)
  if (!corpus) throw new Error('../shared/corpus-dev is not beside the project')
  const registry = JSON.parse(readFileSync(join(root, 'data/actors.json'), 'utf8')) as { id: string; name: string }[]
  const names = new Map(registry.map((a) => [a.id, a.name]))
  const dir = join(work, 'dev-gold')
  mkdirSync(dir, { recursive: true })
  for (const gold of readQuoteGold(root)) {
    const base = JSON.parse(readFileSync(join(corpus, 'gold', `${gold.article}.json`), 'utf8')) as Record<string, unknown>
    const text = readFileSync(join(corpus, `${gold.article}.txt`), 'utf8')
    writeFileSync(join(dir, `${gold.article}.json`), JSON.stringify({ ...base, quotes: scorerQuotes(gold, text, names) }, null, 1))
  }
  return dir
}

function build(name: string, textDir: string, stems: readonly string[], work: string): string {
  const dir = join(work, `${name}-text`)
  mkdirSync(dir, { recursive: true })
  for (const stem of stems) copyFileSync(join(textDir, `${stem}.txt`), join(dir, `${stem}.txt`))
  const out = join(work, name, 'dataset.json')
  const built = run(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', join(root, 'pipeline/cli.ts'), '--in', dir, '--out', out])
  if (built.status !== 0) throw new Error(`pipeline failed on ${name}: ${built.stderr.trim().split('\n').slice(-3).join(' | ')}`)
  return out
}

function score(dataset: string, goldDir: string, work: string, name: string): { quotes: QuoteScore; misses: string[] } {
  const json = join(work, `${name}.score.json`)
  const r = run(process.execPath, [join(shared, 'tools/score.mjs'), '--dataset', dataset, '--gold', goldDir, '--verbose', '--json', json])
  if (r.status !== 0) throw new Error(`scorer failed on ${name}: ${r.stderr.trim()}`)
  const parsed = JSON.parse(readFileSync(json, 'utf8')) as { quotes: QuoteScore | null }
  if (!parsed.quotes) throw new Error(`${name}: the gold has no quotes`)
  if (!(JSON.parse(readFileSync(dataset, 'utf8')) as { quotes?: unknown }).quotes) throw new Error(`${name}: the dataset has no quotes`)
  return { quotes: parsed.quotes, misses: r.stdout.split('\n').filter((l) => / quote (?:missed|extra|speaker)/.test(l)) }
}

function main(): number {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, 'dataset-seed': { type: 'string' }, 'dataset-dev': { type: 'string' } } })
  const corpus = devCorpus(root)
  if (!corpus) {
    process.stderr.write(`error: ../shared (corpus, gold and scorer) is not beside the project at ${shared}\n`)
    return 1
  }
  const work = mkdtempSync(join(tmpdir(), 'press-quotes-'))
  try {
    const seedStems = readdirSync(join(shared, 'corpus/gold')).map((f) => f.replace(/\.json$/, ''))
    const devStems = readQuoteGold(root).map((g) => g.article)
    const rows: string[] = []
    const notes: string[] = []
    for (const [name, textDir, stems, goldDir, given] of [
      ['seed', join(shared, 'corpus'), seedStems, join(shared, 'corpus/gold'), values['dataset-seed']],
      ['dev', corpus, devStems, devGold(work), values['dataset-dev']],
    ] as const) {
      const dataset = given ? resolve(given) : build(name, textDir, stems, work)
      const { quotes: q, misses } = score(dataset, goldDir, work, name)
      rows.push(`| ${name} (${stems.length} articles) | ${q.n} | ${q.precision} | ${q.recall} | ${q.f1} | ${q.speakerAccuracy ?? '–'} |`)
      if (values.verbose && misses.length > 0) notes.push(`== ${name}: ${misses.length}\n${misses.map((m) => `  ${m}`).join('\n')}`)
    }
    process.stdout.write(`| corpus | gold quotes | precision | recall | F1 | speaker |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n${notes.length ? `\n${notes.join('\n\n')}\n` : ''}`)
    return 0
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`)
    return 1
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

process.exitCode = main()

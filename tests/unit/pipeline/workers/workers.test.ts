import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIN_FILES_FOR_WORKERS, threadCount } from '../../../../pipeline/passes/plan.ts'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')
const cli = join(root, 'pipeline/cli.ts')

const PEOPLE = ['Wladimir Putin', 'Xi Jinping', 'Sergej Lawrow', 'Wang Yi', 'Olaf Scholz']
const MONTHS = ['Januar', 'März', 'Mai', 'Juli', 'September', 'November']

/** Article n: built from sentences written for this test, varied by n. */
function article(n: number): string {
  const a = PEOPLE[n % PEOPLE.length] ?? ''
  const b = PEOPLE[(n + 2) % PEOPLE.length] ?? ''
  const day = (n % 27) + 1
  const month = MONTHS[n % MONTHS.length] ?? ''
  const year = 2015 + (n % 9)
  return [
    `Gespräche in der Hauptstadt, Folge ${n}`,
    `Stand: ${String(day).padStart(2, '0')}.0${(n % 9) + 1}.${year} 09:30 Uhr`,
    '',
    `${a} hat am ${day}. ${month} ${year} mit ${b} telefoniert. Beide Seiten nannten das Gespräch offen.`,
    `Der Handel zwischen Russland und China erreichte im vergangenen Jahr ${100 + n} Milliarden US-Dollar.`,
    n % 3 === 0 ? `${a} will im ${month} ${year + 1} nach Peking reisen.` : `Moskau und Peking wollen enger zusammenarbeiten.`,
    n % 4 === 0 ? `Ein Vertrag über ${n + 2} Milliarden Euro wurde unterzeichnet.` : 'Weitere Einzelheiten wurden nicht bekannt.',
  ].join('\n')
}

let work: string
let inDir: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'press-workers-'))
  inDir = join(work, 'in')
  mkdirSync(inDir)
  for (let n = 0; n < 90; n++) writeFileSync(join(inDir, `artikel-${String(n).padStart(3, '0')}.txt`), article(n))
  // a wire copy, a file that is skipped, a second file with the same id, a meta file that is not JSON
  writeFileSync(join(inDir, 'zz-kopie.txt'), article(7))
  writeFileSync(join(inDir, 'leer.txt'), '')
  writeFileSync(join(inDir, 'artikel 004.txt'), article(44))
  writeFileSync(join(inDir, 'artikel-010.meta.json'), '{ "outlet": ')
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

function run(workers: string, out: string) {
  const r = spawnSync(tsx, [cli, '--in', inDir, '--out', out, '--workers', workers, '--no-cache'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  })
  // progress lines carry speeds and times; everything else must match
  const stderr = r.stderr
    .split('\n')
    .filter((line) => !/\[[#.]+\]/.test(line))
    .join('\n')
    .replaceAll(out, 'OUT')
  return { code: r.status, stderr }
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name)
    if (name.endsWith('.json')) out.set(name, readFileSync(path, 'utf8'))
  }
  return out
}

describe('worker threads', { timeout: 120_000 }, () => {
  it('write the same bytes, skips and warnings as one thread', () => {
    const one = run('1', join(work, 'one', 'dataset.json'))
    const three = run('3', join(work, 'three', 'dataset.json'))
    expect(one.code).toBe(0)
    expect(three.code).toBe(0)
    expect(one.stderr).toMatch(/read 91, skipped 2/)
    expect(one.stderr).toMatch(/skipped leer\.txt/)
    expect(one.stderr).toMatch(/skipped artikel-004\.txt: same id/)
    expect(one.stderr).toMatch(/artikel-010\.meta\.json: meta ignored/)
    expect(three.stderr).toBe(one.stderr)
    const a = files(join(work, 'one'))
    const b = files(join(work, 'three'))
    expect([...a.keys()].filter((k) => k.startsWith('dataset.text/')).length).toBeGreaterThan(1)
    expect([...b.keys()]).toEqual([...a.keys()])
    for (const [name, text] of a) expect(b.get(name), name).toBe(text)
  })

  it('uses one thread per core for big folders unless told otherwise', () => {
    expect(threadCount('auto', 10, 4)).toBe(1)
    expect(threadCount('auto', 50000, 4)).toBe(4)
    expect(threadCount(3, 10, 4)).toBe(3)
    expect(threadCount(1, 5000, 4)).toBe(1)
    expect(threadCount('auto', MIN_FILES_FOR_WORKERS - 1, 2)).toBe(1)
    expect(threadCount('auto', MIN_FILES_FOR_WORKERS, 2)).toBe(2)
  })
})

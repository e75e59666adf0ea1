/** Events merged one year at a time (in memory or from the draft spool) are exactly mergeEvents of all reports. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { DraftSpool, mergeByYear } from '../../../../pipeline/io/event-spool.ts'
import { mergeEvents } from '../../../../pipeline/stages/extract/merge-events.ts'
import type { ArticleEventDraft } from '../../../../pipeline/stages/extract/merge-events.ts'
import { readLines } from '../../../../pipeline/io/spool.ts'

const work = mkdtempSync(join(tmpdir(), 'press-events-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const draftArb = fc.record({
  articleId: fc.constantFrom('a1', 'a2', 'a3', 'b1'),
  sentence: fc.integer({ min: 0, max: 3 }),
  kind: fc.constantFrom('visit' as const, 'call' as const),
  visitors: fc.constantFrom('putin', 'xi-jinping', 'lawrow+putin').map((key) => key.split('+')),
  hosts: fc.constantFrom('', 'xi-jinping', 'putin').map((key) => (key ? [key] : [])),
  place: fc.constantFrom('Peking', 'Moskau', null),
  date: fc.constantFrom('2023', '2023-12', '2023-12-31', '2024', '2024-01', '2024-01-02', '2024-05-16', null),
  approx: fc.boolean(),
  status: fc.constantFrom('happened' as const, 'ongoing' as const, 'planned' as const, 'invited' as const),
})

type Item = typeof draftArb extends fc.Arbitrary<infer T> ? T : never

function reports(items: readonly Item[]): ArticleEventDraft[] {
  return items.map(({ articleId, place, sentence, ...rest }) => ({
    articleId,
    draft: { ...rest, sentence, place, country: place === 'Moskau' ? 'russia' : place === 'Peking' ? 'china' : null, quote: `Ein Satz über eine Reise (${sentence}).` },
  }))
}

describe('merging events year by year', () => {
  it('gives what mergeEvents gives for all reports at once', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { maxLength: 14 }), (items) => {
        const drafts = reports(items)
        expect([...mergeByYear(drafts)].flat()).toEqual(mergeEvents(drafts))
      }),
      { numRuns: 300 },
    )
  })

  it('gives the same from reports parked on disk, and leaves no file behind', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { maxLength: 14 }), (items) => {
        const drafts = reports(items)
        const dir = mkdtempSync(join(work, 'run-'))
        const spool = new DraftSpool(dir)
        for (const d of drafts) spool.add(d)
        expect(spool.count).toBe(drafts.length)
        expect([...spool.merged()].flat()).toEqual(mergeEvents(drafts))
        spool.close()
        expect(readdirSync(dir)).toEqual([])
      }),
      { numRuns: 100 },
    )
  })
})

describe('readLines', () => {
  it('reads lines across block ends, inside multi-byte characters and longer than a block', () => {
    const lines = ['Peking', 'Überraschung für Moskau – „Gipfel“', '', 'x'.repeat(50), 'Grüße aus Köln', 'ä']
    const path = join(work, 'lines.txt')
    writeFileSync(path, `${lines.join('\n')}\n`)
    for (const size of [1, 2, 3, 7, 16, 1024]) expect([...readLines(path, size)]).toEqual(lines)
    writeFileSync(path, 'ohne Zeilenende')
    expect([...readLines(path, 4)]).toEqual(['ohne Zeilenende'])
  })
})

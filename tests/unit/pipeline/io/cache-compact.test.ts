/** Compaction of the cache's part files: live spans copied into one new part, byte for byte; nothing done when no part needs it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compactParts, MAX_PARTS, partsToCompact, SMALL_PART } from '../../../../pipeline/io/cache-compact.ts'
import type { Span } from '../../../../pipeline/io/cache-compact.ts'

const dir = mkdtempSync(join(tmpdir(), 'mbpm-compact-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const text = (span: Span): string => readFileSync(join(dir, span.file)).subarray(span.offset, span.offset + span.length).toString('utf8')

describe('compactParts', () => {
  it('copies the live spans of a mostly dead part and of none else; the spans point into the new part and read the same', () => {
    const dead = '{"tot":"lange vorbei, ein toter Eintrag, längst überholt"}'
    writeFileSync(join(dir, 'a.part'), `{"alt":1}${dead}{"lebt":"Moskau"}`)
    writeFileSync(join(dir, 'b.part'), '{"lebt":"Peking"}{"auch":2}')
    const spans: Span[] = [
      { file: 'a.part', offset: 0, length: 9 },
      { file: 'a.part', offset: 9 + Buffer.byteLength(dead), length: 17 },
      { file: 'b.part', offset: 0, length: 17 },
      { file: 'b.part', offset: 17, length: 10 },
    ]
    const before = spans.map(text)
    const done = compactParts(dir, spans, 'c.part')
    expect(done).toEqual({ from: ['a.part'], to: 'c.part', bytes: 26 })
    expect(spans.map((s) => s.file)).toEqual(['c.part', 'c.part', 'b.part', 'b.part'])
    expect(spans.map(text)).toEqual(before)
    expect(readFileSync(join(dir, 'c.part'), 'utf8')).toBe('{"alt":1}{"lebt":"Moskau"}')
  })

  it('does nothing while every part is mostly live and there are few', () => {
    writeFileSync(join(dir, 'd.part'), '{"x":1}{"y":2}')
    const spans: Span[] = [{ file: 'd.part', offset: 0, length: 14 }]
    expect(compactParts(dir, spans, 'e.part')).toBeUndefined()
    expect(spans[0]?.file).toBe('d.part')
  })
})

describe('partsToCompact', () => {
  it('with more than MAX_PARTS files the small ones are merged, a large live one is kept', () => {
    const live = new Map<string, number>([['gross.part', SMALL_PART * 2]])
    for (let i = 0; i < MAX_PARTS + 1; i++) live.set(`k${String(i).padStart(2, '0')}.part`, 100)
    const chosen = partsToCompact(live, (f) => live.get(f) ?? 0)
    expect(chosen).toHaveLength(MAX_PARTS + 1)
    expect(chosen).not.toContain('gross.part')
  })

  it('a part whose dead bytes exceed its live ones is chosen alone; one mostly live is not', () => {
    const live = new Map([['p.part', 40], ['q.part', 60]])
    expect(partsToCompact(live, () => 100)).toEqual(['p.part'])
  })
})

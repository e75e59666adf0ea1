/** dataset.json's records printed from their compact JSON without parsing it: the bytes of JSON.stringify(v, null, 2). */
import { describe, expect, it } from 'vitest'
import { prettyCompact } from '../../../../pipeline/io/stream-dataset.ts'
import { random, randomDataset } from './random-dataset.ts'

const pretty = (v: unknown, base = ''): string => JSON.stringify(v, null, 2).replace(/\n/g, `\n${base}`)

/** A random JSON value: nested objects and arrays (empty ones too), numbers, and strings full of JSON's own characters. */
function randomValue(rnd: () => number, depth: number): unknown {
  const chars = ['a', 'ü', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\u2028', '😀', '\ud800', 'Peking']
  const text = (): string => Array.from({ length: Math.floor(rnd() * 6) }, () => chars[Math.floor(rnd() * chars.length)]).join('')
  const r = rnd()
  if (depth <= 0 || r < 0.3) return [() => text(), () => Math.round((rnd() - 0.5) * 1e6) / 100, () => 1e-7 * rnd(), () => null, () => rnd() < 0.5][Math.floor(rnd() * 5)]?.()
  const n = Math.floor(rnd() * 4)
  if (r < 0.65) return Array.from({ length: n }, () => randomValue(rnd, depth - 1))
  return Object.fromEntries(Array.from({ length: n }, () => [text(), randomValue(rnd, depth - 1)]))
}

describe('prettyCompact', () => {
  it('prints empty and nested objects and arrays, and strings holding quotes, brackets, commas and colons, as JSON.stringify does', () => {
    const value = { a: [], b: {}, 'k:{': ',"', c: [[], [{}], { d: [1, -2.5e-7, null, true] }], s: 'Moskau, "Peking": [x]{y}\\' }
    expect(prettyCompact(JSON.stringify(value))).toBe(pretty(value))
    expect(prettyCompact(JSON.stringify(value), '    ')).toBe(pretty(value, '    '))
    expect(prettyCompact('"a,b"')).toBe('"a,b"')
  })

  it('gives the bytes of JSON.stringify(v, null, 2) for a thousand random values and every record of a random dataset', () => {
    const rnd = random(7)
    for (let i = 0; i < 1000; i++) {
      const v = randomValue(rnd, 4)
      expect(prettyCompact(JSON.stringify(v), '    ')).toBe(pretty(v, '    '))
    }
    const d = randomDataset(200, 3)
    for (const record of [...d.articles, ...d.mentions, ...d.figures, ...d.events, ...(d.quotes ?? [])]) expect(prettyCompact(JSON.stringify(record), '    ')).toBe(pretty(record, '    '))
  })

  it('prints values on lines of their own as the items of one list: the bytes of the list printed, without its brackets', () => {
    const rnd = random(11)
    for (let i = 0; i < 200; i++) {
      const values = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => randomValue(rnd, 3))
      const items = pretty(values, '  ').slice('[\n    '.length, -'\n  ]'.length)
      expect(prettyCompact(values.map((v) => JSON.stringify(v)).join('\n'), '    ')).toBe(items)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { perObject } from '../../../src/lib/memo.ts'

describe('perObject', () => {
  it('computes once per object and key, apart for other keys and other objects', () => {
    const cache = new WeakMap<object, Map<string, number>>()
    const a = {}
    const b = {}
    let calls = 0
    const compute = (n: number) => () => {
      calls += 1
      return n
    }
    expect(perObject(cache, a, 'month', compute(1))).toBe(1)
    expect(perObject(cache, a, 'month', compute(2))).toBe(1)
    expect(perObject(cache, a, 'week', compute(3))).toBe(3)
    expect(perObject(cache, b, 'month', compute(4))).toBe(4)
    expect(calls).toBe(3)
  })
})

import { describe, expect, it } from 'vitest'
import { lastResult, perObject } from '../../../src/lib/memo.ts'

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

describe('lastResult', () => {
  it('gives the last value back while every argument is the same, and computes anew otherwise', () => {
    const memo = lastResult<readonly [object, string], number[]>()
    const table = {}
    const first = memo.get([table, 'a'], () => [1])
    expect(memo.get([table, 'a'], () => [2])).toBe(first)
    expect(memo.get([table, 'b'], () => [3])).toEqual([3])
    expect(memo.get([{}, 'b'], () => [4])).toEqual([4])
  })

  it('belongs to its owner: two memos do not share a result', () => {
    const one = lastResult<readonly [string], string>()
    const other = lastResult<readonly [string], string>()
    one.get(['x'], () => 'one')
    expect(other.get(['x'], () => 'other')).toBe('other')
  })
})

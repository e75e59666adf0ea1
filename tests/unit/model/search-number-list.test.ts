import { describe, expect, it } from 'vitest'
import { TermShardSchema, isNumberList } from '../../../src/model/search.ts'

describe('number lists of the search index', () => {
  it('takes comma-separated decimal numbers and the empty list, nothing else', () => {
    for (const good of ['', '0', '3,1,7', '12', '0,40,100000']) expect(isNumberList(good)).toBe(true)
    for (const bad of [',', '1,', ',1', '1,,2', '1 2', '-1', '1.5', 'a', '1,2a']) expect(isNumberList(bad)).toBe(false)
  })

  it('validates a term shard whose list runs to millions of numbers (the regular expression overflowed the stack)', () => {
    const huge = Array.from({ length: 3_000_000 }, (_, i) => String(i % 10)).join(',')
    expect(() => /^(\d+(,\d+)*)?$/.test(huge)).toThrow(RangeError)
    expect(TermShardSchema.safeParse({ terms: ['gas'], stories: [huge], counts: [huge] }).success).toBe(true)
    expect(TermShardSchema.safeParse({ terms: ['gas'], stories: [`${huge},`], counts: [huge] }).success).toBe(false)
  })
})

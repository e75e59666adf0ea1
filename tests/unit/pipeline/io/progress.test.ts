import { describe, expect, it } from 'vitest'
import { createProgress, progressLine } from '../../../../pipeline/io/progress.ts'

function sink(isTTY: boolean) {
  const writes: string[] = []
  return { isTTY, writes, write: (text: string) => writes.push(text) }
}

describe('progress', () => {
  it('states articles, share, MB/s and the time left', () => {
    // 50 of 200 articles, 10 MB in 5 s: 2 MB/s, 15 s to go
    expect(progressLine('read', 50, 200, 10e6, 5000, 8)).toBe('read [##......] 25% 50/200 articles, 2.0 MB/s, ETA 0:15')
    expect(progressLine('read', 0, 200, 0, 0, 4)).toBe('read [....] 0% 0/200 articles, 0.0 MB/s, ETA --:--')
  })

  it('writes a plain line at each tenth when stderr is not a terminal', () => {
    const out = sink(false)
    const progress = createProgress('extract', 100, out, () => 1000)
    for (let done = 1; done <= 100; done++) progress.update(done, done * 1000)
    progress.finish()
    expect(out.writes).toHaveLength(10)
    expect(out.writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true)
    expect(out.writes[0]).toContain('10/100 articles')
    expect(out.writes[9]).toContain('100/100 articles')
  })

  it('redraws one terminal line at most five times a second, always showing the end', () => {
    const out = sink(true)
    let now = 0
    const progress = createProgress('read', 1000, out, () => now)
    for (let done = 1; done <= 1000; done++) {
      now = done // 1 ms per article: one second in all
      progress.update(done, done)
    }
    progress.finish()
    const draws = out.writes.filter((w) => w.includes('articles'))
    expect(draws.length).toBeGreaterThanOrEqual(5)
    expect(draws.length).toBeLessThanOrEqual(7)
    expect(draws.every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true)
    expect(draws.at(-1)).toContain('1000/1000 articles')
    expect(out.writes.at(-1)).toBe('\r\x1b[2K')
  })
})

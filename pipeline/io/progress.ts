/**
 * Progress of a long run on stderr: on a terminal one line redrawn at most 5 times a second
 * (articles, MB/s, ETA); elsewhere a plain line at every 10 %. Nothing depends on it.
 */

export interface ProgressSink {
  isTTY?: boolean
  write(text: string): unknown
}

export interface Progress {
  /** `done` of `total` articles, `bytes` of them read so far. */
  update(done: number, bytes: number): void
  /** Clears the terminal line (the summary follows on its own line). */
  finish(): void
}

const REDRAW_MS = 200

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--'
  const s = Math.max(0, Math.round(seconds))
  const m = Math.floor(s / 60)
  return `${m}:${String(s % 60).padStart(2, '0')}`
}

/** The line shown for `done` of `total` articles after `elapsedMs`. */
export function progressLine(label: string, done: number, total: number, bytes: number, elapsedMs: number, width = 20): string {
  const share = total > 0 ? Math.min(1, done / total) : 1
  const filled = Math.round(share * width)
  const seconds = elapsedMs / 1000
  const mbPerS = seconds > 0 ? bytes / 1e6 / seconds : 0
  const eta = done > 0 ? (seconds / done) * (total - done) : Number.NaN
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`
  return `${label} ${bar} ${Math.floor(share * 100)}% ${done}/${total} articles, ${mbPerS.toFixed(1)} MB/s, ETA ${clock(eta)}`
}

export function createProgress(label: string, total: number, sink: ProgressSink, now: () => number = Date.now): Progress {
  const start = now()
  let lastDraw = Number.NEGATIVE_INFINITY
  let lastTenth = 0
  let drawn = false
  return {
    update(done, bytes) {
      const t = now()
      if (sink.isTTY) {
        if (t - lastDraw < REDRAW_MS && done < total) return
        lastDraw = t
        drawn = true
        sink.write(`\r\x1b[2K${progressLine(label, done, total, bytes, t - start)}`)
        return
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10
      if (tenth <= lastTenth) return
      lastTenth = tenth
      sink.write(`${progressLine(label, done, total, bytes, t - start)}\n`)
    },
    finish() {
      if (sink.isTTY && drawn) sink.write('\r\x1b[2K')
    },
  }
}

/** Writing text to an open file completely: a short write (disk or file-size limit reached) is retried, never ignored. */
import { writeSync } from 'node:fs'

export type WriteFn = (fd: number, buffer: Uint8Array, offset: number, length: number) => number

/**
 * Writes all bytes of `text` (a string as UTF-8) to `fd`. `write` may write fewer bytes than asked (as write(2) does when
 * the disk fills up); the rest is written by further calls, so the error for the full disk (ENOSPC,
 * EFBIG) surfaces instead of a silently truncated file.
 */
export function writeAllSync(fd: number, text: string | Uint8Array, write: WriteFn = writeSync): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  let done = 0
  while (done < bytes.length) {
    const n = write(fd, bytes, done, bytes.length - done)
    if (n <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' })
    done += n
  }
}

/** Gathers small pieces of text and writes them to `fd` in blocks of about `size` characters. */
export interface BufferedWriter {
  write(text: string): void
  /** Writes what is pending; call before closing the file. */
  flush(): void
}

export function bufferedWriter(fd: number, size = 1 << 20, write: WriteFn = writeSync): BufferedWriter {
  let pending: string[] = []
  let chars = 0
  const flush = (): void => {
    if (pending.length === 0) return
    writeAllSync(fd, pending.join(''), write)
    pending = []
    chars = 0
  }
  return {
    write(text) {
      pending.push(text)
      chars += text.length
      if (chars >= size) flush()
    },
    flush,
  }
}

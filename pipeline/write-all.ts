/** Writing text to an open file completely: a short write (disk or file-size limit reached) is retried, never ignored. */
import { writeSync } from 'node:fs'

export type WriteFn = (fd: number, buffer: Uint8Array, offset: number, length: number) => number

/**
 * Writes all bytes of `text` to `fd`. `write` may write fewer bytes than asked (as write(2) does when
 * the disk fills up); the rest is written by further calls, so the error for the full disk (ENOSPC,
 * EFBIG) surfaces instead of a silently truncated file.
 */
export function writeAllSync(fd: number, text: string, write: WriteFn = writeSync): void {
  const bytes = Buffer.from(text, 'utf8')
  let done = 0
  while (done < bytes.length) {
    const n = write(fd, bytes, done, bytes.length - done)
    if (n <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' })
    done += n
  }
}

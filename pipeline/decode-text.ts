import iconv from 'iconv-lite'

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string }

/** Share of C0 control characters (other than tab, newline, carriage return, form feed) that marks a binary file. */
const MAX_CONTROL_SHARE = 0.02

/** Characters treated as a plain space: no-break, narrow no-break, figure and thin spaces, ideographic space. */
const SPACE_VARIANTS = /[\u00A0\u2007\u202F\u2009\u200A\u2002-\u2006\u3000]/g
/** Invisible characters a crawl leaves behind: soft hyphen, zero-width space/joiners, word joiner, stray BOM. */
const INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
/** Apostrophe variants inside words ("Xi’s") become the ASCII apostrophe; quotation marks stay as written. */
const APOSTROPHES = /(?<=\p{L})[\u2019\u02BC\u00B4`](?=\p{L})/gu
/** Odd double quotes (double prime, fullwidth) become the ASCII quote. */
const DOUBLE_QUOTE_VARIANTS = /[\u2033\uFF02]/g

function hasUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

function controlShare(text: string): number {
  if (text.length === 0) return 0
  let controls = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controls++
    else if (code >= 0x80 && code <= 0x9f) controls++
  }
  return controls / text.length
}

/** Line endings, spaces, invisible characters and apostrophes made uniform; NFC. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(SPACE_VARIANTS, ' ')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTE_VARIANTS, '"')
}

/**
 * Raw file bytes → normalized text. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
 * Windows-1252 for anything that is not valid UTF-8. Binary files (NUL bytes, many control
 * characters) and empty files are refused with a reason.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  let text: string
  let encoding: string
  const utf16 = hasUtf16Bom(bytes)
  if (utf16) {
    text = iconv.decode(Buffer.from(bytes.subarray(2)), utf16)
    encoding = utf16
  } else {
    if (bytes.includes(0)) return { ok: false, reason: 'binary file (NUL bytes)' }
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body)
      encoding = 'utf-8'
    } catch {
      text = iconv.decode(Buffer.from(body), 'windows-1252')
      encoding = 'windows-1252'
    }
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary file (NUL characters)' }
  if (controlShare(text) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary file (control characters)' }
  const normalized = normalizeText(text)
  if (normalized.trim().length === 0) return { ok: false, reason: 'empty file (only whitespace)' }
  return { ok: true, text: normalized, encoding }
}

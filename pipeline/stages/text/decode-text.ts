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
/** Any apostrophe variant: the look-behind above keeps the engine from searching for them quickly. */
const ANY_APOSTROPHE = /[\u2019\u02BC\u00B4`]/
/** Odd double quotes (double prime, fullwidth) become the ASCII quote. */
const DOUBLE_QUOTE_VARIANTS = /[\u2033\uFF02]/g

function hasUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

/** UTF-16 without a BOM: most bytes at one parity are NUL, as in Latin-script text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const half = bytes.length / 2
  if (oddNul / half > 0.6 && evenNul / half < 0.05) return 'utf-16le'
  if (evenNul / half > 0.6 && oddNul / half < 0.05) return 'utf-16be'
  return undefined
}

/** UTF-8 read as Windows-1252 somewhere upstream: "wÃ¤chst", "â€žZitatâ€œ". */
const MOJIBAKE = /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|â€[\u0080-\u00BF\u0152-\u2122]?|Â[\u00A0-\u00BF]/g

/** Repairs double-encoded text when re-reading it as UTF-8 removes the telltale sequences. */
export function repairMojibake(text: string): string {
  const before = text.match(MOJIBAKE)?.length ?? 0
  if (before < 2) return text
  try {
    const repaired = new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(text, 'windows-1252'))
    const after = repaired.match(MOJIBAKE)?.length ?? 0
    return after < before ? repaired : text
  } catch {
    return text
  }
}

function controlShare(text: string): number {
  if (text.length === 0) return 0
  let controls = 0
  // code units, not code points: every control character is a single unit, and no surrogate is one
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controls++
    else if (code >= 0x80 && code <= 0x9f) controls++
  }
  return controls / text.length
}

/** Line endings, spaces, invisible characters and apostrophes made uniform; NFC. */
export function normalizeText(text: string): string {
  const plain = text.replace(/\r\n?/g, '\n').normalize('NFC').replace(INVISIBLES, '').replace(SPACE_VARIANTS, ' ')
  return (ANY_APOSTROPHE.test(plain) ? plain.replace(APOSTROPHES, "'") : plain).replace(DOUBLE_QUOTE_VARIANTS, '"')
}

/**
 * Raw file bytes → normalized text. UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or guessed
 * from the NUL pattern), Windows-1252 for anything that is not valid UTF-8, and UTF-8 that was
 * double-encoded upstream ("wÃ¤chst") repaired. Binary files (NUL bytes, many control
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
  } else if (guessUtf16(bytes)) {
    encoding = guessUtf16(bytes) ?? 'utf-16le'
    text = iconv.decode(Buffer.from(bytes), encoding)
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
  return checkedText(text, encoding)
}

/** Decoded text refused when it is binary or blank, else repaired and normalized. */
function checkedText(text: string, encoding: string): DecodeResult {
  if (text.includes('\u0000')) return { ok: false, reason: 'binary file (NUL characters)' }
  if (controlShare(text) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary file (control characters)' }
  const normalized = normalizeText(repairMojibake(text))
  if (normalized.trim().length === 0) return { ok: false, reason: 'empty file (only whitespace)' }
  return { ok: true, text: normalized, encoding }
}

/** Labels that mean Windows-1252 on the web (WHATWG Encoding): a page saying ISO-8859-1 is read as 1252. */
const WINDOWS_1252 = /^(?:iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp1252|windows-1252|iso_8859-1(?::1987)?)$/i

/**
 * Bytes in the encoding a page or an HTTP header declares (`charset`): UTF-8 that is not valid UTF-8 and
 * an unknown label fall back to `decodeText`'s guess; a BOM always wins.
 */
export function decodeDeclared(bytes: Uint8Array, charset: string | undefined): DecodeResult {
  const label = charset?.trim().toLowerCase()
  if (!label || hasUtf16Bom(bytes) || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) return decodeText(bytes)
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  const encoding = WINDOWS_1252.test(label) ? 'windows-1252' : label === 'utf8' ? 'utf-8' : label
  if (encoding === 'utf-8') {
    try {
      return checkedText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8')
    } catch {
      return decodeText(bytes)
    }
  }
  if (!iconv.encodingExists(encoding)) return decodeText(bytes)
  return checkedText(iconv.decode(Buffer.from(bytes), encoding), encoding)
}

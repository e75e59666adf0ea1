/** The encoding a page declares: the HTTP `Content-Type` header's charset, else the page's `<meta charset>`. */

/** `charset` of a Content-Type value: "text/html; charset=ISO-8859-1" → "ISO-8859-1". */
export function headerCharset(contentType: string | null | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
}

/** How far into a page its `<meta charset>` is looked for (the HTML standard says 1 024 bytes; pages put it later). */
const SNIFF_BYTES = 4096

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` near the top of the page. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1')
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
}

import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../../../pipeline/stages/text/decode-text.ts'

const SAMPLE = '„Der Handel wächst“, sagte er – 5 € mehr.'

function decoded(bytes: Uint8Array): string {
  const result = decodeText(bytes)
  if (!result.ok) throw new Error(result.reason)
  return result.text
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(SAMPLE)
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain])
    expect(decoded(plain)).toBe(SAMPLE)
    expect(decoded(withBom)).toBe(SAMPLE)
  })

  it('reads Windows-1252 bytes for „ “ € – as the right characters', () => {
    // 0x84 „  0x93 “  0x96 –  0x80 €  0xE4 ä
    const bytes = iconv.encode(SAMPLE, 'windows-1252')
    expect([...bytes]).toContain(0x84)
    expect([...bytes]).toContain(0x80)
    const result = decodeText(bytes)
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', text: SAMPLE })
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(SAMPLE, 'utf-16le')])
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(SAMPLE, 'utf-16be')])
    expect(decoded(le)).toBe(SAMPLE)
    expect(decoded(be)).toBe(SAMPLE)
  })

  it('reads UTF-16 LE without a BOM from its NUL pattern', () => {
    expect(decoded(iconv.encode(SAMPLE, 'utf-16le'))).toBe(SAMPLE)
  })

  it('repairs UTF-8 that was read as Windows-1252 upstream', () => {
    const mangled = iconv.decode(Buffer.from(SAMPLE, 'utf8'), 'windows-1252')
    expect(mangled).toContain('Ã¤')
    expect(decoded(new TextEncoder().encode(mangled))).toBe(SAMPLE)
    // text that merely contains an "Ã" stays as it is
    expect(decoded(new TextEncoder().encode('Ã ist ein Buchstabe.'))).toBe('Ã ist ein Buchstabe.')
  })

  it('refuses empty, whitespace-only and binary input with a reason', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' })
    expect(decodeText(new TextEncoder().encode('  \n\t\n'))).toMatchObject({ ok: false })
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])
    expect(decodeText(png)).toMatchObject({ ok: false, reason: expect.stringContaining('binary') })
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41))
    expect(decodeText(controls)).toMatchObject({ ok: false, reason: expect.stringContaining('binary') })
  })

  it('normalizes NFC, no-break spaces, soft hyphens and CRLF', () => {
    const text = 'Pe\u0301king\u00a0und\u202fMoskau\r\nver\u00adhandeln'
    expect(decoded(new TextEncoder().encode(text))).toBe('Péking und Moskau\nverhandeln')
  })

  it('turns a typographic apostrophe inside a word into an ASCII one', () => {
    expect(decoded(new TextEncoder().encode('Xi’s Besuch'))).toBe("Xi's Besuch")
    expect(decoded(new TextEncoder().encode('Putin’s Reise, ’Zitat’ und Xi`s Gast'))).toBe("Putin's Reise, ’Zitat’ und Xi's Gast")
  })

  it('counts C1 control characters as binary, but not letters outside the BMP', () => {
    expect(decodeText(new TextEncoder().encode(`Text ${'\u0085'.repeat(5)} mehr Text`)).ok).toBe(false)
    expect(decoded(new TextEncoder().encode('Ein Satz mit 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 und mehr.'))).toBe('Ein Satz mit 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 und mehr.')
  })
})

import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { headerCharset, metaCharset } from '../../../../../pipeline/stages/source/page-charset.ts'
import { decodeDeclared } from '../../../../../pipeline/stages/text/decode-text.ts'

const GERMAN = '„Größere Schritte“, sagte der Außenminister – der Handel wuchs um 12 € je Kopf.'

describe('declared charsets', () => {
  it('reads the charset of a Content-Type header and of <meta> tags', () => {
    expect(headerCharset('text/html; charset=ISO-8859-1')).toBe('ISO-8859-1')
    expect(headerCharset('text/html;charset="windows-1252"')).toBe('windows-1252')
    expect(headerCharset('text/html')).toBeUndefined()
    expect(metaCharset(Buffer.from('<html><head><meta charset="windows-1252">'))).toBe('windows-1252')
    expect(metaCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'))).toBe('iso-8859-15')
    expect(metaCharset(Buffer.from('<html><head><title>x</title>'))).toBeUndefined()
  })

  it('decodes in the declared charset: ISO-8859-1 is read as Windows-1252 (quotes, €), ISO-8859-15, UTF-8', () => {
    const cp1252 = iconv.encode(GERMAN, 'windows-1252')
    expect(decodeDeclared(cp1252, 'ISO-8859-1')).toMatchObject({ ok: true, text: GERMAN, encoding: 'windows-1252' })
    expect(decodeDeclared(iconv.encode('Größe 5 €', 'iso-8859-15'), 'iso-8859-15')).toMatchObject({ ok: true, text: 'Größe 5 €' })
    expect(decodeDeclared(Buffer.from(GERMAN), 'utf-8')).toMatchObject({ ok: true, text: GERMAN })
  })

  it('a wrong or unknown declaration falls back to the guess; a BOM wins', () => {
    expect(decodeDeclared(iconv.encode(GERMAN, 'windows-1252'), 'utf-8')).toMatchObject({ ok: true, text: GERMAN })
    expect(decodeDeclared(Buffer.from(GERMAN), 'x-unbekannt')).toMatchObject({ ok: true, text: GERMAN })
    expect(decodeDeclared(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GERMAN)]), 'windows-1252')).toMatchObject({ ok: true, text: GERMAN })
  })
})

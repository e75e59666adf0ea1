/**
 * A folder of `.txt` articles (with `NAME.meta.json`) written out again in the other input formats, for the
 * tests and the benchmarks that check every format gives the same dataset: each article as a saved news page
 * (with navigation, a cookie banner, teasers, comments and a footer around it, JSON-LD and Open Graph in its
 * head), all of them as one JSON Lines file, and all of them as one WARC file of HTTP responses.
 * The furniture is written here (German of our own); the article text is the input's, unchanged.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { WARCRecord, WARCSerializer } from 'warcio'
import { cleanText } from '../pipeline/stages/text/clean-text.ts'
import { decodeText } from '../pipeline/stages/text/decode-text.ts'
import { extractTitle } from '../pipeline/stages/text/extract-title.ts'

export interface TxtArticle {
  stem: string
  title: string
  body: string[]
  published: string | null
  outlet: string | null
}

/**
 * The .txt articles of a folder: the title as the pipeline reads it (the first line kept by the clean stage), the
 * file's other lines as the body (furniture lines included, as a page would print them); date and outlet from the meta file.
 */
export function readTxtCorpus(dir: string, limit = Infinity): TxtArticle[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().slice(0, limit)
  return names.map((name) => {
    const stem = name.slice(0, -4)
    const decoded = decodeText(readFileSync(join(dir, name)))
    const text = decoded.ok ? decoded.text : ''
    const title = extractTitle(cleanText(text).lines).title
    const lines = text.split('\n').filter((l) => l.trim())
    const at = lines.findIndex((l) => l.includes(title))
    let meta: { published?: string | null; outlet?: string | null } = {}
    try {
      meta = JSON.parse(readFileSync(join(dir, `${stem}.meta.json`), 'utf8')) as typeof meta
    } catch {
      // no meta file: no date, no outlet
    }
    return { stem, title, body: at >= 0 ? [...lines.slice(0, at), ...lines.slice(at + 1)] : lines, published: meta.published ?? null, outlet: meta.outlet ?? null }
  })
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The page's URL. */
export function pageUrl(a: TxtArticle): string {
  return `https://www.beispielblatt.de/politik/${a.stem}.html`
}

/** A news page around the article, as a publisher's site would serve it (charset as given). */
export function pageOf(a: TxtArticle, charset = 'utf-8'): string {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, ...(a.published ? { datePublished: `${a.published}T09:30:00+01:00` } : {}), publisher: { '@type': 'Organization', name: a.outlet ?? 'Beispielblatt' }, url: pageUrl(a) }
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="${charset}"><title>${escape(a.title)} | Beispielblatt</title>
<meta property="og:site_name" content="Beispielblatt"><meta property="og:title" content="${escape(a.title)}">
<link rel="canonical" href="${pageUrl(a)}">
<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ ressort: 'politik' })</script>
<style>.cookie-layer { position: fixed }</style></head>
<body>
<div class="cookie-layer" id="cookie-consent"><p>Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und Zugriffe zu analysieren. Mit einem Klick auf „Alle akzeptieren“ stimmen Sie der Verarbeitung Ihrer Daten durch uns und unsere Partner zu.</p><button>Alle akzeptieren</button><button>Einstellungen</button></div>
<header class="site-header"><a class="logo" href="/">Beispielblatt</a>
<nav class="main-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li><li><a href="/kultur">Kultur</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><div class="breadcrumbs"><a href="/">Startseite</a> › <a href="/politik">Politik</a> › <a href="/politik/ausland">Ausland</a></div>
<article class="article"><h1>${escape(a.title)}</h1>
<div class="share"><a href="#">Teilen</a> <a href="#">Drucken</a> <a href="#">Merken</a></div>
${a.body.map((l) => `<p>${escape(l)}</p>`).join('\n')}
</article>
<aside class="related"><h2>Mehr zum Thema</h2><ul>
<li><a href="/politik/1">Putin empfängt Scholz zu Gesprächen in Moskau</a></li>
<li><a href="/politik/2">Xi Jinping reist im Herbst nach Berlin</a></li>
<li><a href="/politik/3">Handel zwischen Russland und China wächst auf 300 Milliarden Dollar</a></li></ul></aside>
<section class="comments" id="comments"><h2>Kommentare (2)</h2>
<div class="comment"><p class="author">Leser_42</p><p>Wieder einmal zeigt sich, dass Putin und Xi Jinping nur ihre eigenen Interessen verfolgen. Lawrow hat das ja schon im Januar in Peking gesagt.</p></div>
<div class="comment"><p class="author">M. Beispiel</p><p>Danke für den ausführlichen Bericht, bitte mehr davon!</p></div></section></main>
<footer><p>© Beispielblatt Verlag · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a> · <a href="/abo">Abo</a></p></footer>
</body></html>
`
}

/** One JSON object per article, in the plain mapping ({ title, text, published, outlet, url }). */
export function jsonLineOf(a: TxtArticle): string {
  return JSON.stringify({ title: a.title, text: a.body.join('\n'), published: a.published, outlet: a.outlet, url: pageUrl(a) })
}

/** A gzipped WARC response record of the page (charset in the HTTP header when given). */
export async function warcRecordOf(a: TxtArticle, payload: Uint8Array, contentType = 'text/html; charset=utf-8'): Promise<Uint8Array> {
  const record = WARCRecord.create(
    { url: pageUrl(a), date: '2024-06-01T12:00:00Z', type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': contentType } },
    (function* () {
      yield payload
    })(),
  )
  return WARCSerializer.serialize(record, { gzip: true })
}

/** A request record (not an article: a crawl has one before each response). */
export async function warcRequestOf(url: string): Promise<Uint8Array> {
  const record = WARCRecord.create({ url, type: 'request', warcVersion: 'WARC/1.1', statusline: 'GET / HTTP/1.1', httpHeaders: { Host: new URL(url).host } })
  return WARCSerializer.serialize(record, { gzip: true })
}

/** Writes the corpus as pages (`pages/NAME.html`), one JSON Lines file (`all.jsonl`) and one WARC (`crawl.warc.gz`) under `out`. */
export async function writeFormats(articles: readonly TxtArticle[], out: { pages?: string; jsonl?: string; warc?: string }): Promise<void> {
  if (out.pages) for (const a of articles) writeFileSync(join(out.pages, `${a.stem}.html`), pageOf(a))
  if (out.jsonl) writeFileSync(out.jsonl, `${articles.map(jsonLineOf).join('\n')}\n`)
  if (out.warc) {
    const parts: Uint8Array[] = []
    for (const a of articles) {
      parts.push(await warcRequestOf(pageUrl(a)))
      parts.push(await warcRecordOf(a, Buffer.from(pageOf(a))))
    }
    writeFileSync(out.warc, Buffer.concat(parts))
  }
}

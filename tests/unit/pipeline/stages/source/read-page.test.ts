import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { pageMeta } from '../../../../../pipeline/stages/source/page-meta.ts'
import { readPage } from '../../../../../pipeline/stages/source/read-page.ts'

const BODY = [
  'Der russische Außenminister ist am Dienstag zu einem zweitägigen Besuch in Peking eingetroffen, wie das Ministerium in Moskau mitteilte.',
  'Bei den Gesprächen mit seinem chinesischen Kollegen soll es vor allem um den Ausbau des Handels und um neue Pipelineprojekte gehen.',
  'Beobachter in Berlin rechnen nicht mit einem Durchbruch, verweisen aber auf die wachsende Abhängigkeit Russlands von chinesischen Abnehmern.',
]

function page(head: string, body = `<article><h1>Lawrow reist nach Peking</h1>${BODY.map((p) => `<p>${p}</p>`).join('')}</article>`, lang = 'de'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Lawrow reist nach Peking – Beispiel-Kurier</title>${head}</head><body>${body}</body></html>`
}

const meta = (html: string) => pageMeta(parseHTML(html).document as unknown as Document)

describe('pageMeta', () => {
  it('JSON-LD NewsArticle first: headline, datePublished, publisher.name, url', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Lawrow in Peking', datePublished: '2024-04-09T08:15:00+02:00', publisher: { '@type': 'Organization', name: 'Beispiel-Kurier' }, url: 'https://kurier.example/a' }
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:title" content="Anderer Titel"><meta property="article:published_time" content="2024-04-10">`
    expect(meta(page(head))).toMatchObject({ title: 'Lawrow in Peking', published: '2024-04-09T08:15:00+02:00', publishedField: 'json-ld datePublished', outlet: 'Beispiel-Kurier', url: 'https://kurier.example/a', lang: 'de' })
  })

  it('an Article inside @graph, with a type list; a broken JSON-LD block is passed over', () => {
    const graph = { '@graph': [{ '@type': 'WebPage' }, { '@type': ['Article', 'ReportageNewsArticle'], headline: 'Im Graphen', datePublished: '2023-11-02' }] }
    const head = `<script type="application/ld+json">{ broken</script><script type="application/ld+json">${JSON.stringify(graph)}</script>`
    expect(meta(page(head))).toMatchObject({ title: 'Im Graphen', published: '2023-11-02' })
  })

  it('without JSON-LD: article:published_time, og:title, og:site_name, canonical link', () => {
    const head = '<meta property="article:published_time" content="2022-02-04T10:00:00Z"><meta property="og:title" content="Titel aus OG"><meta property="og:site_name" content="Beispielblatt"><link rel="canonical" href="https://blatt.example/x">'
    expect(meta(page(head))).toEqual({ title: 'Titel aus OG', published: '2022-02-04T10:00:00Z', publishedField: 'article:published_time', outlet: 'Beispielblatt', url: 'https://blatt.example/x', lang: 'de' })
  })
})

describe('readPage', () => {
  it('the main text as paragraphs, headline first and once; navigation, cookie layer, teasers, comments and footer left out', () => {
    const body = `<div id="cookie-hinweis"><p>Diese Website verwendet Cookies. Wenn Sie weitersurfen, stimmen Sie der Nutzung von Cookies durch Putin und Xi zu.</p></div>
      <nav><a href="/">Start</a><a href="/welt">Welt</a></nav>
      <article><h1>Lawrow reist nach Peking</h1>${BODY.map((p) => `<p>${p}</p>`).join('')}</article>
      <aside class="related"><h3>Auch interessant</h3><a href="/1">Xi Jinping empfängt Scholz</a></aside>
      <section id="comments"><p>Kommentar: Putin hat recht!</p></section><footer>Impressum · Datenschutz</footer>`
    const read = readPage(page('', body))
    expect(read.ok && read.lines).toEqual(['Lawrow reist nach Peking', ...BODY])
  })

  it('broken markup (unclosed tags, stray closers) still gives the text', () => {
    const html = `<html lang="de"><head><title>Lawrow reist nach Peking</title><body><div><p>${BODY[0]}<p>${BODY[1]}</span></div></td><p>${BODY[2]}`
    const read = readPage(html)
    expect(read.ok).toBe(true)
    if (read.ok) expect(read.lines.slice(-3)).toEqual(BODY)
  })

  it('a page with no article (a section front of links) is refused with the reason', () => {
    const body = '<nav><ul><li><a href="/a">Politik</a></li><li><a href="/b">Wirtschaft</a></li></ul></nav><ul><li><a href="/x">Putin trifft Xi</a></li><li><a href="/y">Lawrow in Peking</a></li></ul>'
    expect(readPage(page('', body))).toMatchObject({ ok: false, reason: 'no article text on the page (Readability found none)' })
  })

  it('falls back to JSON-LD articleBody where Readability finds no text', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Nur im Kopf', articleBody: BODY.join('\n') }
    const read = readPage(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<div id="app"></div>'))
    expect(read.ok && read.lines).toEqual(['Nur im Kopf', ...BODY])
  })

  it('refuses what is not a page at all only when nothing can be read', () => {
    expect(readPage('').ok).toBe(false)
    expect(readPage('\u0000\u0001 binär').ok).toBe(false)
  })
})

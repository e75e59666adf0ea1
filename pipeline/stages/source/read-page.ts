/**
 * A saved news page → its headline and paragraphs, and what the page says about itself (page-meta.ts).
 * The main text is found by Mozilla's Readability on linkedom's DOM, after the furniture Readability keeps
 * (cookie and consent banners, dialogs) is taken out; a page where it finds no text falls back to the
 * JSON-LD `articleBody`. The paragraphs then go through the same clean → title → segment stages as a .txt file.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { pageMeta } from './page-meta.ts'
import type { PageMeta } from './page-meta.ts'

export type PageRead = { ok: true; lines: string[]; meta: PageMeta } | { ok: false; reason: string; meta?: PageMeta }

/** Less main text than this is no article (a section front, a gallery, an error page). */
export const MIN_ARTICLE_CHARS = 150

/** Furniture Readability does not recognise as such: consent layers and dialogs. */
const FURNITURE = '[id*="cookie" i], [class*="cookie" i], [id*="consent" i], [class*="consent" i], dialog, [role="dialog"], [aria-modal="true"]'

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL'])

/** The text of an element as lines: one per block element (paragraph, heading, list item), spaces collapsed. */
export function blockLines(root: Node): string[] {
  const lines: string[] = []
  let line = ''
  const flush = (): void => {
    const clean = line.replace(/\s+/g, ' ').trim()
    if (clean) lines.push(clean)
    line = ''
  }
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      line += node.nodeValue ?? ''
      return
    }
    if (node.nodeType !== 1) return
    const block = BLOCK.has((node as Element).tagName.toUpperCase())
    if (block) flush()
    for (const child of node.childNodes) visit(child)
    if (block) flush()
  }
  visit(root)
  flush()
  return lines
}

function sameLine(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return norm(a) === norm(b)
}

/** The main text Readability finds, as lines (none when it finds none). */
function mainText(html: string): { title: string | undefined; h1: string; lines: string[] } {
  const { document } = parseHTML(html)
  for (const el of document.querySelectorAll(FURNITURE)) el.remove()
  const h1 = (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const found = new Readability(document as unknown as Document, { charThreshold: 300 }).parse()
  if (!found?.content) return { title: found?.title ?? undefined, h1, lines: [] }
  const { document: content } = parseHTML(`<!doctype html><html><body>${found.content}</body></html>`)
  return { title: found.title ?? undefined, h1, lines: blockLines(content.body as unknown as Node) }
}

/** A page's headline and paragraphs (headline first, said once) and its metadata; or why there is no article. */
export function readPage(html: string): PageRead {
  let meta: PageMeta
  let main: ReturnType<typeof mainText>
  try {
    meta = pageMeta(parseHTML(html).document as unknown as Document)
    main = mainText(html)
  } catch (e) {
    return { ok: false, reason: `not a readable HTML page (${(e as Error).message.split('\n')[0]})` }
  }
  let body = main.lines
  if (body.join(' ').length < MIN_ARTICLE_CHARS && meta.body) body = meta.body.split(/\n+/).map((l) => l.trim()).filter(Boolean)
  if (body.join(' ').length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'no article text on the page (Readability found none)', meta }
  const first = body[0] ?? ''
  // the <title> often carries the site's name ("… – Beispiel-Kurier"): the page's <h1> is the headline when the title starts with it
  const h1 = main.h1.length >= 10 && main.title?.startsWith(main.h1) ? main.h1 : undefined
  const title = meta.title ?? h1 ?? main.title
  if (!title) return { ok: true, lines: body, meta }
  return { ok: true, lines: sameLine(first, title) ? body : [title, ...body], meta }
}

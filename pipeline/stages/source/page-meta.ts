/**
 * What a news page says about itself in its head: JSON-LD `NewsArticle`/`Article` (headline, datePublished,
 * publisher.name, url), `article:published_time`, `og:site_name`, `og:title`, `og:url`,
 * `<link rel="canonical">` and `<html lang>`. The first source that gives a field wins, in that order.
 */

/** A page's own metadata; `publishedField` names where `published` was read ("json-ld datePublished"). */
export interface PageMeta {
  title?: string
  published?: string
  publishedField?: string
  outlet?: string
  url?: string
  lang?: string
  /** JSON-LD `articleBody`: the text when Readability finds none. */
  body?: string
}

type Json = Record<string, unknown>

const ARTICLE_TYPE = /(?:^|:)(?:\w*NewsArticle|Article|BlogPosting|Report)$/

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (Array.isArray(value)) return text(value[0])
  if (isObject(value)) return text(value.name ?? value['@id'])
  return undefined
}

function isArticle(node: Json): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']]
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))
}

/** Every object of a JSON-LD block: top level, arrays and `@graph`. */
function* nodesOf(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const v of value) yield* nodesOf(v)
  else if (isObject(value)) {
    yield value
    if (value['@graph'] !== undefined) yield* nodesOf(value['@graph'])
  }
}

/** The first article node of the page's JSON-LD blocks (a block that is not JSON is passed over). */
function jsonLdArticle(document: Document): Json | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    for (const node of nodesOf(parsed)) if (isArticle(node)) return node
  }
  return undefined
}

function metaContent(document: Document, selector: string): string | undefined {
  return document.querySelector(selector)?.getAttribute('content')?.trim() || undefined
}

/** The page's metadata, from its head (and any JSON-LD block in the body). */
export function pageMeta(document: Document): PageMeta {
  const ld = jsonLdArticle(document)
  const out: PageMeta = {}
  const ldDate = text(ld?.datePublished)
  const ogDate = metaContent(document, 'meta[property="article:published_time"], meta[name="article:published_time"]')
  if (ldDate) Object.assign(out, { published: ldDate, publishedField: 'json-ld datePublished' })
  else if (ogDate) Object.assign(out, { published: ogDate, publishedField: 'article:published_time' })
  const title = text(ld?.headline) ?? metaContent(document, 'meta[property="og:title"]')
  if (title) out.title = title
  const outlet = text(ld?.publisher) ?? metaContent(document, 'meta[property="og:site_name"]')
  if (outlet) out.outlet = outlet
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim()
  const url = text(ld?.url) ?? (canonical || undefined) ?? metaContent(document, 'meta[property="og:url"]')
  if (url) out.url = url
  const lang = document.documentElement?.getAttribute('lang')?.trim()
  if (lang) out.lang = lang.toLowerCase()
  const body = typeof ld?.articleBody === 'string' ? ld.articleBody.trim() : ''
  if (body) out.body = body
  return out
}

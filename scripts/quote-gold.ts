/**
 * The hand-made quote gold of the development articles (tests/unit/pipeline/stages/extract/quote-gold.json):
 * offsets into ../shared/corpus-dev/dNNN.txt and speaker ids, never article text. Read here and turned
 * into the scorer's gold files (../shared/corpus-dev/gold/dNNN.json with a `quotes` list added), with the
 * text taken from the articles by those offsets.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type Span = [start: number, end: number]

export interface GoldQuote {
  kind: 'direct' | 'reported'
  text: Span[]
  speaker: string | null | { name: Span }
}

export interface GoldArticle {
  article: string
  sha256: string
  quotes: GoldQuote[]
}

/** A quote of the scorer's gold format (GUIDE "Quotes"). */
export interface ScorerQuote {
  speaker: string | null
  kind: 'direct' | 'reported'
  text: string
  sentence: string
}

const isSpan = (x: unknown): x is Span => Array.isArray(x) && x.length === 2 && x.every((n) => Number.isInteger(n) && (n as number) >= 0) && (x[0] as number) < (x[1] as number)

/** Narrows the gold file's JSON; throws with the first problem. */
export function parseQuoteGold(json: unknown): GoldArticle[] {
  const articles = (json as { articles?: unknown })?.articles
  if (!Array.isArray(articles)) throw new Error('quote gold: expected { "articles": [...] }')
  return articles.map((a: unknown, i) => {
    const { article, sha256, quotes } = (a ?? {}) as Record<string, unknown>
    if (typeof article !== 'string' || typeof sha256 !== 'string' || !Array.isArray(quotes)) throw new Error(`quote gold: articles[${i}] needs article, sha256, quotes`)
    return {
      article,
      sha256,
      quotes: quotes.map((q: unknown, j) => {
        const { kind, text, speaker } = (q ?? {}) as Record<string, unknown>
        const speakerOk = speaker === null || typeof speaker === 'string' || isSpan((speaker as { name?: unknown })?.name)
        if ((kind !== 'direct' && kind !== 'reported') || !Array.isArray(text) || !text.every(isSpan) || text.length === 0 || !speakerOk)
          throw new Error(`quote gold: ${article} quote ${j} is malformed`)
        return { kind, text: text as Span[], speaker: speaker as GoldQuote['speaker'] }
      }),
    }
  })
}

export function fileHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)
}

/** The scorer's quotes of one article: its text by the gold's offsets, speakers by their registry names. */
export function scorerQuotes(gold: GoldArticle, text: string, names: ReadonlyMap<string, string>): ScorerQuote[] {
  if (fileHash(text) !== gold.sha256) throw new Error(`quote gold: ${gold.article}.txt is not the text the gold was made on (hash ${fileHash(text)}, gold ${gold.sha256})`)
  return gold.quotes.map((q) => {
    const speaker =
      q.speaker === null ? null : typeof q.speaker === 'string' ? (names.get(q.speaker) ?? q.speaker) : text.slice(q.speaker.name[0], q.speaker.name[1])
    const parts = q.text.map(([s, e]) => text.slice(s, e))
    return { speaker, kind: q.kind, text: parts.join(' … '), sentence: parts.join(' … ') }
  })
}

/** Where the development corpus is, relative to the project root; null when ../shared is not there. */
export function devCorpus(root: string): string | null {
  const dir = join(root, '../shared/corpus-dev')
  return existsSync(join(dir, 'gold')) ? dir : null
}

export function readQuoteGold(root: string): GoldArticle[] {
  return parseQuoteGold(JSON.parse(readFileSync(join(root, 'tests/unit/pipeline/stages/extract/quote-gold.json'), 'utf8')))
}

/** Pure selections over the records, given the filters: which articles, which actors. */
import type { Article, Dataset, Mention } from '../model/dataset.ts'
import { byGermanText } from '../model/order.ts'
import type { Filters } from './filters.ts'

/** The article a wire copy points to (or the article itself). */
export function canonicalId(article: Article): string {
  return article.duplicateOf ?? article.id
}

/** Does the article's (possibly month-only) date overlap the filter range? Undated articles pass only an open range. */
export function inDateRange(published: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true
  if (published === null) return false
  const start = published.length === 7 ? `${published}-01` : published
  const end = published.length === 7 ? `${published}-31` : published
  return (from === null || end >= from) && (to === null || start <= to)
}

/** Articles passing outlet and date filters (actors are handled by the views). */
export function filterArticles(dataset: Pick<Dataset, 'articles'>, filters: Pick<Filters, 'outlets' | 'from' | 'to'>): Article[] {
  const outlets = new Set(filters.outlets)
  return dataset.articles.filter(
    (article) => (outlets.size === 0 || outlets.has(article.outlet ?? '')) && inDateRange(article.published, filters.from, filters.to),
  )
}

/** Mentions grouped by article id. */
export function mentionsByArticle(dataset: Pick<Dataset, 'mentions'>): Map<string, Mention[]> {
  const map = new Map<string, Mention[]>()
  for (const mention of dataset.mentions) {
    const list = map.get(mention.articleId) ?? []
    list.push(mention)
    map.set(mention.articleId, list)
  }
  return map
}

export interface ActorCount {
  actorId: string
  /** The actor's canonical (German) name: ties are broken by it whatever the UI language. */
  name: string
  /** Articles (wire copies counted once) naming the actor. */
  articles: number
  /** Times named, summed over those articles. */
  mentions: number
}

/** Most articles first; ties by mentions, then by name in German reading order. */
export function byMostNamed(a: ActorCount, b: ActorCount): number {
  return b.articles - a.articles || b.mentions - a.mentions || byGermanText(a.name, b.name)
}

/** The actors a view shows: those chosen, or the `top` of a ranking that some article names. */
export function chosenOrTop(filters: Pick<Filters, 'actors'>, ranked: readonly ActorCount[], top = 5): string[] {
  if (filters.actors.length > 0) return [...filters.actors]
  return ranked
    .filter((entry) => entry.articles > 0)
    .slice(0, top)
    .map((entry) => entry.actorId)
}

/** Pure selections over the dataset, given the filters: which articles, which actors, which counts. */
import type { Article, Dataset, Mention } from '../model/dataset.ts'
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
export function filterArticles(dataset: Dataset, filters: Filters): Article[] {
  const outlets = new Set(filters.outlets)
  return dataset.articles.filter(
    (article) =>
      (outlets.size === 0 || outlets.has(article.outlet ?? '')) &&
      inDateRange(article.published, filters.from, filters.to),
  )
}

/** Mentions grouped by article id. */
export function mentionsByArticle(dataset: Dataset): Map<string, Mention[]> {
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
  name: string
  /** Articles (wire copies counted once) naming the actor. */
  articles: number
  /** Times named, summed over those articles. */
  mentions: number
}

/** Actors by how many (deduplicated) articles name them, most first; ties by name. */
export function rankActors(dataset: Dataset, articles: readonly Article[]): ActorCount[] {
  const present = new Set(articles.map((article) => article.id))
  // A wire copy counts only when its original is not in the set too.
  const allowed = new Set(
    articles
      .filter((article) => article.duplicateOf === null || !present.has(article.duplicateOf))
      .map((article) => article.id),
  )
  const counts = new Map<string, ActorCount>()
  for (const actor of dataset.actors) counts.set(actor.id, { actorId: actor.id, name: actor.name, articles: 0, mentions: 0 })
  for (const mention of dataset.mentions) {
    if (!allowed.has(mention.articleId) || mention.count === 0) continue
    const entry = counts.get(mention.actorId)
    if (!entry) continue
    entry.articles += 1
    entry.mentions += mention.count
  }
  return [...counts.values()].sort(byMostNamed)
}

/** Most articles first; ties by mentions, then by name. */
export function byMostNamed(a: ActorCount, b: ActorCount): number {
  return b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name, 'de')
}

/** The actors a view shows: those chosen, or the `top` of a ranking that some article names. */
export function chosenOrTop(filters: Pick<Filters, 'actors'>, ranked: readonly ActorCount[], top = 5): string[] {
  if (filters.actors.length > 0) return [...filters.actors]
  return ranked
    .filter((entry) => entry.articles > 0)
    .slice(0, top)
    .map((entry) => entry.actorId)
}

/** The actors a view shows: those chosen, or the `top` most-named ones. */
export function activeActors(dataset: Dataset, filters: Filters, articles: readonly Article[], top = 5): string[] {
  return chosenOrTop(filters, filters.actors.length > 0 ? [] : rankActors(dataset, articles), top)
}

/** Every outlet of the corpus, sorted; articles without one are grouped under "". */
export function outletsOf(dataset: Dataset): string[] {
  return [...new Set(dataset.articles.map((article) => article.outlet ?? ''))].sort((a, b) => a.localeCompare(b, 'de'))
}

/** First and last published date (ISO, as written) of the corpus. */
export function dateSpan(articles: readonly Article[]): { first: string; last: string } | undefined {
  const dates = articles.map((article) => article.published).filter((date): date is string => date !== null).sort()
  const first = dates[0]
  const last = dates[dates.length - 1]
  return first !== undefined && last !== undefined ? { first, last } : undefined
}

/**
 * The per-article way of ranking actors, from every article record: the reference the cell computation
 * (src/lib/mentions/cells.ts) is checked against. The app ranks from cells only.
 */
import type { Article, Dataset } from '../../../../src/model/dataset.ts'
import type { Filters } from '../../../../src/lib/filters.ts'
import { byMostNamed, chosenOrTop, type ActorCount } from '../../../../src/lib/select.ts'

/** Actors by how many (deduplicated) articles name them, most first; ties by mentions, then name. */
export function rankActors(dataset: Dataset, articles: readonly Article[]): ActorCount[] {
  const present = new Set(articles.map((article) => article.id))
  // A wire copy counts only when its original is not in the set too.
  const allowed = new Set(articles.filter((article) => article.duplicateOf === null || !present.has(article.duplicateOf)).map((article) => article.id))
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

/** The actors a view shows: those chosen, or the `top` most-named ones. */
export function activeActors(dataset: Dataset, filters: Filters, articles: readonly Article[], top = 5): string[] {
  return chosenOrTop(filters, filters.actors.length > 0 ? [] : rankActors(dataset, articles), top)
}

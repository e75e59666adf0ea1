/** One colour per actor, the same in every view (by the actor's place in a fixed order, see useDatasetStore().colorOrder). */
export const ACTOR_PALETTE = [
  '#2f6fdf',
  '#d1495b',
  '#2a9d6f',
  '#e08a1e',
  '#7b4fc9',
  '#1b9aaa',
  '#b5527f',
  '#6b8e23',
  '#8c6d46',
  '#4f5d75',
  '#c2410c',
  '#0e7490',
] as const

/** Colours of the search queries' series (drawn dashed), apart from the actors'. */
export const QUERY_PALETTE = ['#c026d3', '#15803d', '#b45309', '#0369a1'] as const

/** The colour of a series: a query's ("search:<n>") or an actor's. */
export function seriesColor(actorIds: readonly string[], seriesId: string): string {
  const query = /^search:(\d+)$/.exec(seriesId)
  return query ? (QUERY_PALETTE[Number(query[1]) % QUERY_PALETTE.length] ?? '#c026d3') : actorColor(actorIds, seriesId)
}

export function actorColor(actorIds: readonly string[], actorId: string): string {
  const index = actorIds.indexOf(actorId)
  return ACTOR_PALETTE[(index < 0 ? 0 : index) % ACTOR_PALETTE.length] ?? '#2f6fdf'
}


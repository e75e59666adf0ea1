/**
 * Series ids of search queries on the Mentions chart: "search:<index into Filters.queries>", never an actor
 * id (actor ids have no colon). Apart from ./series.ts so that the chart and the filter bar name a query's
 * series without loading the search code (src/data/search-engine.ts, fetched only when a query is used).
 */
export const QUERY_SERIES = 'search:'

export function querySeriesId(query: number): string {
  return `${QUERY_SERIES}${query}`
}

/** The query index of a series id, or undefined for an actor's series. */
export function queryOfSeries(seriesId: string): number | undefined {
  return seriesId.startsWith(QUERY_SERIES) ? Number(seriesId.slice(QUERY_SERIES.length)) : undefined
}

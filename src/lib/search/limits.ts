/**
 * The query's size limits, apart from the query language (./query.ts) so that the URL reader
 * (src/lib/filter-query.ts) and the search field check them without loading the search code.
 */

/** Longest query read; the rest is cut at a word boundary (a longer `q` in the URL is dropped with a notice). */
export const MAX_QUERY_LENGTH = 200

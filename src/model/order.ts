/**
 * The orderings the pipeline and the app share. Anything that decides *which* record wins a tie (the
 * copy that represents a wire story, the order of ids in a file) uses code-unit order, which is the
 * same on every machine; only lists a person reads (outlet names, titles) use the German collation.
 * No Vue, DOM or Node imports here.
 */

/** Code-unit order of strings: locale-free, so output and tie-breaks are the same everywhere. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const GERMAN = new Intl.Collator('de')

/** German reading order, for lists shown to a person (never for a tie-break that picks a record). */
export const byGermanText = (a: string, b: string): number => GERMAN.compare(a, b)

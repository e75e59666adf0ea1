/**
 * A byline with the reporter's city: "Monika Brunner, Hangzhou", "Von Eva Roth, Peking, 5.9.2016". The city is
 * where the report was filed from (GUIDE: bylines are credits), so it names no state; it may be the news's
 * scene or the reporter's base.
 */
export const BYLINE_CITY = /^\s*(?:[Vv]on\s+)?\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\.?\p{Ll}*){1,3}\s*,\s*(\p{Lu}[\p{L}.' -]{1,30}?)\s*(?:[,|]\s*\d[\d.:, ]*(?:Uhr)?\s*)?$/u

/** Whether the word at `start` of `text` is the city of a byline. */
export function inByline(text: string, start: number): boolean {
  const m = BYLINE_CITY.exec(text)
  return m !== null && m[1] !== undefined && text.indexOf(m[1], text.indexOf(',')) === start
}

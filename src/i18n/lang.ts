/** The languages of the UI: German first, English as a toggle (`?lang=en`). */

export const LANGS = ['de', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** The Intl locale a UI language formats dates and numbers in. */
export function localeOf(lang: Lang): string {
  return lang === 'de' ? 'de-DE' : 'en-GB'
}

/** Catalogue key + parameters → the sentence in the UI language. */
import { shallowRef } from 'vue'
import { de, type Catalogue, type MessageKey } from './de.ts'
import { numberFormat, pluralRulesOf } from './intl.ts'
import { localeOf, type Lang } from './lang.ts'
import type { Plural, MessageParams } from './message.ts'

/**
 * The English catalogue once loaded: German is the default, so `en.ts` (≈ 5.5 KB gzip) is its own chunk,
 * fetched only for `lang=en` (src/router.ts waits for it before a navigation to `?lang=en` is confirmed,
 * so the first English paint is English). A ref, so a view drawn before it arrived is drawn again.
 */
const english = shallowRef<Catalogue | null>(null)
let englishLoading: Promise<void> | null = null
/** Called once the English catalogue is in, before anything awaiting `loadCatalogue('en')` goes on. */
const onEnglish: (() => void)[] = []

/**
 * Runs `fill` now if `lang`'s catalogue is loaded, else as soon as it is (before the navigation or toggle that
 * waited for it goes on): for words copied out of the catalogue once, such as ECharts' registered locale.
 */
export function whenCatalogueLoaded(lang: Lang, fill: () => void): void {
  if (catalogueLoaded(lang)) fill()
  else onEnglish.push(fill)
}

/** Loads the catalogue of `lang` (German is always there); resolves once `translate(lang, …)` speaks it. */
export function loadCatalogue(lang: Lang): Promise<void> {
  if (lang === 'de' || english.value) return Promise.resolve()
  englishLoading ??= import('./en.ts').then(
    (module) => {
      english.value = module.en
      for (const fill of onEnglish.splice(0)) fill()
    },
    (error: unknown) => {
      englishLoading = null // a failed chunk is fetched again by the next call
      throw error
    },
  )
  return englishLoading
}

/** Whether `translate(lang, …)` speaks `lang` now (not the German fallback). */
export function catalogueLoaded(lang: Lang): boolean {
  return lang === 'de' || english.value !== null
}

/** The catalogue of `lang`: German until the English one has arrived. */
function catalogueOf(lang: Lang): Catalogue {
  return lang === 'en' ? (english.value ?? de) : de
}

/** The language a message is formatted in: its catalogue's (numbers and plurals match the words). */
function speaking(lang: Lang): Lang {
  return catalogueLoaded(lang) ? lang : 'de'
}

/** The form of a plural message for the count `n` (`other` when there is no count). */
function pluralForm(lang: Lang, message: Plural, n: string | number | undefined): string {
  if (typeof n !== 'number') return message.other
  return message[pluralRulesOf(localeOf(lang)).select(n)] ?? message.other
}

/**
 * The message of `key` in `lang`, its `{name}` placeholders filled from `params` (numbers in the
 * language's number format); a placeholder without a value stays visible. A plural message takes the
 * form its language's plural rule gives for `params.n`. Before `loadCatalogue('en')` has resolved, English
 * falls back to German (never to the key).
 */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const spoken = speaking(lang)
  const message = catalogueOf(spoken)[key]
  const text = typeof message === 'string' ? message : pluralForm(spoken, message, params.n)
  const numbers = numberFormat(localeOf(spoken))
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? numbers.format(value) : value
  })
}

/** Catalogue key + parameters → the sentence in the UI language. */
import { de, type Catalogue, type MessageKey } from './de.ts'
import { en } from './en.ts'
import { numberFormat, pluralRulesOf } from './intl.ts'
import { localeOf, type Lang } from './lang.ts'
import type { Plural, MessageParams } from './message.ts'

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { de, en }

/** The form of a plural message for the count `n` (`other` when there is no count). */
function pluralForm(lang: Lang, message: Plural, n: string | number | undefined): string {
  if (typeof n !== 'number') return message.other
  return message[pluralRulesOf(localeOf(lang)).select(n)] ?? message.other
}

/**
 * The message of `key` in `lang`, its `{name}` placeholders filled from `params` (numbers in the
 * language's number format); a placeholder without a value stays visible. A plural message takes the
 * form its language's plural rule gives for `params.n`.
 */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const message = CATALOGUES[lang][key]
  const text = typeof message === 'string' ? message : pluralForm(lang, message, params.n)
  const numbers = numberFormat(localeOf(lang))
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? numbers.format(value) : value
  })
}


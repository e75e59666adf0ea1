/** Dates, periods, numbers and amounts written the way the UI language writes them. */
import { dateFormat, numberFormat } from './intl.ts'
import { localeOf, type Lang } from './lang.ts'
import { translate } from './translate.ts'

const DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
const MEDIUM_DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' }
const SHORT_MONTH: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric', timeZone: 'UTC' }
const LONG_MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' }
const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' }

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the UTC date it starts on and how precise it is; null otherwise. */
function readDate(iso: string): { date: Date; precision: 'day' | 'month' | 'year' } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)]
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const precision = match[3] !== undefined ? 'day' : match[2] !== undefined ? 'month' : 'year'
  return { date: new Date(Date.UTC(year, month - 1, day)), precision }
}

/** "2023-02-22" / "2023-02" / "2023-W08" in the chosen language; anything else as it is. */
export function formatPeriod(lang: Lang, period: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) return lang === 'de' ? `KW ${Number(week[2])}/${week[1]}` : `W${Number(week[2])} ${week[1]}`
  const read = readDate(period)
  if (!read || read.precision === 'year') return period
  return dateFormat(localeOf(lang), read.precision === 'day' ? MEDIUM_DAY : SHORT_MONTH).format(read.date)
}

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(localeOf(lang), options).format(value)
}

/** An event date in words: "20.03.2023", "März 2023", "2023", prefixed "ca." when approximate. */
export function formatEventDate(date: string | null, approx: boolean, lang: Lang): string {
  if (date === null) return translate(lang, 'common.undated')
  const read = readDate(date)
  if (!read) return date
  const options = read.precision === 'day' ? DAY : read.precision === 'month' ? LONG_MONTH : YEAR
  const words = dateFormat(localeOf(lang), options).format(read.date)
  return approx ? translate(lang, 'visits.approx', { date: words }) : words
}

/** An article's publication date as a table shows it: "22.02.2023", or "Feb. 2023" when only the month is known. */
export function formatPublished(published: string | null, lang: Lang): string {
  if (published === null) return translate(lang, 'common.undated')
  const read = readDate(published)
  if (!read) return published
  return dateFormat(localeOf(lang), read.precision === 'day' ? DAY : SHORT_MONTH).format(read.date)
}

/** "240 Mrd. USD" / "240B USD": compact amounts in the chosen language. */
export function formatAmount(value: number, currency: string, lang: Lang): string {
  const number = numberFormat(localeOf(lang), { notation: 'compact', compactDisplay: 'short', maximumFractionDigits: 2 }).format(value)
  return `${number} ${currency}`
}

/** A rate table (US dollars per unit) in words, e.g. "1 EUR = 1,08 USD; 1 CNY = 0,14 USD". */
export function describeRates(rates: Readonly<Record<string, number>>, lang: Lang): string {
  const format = numberFormat(localeOf(lang), { maximumSignificantDigits: 3 })
  return Object.entries(rates)
    .filter(([code]) => code !== 'USD')
    .map(([code, rate]) => `1 ${code} = ${format.format(rate)} USD`)
    .join('; ')
}

/** An ISO day as the date field shows it: "01.02.2023" in German, "01/02/2023" in English; "" for none. */
export function formatDateInput(iso: string | null, lang: Lang): string {
  const match = iso === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return ''
  const [, year, month, day] = match
  return lang === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`
}

/**
 * What was typed into a date field → an ISO day: day first as both UI languages write it ("1.2.2023",
 * "01/02/2023"), or ISO ("2023-02-01"). null for an empty field, undefined for anything that is not a
 * calendar day.
 */
export function parseDateInput(text: string): string | null | undefined {
  const value = text.trim()
  if (value === '') return null
  const dayFirst = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(value)
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : iso ? [iso[1], iso[2], iso[3]] : null
  if (!parts) return undefined
  const [year, month, day] = parts.map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return date.toISOString().slice(0, 10)
}

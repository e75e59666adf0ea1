/**
 * The UI message table: German first, English as a toggle. Keys are typed; both languages must
 * define every key. `{name}` placeholders are filled by `translate`.
 */
import type { Lang } from './filters.ts'

const de = {
  'app.title': 'Moskau–Peking Pressemonitor',
  'app.skip': 'Zum Inhalt springen',
  'app.loading': 'Datensatz wird geladen …',
  'error.title': 'Der Datensatz kann nicht geladen werden',
  'error.rebuild': 'Führen Sie `npm run preprocess` aus, um public/data/dataset.json neu zu erstellen, und laden Sie die Seite neu.',
  'error.missing': 'Die Datei {url} fehlt (HTTP {status}).',
  'error.network': 'Die Datei {url} konnte nicht abgerufen werden: {message}',
  'error.truncated': 'Die Datei {url} ist kein gültiges JSON (abgeschnitten oder beschädigt): {message}',
  'error.schema': 'Die Datei {url} passt nicht zum Datenschema: {message}',
  'error.version': 'Die Datei {url} hat Schemaversion {found}, die App erwartet {expected}.',
  'header.summary': '{articles} Artikel · {outlets} Medien · {span}',
  'header.noDates': 'ohne Datum',
  'header.copyLink': 'Link kopieren',
  'header.copied': 'Link kopiert',
  'header.copyFailed': 'Kopieren nicht möglich – Adresse aus der Adresszeile kopieren',
  'header.lang': 'Sprache',
  'header.theme': 'Darstellung',
  'theme.system': 'System',
  'theme.light': 'Hell',
  'theme.dark': 'Dunkel',
  'nav.label': 'Ansichten',
  'nav.mentions': 'Erwähnungen',
  'nav.visits': 'Besuche',
  'nav.figures': 'Handelszahlen',
  'nav.articles': 'Artikel',
  'filter.label': 'Filter',
  'filter.toggle': 'Filter ein-/ausblenden',
  'filter.actors': 'Akteure',
  'filter.actorsTop': 'Top-Akteure (automatisch)',
  'filter.actorsChosen': '{n} gewählt',
  'filter.actorsHint': 'Zahl = Artikel, die den Akteur nennen. Höchstens {max} Akteure.',
  'filter.outlet': 'Medium',
  'filter.allOutlets': 'Alle Medien',
  'filter.unknownOutlet': 'unbekannt',
  'filter.from': 'Von',
  'filter.to': 'Bis',
  'filter.reset': 'Zurücksetzen',
  'filter.period': 'Zeitraum',
  'filter.allDates': 'gesamter Korpus',
  'filter.active': 'Aktive Filter: {list}',
  'filter.none': 'keine Filter',
  'notice.title': 'Einige Angaben in der Adresse wurden ignoriert',
  'notice.dismiss': 'Hinweise schließen',
  'notice.unknown-key': 'unbekannter Parameter',
  'notice.repeated-key': 'Parameter mehrfach angegeben',
  'notice.too-long': 'Wert zu lang',
  'notice.control-chars': 'Steuerzeichen im Wert',
  'notice.unknown-value': 'unbekannter Wert',
  'notice.repeated-value': 'Wert doppelt',
  'notice.bad-date': 'kein gültiges Datum (JJJJ-MM-TT)',
  'notice.reversed-range': 'Beginn liegt nach dem Ende',
  'notice.too-many': 'zu viele Werte',
  'chart.table': 'Tabelle',
  'chart.chart': 'Diagramm',
  'chart.showTable': 'Als Tabelle zeigen',
  'chart.exportPng': 'PNG',
  'chart.exportCsv': 'CSV',
  'chart.export': 'Export',
  'chart.source': 'Quelle: Moskau–Peking Pressemonitor, {articles} Artikel, erstellt {generated}',
  'mentions.title': 'Erwähnungen im Zeitverlauf',
  'mentions.captionMentions': 'Nennungen je {grain}: wie oft der Akteur in Titel und Text genannt wird. Agenturmeldungen in mehreren Medien zählen einmal.',
  'mentions.captionShare': 'Anteil der Artikel je {grain}, die den Akteur nennen (Nenner: Artikel im Zeitraum). Agenturmeldungen in mehreren Medien zählen einmal.',
  'mentions.stackedShare': 'Gestapelt addieren sich die Anteile über 100 %, weil ein Artikel mehrere Akteure nennt.',
  'mentions.empty': 'Keine Erwähnungen für diese Filter',
  'mentions.grain': 'Zeitraster',
  'mentions.measure': 'Maß',
  'mentions.mentions': 'Nennungen',
  'mentions.share': 'Anteil der Artikel',
  'mentions.style': 'Darstellung',
  'mentions.lines': 'Linien',
  'mentions.stacked': 'Gestapelt',
  'mentions.events': 'Besuche und Telefonate',
  'mentions.brushHint': 'Zeitraum im Regler unter dem Diagramm ziehen, um den Datumsfilter zu setzen.',
  'mentions.undated': 'Nicht eingezeichnet (kein Datum in diesem Zeitraster): {n} Artikel.',
  'mentions.period': 'Zeitraum',
  'mentions.denominator': 'Artikel im Zeitraum',
  'mentions.select': '{actor}, {period}: Belege zeigen',
  'mentions.peak': 'Spitze',
  'grain.day': 'Tag',
  'grain.week': 'Woche',
  'grain.month': 'Monat',
  'evidence.title': 'Belege',
  'evidence.close': 'Belege schließen',
  'evidence.count': '{sentences} Sätze aus {articles} Artikeln',
  'evidence.none': 'Keine Belegsätze gefunden.',
  'evidence.more': '{n} weitere zeigen (noch {rest})',
  'evidence.loading': 'Texte werden geladen …',
  'evidence.read': 'Im Artikel lesen',
  'evidence.permalink': 'Link zu diesem Beleg',
  'evidence.wireCopy': 'Agenturkopie',
  'evidence.textMissing': 'Text nicht verfügbar: {message}',
  'evidence.status.happened': 'stattgefunden',
  'evidence.status.ongoing': 'läuft',
  'evidence.status.planned': 'geplant',
  'evidence.status.invited': 'eingeladen',
  'articles.title': 'Artikel',
  'articles.caption': '{n} Artikel für diese Filter, neueste zuerst',
  'articles.empty': 'Keine Artikel für diese Filter',
  'articles.more': '{n} weitere zeigen (noch {rest})',
  'articles.colTitle': 'Titel',
  'articles.colOutlet': 'Medium',
  'articles.colDate': 'Datum',
  'articles.colActors': 'Häufigste Akteure',
  'articles.from.meta': 'aus Metadaten',
  'articles.from.text': 'aus dem Text',
  'articles.from.estimated': 'geschätzt',
  'articles.noDate': 'ohne Datum',
  'articles.copyOf': 'Kopie von „{title}“',
  'reader.back': 'Zur Artikelliste',
  'reader.notFound': 'Artikel „{id}“ gibt es in diesem Datensatz nicht.',
  'reader.legend': 'Akteure im Text',
  'reader.events': 'Besuche und Telefonate in diesem Artikel',
  'reader.figures': 'Zahlen in diesem Artikel',
  'reader.none': 'keine',
  'reader.sentence': 'Satz {n}',
  'reader.source': 'Originalquelle',
  'event.visit': 'Besuch',
  'event.call': 'Telefonat',
  'common.unknown': 'unbekannt',
  'data.loading': 'Daten werden geladen …',
  'data.failed': 'Nicht verfügbar: {reason}',
  'data.capped': 'Zeigt die neuesten {shown} von {total} Artikeln — Zeitraum eingrenzen',
} as const

export type MessageKey = keyof typeof de

const en: Record<MessageKey, string> = {
  'app.title': 'Moscow–Beijing Press Monitor',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading dataset …',
  'error.title': 'The dataset cannot be loaded',
  'error.rebuild': 'Run `npm run preprocess` to rebuild public/data/dataset.json, then reload this page.',
  'error.missing': 'The file {url} is missing (HTTP {status}).',
  'error.network': 'The file {url} could not be fetched: {message}',
  'error.truncated': 'The file {url} is not valid JSON (truncated or damaged): {message}',
  'error.schema': 'The file {url} does not match the data schema: {message}',
  'error.version': 'The file {url} has schema version {found}; the app expects {expected}.',
  'header.summary': '{articles} articles · {outlets} outlets · {span}',
  'header.noDates': 'no dates',
  'header.copyLink': 'Copy link',
  'header.copied': 'Link copied',
  'header.copyFailed': 'Copying failed – copy the address bar instead',
  'header.lang': 'Language',
  'header.theme': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'nav.label': 'Views',
  'nav.mentions': 'Mentions',
  'nav.visits': 'Visits',
  'nav.figures': 'Trade figures',
  'nav.articles': 'Articles',
  'filter.label': 'Filters',
  'filter.toggle': 'Show or hide filters',
  'filter.actors': 'Actors',
  'filter.actorsTop': 'Top actors (automatic)',
  'filter.actorsChosen': '{n} selected',
  'filter.actorsHint': 'Number = articles naming the actor. At most {max} actors.',
  'filter.outlet': 'Outlet',
  'filter.allOutlets': 'All outlets',
  'filter.unknownOutlet': 'unknown',
  'filter.from': 'From',
  'filter.to': 'To',
  'filter.reset': 'Reset',
  'filter.period': 'Period',
  'filter.allDates': 'whole corpus',
  'filter.active': 'Active filters: {list}',
  'filter.none': 'no filters',
  'notice.title': 'Some parts of the address were ignored',
  'notice.dismiss': 'Dismiss notices',
  'notice.unknown-key': 'unknown parameter',
  'notice.repeated-key': 'parameter given more than once',
  'notice.too-long': 'value too long',
  'notice.control-chars': 'control characters in value',
  'notice.unknown-value': 'unknown value',
  'notice.repeated-value': 'duplicate value',
  'notice.bad-date': 'not a valid date (YYYY-MM-DD)',
  'notice.reversed-range': 'start is after end',
  'notice.too-many': 'too many values',
  'chart.table': 'Table',
  'chart.chart': 'Chart',
  'chart.showTable': 'Show as table',
  'chart.exportPng': 'PNG',
  'chart.exportCsv': 'CSV',
  'chart.export': 'Export',
  'chart.source': 'Source: Moscow–Beijing Press Monitor, {articles} articles, built {generated}',
  'mentions.title': 'Mentions over time',
  'mentions.captionMentions': 'Mentions per {grain}: how often the actor is named in title and text. Wire stories carried by several outlets count once.',
  'mentions.captionShare': 'Share of articles per {grain} that name the actor (denominator: articles in the period). Wire stories carried by several outlets count once.',
  'mentions.stackedShare': 'Stacked, the shares add up past 100 %, because one article names several actors.',
  'mentions.empty': 'No mentions for these filters',
  'mentions.grain': 'Grain',
  'mentions.measure': 'Measure',
  'mentions.mentions': 'Mentions',
  'mentions.share': 'Share of articles',
  'mentions.style': 'Style',
  'mentions.lines': 'Lines',
  'mentions.stacked': 'Stacked',
  'mentions.events': 'Visits and calls',
  'mentions.brushHint': 'Drag the slider below the chart to set the date filter.',
  'mentions.undated': 'Not drawn (no date at this grain): {n} article(s).',
  'mentions.period': 'Period',
  'mentions.denominator': 'Articles in period',
  'mentions.select': '{actor}, {period}: show evidence',
  'mentions.peak': 'Peak',
  'grain.day': 'day',
  'grain.week': 'week',
  'grain.month': 'month',
  'evidence.title': 'Evidence',
  'evidence.close': 'Close evidence',
  'evidence.count': '{sentences} sentences from {articles} articles',
  'evidence.none': 'No evidence sentences found.',
  'evidence.more': 'Show {n} more ({rest} left)',
  'evidence.loading': 'Loading texts …',
  'evidence.read': 'Read in article',
  'evidence.permalink': 'Link to this evidence',
  'evidence.wireCopy': 'wire copy',
  'evidence.textMissing': 'Text unavailable: {message}',
  'evidence.status.happened': 'happened',
  'evidence.status.ongoing': 'ongoing',
  'evidence.status.planned': 'planned',
  'evidence.status.invited': 'invited',
  'articles.title': 'Articles',
  'articles.caption': '{n} articles for these filters, newest first',
  'articles.empty': 'No articles for these filters',
  'articles.more': 'Show {n} more ({rest} left)',
  'articles.colTitle': 'Title',
  'articles.colOutlet': 'Outlet',
  'articles.colDate': 'Date',
  'articles.colActors': 'Top actors',
  'articles.from.meta': 'from metadata',
  'articles.from.text': 'from the text',
  'articles.from.estimated': 'estimated',
  'articles.noDate': 'no date',
  'articles.copyOf': 'copy of “{title}”',
  'reader.back': 'Back to the article list',
  'reader.notFound': 'There is no article “{id}” in this dataset.',
  'reader.legend': 'Actors in the text',
  'reader.events': 'Visits and calls in this article',
  'reader.figures': 'Figures in this article',
  'reader.none': 'none',
  'reader.sentence': 'Sentence {n}',
  'reader.source': 'Original source',
  'event.visit': 'Visit',
  'event.call': 'Call',
  'common.unknown': 'unknown',
  'data.loading': 'Loading data …',
  'data.failed': 'Not available: {reason}',
  'data.capped': 'Showing the newest {shown} of {total} articles — narrow the date range',
}

const tables: Record<Lang, Record<MessageKey, string>> = { de, en }

export type MessageParams = Readonly<Record<string, string | number>>

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export function localeOf(lang: Lang): string {
  return lang === 'de' ? 'de-DE' : 'en-GB'
}

// Building an Intl formatter costs far more than formatting with one (at 10 k articles a new
// DateTimeFormat per axis label and tooltip was 15 % of the time to the first chart), so formatters are
// kept per locale and options. The options of a call site are literal objects: the key stays small.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

/** A shared Intl.DateTimeFormat for these locale and options (built once). */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    dateFormats.set(key, format)
  }
  return format
}

/** A shared Intl.NumberFormat for these locale and options (built once). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    numberFormats.set(key, format)
  }
  return format
}

const DAY_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' }
const MONTH_FORMAT: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric', timeZone: 'UTC' }

/** "2023-02-22" / "2023-02" / "2023-W08" / "2023" in the chosen locale. */
export function formatPeriod(lang: Lang, period: string): string {
  const locale = localeOf(lang)
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period)
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
    return dateFormat(locale, DAY_FORMAT).format(date)
  }
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) return lang === 'de' ? `KW ${Number(week[2])}/${week[1]}` : `W${Number(week[2])} ${week[1]}`
  const month = /^(\d{4})-(\d{2})$/.exec(period)
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1))
    return dateFormat(locale, MONTH_FORMAT).format(date)
  }
  return period
}

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(localeOf(lang), options).format(value)
}

/**
 * How the pipeline decided a value, in words an analyst reads under the sentence:
 * "Datum Mai 2024 aus »am Donnerstag«, bezogen auf 16.05.2024 · Wochentag → Monat des Artikels".
 * The rule ids are the pipeline's (pipeline/README.md); an id without a label here is shown as it is.
 */
import type { Decision } from '../model/dataset.ts'
import { formatPublished } from './format.ts'
import type { Lang } from './lang.ts'

/** What was decided. */
export type Decided = 'date' | 'status' | 'year' | 'kind' | 'published' | 'speaker' | 'visitors'

const WHAT: Readonly<Record<Decided, Readonly<Record<Lang, string>>>> = {
  date: { de: 'Datum', en: 'Date' },
  status: { de: 'Status', en: 'Status' },
  year: { de: 'Jahr', en: 'Year' },
  kind: { de: 'Art', en: 'Kind' },
  published: { de: 'Erscheinungsdatum', en: 'Publication date' },
  speaker: { de: 'Sprecher', en: 'Speaker' },
  visitors: { de: 'Wer', en: 'Who' },
}

/** Short names of the rules a reader meets most (others show their id). */
const RULES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  'page-json-ld': { de: 'Seitendaten (JSON-LD datePublished)', en: 'page data (JSON-LD datePublished)' },
  'page-published-time': { de: 'Seitendaten (article:published_time)', en: 'page data (article:published_time)' },
  'record-field': { de: 'Feld des Exports', en: 'field of the export' },
  'weekday-month': { de: 'Wochentag → Monat des Artikels', en: 'weekday → month of the article' },
  'time-date': { de: 'Kalenderdatum', en: 'calendar date' },
  'time-month': { de: 'Monat', en: 'month' },
  'time-season': { de: 'Jahreszeit oder Monatsteil (ungefähr)', en: 'season or part of a month (approximate)' },
  'time-year': { de: 'Jahr', en: 'year' },
  'time-week': { de: 'Woche', en: 'week' },
  occasion: { de: 'bekannter Termin eines Gipfels oder Forums', en: 'known date of a summit or forum' },
  arrival: { de: 'Ankunft: hat stattgefunden', en: 'arrival: happened' },
  'stay-begun': { de: 'Besuch hat begonnen: läuft', en: 'visit begun: ongoing' },
  guest: { de: 'Gast eines laufenden Treffens', en: 'guest at a meeting under way' },
  'guest-with-day': { de: 'Gast an einem kommenden Tag', en: 'guest on a coming day' },
  'next-leg': { de: 'nächste Etappe im Präsens: steht bevor', en: 'next leg in the present tense: ahead' },
  'stay-covers-date': { de: 'Aufenthalt umfasst den Tag des Artikels', en: 'the stay spans the article\'s day' },
  'present-passive': { de: 'Passiv im Präsens: ist dort', en: 'present passive: is there' },
  'still-under-way': { de: 'Gipfel läuft laut Artikel noch', en: 'the article says the summit is still under way' },
  'summit-running': { de: 'Treffen während des Gipfels, der am Erscheinungstag lief', en: 'met at a summit under way on the day of publication' },
  'looked-back': { de: 'früheres Treffen, auf das der Satz zurückblickt', en: 'an earlier meeting the sentence looks back to' },
  'year-before-reported': { de: 'Vorjahr des berichteten Jahres', en: 'the year before the year reported' },
  'meeting-time': { de: 'Zeit des Treffens aus einem früheren Satz', en: 'the time an earlier sentence gives the meeting' },
  'added-to': { de: 'zum Betrag des Satzes davor hinzugezählt („Hinzu kommen …“): dessen Jahr', en: 'added to the amount of the sentence before ("Hinzu kommen …"): its year' },
  'role-of-state': { de: 'Amt mit Staat: die zuletzt genannte Person dieses Staates', en: 'an office of a state: the person of that state named last' },
  'subject-before': { de: 'Subjekt zuvor genannt (Pronomen oder ausgelassen)', en: 'subject named before (a pronoun or left out)' },
  'both-named-before': { de: '„die beiden“: die zwei zuletzt Genannten', en: '"the two": the two people named last' },
  sent: { de: 'entsandt: wer geschickt wird, reist', en: 'sent: the one sent travels' },
  'call-partner': { de: 'Gesprächspartner über Amt oder Pronomen', en: 'the other party, by an office or a pronoun' },
  later: { de: 'gezählt ab der zuvor genannten Zeit („ein Jahr später“)', en: 'counted from the time told before ("a year later")' },
  'same-period': { de: 'derselbe Monat bzw. dasselbe Jahr wie das zuvor genannte Treffen', en: 'the same month or year as the meeting told before' },
  'reported-year': { de: 'Jahr, über das der Artikel berichtet', en: 'the year the article reports on' },
  'present-with-day': { de: 'Präsens mit Wochentag: geplant', en: 'present tense with a weekday: planned' },
  'future-dated': { de: 'Zukunft mit Zeitangabe: geplant', en: 'future with a time: planned' },
  'future-undated': { de: 'Zukunft ohne Zeitangabe', en: 'future without a time' },
  invitation: { de: 'Einladung ohne Termin', en: 'invitation without a date' },
  'invitation-dated': { de: 'Einladung mit Termin: geplant', en: 'invitation with a date: planned' },
  'date-ahead': { de: 'Datum nach dem Artikel: geplant', en: 'date after the article: planned' },
  'date-past': { de: 'Datum vor dem Artikel', en: 'date before the article' },
  present: { de: 'Präsens: läuft', en: 'present tense: ongoing' },
  'headline-present': { de: 'Präsens einer Überschrift (schwach)', en: 'headline present tense (weak)' },
  'past-tense': { de: 'Vergangenheit', en: 'past tense' },
  'pronoun-antecedent': { de: 'Pronomen für das zuvor Genannte', en: 'pronoun for what was named before' },
  'same-meeting': { de: 'Datum des Treffens, zu dem der Satz sie zählt', en: 'date of the meeting the sentence puts them at' },
  'article-month': { de: 'kein eigenes Datum: Monat des Artikels', en: 'no date of its own: month of the article' },
  'call-told': { de: 'Gespräch berichtet', en: 'call reported' },
  'future-call': { de: 'Gespräch angekündigt', en: 'call announced' },
  'no-cue': { de: 'kein Hinweis im Satz', en: 'no cue in the sentence' },
  'explicit-year': { de: 'Jahr im Satz', en: 'year in the sentence' },
  'relative-year': { de: 'relatives Jahr', en: 'relative year' },
  'month-period': { de: 'Zeitraum innerhalb eines Jahres', en: 'period within a year' },
  'annual-total': { de: 'Jahressumme, Anfang des Folgejahres gemeldet', en: 'annual total reported early in the next year' },
  'publication-year': { de: 'Jahr des Artikels', en: 'year of the article' },
  'reference-year': { de: 'Bezugsjahr des Textes', en: 'reference year of the text' },
  'multi-year': { de: 'über mehrere Jahre: kein Jahr', en: 'over several years: no year' },
  recurring: { de: 'jährlich wiederkehrend: kein Jahr', en: 'recurring: no year' },
  cumulative: { de: 'Summe bis heute: kein Jahr', en: 'sum up to now: no year' },
  'no-year': { de: 'kein Jahr genannt', en: 'no year given' },
  'trade-cue': { de: 'Handel', en: 'trade' },
  'contract-cue': { de: 'Vertrag oder Geschäft', en: 'contract or deal' },
  'supply-deal': { de: 'Liefervereinbarung', en: 'supply deal' },
  'finance-cue': { de: 'Kredit, Fonds oder Investition', en: 'loan, fund or investment' },
  'target-cue': { de: 'Ziel oder Prognose', en: 'goal or forecast' },
  'balance-cue': { de: 'Überschuss oder Defizit', en: 'surplus or deficit' },
  'turnover-cue': { de: 'Börsenumsatz oder Umsatz, Gewinn, Verlust einer Firma', en: 'exchange turnover or a firm’s turnover, profit, loss' },
  'meta-file': { de: 'aus der Metadatei des Artikels', en: 'from the article’s meta file' },
  'stand-stamp': { de: '„Stand:“ der Seite', en: 'the page’s “Stand:” stamp' },
  'published-stamp': { de: 'Veröffentlichungsvermerk', en: 'publication stamp' },
  'date-line': { de: 'Datumszeile im Kopf', en: 'date line in the header' },
  'header-line': { de: 'Kopfzeile der Seite', en: 'header line of the page' },
  'crawl-header': { de: 'Monat aus dem Crawl-Kopf', en: 'month from the crawl header' },
  'occasion-estimate': { de: 'geschätzt aus datierten Ereignissen', en: 'estimated from dated occasions' },
  // how a quote's speaker was read (pipeline/README.md, "How a quote is found")
  named: { de: 'in der Zuschreibung genannt', en: 'named in the attribution' },
  several: { de: 'mehrere Sprecher zusammen: keiner', en: 'several speakers together: none' },
  office: { de: 'Amt → Amtsinhaber am Tag des Artikels', en: 'office → its holder on the article’s date' },
  'role-previous': { de: 'Rolle → der Sprecher davor', en: 'role → the speaker before' },
  'role-state': { de: 'Rolle → ihr Staat', en: 'role → its state' },
  pronoun: { de: 'Pronomen → zuvor Genannte(r)', en: 'pronoun → the person named before' },
  'pronoun-unresolved': { de: 'Pronomen ohne Bezug: keiner', en: 'pronoun without referent: none' },
  body: { de: 'Behörde → ihr Staat', en: 'official body → its state' },
  'body-previous': { de: 'Behörde → die zuvor genannte', en: 'official body → the one named before' },
  'source-state': { de: 'Angaben eines Staates', en: 'sources of a state' },
  'document-issuer': { de: 'Dokument → sein Herausgeber', en: 'document → its issuer' },
  document: { de: 'Dokument ohne Herausgeber: keiner', en: 'document without issuer: none' },
  medium: { de: 'Medium oder Firma: kein Akteur', en: 'medium or company: no actor' },
  unnamed: { de: 'ungenannte Quelle: keiner', en: 'unnamed source: none' },
  impersonal: { de: '„hieß es“: keiner', en: '“it was said”: none' },
  continuation: { de: 'setzt das Zitat davor fort', en: 'continues the quote before' },
  'continuation-subject': { de: 'setzt den Satz davor fort', en: 'continues the sentence before' },
  'own-statement': { de: '„nach eigenen Angaben“: Subjekt des Satzes', en: '“by its own account”: the clause’s subject' },
  surname: { de: 'Nachname einer zuvor genannten Person', en: 'surname of a person named before' },
}

/** The rule's name in the UI language, or its id. */
export function ruleName(rule: string, lang: Lang): string {
  return RULES[rule]?.[lang] ?? rule
}

/**
 * One line of explanation: "Datum: Mai 2024 – aus »am Donnerstag«, bezogen auf 16.05.2024 · Wochentag → Monat
 * des Artikels". `value` is the decided value as the UI shows it (null: undecided).
 */
export function explainDecision(what: Decided, value: string | null, decision: Decision, lang: Lang): string {
  const head = `${WHAT[what][lang]}${value ? `: ${value}` : ''}`
  const cue = decision.cue ? (lang === 'de' ? ` – aus »${decision.cue}«` : ` – from “${decision.cue}”`) : ''
  const against = decision.reference ? (lang === 'de' ? `, bezogen auf ${formatPublished(decision.reference, lang)}` : `, read against ${formatPublished(decision.reference, lang)}`) : ''
  return `${head}${cue}${against} · ${ruleName(decision.rule, lang)}`
}

/**
 * The word lists the synthetic corpus is built from: actors with their German forms, cities, outlets,
 * boilerplate. All sentences are written for this generator; none is taken from a corpus.
 */
import type { ActorKind } from '../../src/model/dataset.ts'

export interface SynthCountry {
  id: string
  name: string
  kind: 'country' | 'organization'
  /** Nominative as it stands in running text, with article where German needs one ("die USA"). */
  nom: string
  /** Dative/accusative after a preposition ("mit den USA" → "den USA"). */
  dat: string
  /** Genitive ("Russlands", "der USA"). */
  gen: string
  /** The part that is matched as the actor's name inside `nom`/`dat`/`gen` ("USA" in "die USA"). */
  core: { nom: string; dat: string; gen: string }
  /** Prefix of hyphenated compounds that name the actor ("US" in "US-Präsident"). */
  compound?: string
  /** A capital or seat that can stand for the state: nominative and genitive. */
  seat?: { nom: string; gen: string }
}

export interface SynthRole {
  /** Text before the role, e.g. "der chinesische" in "der chinesische Außenminister". */
  text: string
  /** A country named inside the role, counted as its mention: a genitive ("Chinas") or a compound part ("US", "Kreml"). */
  country?: { id: string; word: string }
  /** The rest of the role after the country word (" Präsident", "-Außenminister", "Kremlchef"). */
  rest: string
}

export interface SynthPerson {
  id: string
  name: string
  kind: 'person'
  surname: string
  surnameGen: string
  /** Which country the person acts for. */
  country: string
  /** Years in which the person appears in office. */
  years: readonly [number, number]
  roles: readonly SynthRole[]
}

export type SynthActor = SynthCountry | SynthPerson

const country = (
  id: string,
  name: string,
  forms: { nom?: string; dat?: string; gen?: string; core?: { nom: string; dat: string; gen: string } },
  extra: Partial<Pick<SynthCountry, 'compound' | 'seat' | 'kind'>> = {},
): SynthCountry => {
  const nom = forms.nom ?? name
  const gen = forms.gen ?? `${name}s`
  const dat = forms.dat ?? name
  const core = forms.core ?? { nom, dat, gen }
  return { id, name, kind: extra.kind ?? 'country', nom, dat, gen, core, compound: extra.compound, seat: extra.seat }
}

export const COUNTRIES: readonly SynthCountry[] = [
  country('russia', 'Russland', {}, { seat: { nom: 'Moskau', gen: 'Moskaus' } }),
  country('china', 'China', {}, { seat: { nom: 'Peking', gen: 'Pekings' }, compound: 'China' }),
  country(
    'usa',
    'USA',
    { nom: 'die USA', dat: 'den USA', gen: 'der USA', core: { nom: 'USA', dat: 'USA', gen: 'USA' } },
    { seat: { nom: 'Washington', gen: 'Washingtons' }, compound: 'US' },
  ),
  country('germany', 'Deutschland', {}),
  country(
    'ukraine',
    'Ukraine',
    { nom: 'die Ukraine', dat: 'der Ukraine', gen: 'der Ukraine', core: { nom: 'Ukraine', dat: 'Ukraine', gen: 'Ukraine' } },
    { seat: { nom: 'Kiew', gen: 'Kiews' }, compound: 'Ukraine' },
  ),
  country('kazakhstan', 'Kasachstan', {}),
  country('india', 'Indien', {}),
  country('uzbekistan', 'Usbekistan', {}),
  country(
    'nato',
    'NATO',
    { nom: 'die NATO', dat: 'der NATO', gen: 'der NATO', core: { nom: 'NATO', dat: 'NATO', gen: 'NATO' } },
    { kind: 'organization', compound: 'NATO' },
  ),
  country(
    'eu',
    'EU',
    { nom: 'die EU', dat: 'der EU', gen: 'der EU', core: { nom: 'EU', dat: 'EU', gen: 'EU' } },
    { kind: 'organization', compound: 'EU' },
  ),
]

const role = (text: string, rest: string, c?: SynthRole['country']): SynthRole => ({ text, rest, country: c })

export const PERSONS: readonly SynthPerson[] = [
  {
    id: 'putin', name: 'Wladimir Putin', kind: 'person', surname: 'Putin', surnameGen: 'Putins', country: 'russia',
    years: [2014, 2025],
    roles: [role('', 'Kremlchef'), role('', ' Präsident', { id: 'russia', word: 'Russlands' }), role('', 'Präsident')],
  },
  {
    id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', surname: 'Xi', surnameGen: 'Xis', country: 'china',
    years: [2014, 2025],
    roles: [role('', ' Staatschef', { id: 'china', word: 'Chinas' }), role('', 'Staats- und Parteichef'), role('', 'Präsident')],
  },
  {
    id: 'wang-yi', name: 'Wang Yi', kind: 'person', surname: 'Wang', surnameGen: 'Wangs', country: 'china',
    years: [2014, 2025],
    roles: [role('', ' Außenminister', { id: 'china', word: 'Chinas' }), role('der chinesische', 'Außenminister'), role('', 'Außenminister')],
  },
  {
    id: 'lawrow', name: 'Sergej Lawrow', kind: 'person', surname: 'Lawrow', surnameGen: 'Lawrows', country: 'russia',
    years: [2014, 2025],
    roles: [role('', ' Außenminister', { id: 'russia', word: 'Russlands' }), role('der russische', 'Außenminister'), role('', 'Außenminister')],
  },
  {
    id: 'blinken', name: 'Antony Blinken', kind: 'person', surname: 'Blinken', surnameGen: 'Blinkens', country: 'usa',
    years: [2021, 2024],
    roles: [role('', '-Außenminister', { id: 'usa', word: 'US' }), role('der amerikanische', 'Außenminister')],
  },
  {
    id: 'scholz', name: 'Olaf Scholz', kind: 'person', surname: 'Scholz', surnameGen: 'Scholz’', country: 'germany',
    years: [2021, 2025],
    roles: [role('', 'Bundeskanzler'), role('', 'Kanzler')],
  },
  {
    id: 'peskow', name: 'Dmitri Peskow', kind: 'person', surname: 'Peskow', surnameGen: 'Peskows', country: 'russia',
    years: [2014, 2025],
    roles: [role('', '-Sprecher', { id: 'russia', word: 'Kreml' }), role('', 'Kremlsprecher')],
  },
  {
    id: 'li-qiang', name: 'Li Qiang', kind: 'person', surname: 'Li', surnameGen: 'Lis', country: 'china',
    years: [2023, 2025],
    roles: [role('', ' Ministerpräsident', { id: 'china', word: 'Chinas' }), role('', 'Regierungschef')],
  },
  {
    id: 'selenskyj', name: 'Wolodymyr Selenskyj', kind: 'person', surname: 'Selenskyj', surnameGen: 'Selenskyjs',
    country: 'ukraine', years: [2019, 2025],
    roles: [role('der ukrainische', 'Präsident'), role('', 'Präsident')],
  },
  {
    id: 'tokajew', name: 'Kassym-Schomart Tokajew', kind: 'person', surname: 'Tokajew', surnameGen: 'Tokajews',
    country: 'kazakhstan', years: [2019, 2025],
    roles: [role('', ' Präsident', { id: 'kazakhstan', word: 'Kasachstans' })],
  },
]

export const ACTORS: readonly SynthActor[] = [...PERSONS, ...COUNTRIES]
export const ACTOR_BY_ID: ReadonlyMap<string, SynthActor> = new Map(ACTORS.map((a) => [a.id, a]))

export function countryById(id: string): SynthCountry {
  const c = ACTOR_BY_ID.get(id)
  if (!c || c.kind === 'person') throw new Error(`no country ${id}`)
  return c
}

export function actorKind(actor: SynthActor): ActorKind {
  return actor.kind
}

/** Cities visits go to, with the country that hosts them. */
export const CITIES: readonly { name: string; country: string }[] = [
  { name: 'Moskau', country: 'russia' },
  { name: 'Sankt Petersburg', country: 'russia' },
  { name: 'Wladiwostok', country: 'russia' },
  { name: 'Sotschi', country: 'russia' },
  { name: 'Peking', country: 'china' },
  { name: 'Shanghai', country: 'china' },
  { name: 'Hangzhou', country: 'china' },
  { name: 'Washington', country: 'usa' },
  { name: 'Berlin', country: 'germany' },
  { name: 'Hamburg', country: 'germany' },
  { name: 'Kiew', country: 'ukraine' },
  { name: 'Astana', country: 'kazakhstan' },
  { name: 'Neu-Delhi', country: 'india' },
  { name: 'Samarkand', country: 'uzbekistan' },
]

export const MONTHS = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
] as const

export const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'] as const

/** Seasons as written, with the month that starts them (the GUIDE's "season → start month, approx"). */
export const SEASONS: readonly { word: string; month: number }[] = [
  { word: 'Frühjahr', month: 3 },
  { word: 'Sommer', month: 6 },
  { word: 'Herbst', month: 9 },
]

/** How an outlet prints its date, which decides the gold `published` precision. */
export type DateStyle = 'stand' | 'store-month' | 'glued' | 'long-line' | 'broadcast' | 'header-slash' | 'numeric-line'

export interface SynthOutlet {
  domain: string
  dateStyle: DateStyle
  /** Printed name used in stamps ("Epoch Times26. April 2024"). */
  stamp: string
  urlPath: string
}

export const OUTLETS: readonly SynthOutlet[] = [
  { domain: 'tagesschau.de', dateStyle: 'stand', stamp: 'tagesschau', urlPath: 'ausland/asien' },
  { domain: 'de.rt.com', dateStyle: 'store-month', stamp: 'RT DE', urlPath: 'international' },
  { domain: 'epochtimes.de', dateStyle: 'glued', stamp: 'Epoch Times', urlPath: 'politik/welt' },
  { domain: 'n-tv.de', dateStyle: 'long-line', stamp: 'ntv', urlPath: 'politik' },
  { domain: 'deutschlandfunk.de', dateStyle: 'broadcast', stamp: 'Deutschlandfunk', urlPath: 'nachrichten' },
  { domain: 'nd-aktuell.de', dateStyle: 'header-slash', stamp: 'nd-aktuell.de', urlPath: 'artikel' },
  { domain: 'zdf.de', dateStyle: 'numeric-line', stamp: 'ZDF', urlPath: 'nachrichten/politik' },
]

export const AGENCIES = ['dpa', 'AFP', 'Reuters', 'AP', 'epd'] as const

/** Invented photographers for credit lines (never actors). */
export const PHOTOGRAPHERS = [
  'Anna Berger', 'Jonas Keller', 'Mira Hoffmann', 'Lukas Brandt', 'Sofia Lindner', 'Paul Richter', 'Lea Vogt',
] as const

export const NEWSLETTER_LINES = [
  'Newsletter abonnieren',
  'Die wichtigsten Nachrichten des Tages – jeden Morgen kostenlos in Ihrem Postfach.',
  'Jetzt anmelden',
] as const

export const COMMENT_RULES = [
  'Kommentare sind für diesen Artikel geschlossen.',
  'Bitte beachten Sie unsere Netiquette. Kommentare werden vor der Veröffentlichung geprüft.',
  'Leave a Reply',
] as const

/**
 * The body of one synthetic article: title, paragraphs of sentences, and what was planted in them
 * (actor mentions with offsets, visits and calls, money figures). Framing (date line, outlet
 * boilerplate) is added by frame.ts, so a wire copy can reuse the same body under another outlet.
 */
import type { EventStatus, FigureKind } from '../../src/model/dataset.ts'
import { Random } from './random.ts'
import { render, token } from './sentence.ts'
import type { Piece, Span, Token } from './sentence.ts'
import { CITIES, COUNTRIES, MONTHS, PERSONS, SEASONS, WEEKDAYS, countryById } from './vocabulary.ts'
import type { SynthCountry, SynthPerson } from './vocabulary.ts'

export interface PlantedEvent {
  kind: 'visit' | 'call'
  visitors: string[]
  hosts: string[]
  place: string | null
  /** Actor id of the host country. */
  country: string | null
  date: string | null
  approx: boolean
  status: EventStatus
  sentence: number
}

export interface PlantedFigure {
  value: number
  currency: string
  year: number | null
  kind: FigureKind
  sentence: number
  surface: string
}

export interface ArticleContent {
  /** Publication day "YYYY-MM-DD" (how precisely the page prints it is the frame's business). */
  published: string
  /** Counted sentences in reading order; index 0 is the title. */
  sentences: string[]
  /** Body paragraphs as sentence indexes (the title is not a paragraph). */
  paragraphs: number[][]
  /** Index of the photo caption sentence, when the article has one (a credit line follows it). */
  caption: number | null
  spans: Span[]
  events: PlantedEvent[]
  figures: PlantedFigure[]
  /** Dateline city of agency copy ("MOSKAU (dpa) – "): written before sentence 1, never a mention. */
  dateline: string | null
}

const FIRST_DAY = Date.UTC(2014, 0, 1)
const DAY_COUNT = Math.round((Date.UTC(2025, 11, 31) - FIRST_DAY) / 86_400_000) + 1
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))
const monthIso = (y: number, m: number): string => `${y}-${pad2(m)}`

interface Day {
  y: number
  m: number
  d: number
}

function addMonths(day: Day, months: number): Day {
  const total = day.y * 12 + (day.m - 1) + months
  return { y: Math.floor(total / 12), m: (total % 12) + 1, d: day.d }
}

const NUMBER_WORDS = ['', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf']

interface Amount {
  surface: string
  value: number
  currency: string
}

const CURRENCIES: readonly { iso: string; words: readonly string[] }[] = [
  { iso: 'USD', words: ['Dollar', 'US-Dollar'] },
  { iso: 'EUR', words: ['Euro'] },
  { iso: 'CNY', words: ['Yuan'] },
  { iso: 'RUB', words: ['Rubel'] },
]

/** Builds one article's body from its own random stream. */
class Composer {
  readonly sentences: string[] = []
  readonly paragraphs: number[][] = []
  readonly spans: Span[] = []
  readonly events: PlantedEvent[] = []
  readonly figures: PlantedFigure[] = []
  private readonly introduced = new Set<string>()
  readonly usedFillers = new Set<number>()
  readonly persons: SynthPerson[]

  constructor(
    readonly rng: Random,
    readonly day: Day,
  ) {
    this.persons = PERSONS.filter((p) => p.years[0] <= day.y && day.y <= p.years[1])
  }

  title(...pieces: Piece[]): void {
    this.sentences[0] = render(pieces, 0, this.spans)
  }

  paragraph(): void {
    this.paragraphs.push([])
  }

  say(...pieces: Piece[]): number {
    const index = this.sentences.length
    this.sentences.push(render(pieces, index, this.spans))
    const current = this.paragraphs[this.paragraphs.length - 1]
    if (current) current.push(index)
    else this.paragraphs.push([index])
    return index
  }

  // --- actor references -------------------------------------------------------------------

  /** A person in the nominative: full name (maybe with role) the first time, later mostly the surname. */
  ref(p: SynthPerson): Piece[] {
    if (!this.introduced.has(p.id)) {
      this.introduced.add(p.id)
      if (this.rng.chance(0.5)) {
        const role = this.rng.pick(p.roles)
        const lead: Piece[] = []
        if (role.text) lead.push(`${role.text} `)
        if (role.country) lead.push(token(role.country.id, role.country.word))
        lead.push(`${role.rest} `)
        return [...lead, token(p.id, p.name)]
      }
      return [token(p.id, p.name)]
    }
    return [token(p.id, this.rng.chance(0.75) ? p.surname : p.name)]
  }

  /** A short reference for titles: the surname. */
  short(p: SynthPerson): Token {
    return token(p.id, p.surname)
  }

  isIntroduced(p: SynthPerson): boolean {
    return this.introduced.has(p.id)
  }

  /** A country by its name, in the case the sentence needs ("die USA", "der Ukraine", "Russlands"). */
  country(c: SynthCountry, grammaticalCase: 'nom' | 'dat' | 'gen'): Piece[] {
    const full = c[grammaticalCase]
    const core = c.core[grammaticalCase]
    return [full.slice(0, full.length - core.length), token(c.id, core)]
  }

  /** A capital standing for its state, in subject or genitive position ("Peking kritisierte", "Moskaus"). */
  seat(c: SynthCountry, grammaticalCase: 'nom' | 'gen'): Token {
    if (!c.seat) throw new Error(`${c.id} has no seat`)
    return token(c.id, c.seat[grammaticalCase])
  }

  personOf(countryId: string, except: readonly string[] = []): SynthPerson | undefined {
    const candidates = this.persons.filter((p) => p.country === countryId && !except.includes(p.id))
    return candidates.length ? this.rng.pick(candidates) : undefined
  }

  anyPerson(except: readonly string[] = []): SynthPerson {
    const candidates = this.persons.filter((p) => !except.includes(p.id))
    return this.rng.pick(candidates.length ? candidates : this.persons)
  }

  // --- amounts -----------------------------------------------------------------------------

  amount(iso?: string): Amount {
    const rng = this.rng
    const currency = iso ? (CURRENCIES.find((c) => c.iso === iso) ?? CURRENCIES[0]!) : rng.weighted(CURRENCIES, [55, 20, 15, 10])
    const scale = rng.weighted(
      [
        { exp: 9, words: ['Milliarden', 'Mrd.'] },
        { exp: 6, words: ['Millionen', 'Mio.'] },
        { exp: 12, words: ['Billionen'] },
      ],
      [70, 25, currency.iso === 'RUB' || currency.iso === 'CNY' ? 10 : 0],
    )
    const unit = rng.pick(scale.words)
    const word = rng.pick(currency.words)
    if (rng.chance(0.1)) {
      const n = rng.int(2, 12)
      return { surface: `${NUMBER_WORDS[n]} ${unit} ${word}`, value: n * 10 ** scale.exp, currency: currency.iso }
    }
    const decimals = rng.chance(0.4) ? rng.int(1, 2) : 0
    const digits = rng.int(1, 300) * 10 ** decimals + (decimals ? rng.int(1, 10 ** decimals - 1) : 0)
    const text = String(digits)
    const number = decimals ? `${text.slice(0, text.length - decimals)},${text.slice(text.length - decimals)}` : text
    return {
      surface: `${number} ${unit} ${word}`,
      value: digits * 10 ** (scale.exp - decimals),
      currency: currency.iso,
    }
  }

  figure(sentence: number, amount: Amount, kind: FigureKind, year: number | null): void {
    this.figures.push({ value: amount.value, currency: amount.currency, year, kind, sentence, surface: amount.surface })
  }
}

// --- the pieces of an article -----------------------------------------------------------------

interface VisitPlan {
  visitor: SynthPerson
  host: SynthPerson | undefined
  city: { name: string; country: string }
}

function planVisit(c: Composer): VisitPlan {
  const travellers = c.persons.filter((p) => p.id !== 'peskow')
  const visitor = c.rng.weighted(travellers, travellers.map((p) => (p.country === 'russia' || p.country === 'china' ? 3 : 1)))
  const cities = CITIES.filter((city) => city.country !== visitor.country)
  const city = c.rng.weighted(cities, cities.map((x) => (x.country === 'russia' || x.country === 'china' ? 4 : 1)))
  return { visitor, host: c.personOf(city.country, ['peskow']), city }
}

function dateWords(day: Day): string {
  return `${day.d}. ${MONTHS[day.m - 1]} ${day.y}`
}

/** States a visit with one of the status wordings; returns the planted event. */
function sayVisit(c: Composer, plan: VisitPlan, status: EventStatus): void {
  const { rng, day } = c
  const { visitor, host, city } = plan
  const base = { kind: 'visit' as const, visitors: [visitor.id], place: city.name, country: city.country }
  const month = monthIso(day.y, day.m)
  if (status === 'happened') {
    const form = rng.int(0, host ? 3 : 1)
    if (form === 0) {
      const s = c.say(c.ref(visitor), ` ist am ${rng.pick(WEEKDAYS)} zu einem Staatsbesuch in ${city.name} eingetroffen.`)
      c.events.push({ ...base, hosts: [], date: month, approx: false, status, sentence: s })
    } else if (form === 1) {
      const s = c.say(c.ref(visitor), ` ist zu einem zweitägigen Besuch in ${city.name} eingetroffen.`)
      c.events.push({ ...base, hosts: [], date: month, approx: false, status, sentence: s })
    } else if (form === 2 && host) {
      const back = addMonths(day, -rng.int(1, 14))
      const when = { ...back, d: rng.int(1, 28) }
      const s = c.say(`Am ${dateWords(when)} empfing `, c.ref(host), ' ', c.ref(visitor), ` in ${city.name}.`)
      const date = `${monthIso(when.y, when.m)}-${pad2(when.d)}`
      c.events.push({ ...base, hosts: [host.id], date, approx: false, status, sentence: s })
    } else if (host) {
      const s = c.say(c.ref(host), ' hat ', c.ref(visitor), ` am ${rng.pick(WEEKDAYS)} in ${city.name} empfangen.`)
      c.events.push({ ...base, hosts: [host.id], date: month, approx: false, status, sentence: s })
    }
    return
  }
  if (status === 'ongoing') {
    if (host && rng.chance(0.6)) {
      const s = c.say(c.ref(host), ' empfängt heute ', c.ref(visitor), ` in ${city.name}.`)
      c.events.push({ ...base, hosts: [host.id], date: month, approx: false, status, sentence: s })
    } else {
      const s = c.say(c.ref(visitor), ` nimmt derzeit an einem Gipfeltreffen in ${city.name} teil.`)
      c.events.push({ ...base, hosts: [], date: month, approx: false, status, sentence: s })
    }
    return
  }
  if (status === 'planned') {
    const ahead = addMonths(day, rng.int(1, 10))
    const form = rng.int(0, host ? 2 : 1)
    if (form === 0) {
      const s = c.say(c.ref(visitor), ` will im ${MONTHS[ahead.m - 1]} ${ahead.y} nach ${city.name} reisen.`)
      c.events.push({ ...base, hosts: [], date: monthIso(ahead.y, ahead.m), approx: false, status, sentence: s })
    } else if (form === 1) {
      const season = rng.pick(SEASONS)
      const year = day.y + 1
      const s = c.say(`Im ${season.word} ${year} will `, c.ref(visitor), ` ${city.name} besuchen.`)
      c.events.push({ ...base, hosts: [], date: monthIso(year, season.month), approx: true, status, sentence: s })
    } else if (host) {
      const when = { ...ahead, d: rng.int(1, 28) }
      const s = c.say(c.ref(visitor), ` wird am ${dateWords(when)} zu Gesprächen mit `, c.ref(host), ` in ${city.name} erwartet.`)
      const date = `${monthIso(when.y, when.m)}-${pad2(when.d)}`
      c.events.push({ ...base, hosts: [host.id], date, approx: false, status, sentence: s })
    }
    return
  }
  // invited: an invitation without a date
  if (host) {
    const s = c.say(c.ref(host), ' lud ', c.ref(visitor), ` zu einem Besuch nach ${city.name} ein.`)
    c.events.push({ ...base, hosts: [host.id], date: null, approx: false, status, sentence: s })
  } else {
    const s = c.say(c.ref(visitor), ` hat eine Einladung zu einem Besuch in ${city.name} erhalten.`)
    c.events.push({ ...base, hosts: [], date: null, approx: false, status, sentence: s })
  }
}

function planCall(c: Composer): [SynthPerson, SynthPerson] {
  const callers = c.persons.filter((p) => p.id !== 'peskow')
  const a = c.rng.weighted(callers, callers.map((p) => (p.id === 'putin' || p.id === 'xi-jinping' ? 4 : 1)))
  const others = c.persons.filter((p) => p.country !== a.country && p.id !== 'peskow')
  return [a, c.rng.pick(others)]
}

function sayCall(c: Composer, a: SynthPerson, b: SynthPerson): void {
  const month = monthIso(c.day.y, c.day.m)
  const s = c.rng.chance(0.6)
    ? c.say(c.ref(a), ` telefonierte am ${c.rng.pick(WEEKDAYS)} mit `, c.ref(b), '.')
    : c.say('In einem Videotelefonat beriet ', c.ref(a), ' mit ', c.ref(b), ' über die Lage in der Region.')
  c.events.push({ kind: 'call', visitors: [a.id], hosts: [b.id], place: null, country: null, date: month, approx: false, status: 'happened', sentence: s })
}

const RUSSIA = countryById('russia')
const CHINA = countryById('china')
const USA = countryById('usa')
const UKRAINE = countryById('ukraine')
const NATO = countryById('nato')
const EU = countryById('eu')
const GERMANY = countryById('germany')

/** One sentence citing trade or contract money; some carry a converted amount in parentheses. */
function sayFigure(c: Composer): void {
  const { rng, day } = c
  const form = rng.int(0, 6)
  if (form === 0) {
    const year = rng.int(Math.max(2013, day.y - 4), day.y - 1)
    const a = c.amount('USD')
    const s = c.say('Der Handel zwischen ', c.country(RUSSIA, 'dat'), ' und ', c.country(CHINA, 'dat'), ` erreichte im Jahr ${year} ein Volumen von ${a.surface}.`)
    c.figure(s, a, 'trade_volume', year)
    if (rng.chance(0.4)) c.say(`Das entspricht einem Plus von ${rng.int(2, 40)},${rng.int(1, 9)} Prozent.`)
  } else if (form === 1) {
    const a = c.amount()
    const s = c.say(`Im vergangenen Jahr stieg das bilaterale Handelsvolumen auf ${a.surface}.`)
    c.figure(s, a, 'trade_volume', day.y - 1)
  } else if (form === 2) {
    const year = day.y + rng.int(1, 6)
    const a = c.amount('USD')
    const s = c.say(`Bis ${year} wollen beide Länder den Handel auf ${a.surface} steigern.`)
    c.figure(s, a, 'trade_target', year)
  } else if (form === 3) {
    const year = day.y + rng.int(1, 4)
    const a = c.amount()
    const s = c.say(`Angestrebt werden ${a.surface} bis ${year}, hieß es aus Regierungskreisen.`)
    c.figure(s, a, 'trade_target', year)
  } else if (form === 4) {
    const year = day.y
    const a = c.amount()
    const s = c.say(`Im Jahr ${year} unterzeichneten Unternehmen beider Länder Verträge im Wert von ${a.surface}.`)
    c.figure(s, a, 'contract', year)
  } else if (form === 5) {
    const native = c.amount(rng.pick(['CNY', 'RUB']))
    const converted = c.amount('EUR')
    const years = rng.int(10, 30)
    const s = c.say(`Der Liefervertrag über ${years} Jahre hat einen Wert von ${native.surface} (umgerechnet etwa ${converted.surface}).`)
    c.figure(s, native, 'contract', null)
    c.figure(s, converted, 'contract', null)
  } else {
    const year = rng.int(Math.max(2013, day.y - 3), day.y - 1)
    const a = c.amount()
    const s = c.say('Die Exporte aus ', c.country(RUSSIA, 'dat'), ' nach ', c.country(CHINA, 'dat'), ` beliefen sich ${year} auf ${a.surface}.`)
    c.figure(s, a, 'trade_volume', year)
  }
}

type Filler = (c: Composer) => void

/** Sentences that carry mentions (or deliberately none), but no event and no figure. */
const FILLERS: readonly Filler[] = [
  (c) => void c.say(c.seat(CHINA, 'nom'), ' kritisierte die westlichen Sanktionen als einseitig.'),
  (c) => void c.say('Die Beziehungen zwischen ', c.seat(RUSSIA, 'nom'), ' und ', c.seat(CHINA, 'nom'), ' gelten als so eng wie seit Jahrzehnten nicht.'),
  (c) => void c.say(c.country(CHINA, 'nom'), ' ist inzwischen der wichtigste Handelspartner ', c.seat(RUSSIA, 'gen'), '.'),
  (c) => void c.say('Wie der ', token('russia', 'Kreml'), ' mitteilte, sollen die Gespräche im kleinen Kreis fortgesetzt werden.'),
  (c) => {
    const peskow = c.persons.find((p) => p.id === 'peskow')
    if (peskow) c.say(c.ref(peskow), ' sagte, man sehe keinen Grund zur Eile.')
  },
  (c) => void c.say(c.country(NATO, 'nom'), ' beobachtet die Annäherung der beiden Länder mit Sorge.'),
  (c) => void c.say('Auch ', c.country(EU, 'nom'), ' äußerte sich zurückhaltend.'),
  (c) => void c.say('Beobachter sehen darin ein Signal an den Westen.'),
  (c) => void c.say('Die russische Regierung hat sich dazu bislang nicht geäußert.'),
  (c) => void c.say('Die chinesische Seite sprach von einem „neuen Kapitel“ der Zusammenarbeit.'),
  (c) => void c.say('Experten erwarten, dass ', c.country(USA, 'nom'), ' ihre Politik gegenüber ', c.seat(CHINA, 'nom'), ' überprüfen.'),
  (c) => void c.say('Seit Beginn des ', token('ukraine', 'Ukraine'), '-Kriegs hat sich der Handel stark nach Osten verschoben.'),
  (c) => {
    const p = c.anyPerson(['peskow'])
    c.say('„Unsere Zusammenarbeit richtet sich gegen niemanden“, sagte ', c.ref(p), '.')
  },
  (c) => void c.say(c.ref(c.anyPerson(['peskow'])), ' sprach von einer Partnerschaft, die auf gegenseitigem Respekt beruhe.'),
  (c) => void c.say(c.country(RUSSIA, 'nom'), ' und ', c.country(CHINA, 'nom'), ' wollen ihre Zusammenarbeit in der Energiepolitik vertiefen.'),
  (c) => void c.say('Im Mittelpunkt der Gespräche standen Fragen der Energieversorgung und der Logistik.'),
  (c) => void c.say('Ein gemeinsames Abschlussdokument soll in den kommenden Tagen veröffentlicht werden.'),
  (c) => void c.say('Die Lage in ', c.country(UKRAINE, 'dat'), ' spielte nach Angaben von Diplomaten ebenfalls eine Rolle.'),
  (c) => void c.say(c.seat(USA, 'nom'), ' reagierte mit Kritik auf die Pläne.'),
  (c) => void c.say(c.country(GERMANY, 'nom'), ' verfolgt die Entwicklung nach Angaben aus Regierungskreisen aufmerksam.'),
  (c) => void c.say('Die Gasleitung durch Sibirien liefert seit Jahren Gas nach ', c.country(CHINA, 'dat'), '.'),
  (c) => void c.say('Der Rubel und der Yuan ersetzen im bilateralen Handel zunehmend den Dollar.'),
  (c) => void c.say('In ', c.country(countryById('kazakhstan'), 'dat'), ' und ', c.country(countryById('uzbekistan'), 'dat'), ' wächst unterdessen der Einfluss beider Mächte.'),
  (c) => {
    const p = c.persons.find((x) => c.isIntroduced(x) && x.id !== 'peskow' && x.surnameGen.endsWith('s'))
    if (p) c.say(token(p.id, p.surnameGen), ' Sprecher kündigte weitere Gespräche an.')
    else c.say('Weitere Gespräche sollen folgen.')
  },
  (c) => void c.say('Die ', token('china', 'Volksrepublik'), ' setzt dabei auf langfristige Lieferverträge.'),
  (c) => void c.say('Der Kremlsprecher wollte sich zu Einzelheiten nicht äußern.'),
  (c) => void c.say('Die Regierung in ', 'Peking', ' betonte, man verfolge keine Blockpolitik.'),
  (c) => void c.say('Ein Chinabesuch des russischen Präsidenten gilt in Moskau als wahrscheinlich.'),
  (c) => void c.say(`Am ${c.rng.pick(WEEKDAYS)} kamen in ${c.rng.pick(CITIES).name} Fachleute beider Regierungen zusammen.`),
  (c) => void c.say(`Nach Angaben von Teilnehmern dauerten die Gespräche mehr als ${NUMBER_WORDS[c.rng.int(2, 9)]} Stunden.`),
  (c) => void c.say(c.country(RUSSIA, 'nom'), ' liefert inzwischen mehr Öl an ', c.country(CHINA, 'nom'), ' als jemals zuvor.'),
  (c) => void c.say(`Der Anteil des Yuan an den Zahlungen liegt nach offiziellen Angaben bei ${c.rng.int(10, 90)} Prozent.`),
  (c) => void c.say('Kritiker werfen ', c.seat(CHINA, 'nom'), ' vor, den Krieg indirekt zu unterstützen.'),
  (c) => void c.say(c.country(countryById('india'), 'nom'), ' hält sich in dem Konflikt weiterhin bedeckt.'),
  (c) => void c.say('Auch in Berlin wird die Entwicklung genau verfolgt.'),
  (c) => void c.say('Die Sanktionen ', c.country(EU, 'gen'), ' treffen vor allem den Finanzsektor.'),
  (c) => void c.say('Beide Seiten vereinbarten, den Austausch von Studierenden auszuweiten.'),
  (c) => void c.say('Ein Termin für das nächste Treffen steht noch nicht fest.'),
  (c) => void c.say('Die Gespräche fanden nach Angaben von Teilnehmern in freundlicher Atmosphäre statt.'),
  (c) => void c.say('Das Außenministerium in Moskau bestätigte den Ablauf.'),
  (c) => void c.say('Westliche Diplomaten reagierten zurückhaltend auf die gemeinsame Erklärung.'),
  (c) => void c.say('Die Zusammenarbeit ', c.country(NATO, 'gen'), ' mit Partnern in Asien soll ausgebaut werden.'),
  (c) => void c.say('Analysten in Hongkong rechnen mit weiteren Abkommen im Energiesektor.'),
  (c) => void c.say(c.country(RUSSIA, 'gen'), ` Wirtschaft ist seit ${c.rng.int(2014, c.day.y)} stärker auf asiatische Märkte ausgerichtet.`),
  (c) => void c.say(c.country(CHINA, 'gen'), ' Führung betont stets, in dem Konflikt neutral zu sein.'),
  (c) => void c.say('Die Zahl der Grenzübergänge zwischen beiden Ländern soll bis zum Jahresende steigen.'),
  (c) => void c.say('Der Güterverkehr auf der Schiene hat sich in den vergangenen Jahren mehr als verdoppelt.'),
  (c) => void c.say('Russische Banken weichen zunehmend auf Zahlungen in Yuan aus.'),
  (c) => void c.say('Auf einer Pressekonferenz wurden keine Fragen zugelassen.'),
]

/** Picks a filler this article has not used yet (a page rarely repeats a sentence). */
function filler(c: Composer): void {
  for (let attempt = 0; attempt < 6; attempt++) {
    const i = c.rng.int(0, FILLERS.length - 1)
    if (c.usedFillers.has(i)) continue
    c.usedFillers.add(i)
    FILLERS[i]!(c)
    return
  }
  c.say('Weitere Einzelheiten wurden zunächst nicht bekannt.')
}

type Topic = 'visit' | 'call' | 'trade' | 'general'

/** Generates the body of an article from its own random stream. */
export function composeContent(seed: number): ArticleContent {
  const rng = new Random(seed)
  const serial = rng.int(0, DAY_COUNT - 1)
  const date = new Date(FIRST_DAY + serial * 86_400_000)
  const day: Day = { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() }
  const c = new Composer(rng, day)
  c.sentences.push('')

  const topic = rng.weighted<Topic>(['visit', 'call', 'trade', 'general'], [45, 15, 25, 15])
  const dateline = rng.chance(0.2) ? rng.pick(['MOSKAU', 'PEKING', 'Moskau', 'Peking']) : null

  // Title and lead
  c.paragraph()
  if (topic === 'visit') {
    const plan = planVisit(c)
    const status = rng.weighted<EventStatus>(['happened', 'ongoing', 'planned', 'invited'], [45, 20, 25, 10])
    const headline: Record<EventStatus, Piece[]> = {
      happened: [c.short(plan.visitor), ` zu Besuch in ${plan.city.name}`],
      ongoing: [c.short(plan.visitor), ` zu Gesprächen in ${plan.city.name}`],
      planned: [c.short(plan.visitor), ` plant Reise nach ${plan.city.name}`],
      invited: [`Einladung nach ${plan.city.name} für `, c.short(plan.visitor)],
    }
    c.title(headline[status])
    sayVisit(c, plan, status)
  } else if (topic === 'call') {
    const [a, b] = planCall(c)
    c.title(c.short(a), ' und ', c.short(b), ' sprechen am Telefon')
    sayCall(c, a, b)
  } else if (topic === 'trade') {
    c.title('Handel zwischen ', c.country(RUSSIA, 'dat'), ' und ', c.country(CHINA, 'dat'), ' wächst weiter')
    sayFigure(c)
  } else {
    c.title(c.seat(RUSSIA, 'nom'), ' und ', c.seat(CHINA, 'nom'), ' rücken enger zusammen')
    filler(c)
  }
  filler(c)

  // Further paragraphs: mostly context, sometimes a second event or more money.
  const paragraphCount = rng.int(5, 9)
  for (let p = 0; p < paragraphCount; p++) {
    c.paragraph()
    const sentenceCount = rng.int(2, 5)
    for (let s = 0; s < sentenceCount; s++) {
      const roll = rng.next()
      if (roll < (topic === 'trade' ? 0.15 : 0.04)) sayFigure(c)
      else if (roll < 0.07 && c.events.length < 3) sayVisit(c, planVisit(c), rng.pick(['planned', 'invited', 'happened'] as const))
      else if (roll < 0.08 && c.events.length < 3) sayCall(c, ...planCall(c))
      else filler(c)
    }
  }

  // A photo caption counts (its credit line does not).
  let caption: number | null = null
  if (rng.chance(0.35)) {
    c.paragraph()
    const a = c.anyPerson(['peskow'])
    const b = c.anyPerson(['peskow', a.id])
    caption = c.say(token(a.id, a.name), ' und ', token(b.id, b.name), ` bei einem Treffen im Jahr ${rng.int(2014, day.y)} (Archivbild).`)
  }

  const published = `${monthIso(day.y, day.m)}-${pad2(day.d)}`
  return {
    published,
    sentences: c.sentences,
    paragraphs: c.paragraphs.filter((p) => p.length > 0),
    caption,
    spans: c.spans,
    events: c.events,
    figures: c.figures,
    dateline,
  }
}

/** All actors the generator can plant, for the dataset's actor list. */
export const SYNTH_ACTORS = [...PERSONS, ...COUNTRIES]

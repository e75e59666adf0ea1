/** People on no list, discovered from role nouns and speech verbs ("Außenminister Qin Gang", "sagte Hoo Tiang Boon"). */
import { findRaw } from './extract-actors.ts'
import { isEastAsianName } from './actor-registry.ts'
import type { ActorMatcher } from './actor-registry.ts'
import { countryOfRole, nationalityTable } from './nationality.ts'
import type { Nationality, NationalityTable } from './nationality.ts'
import { NAME, ROLE, ROLE_GROUP, SPEECH, closesName, listMembers, matchesAt, roleStarts, statesInOrder } from './discover-names.ts'
import type { Consider } from './discover-names.ts'
import type { Decision } from '../../../src/model/dataset.ts'
import type { Sentence } from '../types.ts'

// ---------------------------------------------------------------- discovery of people

const ROLE_NAME = new RegExp(`(?<![\\p{L}])${ROLE_GROUP},?\\s+${NAME}`, 'yud')
const SPEECH_NAME = new RegExp(`(?<![\\p{L}])${SPEECH}\\s+${NAME}(?=\\s*[,.;:)]|\\s*$)`, 'gud')
/**
 * A role with a complement before the name: "der Sprecher des Handelsministeriums, He Yadong", "der
 * Präsident von Kasachstan, …", "der Botschafter in China, …", "der Präsident Tadschikistans, …".
 */
const ROLE_OF_NAME = new RegExp(
  `(?<![\\p{L}])${ROLE_GROUP}\\s+(?:(?:des|der|von|in|im|bei|beim|für|an|am)\\s+(?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+|\\p{Lu}[\\p{L}-]*s),\\s+${NAME}(?=\\s*[,.;:)]|\\s*$)`,
  'yud',
)
/** A role of a state named right before the name, without a comma: "der Präsident der Mongolei Max Muster". */
const ROLE_OF_STATE_NAME = new RegExp(`(?<![\\p{L}])${ROLE_GROUP}\\s+(?:des|der|von)\\s+(?<state>\\p{Lu}[\\p{L}-]*)\\s+${NAME}`, 'yud')
/**
 * A name with an apposition that gives its role: "Gennadi Probow, einer der wichtigsten Aktionäre",
 * "Max Muster, der frühere Botschafter". Words before the name that cannot be part of one are cut off.
 */
const NAME_APPOSITION = new RegExp(
  `(?<![\\p{L}])${NAME},\\s+(?:(?:der|die|ein|eine|einer\\s+der|eine\\s+der)\\s+)(?:\\p{Ll}[\\p{L}-]*\\s+){0,3}${ROLE_GROUP}(?![\\p{L}])`,
  'gud',
)
/** An apposition after a name that gives its role: "…, der iranische Präsident", "…, Präsident Kasachstans". */
const APPOSITION_ROLE = new RegExp(`^,\\s+(?<lead>(?:(?:der|die|ein|eine)\\s+)?(?:\\p{Ll}[\\p{L}-]*\\s+){0,3})${ROLE_GROUP}(?![\\p{L}])`, 'u')

/**
 * What every NAME cannot be without: two capitalized tokens in a row (each token, or its part after a
 * hyphen, is a capital and small letters). A sentence without it names no one new; about two in five.
 */
const TWO_NAME_TOKENS = /\p{Lu}[\p{Ll}\p{M}'’-]+\s+\p{Lu}[\p{Ll}\p{M}'’-]/u

/** Capitalized words that are never part of a person's name. */
const NOT_NAME_WORDS = new Set(
  (
    'Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Wir Ihr Ich Man Dieser Diese Dieses Jener Am Im In Zu Zum Zur Bei Mit Nach Von Vor Auf Aus Für Über Unter Und Oder Aber Doch Denn Dass Als Wie Wenn Auch Noch Nur Schon Nun Dann Damit Dabei Dazu Zudem Laut Seit Bis Gegen Ohne Um Durch So Es ' +
    // words that open a German sentence or clause: "Weil Max Muster, der …" names Max Muster
    'Weil Obwohl Während Nachdem Da Trotzdem Deshalb Daher Deswegen Außerdem Jedoch Allerdings Inzwischen Dennoch Bereits Zwar Ob Sobald Bevor Seitdem Damals Heute Gestern Morgen Jetzt Hier Dort Dies Jedes Alle Beide Viele Einige Manche Mehrere Sein Seine Ihre Unser Erst Später Zuvor Danach Darauf Darüber Dafür Dagegen Deren Dessen Welche Welcher Was Wer Wo Warum Sowohl Weder Entweder Nicht Kein Keine ' +
    'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni Juli August September Oktober November Dezember ' +
    'Präsident Präsidenten Minister Ministerin Kanzler Kanzlerin Regierung Regierungschef Staatschef Parteichef Chef Sprecher Außenminister Verteidigungsminister Ministerpräsident Premierminister Botschafter Berater Generalsekretär ' +
    'Reuters Agentur Nachrichtenagentur Interfax Tass Xinhua Bloomberg Sputnik Nowosti Kommersant Zeitung Sender Fernsehen ' +
    'Staats Partei Volkes Staaten Union Republik Volksrepublik Föderation Kommunistischen Partei Rat Sicherheitsrat Hochschule Universität Institut University Technological College School Center Centre Institute ' +
    'Westen Osten Norden Süden Europa Asien Afrika Amerika Welt Land Länder Landes Seite Seiten ' +
    // first words of place names: "Sankt Petersburg", "Nord Stream", "Neu Delhi"
    'Sankt Saint Neu Nord Süd Ost West ' +
    'Radio Free Europe Liberty Global Times Post Journal Daily News Press Media Network Channel Television TV Agency Zeitung Magazin Wall Street New York Morning Herald Tribune Review Observer Guardian Economist Financial Foreign Affairs Policy ' +
    // words of company names, never of a person's: "Gazprom Neft", "Huawei Technologies", "Deutsche Bank"
    'Bank Group Holding Holdings Investment Investments Capital Energy Oil Gas Petroleum Technologies Technology Motors Airlines Airways Partners Fund Fonds Konzern AG GmbH SE Inc Corp Corporation Company Industries Industry Systems Electric Electronics Mobile Telecom Neft Stream Power Steel Mining Resources Solutions International Trading Logistics Shipping Chemical Pharma Automotive Aerospace Railway Railways'
  ).split(/\s+/),
)
/** Word endings of German common nouns: never a name. */
const NOUN_ENDINGS = /(?:ung|ungen|heit|keit|schaft|tion|ismus|ität|tät|nis|ment|ie|ien|chen|lein|ern|isch|ische|ischen|ischer|nahme)$/
/** Media, agencies and the like: never people. */
const MEDIA = /\b(?:Reuters|dpa|AFP|AP|Tass|TASS|Xinhua|CCTV|Interfax|Bloomberg|BBC|CNN|RIA|Sputnik|NHK|ARD|ZDF|RT|Getty|Kyodo|Yonhap|Nowosti)\b/

export interface DiscoveredPerson {
  name: string
  sentence: number
  /**
   * The state the same phrase gives the person (actor id): "Indiens Premier …", "die brasilianische
   * Präsidentin …", "US-Außenminister …", "…, der iranische Präsident". Absent when the text does not say.
   */
  country?: string
  /** How `country` was read: { rule: 'nationality-adjective', cue: 'die brasilianische Präsidentin', reference: null }. */
  countryFrom?: Decision
  /** A registry person this is another spelling of ("Sergei Lavrow" for Sergej Lawrow): the id. */
  sameAs?: string
}

/** A registry form that names someone or something outright (not a surname shared by several people). */
function isKnownForm(token: string, matcher: ActorMatcher): boolean {
  const targets = matcher.forms.get(token)
  return targets !== undefined && targets.some((t) => !t.needsFull)
}

/** A role noun on its own ("Bundeskanzler", "Außenministerin"): never part of a name. */
const ROLE_WORD = new RegExp(`^${ROLE}$`, 'u')

/** Whether a registry person's full name ("Wang Yi") stands at a word boundary inside the candidate. */
function containsKnownFullName(name: string, matcher: ActorMatcher): boolean {
  const sentence: Sentence = { index: 0, text: name, paragraph: 0 }
  return findRaw([sentence], matcher).some((r) => /\s/.test(r.surface) && r.targets.some((t) => matcher.byId.get(t.actorId)?.kind === 'person'))
}

function validName(name: string, matcher: ActorMatcher): boolean {
  const tokens = name.split(/\s+/)
  if (tokens.length < 2 || tokens.length > 4) return false
  if (MEDIA.test(name)) return false
  if (matcher.forms.has(name) || containsKnownFullName(name, matcher)) return false
  for (const t of tokens) {
    if (NOT_NAME_WORDS.has(t) || isKnownForm(t, matcher) || ROLE_WORD.test(t)) return false
    if (t.length > 3 && NOUN_ENDINGS.test(t)) return false
    if (t.length > 14) return false
  }
  return true
}

/**
 * Trims a name candidate to the tokens that can be a name. A third or fourth token is kept only
 * for short (East Asian style) names or when punctuation closes the name: in "traf Max Muster
 * Vertreter der …" the noun after the name is not part of it.
 */
function trimName(candidate: string, closed: boolean, matcher: ActorMatcher): string {
  const kept: string[] = []
  for (const t of candidate.split(/\s+/)) {
    // "Olaf" before "Scholz" is a known person's first name, not a new person
    if (isKnownForm(t, matcher) && matcher.forms.get(t)?.some((x) => matcher.byId.get(x.actorId)?.kind === 'person')) return ''
    if (NOT_NAME_WORDS.has(t) || isKnownForm(t, matcher) || (t.length > 3 && NOUN_ENDINGS.test(t))) break
    kept.push(t)
  }
  const short = kept.every((t) => t.length <= 6)
  return kept.length > 2 && !(short || (closed && kept.length === candidate.split(/\s+/).length)) ? kept.slice(0, 2).join(' ') : kept.join(' ')
}

/** The state of a person from the role before the name, or else from an apposition after it. */
function countryOf(text: string, m: RegExpExecArray, table: NationalityTable): Nationality | undefined {
  const role = m.indices?.groups?.role
  const name = m.indices?.groups?.name
  if (!name) return undefined
  if (role) {
    const id = countryOfRole(text.slice(0, role[0]), text.slice(role[0], role[1]), text.slice(role[1], name[0]), table)
    if (id) return id
  }
  const apposition = APPOSITION_ROLE.exec(text.slice(name[1]))
  const appositionRole = apposition?.groups?.role
  if (!apposition || appositionRole === undefined) return undefined
  const roleAt = apposition.index + apposition[0].length - appositionRole.length
  const rest = text.slice(name[1])
  return countryOfRole(rest.slice(0, roleAt), appositionRole, rest.slice(roleAt + appositionRole.length), table)
}

/**
 * A name's letters as German and English transliterations of the same Russian or Ukrainian name share them
 * (not for pinyin or Korean names, which German and English write alike):
 * "Sergej Lawrow", "Sergey Lavrov", "Sergei Lawrow" → "sergei lavrov"; "Dmitrij"/"Dmitry" → "dmitri".
 */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/tsch/g, 'ch')
    .replace(/sch|zh/g, 'sh')
    .replace(/kh|ch/g, 'h')
    .replace(/ts|z/g, 's')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/x/g, 'ks')
    .replace(/ck|c/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/(.)\1+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Skeletons of single words, kept across articles (names and capitalised nouns repeat); cleared when large. */
const wordSkeletons = new Map<string, string>()
function wordSkeleton(word: string): string {
  let key = wordSkeletons.get(word)
  if (key === undefined) {
    if (wordSkeletons.size > 50_000) wordSkeletons.clear()
    key = nameSkeleton(word)
    wordSkeletons.set(word, key)
  }
  return key
}

interface SkeletonIndex {
  /** Full-name skeleton → the one registry person with it. */
  full: Map<string, string>
  /** Skeletons of the first words of those names: a pair of words is looked up only when its first word has one. */
  firsts: Set<string>
}
const skeletonIndexes = new WeakMap<ActorMatcher, SkeletonIndex>()
function skeletonIndex(matcher: ActorMatcher): SkeletonIndex {
  let index = skeletonIndexes.get(matcher)
  if (!index) {
    const full = new Map<string, string>()
    const ambiguous = new Set<string>()
    for (const e of matcher.registry) {
      // pinyin and Korean names are written alike in German and English ("Wang Yi" and "Wang Ji" are two names)
      if (e.kind !== 'person' || e.sameAs !== undefined || isEastAsianName(e.name)) continue
      for (const form of [e.name, ...e.aliases].filter((f) => /\s/.test(f))) {
        const key = nameSkeleton(form)
        if (full.has(key) && full.get(key) !== e.id) ambiguous.add(key)
        else full.set(key, e.id)
      }
    }
    for (const key of ambiguous) full.delete(key)
    index = { full, firsts: new Set([...full.keys()].map((k) => k.split(' ')[0] ?? '')) }
    skeletonIndexes.set(matcher, index)
  }
  return index
}

/** The registry person whose full name has the candidate's skeleton (one person only), if any. */
function variantOf(name: string, matcher: ActorMatcher): string | undefined {
  return skeletonIndex(matcher).full.get(nameSkeleton(name))
}

const ONLY_SPACE = /^\s+$/
/** A capitalised word (a hyphenated first name too): the words a two-word name is made of. */
const CAPITALISED_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?(?![\p{L}\p{N}])/gu

/**
 * Two words in a row that spell a registry person's full name another way ("Sergei Lavrow", "Dmitry
 * Medwedew"), with no role or speech verb before them: the spelling counts for that person.
 */
function otherSpellings(text: string, matcher: ActorMatcher): { name: string; sameAs: string }[] {
  const index = skeletonIndex(matcher)
  const out: { name: string; sameAs: string }[] = []
  let previous: string | undefined
  let previousEnd = 0
  const re = CAPITALISED_WORD
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0]
    const start = m.index
    // the word before may begin a registry name (its skeleton is kept), and only spaces stand between them
    if (previous !== undefined) {
      const first = wordSkeleton(previous)
      if (index.firsts.has(first) && ONLY_SPACE.test(text.slice(previousEnd, start))) {
        const name = `${previous} ${word}`
        const id = matcher.forms.has(name) ? undefined : index.full.get(`${first} ${wordSkeleton(word)}`)
        if (id !== undefined) out.push({ name, sameAs: id })
      }
    }
    previous = word
    previousEnd = start + word.length
  }
  return out
}

/** Leading words of a candidate that cannot be part of a name ("Dabei Max Muster, der …"). */
function dropLeading(candidate: string): string {
  const tokens = candidate.split(/\s+/)
  while (tokens.length > 0 && NOT_NAME_WORDS.has(tokens[0] ?? '')) tokens.shift()
  return tokens.join(' ')
}

/** Whether a word of `text` between whitespace (or its ends) is a key of `words`. */
export function hasWordOf(text: string, words: ReadonlyMap<string, unknown>): boolean {
  return text.split(/\s+/u).some((w) => words.has(w))
}

/** The matches of a global pattern in `text`, from its start. */
function* allMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) yield m
}

/** People named after a role noun or a speech verb who are not in the registry. */
export function discoverPeople(sentences: readonly Sentence[], matcher: ActorMatcher): DiscoveredPerson[] {
  const found: DiscoveredPerson[] = []
  const seen = new Map<string, DiscoveredPerson>()
  const table = nationalityTable(matcher.registry)
  /** Takes a candidate: trimmed, checked, with its state; a later phrase may say the state the first did not. */
  const consider: Consider = (raw, closed, sentence, nationalityOf, role) => {
    // "Präsident Turkmenistans Max Muster": the genitive is the person's state, not part of the name
    const lead = raw.split(/\s+/)[0] ?? ''
    const leadId = table.genitives.get(lead)
    const leadCountry: Nationality | undefined = leadId
      ? { country: leadId, from: { rule: 'nationality-genitive', cue: role ? `${role} ${lead}` : lead, reference: null } }
      : undefined
    const candidate = leadCountry ? raw.slice(lead.length).trim() : raw
    // "Machthaber Kim Jong-un": a known person's full name inside the words taken for a name
    if (containsKnownFullName(candidate, matcher)) return
    const name = trimName(candidate.replace(/['’]s$/, ''), closed, matcher)
    if (!validName(name, matcher)) return
    const nationality = leadCountry ?? nationalityOf()
    const earlier = seen.get(name)
    if (earlier) {
      if (earlier.country === undefined && nationality !== undefined) {
        earlier.country = nationality.country
        earlier.countryFrom = nationality.from
      }
      return
    }
    const person: DiscoveredPerson = { name, sentence }
    if (nationality) {
      person.country = nationality.country
      person.countryFrom = nationality.from
    }
    const same = variantOf(name, matcher)
    if (same !== undefined) person.sameAs = same
    seen.set(name, person)
    found.push(person)
  }
  const list = (text: string, at: number, sentence: number): void => listMembers(text, at, sentence, table, consider)
  for (const sentence of sentences) {
    const text = sentence.text
    if (!TWO_NAME_TOKENS.test(text)) continue
    // the patterns that open with a role are tried only where a role word can start them (sticky)
    const starts = roleStarts(text)
    const withRole = starts.length > 0
    const patterns = withRole ? [ROLE_NAME, SPEECH_NAME, ROLE_OF_NAME, ROLE_OF_STATE_NAME, NAME_APPOSITION] : [SPEECH_NAME]
    for (const re of patterns) {
      for (const m of re.sticky ? matchesAt(re, text, starts) : allMatches(re, text)) {
        const raw = m.groups?.name
        if (!raw) continue
        // only a state's or an organisation's name between the role and the name ("der Firma Max Muster" is no role of one)
        if (re === ROLE_OF_STATE_NAME && !table.names.has(m.groups?.state ?? '')) continue
        const closed = re === NAME_APPOSITION || closesName(text.slice((m.index ?? 0) + m[0].length))
        const match = m
        consider(re === NAME_APPOSITION ? dropLeading(raw) : raw, closed, sentence.index, () => countryOf(text, match, table), m.groups?.role)
        // "die Präsidenten Max Muster, Erika Probe und Hans Beispiel"
        const nameEnd = m.indices?.groups?.name?.[1]
        if ((re === ROLE_NAME || re === ROLE_OF_NAME || re === ROLE_OF_STATE_NAME) && nameEnd !== undefined) list(text, nameEnd, sentence.index)
      }
    }
    // "die Staatschefs Russlands, der Mongolei und Chinas, A, B und C"
    if (withRole) statesInOrder(text, starts, sentence.index, table, consider)
    // "Sergei Lavrow sagte": another spelling of a registry person, wherever it stands
    for (const variant of otherSpellings(text, matcher)) {
      if (seen.has(variant.name)) continue
      const person: DiscoveredPerson = { name: variant.name, sentence: sentence.index, sameAs: variant.sameAs }
      seen.set(variant.name, person)
      found.push(person)
    }
    // "Chinas Xi Jinping, Indiens Max Muster und Brasiliens Erika Probe": a list led by a known person and a state,
    // so only where a state's genitive stands as a word between spaces (what `gen` below must be)
    if (!hasWordOf(text, table.genitives)) continue
    for (const r of findRaw([sentence], matcher)) {
      if (!/\s/.test(r.surface) || !r.targets.some((t) => matcher.byId.get(t.actorId)?.kind === 'person')) continue
      const gen = /(?:^|\s)(\p{Lu}[\p{L}-]*s)\s+$/u.exec(text.slice(0, r.start))?.[1]
      if (gen !== undefined && table.genitives.has(gen)) list(text, r.end, sentence.index)
    }
  }
  return found
}

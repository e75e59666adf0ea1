/**
 * Actor mentions in an article's sentences, by the GUIDE's rules:
 * - the longest registry form wins and matches never overlap ("Präsident Wladimir Putin" = 1);
 *   a title or name directly followed by the same actor's name is one mention ("Kremlchef Wladimir Putin");
 * - German inflection: genitive "-s" forms are generated for every name;
 * - hyphenated compounds count ("US-Präsident", "Ukraine-Krieg"), closed compounds ("Chinabesuch"),
 *   adjectives ("US-amerikanisch") and currency names ("US-Dollar") do not, nor country names inside
 *   English proper names ("China International Payments System");
 * - capitals and seats count for their state only where they stand for it ("Peking hat", "mit Peking",
 *   "Handelspartner Moskaus"), never as places ("in Peking", "nach Moskau", "im Kreml", "Moskau zu
 *   besuchen", datelines);
 * - a surname shared by several people ("Wang", "Li") counts only in articles that name one of them in full;
 * - people missing from the registry are discovered from role nouns and speech verbs.
 */
import { z } from 'zod'
import { paragraphStartIndexes } from './segment-sentences.ts'
import type { ActorEntry, ActorMatch, Sentence } from './types.ts'

export const ActorEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['person', 'country', 'organization']),
  aliases: z.array(z.string().min(1)),
  country: z.string().min(1).optional(),
  seats: z.array(z.string().min(1)).optional(),
})

/** Narrows the registry JSON (data/actors.json), or says what is wrong. */
export function parseRegistry(json: unknown): { ok: true; value: ActorEntry[] } | { ok: false; error: string } {
  const result = z.array(ActorEntrySchema).safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]
    return { ok: false, error: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` }
  }
  const ids = new Set<string>()
  for (const entry of result.data) {
    if (ids.has(entry.id)) return { ok: false, error: `duplicate actor id "${entry.id}"` }
    ids.add(entry.id)
  }
  return { ok: true, value: result.data }
}

interface FormTarget {
  actorId: string
  /** Capital or seat: counted only where it stands for the state. */
  seat: boolean
  /** Inflected (genitive) form of a seat: "Moskaus", "Pekings". */
  genitive: boolean
  /** A person's short name that counts only where the article names one of its bearers in full. */
  needsFull: boolean
}

export interface ActorMatcher {
  registry: readonly ActorEntry[]
  byId: ReadonlyMap<string, ActorEntry>
  forms: ReadonlyMap<string, FormTarget[]>
  /** Multi-word forms (full names) per person: used to tell whether an article names the person in full. */
  fullForms: ReadonlyMap<string, string[]>
  /** Forms by their first word, longest first. */
  byFirstWord: ReadonlyMap<string, string[]>
}

/** The leading run of word characters: the key forms are looked up by. */
const FIRST_WORD = /^[\p{L}\p{N}_]+/u
/** What may not follow a form: more word characters, or an apostrophe that continues a word ("Xi'an"; "Xi's" is a genitive). */
const FORM_CONTINUES = /^(?:[\p{L}\p{N}_]|['’](?!s(?!\p{L}))\p{L})/u

/** Common Chinese and Korean family names, which come first: "Wang Wentao" → "Wang", "Choe Son Hui" → "Choe". */
const EAST_ASIAN_SURNAMES = new Set(
  (
    'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han ' +
    'Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Ding Ren Lu Yao Shen Zhong Cui Tan ' +
    'Fan Liao Shi Jin Jia Xia Fu Fang Zou Xiong Bai Meng Qin Qiu Hou Yin Xue Yan Duan Lei Long Tao Mao Hao Gu Gong Shao ' +
    'Wan Qian Dai Mo Kong Xiang Chang Xi Hua Kim Park Lee Choe Choi Ri Pak Jang Jung Yoon Moon Kang Cho Lim Hwang Nguyen Tran'
  ).split(' '),
)

/** Genitive of a German name: "Putin" → "Putins"; names ending in s, x, z, ß take an apostrophe. */
function genitiveOf(form: string): string[] {
  if (/[sxzß]$/i.test(form)) return [`${form}'`]
  if (!/\p{L}$/u.test(form)) return []
  return [`${form}s`]
}

const isMultiWord = (form: string): boolean => /\s/.test(form.trim())

/** Builds the matcher for a registry (and any discovered people). */
export function buildMatcher(registry: readonly ActorEntry[], discovered: readonly ActorEntry[] = []): ActorMatcher {
  const discoveredIds = new Set(discovered.map((e) => e.id))
  const all = [...registry, ...discovered.filter((e) => !registry.some((r) => r.id === e.id))]
  const forms = new Map<string, FormTarget[]>()
  const fullForms = new Map<string, string[]>()
  const add = (form: string, target: FormTarget): void => {
    const key = form.trim()
    if (key.length < 2) return
    const list = forms.get(key) ?? []
    if (!list.some((t) => t.actorId === target.actorId)) list.push(target)
    forms.set(key, list)
  }
  // surnames shared by several people need the full name in the article
  const shortOwners = new Map<string, Set<string>>()
  for (const entry of all) {
    if (entry.kind !== 'person') continue
    const shorts = new Set([...entry.aliases, entry.name].filter((f) => !isMultiWord(f)))
    for (const token of entry.name.split(/\s+/)) if (token.length >= 2) shorts.add(token)
    for (const s of shorts) {
      const owners = shortOwners.get(s) ?? new Set<string>()
      owners.add(entry.id)
      shortOwners.set(s, owners)
    }
  }
  for (const entry of all) {
    // an East Asian family name ("Li" for Li Qiang) counts where the article names the person in full
    const family = entry.name.split(/\s+/)[0] ?? ''
    if (entry.kind === 'person' && isMultiWord(entry.name) && EAST_ASIAN_SURNAMES.has(family) && !entry.aliases.includes(family)) {
      add(family, { actorId: entry.id, seat: false, genitive: false, needsFull: true })
    }
    const names = [entry.name, ...entry.aliases]
    const full: string[] = []
    for (const name of names) {
      // a short name shared by several people, or a discovered person's surname, needs the full name
      const shared =
        entry.kind === 'person' &&
        !isMultiWord(name) &&
        ((shortOwners.get(name)?.size ?? 0) > 1 || discoveredIds.has(entry.id))
      const target: FormTarget = { actorId: entry.id, seat: false, genitive: false, needsFull: shared }
      add(name, target)
      for (const g of genitiveOf(name)) add(g, target)
      if (entry.kind === 'person' && isMultiWord(name)) full.push(name, ...genitiveOf(name))
    }
    fullForms.set(entry.id, full)
    for (const seat of entry.seats ?? []) {
      add(seat, { actorId: entry.id, seat: true, genitive: false, needsFull: false })
      for (const g of genitiveOf(seat)) add(g, { actorId: entry.id, seat: true, genitive: true, needsFull: false })
    }
  }
  // forms grouped by their first word, longest first: a sentence is scanned word by word
  const byFirstWord = new Map<string, string[]>()
  for (const form of forms.keys()) {
    const first = FIRST_WORD.exec(form)?.[0]
    if (first === undefined) continue
    const list = byFirstWord.get(first) ?? []
    list.push(form)
    byFirstWord.set(first, list)
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length || a.localeCompare(b))
  return { registry: all, byId: new Map(all.map((e) => [e.id, e])), forms, fullForms, byFirstWord }
}

/** Compound heads that make a hyphenated form a currency or system name, not the actor. */
const CURRENCY_HEADS = /^(?:Dollar|Dollars|Cent|Cents)\b/
/** Compound heads that make a seat the place of an event or the name of a deal: "Kreml-Treffen", "Minsk-Abkommen". */
const EVENT_HEADS =
  /^(?:Treffen|Besuch|Besuchs|Reise|Gipfel|Gipfels|Visite|Aufenthalt|Aufenthalts|Trip|Abkommen|Abkommens|Vereinbarung|Format|Formats|Prozess|Protokoll|Gespräche|Verhandlungen|Konferenz|Forum|Korrespondent|Korrespondentin|Büro|Studio)\b/
/** English words that continue a proper name: "China International Payments System", "China Daily". */
const ENGLISH_NAME_WORDS = /^\s(?:International|Daily|National|Central|Development|Airlines|Airways|Petroleum|Mobile|Telecom|Unicom|Railway|Railways|Investment|Media|News|Times|Post|Today|Global|Radio|Television|Energy|Oil|Gas|Power|Construction|Merchants|Eastern|Southern|Northern|Holdings|Group|Bank|Institute|Council|Review|Observer|Herald|Insider|Watch|Studies|Society|Foundation|Trade|Export|Import|Life|Minmetals|Resources|Ocean|Shipping)\b/
/** English words before a country inside a proper name: "Bank of China", "Air China", "Voice of America". */
const ENGLISH_BEFORE = /(?:\bof|\bAir|\bMade in|\bThe|\bfor)\s$/

/** Prepositions that make a seat a place: "in Peking", "nach Moskau", "im Kreml". */
const PLACE_PREPOSITIONS = new Set(['in', 'im', 'ins', 'nach', 'bei', 'beim', 'nahe', 'unweit', 'via', 'bis', 'gen', 'ab', 'über', 'durch', 'um'])
/** Nouns that make the seat after them a place or institution name: "Flughafen Peking", "Hauptstadt Moskau". */
const PLACE_NOUNS = new Set([
  'hauptstadt', 'stadt', 'flughafen', 'universität', 'bürgermeister', 'metropole', 'großraum', 'region', 'raum',
  'zentrum', 'innenstadt', 'hafen', 'bahnhof', 'gebiet', 'oblast', 'provinz', 'bezirk', 'vorort', 'ort',
  'richtung', 'kathedrale', 'mauern', 'mauer', 'gelände', 'hotel', 'stadion', 'platz', 'straße',
])
/** Nouns after which "aus X" is a journey's origin, not the state speaking: "Rückkehr aus Peking". */
const TRAVEL_NOUNS = new Set([
  'rückkehr', 'ankunft', 'flug', 'flüge', 'abreise', 'reise', 'heimkehr', 'anreise', 'touristen', 'tourist',
  'studenten', 'gäste', 'gast', 'besucher', 'flüchtlinge', 'korrespondent', 'korrespondentin', 'bericht',
  'berichten', 'meldungen', 'meldung', 'zug', 'züge', 'maschine',
])
/** Visit verbs whose object is a place: "Moskau zu besuchen", "besuchte Peking". */
const VISIT_AFTER = /^\s+(?:zu\s+)?(?:besuch|bereis|anreis|anzureisen|zu\s+reisen|reisen\b|zu\s+fliegen|fliegen\b)|^[^,.;:!?"„“”]{0,60}?\szu\s+(?:besuchen|bereisen)\b/
const VISIT_BEFORE = new Set([
  'besucht', 'besuchte', 'besuchten', 'besuchen', 'bereist', 'bereiste', 'bereisten', 'erreicht', 'erreichte',
  'erreichten', 'verlässt', 'verließ', 'verlassen', 'ansteuern', 'ansteuerte', 'anfliegen', 'anflog',
])

interface RawMatch {
  sentence: number
  start: number
  end: number
  surface: string
  targets: FormTarget[]
}

function previousWords(text: string, start: number, n: number): string[] {
  const before = text.slice(0, start).match(/[\p{L}\p{N}.'-]+/gu) ?? []
  return before.slice(-n)
}

/** Whether the text right before a match ends in a word (not punctuation). */
function directlyAfterWord(text: string, start: number): boolean {
  return /[\p{L}\p{N}]\s+$/u.test(text.slice(Math.max(0, start - 40), start))
}

type SeatReading = 'state' | 'place'

function readSeat(
  sentence: Sentence,
  raw: RawMatch,
  genitive: boolean,
  paragraphStart: boolean,
  previous: { end: number; reading: SeatReading } | undefined,
): SeatReading {
  const text = sentence.text
  const after = text.slice(raw.end)
  // datelines: "MOSKAU (dpa-AFX)", "Peking (Reuters)", "Shanghai. Nach …", "Wladiwostok – Am …"
  if (paragraphStart && raw.start === 0 && /^\s*(?:[:(–—]|-\s|\/|,\s*\d)/.test(after)) return 'place'
  if (paragraphStart && raw.start === 0 && after.length === 0) return 'place'
  // a possessor stands for the state: "in Moskaus Interesse", "trotz Pekings Bemühungen"
  if (genitive) return 'state'
  // lists: "zwischen Moskau und Peking", "in Peking, Moskau und Teheran", "Moskau/Peking (dpa)" read like their first member
  if (previous && /^\s*(?:,|\/|und|oder|sowie|bzw\.)\s*$/.test(text.slice(previous.end, raw.start))) return previous.reading
  if (VISIT_AFTER.test(after)) return 'place'
  // "Kreml-Treffen": a meeting held there; "Kreml-Sprecher": the state's institution
  if (after.startsWith('-') && EVENT_HEADS.test(after.slice(1))) return 'place'
  const [w2, w1] = previousWords(text, raw.start, 2).map((w) => w.toLowerCase())
  const prev = w1 ?? w2
  if (prev !== undefined && directlyAfterWord(text, raw.start)) {
    // "von Moskau nach Peking": the start of a journey
    if (prev === 'von' && /^\s+nach\s/.test(after)) return 'place'
    if (PLACE_PREPOSITIONS.has(prev)) return 'place'
    if (VISIT_BEFORE.has(prev)) return 'place'
    if (PLACE_NOUNS.has(prev)) return 'place'
    if (prev === 'aus') {
      const words = previousWords(text, raw.start, 2)
      // "Aus Moskau hieß es …": the state as a source
      if (words.length < 2) return 'state'
      // "Rückendeckung aus Peking", "Beamte aus Tokio" (state) vs "kam aus Peking", "Rückkehr aus Peking" (place)
      const before = words[0] ?? ''
      const capitalizedNoun = /^\p{Lu}/u.test(before) && !TRAVEL_NOUNS.has(before.toLowerCase())
      return capitalizedNoun ? 'state' : 'place'
    }
  }
  return 'state'
}

/** Checks the characters around a match: compounds, adjectives, currency and English names. */
function passesContext(text: string, start: number, end: number): boolean {
  const after = text.slice(end)
  if (after.startsWith('-')) {
    const head = after.slice(1)
    if (/^\p{Ll}/u.test(head)) return false // "US-amerikanisch"
    if (CURRENCY_HEADS.test(head)) return false // "US-Dollar"
  }
  if (ENGLISH_NAME_WORDS.test(after)) return false
  if (ENGLISH_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return false
  return true
}

/** A word character; runs of them are where a form can start. */
const WORD_CHAR = /^[\p{L}\p{N}_]$/u
/** WORD_CHAR by UTF-16 code unit: 1 yes, 2 no, 3 a surrogate (the code point decides), 0 not yet known. */
const wordUnits = new Uint8Array(0x10000).fill(3, 0xd800, 0xe000)

/** The end of the run of word characters (code points) that starts at `i`; `i` when none starts there. */
function wordEnd(text: string, i: number): number {
  let j = i
  while (j < text.length) {
    const unit = text.charCodeAt(j)
    let known = wordUnits[unit] ?? 0
    if (known === 0) {
      known = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2
      wordUnits[unit] = known
    }
    if (known === 1) j++
    else if (known === 2) break
    else {
      const cp = text.codePointAt(j) ?? unit
      if (!WORD_CHAR.test(String.fromCodePoint(cp))) break
      j += cp > 0xffff ? 2 : 1
    }
  }
  return j
}

/**
 * The first two code units and the length of a matcher's first words (lengths from LONG_WORD on are
 * one bucket): a word that differs in them is not cut out and looked up.
 */
const LONG_WORD = 31
function startKey(first: number, second: number, length: number): number {
  return (first * 0x10000 + second) * (LONG_WORD + 1) + Math.min(length, LONG_WORD)
}
const formStarts = new WeakMap<ActorMatcher, Set<number>>()
function startsOf(matcher: ActorMatcher): Set<number> {
  let starts = formStarts.get(matcher)
  if (!starts) {
    starts = new Set([...matcher.byFirstWord.keys()].map((w) => startKey(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.length)))
    formStarts.set(matcher, starts)
  }
  return starts
}

function findRaw(sentences: readonly Sentence[], matcher: ActorMatcher): RawMatch[] {
  const out: RawMatch[] = []
  const starts = startsOf(matcher)
  for (const sentence of sentences) {
    const text = sentence.text
    let consumed = 0
    // runs of word characters (code points), scanned by hand: only a word that may be a first word is cut out
    let i = 0
    while (i < text.length) {
      const start = i
      i = wordEnd(text, start)
      if (i === start) {
        i++
        continue
      }
      if (start < consumed) continue
      const length = i - start
      if (!starts.has(startKey(text.charCodeAt(start), length > 1 ? text.charCodeAt(start + 1) : 0, length))) continue
      const candidates = matcher.byFirstWord.get(text.slice(start, i))
      if (!candidates) continue
      // the longest form that starts here and ends at a word boundary
      const surface = candidates.find((form) => text.startsWith(form, start) && !FORM_CONTINUES.test(text.slice(start + form.length, start + form.length + 2)))
      if (surface === undefined) continue
      const end = start + surface.length
      consumed = end
      const targets = matcher.forms.get(surface)
      if (!targets || !passesContext(text, start, end)) continue
      out.push({ sentence: sentence.index, start, end, surface, targets })
    }
  }
  return out
}

/** Matches in reading order, with seats read and shared short names resolved. */
export function extractActors(sentences: readonly Sentence[], matcher: ActorMatcher): ActorMatch[] {
  const raw = findRaw(sentences, matcher)
  // which people does the article name in full?
  const namedInFull = new Set<string>()
  for (const r of raw) {
    for (const t of r.targets) {
      if (!t.seat && !t.needsFull && (matcher.fullForms.get(t.actorId) ?? []).includes(r.surface)) namedInFull.add(t.actorId)
    }
  }
  const paragraphStarts = new Set(paragraphStartIndexes(sentences))
  const bySentence = new Map<number, Sentence>(sentences.map((s) => [s.index, s]))
  const matches: ActorMatch[] = []
  let previousSeat: { sentence: number; end: number; reading: SeatReading } | undefined
  for (const r of raw) {
    const sentence = bySentence.get(r.sentence)
    if (!sentence) continue
    const target =
      r.targets.find((t) => !t.needsFull) ?? r.targets.find((t) => t.needsFull && namedInFull.has(t.actorId))
    if (!target) continue
    if (target.seat) {
      const prev = previousSeat && previousSeat.sentence === r.sentence ? previousSeat : undefined
      const reading = readSeat(sentence, r, target.genitive, paragraphStarts.has(r.sentence), prev)
      previousSeat = { sentence: r.sentence, end: r.end, reading }
      if (reading === 'place') continue
    } else if (matcher.byId.get(target.actorId)?.kind === 'country') {
      previousSeat = { sentence: r.sentence, end: r.end, reading: 'state' }
    }
    const last = matches[matches.length - 1]
    // "Kremlchef Wladimir Putin", "Präsident Xi Jinping": one mention
    if (
      last &&
      last.sentence === r.sentence &&
      last.actorId === target.actorId &&
      /^\s+$/.test(sentence.text.slice(last.end, r.start))
    ) {
      last.end = r.end
      last.surface = sentence.text.slice(last.start, r.end)
      continue
    }
    matches.push({
      actorId: target.actorId,
      sentence: r.sentence,
      start: r.start,
      end: r.end,
      surface: r.surface,
      viaSeat: target.seat,
    })
  }
  return matches
}

// ---------------------------------------------------------------- discovery of people

/** Role nouns (and compounds ending in one) that introduce a person's name: "Außenminister Qin Gang". */
const ROLE_WORDS =
  '(?:[Mm]inister|[Pp]räsident|[Kk]anzler|[Ss]precher|[Bb]erater|[Dd]iplomat|[Bb]otschafter|[Ss]ekretär|[Cc]hef|[Aa]nalyst|[Ee]xpert(?:e|in)|[Pp]rofessor|[Pp]olitolog(?:e|in)|[Öö]konom|[Ff]orscher|[Dd]irektor|[Vv]orsitzende|[Gg]ouverneur|[Ss]enator|[Aa]bgeordnete|[Gg]eneral|[Aa]dmiral|[Kk]ommissar|[Bb]eauftragte|[Gg]esandte|[Ss]inolog(?:e|in)|[Hh]istoriker|[Jj]urist|[Pp]remier|[Aa]ußenpolitiker|[Pp]olitiker|[Ll]eiter|[Oo]berhaupt|[Kk]önig|[Kk]ronprinz|[Hh]istoriker|[Ww]issenschaftler|[Oo]ppositionelle|[Aa]ktivist|[Dd]issident|[Vv]ize)'
const ROLE = `(?:[\\p{Lu}][\\p{L}-]*)?${ROLE_WORDS}(?:in|innen|en|n|s|r)?`
/** What a role before a name cannot match without: a sentence without a role word is not searched for one. */
const ANY_ROLE_WORD = new RegExp(ROLE_WORDS, 'u')
/** Speech verbs after which a name follows: "sagte Hoo Tiang Boon, …". */
const SPEECH = '(?:sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|schrieb|schreibt|warnte|warnt|so|berichtete|kommentierte|argumentierte|argumentiert|urteilte|urteilt|glaubt|ergänzte|fügte)'
const NAME_TOKEN = "\\p{Lu}[\\p{Ll}\\p{M}'’-]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?"
const NAME = `(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){1,3})`
const ROLE_NAME = new RegExp(`(?<![\\p{L}])${ROLE},?\\s+${NAME}`, 'gu')
const SPEECH_NAME = new RegExp(`(?<![\\p{L}])${SPEECH}\\s+${NAME}(?=\\s*[,.;:)]|\\s*$)`, 'gu')
/** A role with a genitive complement before the name: "der Sprecher des Handelsministeriums, He Yadong". */
const ROLE_OF_NAME = new RegExp(
  `(?<![\\p{L}])${ROLE}\\s+(?:des|der)\\s+(?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+,\\s+${NAME}(?=\\s*[,.;:)]|\\s*$)`,
  'gu',
)

/**
 * What every NAME cannot be without: two capitalized tokens in a row (each token, or its part after a
 * hyphen, is a capital and small letters). A sentence without it names no one new; about two in five.
 */
const TWO_NAME_TOKENS = /\p{Lu}[\p{Ll}\p{M}'’-]+\s+\p{Lu}[\p{Ll}\p{M}'’-]/u

/** Capitalized words that are never part of a person's name. */
const NOT_NAME_WORDS = new Set(
  (
    'Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Wir Ihr Ich Man Dieser Diese Dieses Jener Am Im In Zu Zum Zur Bei Mit Nach Von Vor Auf Aus Für Über Unter Und Oder Aber Doch Denn Dass Als Wie Wenn Auch Noch Nur Schon Nun Dann Damit Dabei Dazu Zudem Laut Seit Bis Gegen Ohne Um Durch So Es ' +
    'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni Juli August September Oktober November Dezember ' +
    'Präsident Präsidenten Minister Ministerin Kanzler Kanzlerin Regierung Regierungschef Staatschef Parteichef Chef Sprecher Außenminister Verteidigungsminister Ministerpräsident Premierminister Botschafter Berater Generalsekretär ' +
    'Reuters Agentur Nachrichtenagentur Interfax Tass Xinhua Bloomberg Sputnik Nowosti Kommersant Zeitung Sender Fernsehen ' +
    'Staats Partei Volkes Staaten Union Republik Volksrepublik Föderation Kommunistischen Partei Rat Sicherheitsrat Hochschule Universität Institut University Technological College School Center Centre Institute ' +
    'Westen Osten Norden Süden Europa Asien Afrika Amerika Welt Land Länder Landes Seite Seiten ' +
    'Radio Free Europe Liberty Global Times Post Journal Daily News Press Media Network Channel Television TV Agency Zeitung Magazin Wall Street New York Morning Herald Tribune Review Observer Guardian Economist Financial Foreign Affairs Policy'
  ).split(/\s+/),
)
/** Word endings of German common nouns: never a name. */
const NOUN_ENDINGS = /(?:ung|ungen|heit|keit|schaft|tion|ismus|ität|tät|nis|ment|ie|ien|chen|lein|ern|isch|ische|ischen|ischer|nahme)$/
/** Media, agencies and the like: never people. */
const MEDIA = /\b(?:Reuters|dpa|AFP|AP|Tass|TASS|Xinhua|CCTV|Interfax|Bloomberg|BBC|CNN|RIA|Sputnik|NHK|ARD|ZDF|RT|Getty|Kyodo|Yonhap|Nowosti)\b/

export interface DiscoveredPerson {
  name: string
  sentence: number
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

/** People named after a role noun or a speech verb who are not in the registry. */
export function discoverPeople(sentences: readonly Sentence[], matcher: ActorMatcher): DiscoveredPerson[] {
  const found: DiscoveredPerson[] = []
  const seen = new Set<string>()
  for (const sentence of sentences) {
    if (!TWO_NAME_TOKENS.test(sentence.text)) continue
    const patterns = ANY_ROLE_WORD.test(sentence.text) ? [ROLE_NAME, SPEECH_NAME, ROLE_OF_NAME] : [SPEECH_NAME]
    for (const re of patterns) {
      re.lastIndex = 0
      for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
        const raw = m[1]
        if (!raw) continue
        const closed = /^\s*(?:[,.;:)]|$)/.test(sentence.text.slice((m.index ?? 0) + m[0].length))
        const name = trimName(raw.replace(/['’]s$/, ''), closed, matcher)
        if (!validName(name, matcher)) continue
        if (seen.has(name)) continue
        seen.add(name)
        found.push({ name, sentence: sentence.index })
      }
    }
  }
  return found
}

/** Lower-case ASCII slug: "Hoo Tiang Boon" → "hoo-tiang-boon". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Registry entry for a discovered person: the full name, and the family name for later mentions. */
export function discoveredEntry(name: string): ActorEntry {
  const tokens = name.split(/\s+/)
  const first = tokens[0] ?? name
  const surname = EAST_ASIAN_SURNAMES.has(first) ? first : (tokens[tokens.length - 1] ?? name)
  return { id: slugify(name) || 'person', name, kind: 'person', aliases: [surname] }
}

import { FORM_CONTINUES } from './actor-registry.ts'
import type { ActorMatcher, FormTarget } from './actor-registry.ts'
import { inByline } from './bylines.ts'
import { paragraphStartIndexes } from '../text/segment-sentences.ts'
import type { ActorEntry, ActorMatch, Sentence } from '../types.ts'
import { runEnder } from '../text/char-runs.ts'

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


/** Compound heads that make a hyphenated form a currency or system name, not the actor. */
const CURRENCY_HEADS = /^(?:Dollar|Dollars|Cent|Cents)\b/
/** Compound heads that make a seat the place of an event or the name of a deal: "Kreml-Treffen", "Minsk-Abkommen". */
const EVENT_HEADS =
  /^(?:Treffen|Besuch|Besuchs|Reise|Gipfel|Gipfels|Visite|Aufenthalt|Aufenthalts|Trip|Abkommen|Abkommens|Vereinbarung|Format|Formats|Prozess|Protokoll|Gespräche|Verhandlungen|Konferenz|Forum|Korrespondent|Korrespondentin|Büro|Studio)\b/
/** English words that continue a proper name: "China International Payments System", "China Daily". */
const ENGLISH_NAME_WORDS = /^\s(?:International|Daily|National|Central|Development|Airlines|Airways|Petroleum|Mobile|Telecom|Unicom|Railway|Railways|Investment|Media|News|Times|Post|Today|Global|Radio|Television|Energy|Oil|Gas|Power|Construction|Merchants|Eastern|Southern|Northern|Holdings|Group|Bank|Institute|Council|Review|Observer|Herald|Insider|Watch|Studies|Society|Foundation|Trade|Export|Import|Life|Minmetals|Resources|Ocean|Shipping)\b/
/** English words before a country inside a proper name: "Bank of China", "Air China", "Voice of America". */
const ENGLISH_BEFORE = /(?:\bof|\bAir|\bMade in|\bThe|\bfor)\s$/

/** A party's proper name before a country: "Kommunistische Partei Chinas", "der Sozialistischen Einheitspartei Vietnams". */
const PARTY_BEFORE = /\p{Lu}\p{Ll}+ischen?\s+(?:\p{Lu}\p{Ll}*partei|Partei)\s$/u

/** Prepositions that make a seat a place: "in Peking", "nach Moskau", "im Kreml". */
const PLACE_PREPOSITIONS = new Set(['in', 'im', 'ins', 'nach', 'bei', 'beim', 'nahe', 'unweit', 'via', 'bis', 'gen', 'ab', 'über', 'durch', 'um'])
/** Nouns that make the seat after them a place or institution name: "Flughafen Peking", "Hauptstadt Moskau". */
const PLACE_NOUNS = new Set([
  'hauptstadt', 'stadt', 'flughafen', 'universität', 'bürgermeister', 'metropole', 'großraum', 'region', 'raum',
  'zentrum', 'innenstadt', 'hafen', 'bahnhof', 'gebiet', 'oblast', 'provinz', 'bezirk', 'vorort', 'ort',
  'richtung', 'kathedrale', 'mauern', 'mauer', 'gelände', 'hotel', 'stadion', 'platz', 'straße',
  'straßen', 'vorort', 'vororte', 'vororten', 'stadtrand', 'stadtzentrum', 'stadtteil', 'umgebung', 'umland',
  'einwohner', 'bewohner', 'bürger', 'bevölkerung', 'toren', 'tore', 'flughäfen', 'bürgermeisterin', 'bürgermeisters',
])
/**
 * Words that place what follows: "südöstlich von Moskau", "30 Kilometer von Peking entfernt", "südlich
 * Moskaus", "außerhalb Pekings". A seat after them (or after them and "von") is a place, also as a genitive.
 */
const DIRECTION_WORDS = new Set([
  'nördlich', 'südlich', 'östlich', 'westlich', 'nordöstlich', 'nordwestlich', 'südöstlich', 'südwestlich',
  'außerhalb', 'innerhalb', 'unweit', 'nahe', 'jenseits',
])
/** Units of distance before "von": "1300 Kilometer von Moskau". */
const DISTANCE_UNITS = new Set(['kilometer', 'kilometern', 'km', 'meilen', 'meter', 'metern', 'autostunden', 'flugstunden', 'fahrstunden'])
/** Travel verbs right after a sentence-initial "Aus X": the journey's origin ("Aus Moskau reist eine Delegation …"). */
const TRAVEL_AFTER = /^\s+(?:reist|reisen|reiste|reisten|fliegt|fliegen|flog|flogen|bricht|brechen|brach|brachen|startet|starten|startete|starteten)\b/
/** A journey's start told after "aus X": "… aus Moskau abgereist", "aus Peking kommend", "aus Kiew nach Warschau zurückgekehrt". */
const CAME_FROM_AFTER = /^\s+(?:[\p{L}-]+\s+){0,3}?(?:abgereist|angereist|abgeflogen|geflogen|gereist|gekommen|kommend|zurückgekehrt|eingetroffen|aufgebrochen)\b/u
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

/**
 * The rest of a dateline that lists several cities before the text, after its first city: ", Peking, Riga,
 * Samarkand Nur wenige …" or "/Rom (dpa)". The list has no "und": "Moskau, Peking und Teheran haben …" is a subject.
 */
const DATELINE_LIST = /^(?:\s*[,/]\s*\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)+(?:\s*(?:[–—:(]|-\s)|\s(?=\p{Lu}))/u

/** A place followed by a date, as captions and stamps give them: "Moskau, 5. Juni 2019", "Peking, 05.06.2019". */
const PLACE_DATE_AFTER = /^\s*,\s*(?:(?:den\s+)?\d{1,2}\.\s*(?:\p{Lu}\p{L}+|\d{1,2}\.)\s*\d{0,4}|\d{4}-\d\d-\d\d)/u

function readSeat(
  sentence: Sentence,
  raw: RawMatch,
  genitive: boolean,
  paragraphStart: boolean,
  previous: { end: number; reading: SeatReading } | undefined,
): SeatReading {
  const text = sentence.text
  const after = text.slice(raw.end)
  // datelines: "MOSKAU (dpa-AFX)", "Peking (Reuters)", "Shanghai. Nach …", "Wladiwostok – Am …", a
  // paragraph "Moskau." of its own, and a list of cities before the text ("Berlin, Peking, Riga, Samarkand Nur …")
  if (paragraphStart && raw.start === 0) {
    if (/^\s*(?:[:(–—]|-\s|\/|,\s*\d)/.test(after) || /^\s*\.?\s*$/.test(after)) return 'place'
    if (DATELINE_LIST.test(after)) return 'place'
  }
  // a byline's city ("Andreas Roth, Moskau"), a caption's place and date ("(Moskau, 5. Juni 2019)")
  if (inByline(text, raw.start) || PLACE_DATE_AFTER.test(after)) return 'place'
  const [w2, w1] = previousWords(text, raw.start, 2).map((w) => w.toLowerCase())
  const prev = w1 ?? w2
  const adjacent = prev !== undefined && directlyAfterWord(text, raw.start)
  // "südlich Moskaus", "außerhalb Pekings", "im Zentrum Moskaus", "Bürgermeister Moskaus": the city
  if (adjacent && (DIRECTION_WORDS.has(prev) || PLACE_NOUNS.has(prev))) return 'place'
  // "südöstlich von Moskau", "1300 Kilometer von Moskau"
  if (adjacent && prev === 'von' && w2 !== undefined && (DIRECTION_WORDS.has(w2) || DISTANCE_UNITS.has(w2))) return 'place'
  // a possessor stands for the state: "in Moskaus Interesse", "trotz Pekings Bemühungen"
  if (genitive) return 'state'
  // lists: "zwischen Moskau und Peking", "in Peking, Moskau und Teheran", "Moskau/Peking (dpa)" read like their first member
  if (previous && /^\s*(?:,|\/|und|oder|sowie|bzw\.)\s*$/.test(text.slice(previous.end, raw.start))) return previous.reading
  if (VISIT_AFTER.test(after)) return 'place'
  // "die Winterspiele Peking 2022", "Moskau 1980": an event named by its city and year
  if (/^\s+(?:19|20)\d\d\b/.test(after)) return 'place'
  // "Kreml-Treffen": a meeting held there; "Kreml-Sprecher": the state's institution
  if (after.startsWith('-') && EVENT_HEADS.test(after.slice(1))) return 'place'
  if (adjacent) {
    // "von Moskau nach Peking": the start of a journey; "von Peking aus": a vantage point
    if (prev === 'von' && /^\s+(?:nach\s|aus\b)/.test(after)) return 'place'
    if (PLACE_PREPOSITIONS.has(prev)) return 'place'
    if (VISIT_BEFORE.has(prev)) return 'place'
    if (PLACE_NOUNS.has(prev)) return 'place'
    if (prev === 'aus') {
      // "ist am Mittwoch aus Moskau abgereist", "aus Peking kommend": where a journey began
      if (CAME_FROM_AFTER.test(after)) return 'place'
      const words = previousWords(text, raw.start, 2)
      // "Aus Moskau hieß es …": the state as a source; "Aus Moskau reist eine Delegation …": a journey's start
      if (words.length < 2) return TRAVEL_AFTER.test(after) ? 'place' : 'state'
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
  if (PARTY_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return false
  return true
}

/** The end of the run of word characters (code points) that starts at `i`; `i` when none starts there (runs of them are where a form can start). */
const wordEnd = runEnder(/^[\p{L}\p{N}_]$/u)

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

/**
 * Where a dateline city is glued to the first word of its paragraph ("PekingChina will …": the crawl lost
 * the dash between them), the offset of the glued word; the city is a dateline and not counted.
 */
function gluedDatelineEnd(word: string, matcher: ActorMatcher): number {
  for (let k = 2; k < word.length - 1; k++) {
    const c = word[k] ?? ''
    if (c === c.toLowerCase() || (word[k - 1] ?? '') !== (word[k - 1] ?? '').toLowerCase()) continue
    return matcher.forms.get(word.slice(0, k))?.some((t) => t.seat && !t.genitive) ? k : -1
  }
  return -1
}

/** What opens a bracket that names the same actor again: "(SCO)", "(früher Weißrussland)", "(auch Burma)". */
const BRACKETED_SAME = /^\s*\(\s*(?:(?:früher|ehemals|vormals|einst|heute|auch|alias|bzw\.|oder|offiziell|kurz)\s+)?$/u

export function findRaw(sentences: readonly Sentence[], matcher: ActorMatcher): RawMatch[] {
  const out: RawMatch[] = []
  const starts = startsOf(matcher)
  let paragraph: number | undefined
  for (const sentence of sentences) {
    const text = sentence.text
    const paragraphStart = sentence.paragraph !== paragraph
    paragraph = sentence.paragraph
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
      if (start === 0 && paragraphStart && /^\p{Lu}/u.test(text)) {
        const glued = gluedDatelineEnd(text.slice(0, i), matcher)
        if (glued > 0) {
          i = glued
          continue
        }
      }
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

/** An article word right before a stand-in, and no capitalised word after it: "die Union", not "die Union Investment". */
const BEFORE_STAND_IN = /(?:^|[^\p{L}])(?:der|die|den|dem|Der|Die|Den|Dem)\s+$/u
const AFTER_STAND_IN = /^\s+\p{Lu}/u

/** Whether a stand-in form ("die Union") names its actor here; the article names the actor otherwise (checked before). */
function standsIn(text: string, r: RawMatch, sentences: readonly Sentence[], entry: ActorEntry | undefined): boolean {
  if (!BEFORE_STAND_IN.test(text.slice(Math.max(0, r.start - 5), r.start)) || AFTER_STAND_IN.test(text.slice(r.end))) return false
  const unless = entry?.contextUnless ?? []
  return !unless.some((word) => sentences.some((s) => new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(s.text)))
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
  // which actors does the article name by a form that is not a stand-in ("die Union" needs "EU" too)?
  const namedOtherwise = new Set<string>()
  for (const r of raw) for (const t of r.targets) if (!t.context) namedOtherwise.add(t.actorId)
  const paragraphStarts = new Set(paragraphStartIndexes(sentences))
  const bySentence = new Map<number, Sentence>(sentences.map((s) => [s.index, s]))
  const matches: ActorMatch[] = []
  let previousSeat: { sentence: number; end: number; reading: SeatReading } | undefined
  for (const r of raw) {
    const sentence = bySentence.get(r.sentence)
    if (!sentence) continue
    const target =
      r.targets.find((t) => !t.needsFull && !t.context) ??
      r.targets.find((t) => t.needsFull && namedInFull.has(t.actorId)) ??
      r.targets.find((t) => t.context && namedOtherwise.has(t.actorId) && standsIn(sentence.text, r, sentences, matcher.byId.get(t.actorId)))
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
    // "Kremlchef Wladimir Putin", "Präsident Xi Jinping", "Schanghaier Organisation für Zusammenarbeit (SCO)": one mention
    if (last && last.sentence === r.sentence && last.actorId === target.actorId) {
      const between = sentence.text.slice(last.end, r.start)
      const closing = BRACKETED_SAME.test(between) ? /^\s*\)/.exec(sentence.text.slice(r.end)) : null
      if (/^\s+$/.test(between) || closing) {
        last.end = r.end + (closing?.[0].length ?? 0)
        last.surface = sentence.text.slice(last.start, last.end)
        continue
      }
    }
    // "Kreml-Chef" (a person's hyphenated name): the state its first part names counts too, as in "Kreml-Sprecher"
    const state = hyphenState(r.surface, target.actorId, matcher)
    if (state) {
      const head = r.surface.slice(0, r.surface.indexOf('-'))
      matches.push({ actorId: state, sentence: r.sentence, start: r.start, end: r.start + head.length, surface: head, viaSeat: true })
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

/** The country a person's hyphenated name begins with ("Kreml-Chef" → Russland), if it is another actor's form. */
function hyphenState(surface: string, actorId: string, matcher: ActorMatcher): string | null {
  const dash = surface.indexOf('-')
  if (dash < 2 || matcher.byId.get(actorId)?.kind !== 'person') return null
  const head = matcher.forms.get(surface.slice(0, dash))?.find((t) => !t.genitive && !t.needsFull && !t.context && matcher.byId.get(t.actorId)?.kind === 'country')
  return head && head.actorId !== actorId ? head.actorId : null
}

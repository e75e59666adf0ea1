/** The word lists, spans and clause helpers the visit and call rules share (extract-events.ts and its parts). */
import type { TimeMention } from '../time/time-reference.ts'
import type { EventDraft } from '../types.ts'

// --- word lists ------------------------------------------------------------------------------------

/** Phone and video calls. */
export const CALL =
  /\p{L}*(?:[Tt]elefonat|[Tt]elefongespräch|[Tt]elefonkonferenz|[Vv]ideokonferenz|[Vv]ideoschalte|[Vv]ideoanruf|[Vv]ideotelefonat|[Vv]ideogespräch|[Vv]ideobrücke|[Vv]ideogipfel|[Vv]ideoverbindung|[Vv]ideocall)\p{L}*|\btelefonier\p{L}*|\btelefonisch\b|\b(?:am|per|über\s+das)\s+Telefon\b|\bper\s+Video\b|\bvirtuell\p{L}*\s+(?:\p{L}+\s+)?(?:Gipfel\p{L}*|Treffen|Sitzung|Konferenz)/gu

/** Words that report a trip, a meeting at a place, an invitation or a reception. */
export const TRIGGER =
  /\p{L}*(?:Besuch(?:s|es|e|en)?|besuch(?:s|es|e|en)?)(?!\p{L})|\bbesuch(?:t|te|ten|en|e|st)\b|\p{L}*(?:Reise|Reisen|reise|reisen)(?!\p{L})|\b(?:reist|reiste|reisten|gereist|angereist|gekommen|eingetroffen|eintreffen|trifft|traf|trafen|getroffen|treffen|zusammentraf|zusammentrafen|zusammengetroffen|zusammenkommen|zusammengekommen|angekommen|ankommen|kommt|kommen|kam|kamen|geflogen|fliegt|flog|flogen|fliegen|weilt|weilte|gewesen|empfängt|empfing|empfangen|begrüßt|begrüßte|begrüßten|teilnimmt|teilnehmen|teilgenommen|nimmt|nehmen(?=(?:\s+(?:auch|ebenfalls|ebenso|zudem|außerdem|persönlich))*\s+teil\b)|nahm|nahmen|beteiligt|erwartet|eingeladen|einladen|lädt|lud|luden|aufgebrochen|bricht|brach|abgereist|gelandet|landete|landet|bereist|bereiste|bereisen|hält\s+sich|hielt\s+sich|treffe|träfe|komme|fliege|empfange|beiwohnen|beiwohne|beiwohnt|beiwohnte|beigewohnt|vertreten|vertritt|vertrat|schickt|schickte|schickten|geschickt|entsandte|entsandten|entsandt|entsendet|entsendete|unterwegs)\b|\b(?:Ankunft|Kommen|Teilnehmern|Vertreten|Abstecher|Abstechers|Landung|Empfang|Empfangs|Visite|Stippvisite|Einladung|Gespräch|Gespräche|Gesprächen|Treffen|Treffens|Gipfel\p{L}*|\p{L}+gipfel\p{L}*|Teilnahme|Beisein|Anwesenheit|Gast|Gäste|Gästen|\p{L}+gast|\p{L}+gäste|\p{L}+gästen|Forum|Forums|\p{L}+forum|\p{L}+forums|Konferenz|\p{L}+konferenz|Parade|\p{L}+parade|Tribüne|\p{L}+tribüne|Feierlichkeiten|\p{L}*[Zz]eremonie|Tagung|Zusammenkunft|Begegnung|Unterredung|Verhandlungen|Beratungen)\b|\bwillkommen\b/gu

/**
 * TRIGGER with its two "any word ending in …" alternatives (…besuch, …reise) tried only where a word
 * starts. Equal to TRIGGER from any position not inside a word: where such an alternative matches inside
 * a word it also matches at the word's start, which TRIGGER tries first. (TRIGGER tries every letter
 * of every word, and its scan was the largest cost of this stage.)
 */
const TRIGGER_AT_WORD = new RegExp(
  TRIGGER.source
    .replace('\\p{L}*(?:Besuch(?:s|es|e|en)?|besuch', '(?<!\\p{L})\\p{L}*(?:Besuch(?:s|es|e|en)?|besuch')
    .replace('|\\p{L}*(?:Reise|Reisen|reise|reisen)', '|(?<!\\p{L})\\p{L}*(?:Reise|Reisen|reise|reisen)'),
  TRIGGER.flags,
)
const LETTER = /\p{L}/u
/**
 * What a match of TRIGGER cannot be without (each alternative spelled out: "esuch" for Besuch/besucht,
 * "eise" for Reise, "kommen" for angekommen and willkommen, "ipfel" for Gipfel and …gipfel, …). About
 * two sentences in three have none of them and are not searched.
 */
const TRIGGER_CUE =
  /esuch|eise|reist|troffen|treffen|trifft|traf|kommen|kommt|kam|flog|flieg|weilt|gewesen|empf|begrüßt|nimmt|nehmen|genommen|nahm|beteiligt|erwartet|geladen|einladen|lädt|lud|gebrochen|bricht|brach|landet|hält|hielt|Ankunft|isite|Einladung|Gespräch|Treffen|ipfel|Teilnahme|treffe|träfe|komme|beiwohn|beigewohnt|ertret|ertritt|ertrat|Kommen|eilnehmern|Vertreten|bstecher|Landung|Empfang|Beisein|Anwesenheit|Gast|gast|Gäste|gäste|orum|onferenz|arade|ribüne|eierlichkeit|eremonie|Tagung|Zusammenkunft|Begegnung|Unterredung|erhandlung|eratung|schick|entsand|entsend|unterwegs/

/** The trigger words of a sentence, as allMatches(TRIGGER, text) finds them. */
export function triggersIn(text: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = []
  if (!TRIGGER_CUE.test(text)) return out
  let from = 0
  while (from < text.length) {
    // inside a word (a trigger ended before a letter) only TRIGGER itself is exact, for one match
    const re = from > 0 && LETTER.test(charBefore(text, from)) && LETTER.test(String.fromCodePoint(text.codePointAt(from) ?? 0)) ? TRIGGER : TRIGGER_AT_WORD
    re.lastIndex = from
    const m = re.exec(text)
    if (!m) break
    if (m[0].length === 0) {
      from = m.index + 1
      continue
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] })
    from = m.index + m[0].length
  }
  return out
}

/** Nouns of an occasion someone attends (forum, conference, parade, ceremony, meeting): a trip only where the text puts someone at it. */
const ATTENDED = /^(?:\p{L}*(?:[Ff]orums?|[Kk]onferenz|[Pp]arade|[Zz]eremonie)|Feierlichkeiten|Tagung)$/u
/** "bei einem Wirtschaftsforum", "auf der Konferenz", "an der Parade", "zur Zeremonie", "am Rande des Forums": at it. */
const AT_OCCASION =
  /(?:^|[^\p{L}])(?:bei|beim|auf|an|am|zu|zum|zur|während|Rande|vor)\s+(?:(?:de[rmns]|die|das|eine[mnrs]?|ein)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu

/**
 * The trigger words of a sentence that can report a trip: an occasion noun ("Forum", "Konferenz", "Parade")
 * only where someone is at it ("bei einem Wirtschaftsforum in Wladiwostok"), not where it only names people
 * ("Teilnehmer einer Sicherheitskonferenz …").
 */
export function tripTriggersIn(text: string): (Span & { text: string })[] {
  return triggersIn(text).filter((t) => !ATTENDED.test(t.text) || AT_OCCASION.test(text.slice(Math.max(0, t.start - 60), t.start)))
}

function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1)
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1)
}

/** What a call cannot be named without (CALL is case-sensitive): most sentences have none of them. */
export const CALL_WORD = /elefon|ideo|virtuell/

/** Invitations: an event of their own kind when no date is given. */
export const INVITE = /\b(?:eingeladen|einladen|lädt|lud|luden|Einladung\p{L}*|willkommen)\b/u

/** Announced, intended or expected trips. */
export const FUTURE =
  /\b(?:will|wollen|wolle|soll|sollen|solle|sollte|sollten|werde|wird|werden|würde|würden|plant|planen|plane|geplant\p{L}*|kündigt\p{L}*|angekündigt|bevorsteh\p{L}*|bevor\b(?=[^.]*\bsteh)|erwartet|erwarten|freue|freut|freuen|hoffe|hofft|hoffen|vorbereit\p{L}*|bereite\p{L}*\s+sich|warte\p{L}*\s+auf|möglich\p{L}*|Aussicht|beabsichtig\p{L}*|vorgesehen|anstehend\p{L}*|kommende[nmrs]?|könnte|könnten|dürfte|dürften|ob|Ob|falls|Falls|bekanntgegeben|(?:Teilnahme|Kommen|Besuch)\s+(?:\p{L}+\s+){0,4}?(?:zugesagt|bestätigt)|bekannt\s*geben|bekannt\s*gegeben|gibt\b[^.]*\bbekannt|gab\b[^.]*\bbekannt)\b/u

/** A trip that did not or will not take place: "hat Kiew nicht besucht", "sagte die Reise ab". */
export const NEGATED = /\b(?:nicht|nie|niemals|kein|keine|keinen|keinem|abgesagt|absagen|verschoben|gestrichen|sagte\b[^.]*\bab|sagt\b[^.]*\bab)\b/u

/**
 * A trip told as merely possible (GUIDE: no record): "könnte … reisen", "er könne womöglich noch in diesem
 * Jahr nach China reisen", "vielleicht", "erwägt". An announced trip says will, shall or is expected.
 */
export const POSSIBLE = /\b(?:könnte|könnten|könne|dürfte|dürften|möglicherweise|womöglich|vielleicht|eventuell|denkbar|erwägt|erwägen|erwäge|spekuliert|Spekulationen)\b/u

/** Present-tense reports of a trip under way. */
export const ONGOING =
  /\b(?:teilnimmt|teilnehmen(?=\s*[,.;]|$)|nimmt\b[^.]*\bteil|nehmen\b[^.]*\bteil|beteiligt\s+sich|beteiligen\s+sich|empfängt|weilt|weilen|hält\s+sich\b[^.]*\bauf|zu\s+Gast|(?:ist|sind)\s+(?:[\p{L}\d.]+\s+){0,5}?zu\s+(?:einem|seinem|ihrem)?\s*(?:\p{L}+\s+)?(?:\p{L}+)?[Bb]esuch|(?:ist|sind|weilt|weilen)\s+seit\s+[\p{L}\d. ]{2,30}?\s+in\s|[Uu]nter\s+den\s+(?:Teilnehmern|Gästen|Anwesenden)\s+(?:sind|ist|befinden\s+sich)|reist|besucht|fliegt|trifft|kommt)\b/u

/** A trip named inside a prepositional phrase is a reference to it, not an announcement ("Bei Xis Besuch … soll es"). */
export const REFERENCE_PHRASE =
  /\b(?:bei|Bei|beim|Beim|während|Während|nach|Nach|vor|Vor|Auftakt|im\s+Rahmen|zum\s+Abschluss)\s+(?:(?:de[rmsn]|die|das|eine[mnrs]?|seine[mnrs]?|ihre[mnrs]?|\p{Lu}\p{L}*s|\p{Ll}+e[nmrs]?)\s+){0,3}$/u

/**
 * A noun that names the kind of place before its name: "Hauptstadt", "Stadt", "Touristenort", "Hafenstadt",
 * "US-Bundesstaat", "Provinz", "Region" (compounds ending in -stadt, -ort, -metropole, -staat, -provinz).
 */
const PLACE_NOUN = '(?:(?:\\p{Lu}[\\p{L}-]*?(?:stadt|ort|metropole|staat|provinz|region|republik))|Stadt|Ort|Metropole|Provinz|Region|Hauptstadt|Badeort|Ferienort)'

/** "in Moskau", "nach China", "in die Ukraine", "in der Hauptstadt Astana", "im US-Bundesstaat Alaska". */
export const DIRECTED = new RegExp(`(?:^|[^\\p{L}])(?:in|nach|In|Nach|im|Im|ins)\\s+(?:(?:die|den|der|das|dem)\\s+)?(?:${PLACE_NOUN}\\s+)?$`, 'u')
/** "im russischen Kasan", "in der ostchinesischen Stadt Hangzhou", "in dem Touristenort Guilin", "im Kreml" (cities only). */
export const DIRECTED_WITH_ADJECTIVE = new RegExp(
  `(?:^|[^\\p{L}])(?:in|nach|im|In|Nach|Im)\\s+(?:(?:die|den|der|das|dem)\\s+)?(?:\\p{Ll}+(?:en|er|em|es|e)\\s+)?(?:${PLACE_NOUN}\\s+)?$`,
  'u',
)

/** Nouns whose "in …"/"nach …" is not a trip: "Einmarsch in die Ukraine", "Krieg in der Ukraine", "Lage in Syrien". */
export const NOT_A_TRIP =
  /(?:Einmarsch|Invasion|Krieg\p{L}*|Angriff\p{L}*|Lage|Situation|Konflikt\p{L}*|Krise|Truppen|Soldaten|Frieden\p{L}*|Waffen\p{L}*|Lieferung\p{L}*|Export\p{L}*|Import\p{L}*|Investition\p{L}*|Menschen|Einsatz|Offensive|Vormarsch|Rückzug|Wahl\p{L}*|Unternehmen|Firmen|Gas|Öl|Strom|Sanktion\p{L}*|Verlegung|Opfer|Tote[n]?|Anschlag|Anschläge|Proteste?|Demonstration\p{L}*|Flüchtlinge|Botschaft|Konsulat|Handel|Geschäfte?|Zahlungen|Hilfe)\s+(?:in|nach)\s+(?:(?:die|den|der|das)\s+)?$/u

/** Owner of a trip noun after it: "Besuch von Xi", "Besuch des chinesischen Staatschefs Xi", "Ankunft von …". */
export const OWNER_AFTER = /^\s+(?:von|des|der|seines|seiner|ihres|ihrer|eines|einer)\s/u

/** Time expressions that bound or compare rather than date the event ("ab Februar 2022", "seit 2019"). */
export const GUARDED = new Set(['ab', 'seit', 'bis', 'gegenüber', 'vor'])

/** Clause starts inside a sentence: subordinate conjunctions after a comma, semicolons, colons, dashes. */
const CLAUSE_BREAK =
  /\s*;\s*|:\s+|\s[–—-]\s|,\s+(?=(?:nachdem|weil|obwohl|wobei|um|dass|damit|bevor|als|während|da|wenn|sodass|zuletzt|dann|doch|aber|sondern|zudem|danach|anschließend|wie|und\s+(?:einen|eine|ein)\s+Tag|sagte|sagt|sagten|erklärte|betonte|kündigte|teilte|warnte|versicherte|so|hieß|meinte|fügte)\b|(?:am|Am|im)\s+\d)/gu

/** A pronoun that can be the traveller: a personal one, or a possessive before a trip noun ("seine Reise nach …"), not "seine Beziehungen". */
/**
 * A person named before, told by a definite role noun without a name or complement after it: "die
 * Ministerin", "der Gast", "der Kanzler" (not "der Präsident der Mongolei", not "die Ministerin Anna Muster").
 */
export const ROLE_ANAPHOR =
  /\b(?:[Dd]er|[Dd]ie)\s+(?:\p{Ll}+e\s+)?(?:(?:Außen|Verteidigungs|Wirtschafts|Premier)?[Mm]inisterin|(?:Außen|Verteidigungs|Wirtschafts|Premier)?[Mm]inister|Kanzlerin|Kanzler|Präsidentin|Präsident|Politikerin|Politiker|\p{Lu}\p{L}*-Politikerin|\p{Lu}\p{L}*-Politiker|Regierungschefin|Regierungschef|Staatschefin|Staatschef|Gast)(?![\p{L}-])(?!\s+(?:\p{Lu}|der\b|des\b|von\b|aus\b))/u
/** "sie" with a verb in the singular beside it: one woman, not a group ("reiste sie", "sie ist"). */
export const SHE_SINGULAR =
  /\b[Ss]ie\s+(?:ist|war|hat|hatte|wird|reist|reiste|fliegt|flog|traf|trifft|besucht|besuchte|kam|kommt|landete|landet)\b|\b(?:ist|war|hat|hatte|wird|reist|reiste|fliegt|flog|traf|trifft|besucht|besuchte|kam|kommt|landete|landet)\s+sie\b/u

export const PRONOUN =
  /\b(?:er|sie|Sie|Er|ihn|ihm)\b|\b(?:seine[mnrs]?|ihre[mnrs]?|Seine[mnrs]?|Ihre[mnrs]?)\s+(?:\p{Ll}+\s+)?(?:\p{L}*[Rr]eise|\p{L}*[Bb]esuch\p{L}*|Visite|Ankunft|Teilnahme)\b/u

/**
 * "die beiden", "beide Präsidenten", "die Staatsoberhäupter", "Putin und Xi werden beide": two people named before, not "beide Seiten",
 * "beide Länder" (states) or "beiden Tagen" (time).
 */
export const BOTH_PEOPLE =
  /\b[Dd]ie\s+(?:beiden\s+)?(?:Staatsoberhäupter|Staatschefs|Präsidenten|Staatenlenker|Staatsführer|Außenminister|Spitzenpolitiker|Machthaber|Amtskollegen|Regierungschefs)\b|\b(?:[Dd]ie\s+)?[Bb]eiden?\b(?!\s+(?:\p{Ll}+\s+)?(?:Seiten|Länder|Ländern|Staaten|Nationen|Regierungen|Tage|Tagen|Jahre|Jahren|Mal|Male|Staatsmedien|Medien|Wirtschaften|Armeen|Volkswirtschaften|Unternehmen|Konzerne|Ministerien|Hauptstädte|Nachbarn|Nachbarländer|Mächte|Atommächte|Großmächte))/u

// --- small helpers ---------------------------------------------------------------------------------

export interface Span {
  start: number
  end: number
}

export interface Clause extends Span {
  text: string
}

export interface Person {
  id: string
  country: string | null
  start: number
  end: number
  surface: string
}

export interface Leg extends Span {
  place: string | null
  country: string | null
  /** The time the earlier sentence that gave the place tells its meeting at ("Der Gipfel findet im Juni in Bischkek statt"). */
  meetingTime?: TimeMention
}

export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function splitClauses(text: string): Clause[] {
  const out: Clause[] = []
  let start = 0
  CLAUSE_BREAK.lastIndex = 0
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m[0].length === 0) {
      CLAUSE_BREAK.lastIndex++
      continue
    }
    if (m.index > start) out.push({ start, end: m.index, text: text.slice(start, m.index) })
    start = m.index + m[0].length
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) })
  return out
}

export function inside(span: Span, clause: Span): boolean {
  return span.start >= clause.start && span.end <= clause.end
}

export function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end
  if (b.end <= a.start) return a.start - b.end
  return 0
}

export function allMatches(pattern: RegExp, text: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = []
  const re = pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`)
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] })
  }
  return out
}
export interface Working extends EventDraft {
  strong: boolean
  ownDate: boolean
}

const QUOTE_MARK = /[„“”"»«]/gu
/** A quote closed before its attribution: "…«, sagte Putin", "…“, erklärte der Kreml". */
const CLOSED_BEFORE_SPEECH_VERB = /^[“”"»«]\s*,\s*(?:sagte|sagt|erklärte|erklärt|betonte|betont|so|fügte|meinte|schrieb|teilte|hieß|warnte|versicherte|antwortete)\b/u

/**
 * The text of a clause with the quoted speech blanked out, when `at` (the trigger) lies outside it: what a
 * speaker says will happen ("»Wir werden uns treffen«, sagte Putin in einer Videokonferenz") does not make
 * the reported call a plan. Offsets stay as they were.
 */
export function outsideQuotes(text: string, at: number): string {
  const marks = [...text.matchAll(QUOTE_MARK)].map((m) => m.index)
  if (marks.length === 0) return text
  const spans: [number, number][] = []
  let i = 0
  // a sentence that opens inside a quote begun before it: quoted up to its first mark
  const first = marks[0] ?? 0
  if (CLOSED_BEFORE_SPEECH_VERB.test(text.slice(first, first + 40)) && !/[„“”"»«]/u.test(text.slice(0, first))) {
    spans.push([0, first])
    i = 1
  }
  for (; i + 1 < marks.length; i += 2) spans.push([marks[i] ?? 0, (marks[i + 1] ?? 0) + 1])
  if (spans.some(([a, b]) => at >= a && at < b)) return text
  let out = text
  for (const [a, b] of spans) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b)
  return out
}

/** Speech and signing verbs: "sagte Xi am Mittwoch in Johannesburg" puts the speaker there. */
const SPEECH_VERB =
  /\b(?:sagte|sagt|sagten|erklärte|erklärt|betonte|betont|sprach|spricht|warnte|versicherte|antwortete|kündigte|teilte|unterstrich|bekräftigte|forderte|lobte|unterzeichnete|unterzeichneten|äußerte)\b/gu
const SPEECH_CUE = /sagt|erklärt|beton|sprach|sprich|warnte|versicherte|antwortete|kündigte|teilte|unterstrich|bekräftigte|forderte|lobte|unterzeichnete|äußerte/
/** What follows a speech verb that says where it was spoken: a few words (the speaker, a day), then "in" and a name. */
const SPOKEN_AT = /^(?:\s+[\p{L}.'-]+){0,7}?\s+in\s+(?:(?:der|dem)\s+(?:\p{Ll}+en\s+)?\p{L}*(?:stadt|ort)\s+)?\p{Lu}/u

/** Where a speaker is put by the place the words were said: the speech verbs of a sentence followed by "in <Name>". */
export function speechAtPlace(text: string): (Span & { text: string })[] {
  if (!SPEECH_CUE.test(text)) return []
  return allMatches(SPEECH_VERB, text).filter((m) => {
    const after = text.slice(m.end, m.end + 80)
    const stop = after.search(/[,;:.!?„“"»«]/u)
    return SPOKEN_AT.test(stop < 0 ? after : after.slice(0, stop))
  })
}

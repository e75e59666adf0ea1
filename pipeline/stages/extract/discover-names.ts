/**
 * The words discovery reads a person by: role nouns, speech verbs, the words of a name, and the lists of
 * people after a role ("die Präsidenten A, B und C", "die Staatschefs Russlands und Chinas, A und B").
 */
import type { Nationality, NationalityTable } from './nationality.ts'

/** Role nouns (and compounds ending in one) that introduce a person's name: "Außenminister Qin Gang". */
export const ROLE_WORDS =
  '(?:[Mm]inister|[Pp]räsident|[Kk]anzler|[Ss]precher|[Bb]erater|[Dd]iplomat|[Bb]otschafter|[Ss]ekretär|[Cc]hef|[Aa]nalyst|[Ee]xpert(?:e|in)|[Pp]rofessor|[Pp]olitolog(?:e|in)|[Öö]konom|[Ff]orscher|[Dd]irektor|[Vv]orsitzende|[Gg]ouverneur|[Ss]enator|[Aa]bgeordnete|[Gg]eneral|[Aa]dmiral|[Kk]ommissar|[Bb]eauftragte|[Gg]esandte|[Ss]inolog(?:e|in)|[Hh]istoriker|[Jj]urist|[Pp]remier|[Aa]ußenpolitiker|[Pp]olitiker|[Ll]eiter|[Oo]berhaupt|[Kk]önig|[Kk]ronprinz|[Hh]istoriker|[Ww]issenschaftler|[Oo]ppositionelle|[Aa]ktivist|[Dd]issident|[Vv]ize|[Kk]olleg(?:e|in)|' +
  // business, media and other offices: "Novatek-CEO …", "der Milliardär …", "Chefredakteur …", "Emir …"
  'CEO|[Mm]anager|[Uu]nternehmer|[Gg]eschäftsführer|[Gg]eschäftsmann|[Gg]ründer|[Ii]nvestor|[Mm]illiardär|[Oo]ligarch|[Aa]ktionär|[Vv]ertraute|Führer|(?:[Oo]ppositions|[Gg]eschäfts|[Aa]n|[Ss]taats|[Pp]artei|[Ff]raktions|[Rr]ebellen|[Mm]ilitär|[Rr]egierungs)führer|[Uu]nterhändler|[Vv]ermittler|' +
  '[Jj]ournalist|[Kk]orrespondent|[Rr]edakteur|[Kk]olumnist|[Pp]ublizist|[Kk]enner|[Dd]ekan|[Rr]ektor|[Dd]ozent|[Kk]andidat|[Bb]ürgermeister|[Aa]nkläger|[Kk]ommandeur|[Bb]efehlshaber|[Ee]mir|[Ss]cheich|[Ss]ultan|[Mm]onarch|[Mm]achthaber|[Hh]errscher|[Dd]iktator)'
export const ROLE = `(?:[\\p{Lu}][\\p{L}-]*)?${ROLE_WORDS}(?:in|innen|en|n|s|r|e)?`
/** What a role before a name cannot match without: a sentence without a role word is not searched for one. */
export const ANY_ROLE_WORD = new RegExp(ROLE_WORDS, 'u')
const ROLE_WORD_SCAN = new RegExp(ROLE_WORDS, 'gu')
/** A letter or "-" (what ROLE's compound part is made of), by UTF-16 code unit: 1 yes, 2 no, 0 not yet known; a surrogate counts as yes. */
const compoundUnits = new Uint8Array(0x10000).fill(1, 0xd800, 0xe000)
function inCompound(unit: number): boolean {
  let known = compoundUnits[unit] ?? 0
  if (known === 0) {
    known = /^[\p{L}-]$/u.test(String.fromCharCode(unit)) ? 1 : 2
    compoundUnits[unit] = known
  }
  return known === 1
}

/**
 * Every offset a pattern that opens with ROLE (after a lookbehind) can match at, in order, found by one
 * scan for ROLE_WORDS: a role word's offset and the offsets of the letters and hyphens before it in its word
 * (ROLE's compound part, "Außen" in "Außenminister"). A superset: the pattern itself decides at each.
 * Where the scan skipped a role word inside an earlier one, both are in the same word, so its offsets are
 * among those of the earlier one or after it. Empty: the text has no role word.
 */
export function roleStarts(text: string): number[] {
  const starts: number[] = []
  let done = 0
  ROLE_WORD_SCAN.lastIndex = 0
  for (let m = ROLE_WORD_SCAN.exec(text); m; m = ROLE_WORD_SCAN.exec(text)) {
    const at = m.index
    let from = at
    while (from > done && inCompound(text.charCodeAt(from - 1))) from--
    for (let p = Math.max(from, done); p <= at; p++) starts.push(p)
    done = at + 1
  }
  return starts
}

/**
 * The matches of `sticky` (a pattern that opens with ROLE, flag "y") in `text` that its global form would
 * give, tried only at `starts` (roleStarts): the leftmost match at or after the end of the one before.
 */
export function* matchesAt(sticky: RegExp, text: string, starts: readonly number[]): Generator<RegExpExecArray> {
  let next = 0
  for (const p of starts) {
    if (p < next) continue
    sticky.lastIndex = p
    const m = sticky.exec(text)
    if (!m) continue
    next = p + Math.max(1, m[0].length)
    yield m
  }
}
/** Speech verbs after which a name follows: "sagte Hoo Tiang Boon, …". */
export const SPEECH =
  '(?:sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|schrieb|schreibt|warnte|warnt|so|berichtete|kommentierte|argumentierte|argumentiert|urteilte|urteilt|glaubt|ergänzte|fügte|erläuterte|unterstrich|antwortete|bestätigte|mahnte|schätzte|schätzt|vermutete|vermutet|kritisierte|resümierte|bilanzierte|prognostizierte|twitterte)'
/** A word of a name; Arabic names have an article glued to the family name ("al-Scharaa") and "bin" between their parts. */
export const NAME_TOKEN = "(?:(?:al|el|as|ad)-)?\\p{Lu}[\\p{Ll}\\p{M}'’-]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?"
export const NAME = `(?<name>${NAME_TOKEN}(?:\\s+(?:(?:bin|ibn)\\s+)?${NAME_TOKEN}){1,3})`
/** The role as a group, so the words before it and its compound can tell the person's state. */
export const ROLE_GROUP = `(?<role>${ROLE})`

/**
 * One more member of a list of people after a role or a state's genitive: ", Erika Probe", " und
 * Südafrikas Hans Beispiel" in "die Präsidenten Max Muster, Erika Probe und …" or "Chinas Xi Jinping,
 * Indiens Max Muster und …". A member ends at punctuation, a list word or a small word (the verb).
 */
const LIST_MEMBER = new RegExp(
  `^(?:\\s*,\\s*|\\s+(?:und|sowie|oder)\\s+)(?:(?<gen>\\p{Lu}[\\p{L}-]*s)\\s+)?${NAME}(?=\\s*[,.;:)]|\\s+(?:und|sowie|oder)\\s|\\s+\\p{Ll}|\\s*$)`,
  'ud',
)
/** A state in a role's list of states: "Russlands", "der Mongolei", "Chinas". */
const STATE_WORD = '(?:(?:der|des)\\s+)?\\p{Lu}[\\p{L}-]*'
/**
 * A role, then the states it stands for, then (after a comma) the people in the same order: "die drei
 * Staatschefs Russlands, der Mongolei und Chinas, Max Muster, Erika Probe und Hans Beispiel".
 */
const ROLE_STATES = new RegExp(
  `(?<![\\p{L}])${ROLE_GROUP}\\s+(?<states>${STATE_WORD}(?:\\s*,\\s*${STATE_WORD})*\\s+(?:und|sowie)\\s+${STATE_WORD}),(?=\\s+\\p{Lu})`,
  'yu',
)
/** The first person after such a list of states. */
const FIRST_MEMBER = new RegExp(`^\\s+${NAME}(?=\\s*[,.;:)]|\\s+(?:und|sowie)\\s|\\s+\\p{Ll}|\\s*$)`, 'u')

/** Small words after which a capitalised word is a noun of its own, not the end of a name: "traf Max Muster Vertreter der …". */
const AFTER_NOUN = new Set(
  'der die das den dem des ein eine einen einer eines einem und oder aus von vom in im mit zu zur zum bei beim für auf an am über unter nach vor gegen'.split(' '),
)

/**
 * Whether the words after a candidate close it: punctuation, or a verb ("Ali Akbar Muster warnte"),
 * so that a third word is part of the name; not an article or preposition after a noun.
 */
export function closesName(rest: string): boolean {
  if (/^\s*(?:[,.;:)]|$)/.test(rest)) return true
  const next = /^\s+(\p{Ll}+)(?![\p{L}])/u.exec(rest)?.[1]
  return next !== undefined && !AFTER_NOUN.has(next)
}

/** What `discoverPeople` does with a candidate: its words, whether they close the name, its sentence, its state. */
export type Consider = (raw: string, closed: boolean, sentence: number, nationalityOf: () => Nationality | undefined, role?: string) => void

/** The members of a list that goes on after `at`: ", Erika Probe und Südafrikas Hans Beispiel". */
export function listMembers(text: string, at: number, sentence: number, table: NationalityTable, consider: Consider): void {
  let rest = at
  for (let n = 0; n < 8; n++) {
    const m = LIST_MEMBER.exec(text.slice(rest))
    const raw = m?.groups?.name
    if (!m || raw === undefined) return
    const gen = m.groups?.gen
    const genId = gen === undefined ? undefined : table.genitives.get(gen)
    // a genitive that is not a state's ("Putins Berater") ends the list
    if (gen !== undefined && genId === undefined) return
    const closed = closesName(text.slice(rest + m[0].length))
    const nationality: Nationality | undefined =
      gen !== undefined && genId !== undefined ? { country: genId, from: { rule: 'nationality-genitive', cue: gen, reference: null } } : undefined
    consider(raw, closed, sentence, () => nationality)
    rest += m[0].length
  }
}

/**
 * The people after a role's list of states (`starts`: roleStarts of the text), each with the state in its place: known people count as
 * members (they are not taken again), and only where there are as many people as states, all of them known.
 */
export function statesInOrder(text: string, starts: readonly number[], sentence: number, table: NationalityTable, consider: Consider): void {
  for (const m of matchesAt(ROLE_STATES, text, starts)) {
    const words = (m.groups?.states ?? '').split(/\s*,\s*|\s+(?:und|sowie)\s+/u).map((w) => w.replace(/^(?:der|des)\s+/u, ''))
    const states = words.map((w) => table.names.get(w))
    if (states.some((id) => id === undefined)) continue
    const names: { raw: string; closed: boolean }[] = []
    let rest = m.index + m[0].length
    let member = FIRST_MEMBER.exec(text.slice(rest))
    while (member?.groups?.name && names.length <= states.length) {
      rest += member[0].length
      names.push({ raw: member.groups.name, closed: closesName(text.slice(rest)) })
      member = LIST_MEMBER.exec(text.slice(rest))
    }
    if (names.length !== states.length) continue
    const cue = `${m.groups?.role ?? ''} ${m.groups?.states ?? ''}`
    names.forEach(({ raw, closed }, i) => {
      const country = states[i]
      consider(raw, closed, sentence, () => (country ? { country, from: { rule: 'nationality-in-order', cue, reference: null } } : undefined))
    })
  }
}

/**
 * A traveller told by a role with a state and no name: "der chinesische Premier", "Chinas Staatschef",
 * "der türkische Präsident", "Kasachstans Außenminister". German reports name a person once and then by
 * office; the role's state (from the registry's adjectives and genitives, nationality.ts) picks the person
 * of that state named last before it in the article. Not a mention (GUIDE: descriptions without a name
 * are not mentions) — only who travelled.
 */
import type { Person, Span } from './event-words.ts'
import { countryOfRole } from './nationality.ts'
import type { NationalityTable } from './nationality.ts'

/** Offices one person holds for a state (a minister of something else, "Wirtschaftsminister", counts too), also as a hyphenated compound ("US-Präsident"). */
const ROLE_WORD =
  /(?<![\p{L}-])(?:\p{Lu}[\p{L}]*-)?(?:Staatschef|Staatschefin|Staatspräsident|Staatspräsidentin|Präsident|Präsidentin|Staatsoberhaupt|Staats-\s+und\s+Parteichef|Regierungschef|Regierungschefin|Ministerpräsident|Ministerpräsidentin|Premier|Premierminister|Premierministerin|Kanzler|Kanzlerin|\p{L}*[Mm]inister|\p{L}*[Mm]inisterin|Chefdiplomat|Chefdiplomatin|Machthaber|Monarch|König|Emir|Kronprinz)(?![\p{L}-])/gu

/** What a role referent is: the person and the words that named them. */
export interface RoleReferent {
  person: Person
  cue: string
}

/**
 * The person a role in `span` stands for: the role's state must differ from `hostCountry` (a host's role
 * is no traveller) and a person of that state must have been named before (`before`: lists in reading
 * order, the last read first).
 * Undefined when the span holds no such role, the role is followed by a name (an apposition: the name is
 * the mention), or no one of its state was named.
 */
export function roleReferent(
  text: string,
  span: Span,
  before: readonly (readonly Person[])[],
  sentencePersons: readonly Person[],
  hostCountry: string | null,
  table: NationalityTable,
): RoleReferent | undefined {
  for (const role of rolesOfState(text, span, sentencePersons, table)) {
    if (role.country === hostCountry) continue
    const person = lastOfState(before, role.country)
    if (person) return { person, cue: role.cue }
  }
  return undefined
}

/** Whether `span` holds a role with a state and no name after it ("Der türkische Präsident war … angereist"): then the role is the subject, not someone named before. */
export function namesRoleOfState(text: string, span: Span, sentencePersons: readonly Person[], table: NationalityTable): boolean {
  return !rolesOfState(text, span, sentencePersons, table).next().done
}

/**
 * The roles with a state in `span`, in reading order, with the state and the words that named it; not a
 * role with a name right after it ("Präsident Xi Jinping": the name is the mention).
 */
function* rolesOfState(text: string, span: Span, sentencePersons: readonly Person[], table: NationalityTable): Generator<{ country: string; cue: string }> {
  const part = text.slice(span.start, span.end)
  const roles = new RegExp(ROLE_WORD.source, ROLE_WORD.flags)
  for (let m = roles.exec(part); m; m = roles.exec(part)) {
    const start = span.start + m.index
    const end = start + m[0].length
    if (sentencePersons.some((p) => p.start >= end && p.start - end <= 2)) continue
    const nationality = countryOfRole(text.slice(Math.max(0, start - 40), start), m[0], text.slice(end, end + 40), table)
    if (nationality) yield { country: nationality.country, cue: nationality.from.cue ?? m[0] }
  }
}

/** The person of a state named last: the last list first, each from its end. */
function lastOfState(lists: readonly (readonly Person[])[], country: string): Person | undefined {
  for (let i = lists.length - 1; i >= 0; i--) {
    const found = lists[i]?.findLast((p) => p.country === country)
    if (found) return found
  }
  return undefined
}

/**
 * The other party of a call that names one person: a role of another state ("erklärte der neue
 * US-Präsident") or a pronoun subject ("Er telefonierte mit Xi") for the person of another state named in
 * the sentence before. The party stands where its words stand, so who called is read as for named parties.
 */
export function callPartner(
  text: string,
  clause: Span,
  named: readonly Person[],
  before: readonly Person[],
  previous: readonly Person[],
  table: NationalityTable,
): Person | undefined {
  const states = new Set(named.map((p) => p.country))
  if (named.length === 0 || states.size > 1) return undefined
  const own = named[0]?.country ?? null
  const pronoun = PRONOUN_SUBJECT.exec(text.slice(clause.start, clause.end))
  const word = pronoun ? (pronoun[1] ?? pronoun[2] ?? 'er') : null
  const pronounAt = pronoun && word ? clause.start + pronoun.index + (pronoun[1] ? 0 : pronoun[0].lastIndexOf(word)) : null
  // the role may stand in the attribution after the call's clause ("… habe er geführt, sagte der französische
  // Präsident"): the party then stands where its pronoun does
  const role = roleReferent(text, { start: clause.start, end: text.length }, [before], named, own, table)
  if (role) {
    const at = text.indexOf(role.cue, clause.start)
    if (at >= clause.start && at + role.cue.length <= clause.end) return { ...role.person, start: at, end: at + role.cue.length, surface: role.cue }
    if (pronounAt !== null && word) return { ...role.person, start: pronounAt, end: pronounAt + word.length, surface: word }
  }
  const other = previous.find((p) => p.country !== null && p.country !== own && !named.some((n) => n.id === p.id))
  if (pronounAt === null || !word || !other) return undefined
  return { ...other, start: pronounAt, end: pronounAt + word.length, surface: word }
}

/** "er"/"sie" as a subject beside a call: "Er telefonierte", "habe er … geführt", "telefonierte sie". */
const PRONOUN_SUBJECT = /(?<![\p{L}])(Er|er|Sie|sie)\s+(?:\p{L}+\s+){0,3}?(?:telefonierte|telefoniert|sprach|geführt|gesprochen|hat|hatte|habe|hätte)(?![\p{L}])|(?:telefonierte|telefoniert|sprach|habe|hat|hatte)\s+(er|sie)(?![\p{L}])/u

/** Whether a sentence may hold such a role at all (cheap test before the sentence is read further). */
export function mayNameRole(text: string): boolean {
  ROLE_WORD.lastIndex = 0
  return ROLE_WORD.test(text)
}

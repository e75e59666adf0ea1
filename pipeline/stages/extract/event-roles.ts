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

/** Offices one person holds for a state (a minister of something else, "Wirtschaftsminister", counts too). */
const ROLE_WORD =
  /(?<![\p{L}-])(?:Staatschef|Staatschefin|Staatspräsident|Staatspräsidentin|Präsident|Präsidentin|Staatsoberhaupt|Staats-\s+und\s+Parteichef|Regierungschef|Regierungschefin|Ministerpräsident|Ministerpräsidentin|Premier|Premierminister|Premierministerin|Kanzler|Kanzlerin|\p{L}*[Mm]inister|\p{L}*[Mm]inisterin|Chefdiplomat|Chefdiplomatin|Machthaber|Monarch|König|Emir|Kronprinz)(?![\p{L}-])/gu

/** What a role referent is: the person and the words that named them. */
export interface RoleReferent {
  person: Person
  cue: string
}

/**
 * The person a role in `span` stands for: the role's state must differ from `hostCountry` (a host's role
 * is no traveller) and a person of that state must have been named before (`before`, in reading order).
 * Undefined when the span holds no such role, the role is followed by a name (an apposition: the name is
 * the mention), or no one of its state was named.
 */
export function roleReferent(
  text: string,
  span: Span,
  before: readonly Person[],
  sentencePersons: readonly Person[],
  hostCountry: string | null,
  table: NationalityTable,
): RoleReferent | undefined {
  const part = text.slice(span.start, span.end)
  ROLE_WORD.lastIndex = 0
  for (let m = ROLE_WORD.exec(part); m; m = ROLE_WORD.exec(part)) {
    const start = span.start + m.index
    const end = start + m[0].length
    // "Präsident Xi Jinping": the name right after the role is the mention
    if (sentencePersons.some((p) => p.start >= end && p.start - end <= 2)) continue
    const nationality = countryOfRole(text.slice(Math.max(0, start - 40), start), m[0], text.slice(end, end + 40), table)
    if (!nationality || nationality.country === hostCountry) continue
    const person = [...before].reverse().find((p) => p.country === nationality.country)
    if (person) return { person, cue: nationality.from.cue ?? m[0] }
  }
  return undefined
}

/** Whether a sentence may hold such a role at all (cheap test before the sentence is read further). */
export function mayNameRole(text: string): boolean {
  ROLE_WORD.lastIndex = 0
  return ROLE_WORD.test(text)
}

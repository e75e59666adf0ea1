/**
 * The state a person acts for, read from the phrase that introduces the person: "Indiens Premier",
 * "die brasilianische Präsidentin", "US-Außenminister", "Kremlsprecher", "der Sprecher des chinesischen
 * Außenministeriums", "der Präsident von Kasachstan". The words come from the registry (country names,
 * aliases, seats, and the nationality adjectives of `adjectives`), never from a list in the code.
 */
import type { Decision } from '../../../src/model/dataset.ts'
import type { ActorEntry } from '../types.ts'

/** A person's state as the phrase gives it, with how it was read (rule ids in pipeline/README.md). */
export interface Nationality {
  country: string
  from: Decision
}

export interface NationalityTable {
  /** Declined nationality adjectives → country id: "iranische", "iranischen" → "iran". */
  adjectives: ReadonlyMap<string, string>
  /** Genitives that stand before a role: "Indiens", "Kasachstans", "Pekings" → country id. */
  genitives: ReadonlyMap<string, string>
  /** Names after "des", "der", "von" in a role's complement: "der Ukraine", "von Kasachstan", "der Nato". */
  names: ReadonlyMap<string, string>
  /** The first part of a role compound: "US" (US-Präsident), "Kreml" (Kremlsprecher), "EU", "Nato". */
  prefixes: ReadonlyMap<string, string>
}

/** Endings of a declined German adjective: "iranisch" → "iranische", "iranischen", … */
const ADJECTIVE_ENDINGS = ['e', 'en', 'er', 'es', 'em']

function genitivesOf(form: string): string[] {
  if (/[sxzß]$/i.test(form)) return [`${form}'`, `${form}’`]
  return /\p{L}$/u.test(form) ? [`${form}s`] : []
}

const tables = new WeakMap<readonly ActorEntry[], NationalityTable>()

/** The table for a registry (cached per registry array). */
export function nationalityTable(registry: readonly ActorEntry[]): NationalityTable {
  const cached = tables.get(registry)
  if (cached) return cached
  const adjectives = new Map<string, string>()
  const genitives = new Map<string, string>()
  const names = new Map<string, string>()
  const prefixes = new Map<string, string>()
  const put = (map: Map<string, string>, key: string, id: string): void => {
    if (!map.has(key)) map.set(key, id)
  }
  for (const entry of registry) {
    if (entry.kind === 'person') continue
    const forms = [entry.name, ...entry.aliases]
    for (const form of [...forms, ...(entry.seats ?? [])]) {
      put(names, form, entry.id)
      for (const g of genitivesOf(form)) {
        put(names, g, entry.id)
        // a genitive before a role names a state: "Indiens Premier", "Pekings Botschafter"
        if (entry.kind === 'country' && !/\s/.test(form)) put(genitives, g, entry.id)
      }
      if (!/\s/.test(form)) put(prefixes, form, entry.id)
    }
    if (entry.kind !== 'country') continue
    for (const adjective of entry.adjectives ?? []) {
      // a capitalised adjective is not declined: "der Schweizer Außenminister"
      if (/^\p{Lu}/u.test(adjective) && !adjective.includes('-')) put(adjectives, adjective, entry.id)
      else for (const ending of ADJECTIVE_ENDINGS) put(adjectives, `${adjective}${ending}`, entry.id)
    }
  }
  const table = { adjectives, genitives, names, prefixes }
  tables.set(registry, table)
  return table
}

/** Role words that are offices of a state or organisation: a country in their compound is the office's ("US-Präsident"), not its subject ("China-Experte"). */
const OFFICE = /(?:minister|präsident|kanzler|sprecher|botschafter|sekretär|chef|premier|gouverneur|senator|abgeordnete|general|admiral|kommissar|gesandte|oberhaupt|könig|kronprinz|vize|vorsitzende|berater|diplomat|direktor)(?:in|innen|en|n|s|r)?$/i
/** Words between a nationality and its role: "der ehemalige iranische Präsident", "Chinas neuer Außenminister". */
const MODIFIER = /^\p{Ll}[\p{Ll}-]*(?:e|en|er|es|em)$/u
const WORD = /[\p{L}][\p{L}'’-]*/gu

/** "US-Präsident" → usa, "Kremlsprecher" → russia, "Nato-Generalsekretär" → nato; an expert's compound says nothing. */
function countryOfCompound(role: string, table: NationalityTable): string | undefined {
  if (!OFFICE.test(role)) return undefined
  const parts = role.split('-')
  if (parts.length > 1) {
    for (const part of parts.slice(0, -1)) {
      const id = table.prefixes.get(part)
      if (id) return id
    }
    return undefined
  }
  // a closed compound: a registry form glued to the role in lower case ("Kremlsprecher")
  for (let i = 2; i < role.length - 2; i++) {
    if (!/\p{Ll}/u.test(role[i] ?? '')) continue
    const id = table.prefixes.get(role.slice(0, i))
    if (id && OFFICE.test(role.slice(i))) return id
  }
  return undefined
}

/** A nationality before a role: "Indiens", "die brasilianische", "der ehemalige iranische"; with the words from it on. */
function countryBefore(before: string, table: NationalityTable): { id: string; rule: string; cue: string } | undefined {
  const words = [...before.matchAll(WORD)]
  // the words between it and the role must be modifiers: "der von Russland ernannte" stops at "ernannte"'s neighbour "von"
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const w = words[i]?.[0] ?? ''
    const cue = before.slice(words[i]?.index ?? 0)
    const adjective = table.adjectives.get(w)
    if (adjective) return { id: adjective, rule: 'nationality-adjective', cue }
    const genitive = table.genitives.get(w)
    if (genitive) return { id: genitive, rule: 'nationality-genitive', cue }
    if (!MODIFIER.test(w)) return undefined
  }
  return undefined
}

/** A complement after a role: "des chinesischen Außenministeriums", "der Ukraine", "von Kasachstan", "Kasachstans". */
function countryAfter(after: string, table: NationalityTable): string | undefined {
  const clause = after.split(/[,;:.()]/)[0] ?? ''
  const words = clause.match(WORD) ?? []
  const first = words[0]
  if (first === undefined) return undefined
  const genitive = table.genitives.get(first)
  if (genitive) return genitive
  if (!/^(?:des|der|von)$/.test(first)) return undefined
  for (const w of words.slice(1, 5)) {
    const id = table.adjectives.get(w) ?? table.names.get(w)
    if (id) return id
    if (!MODIFIER.test(w) && !/^(?:des|der|dem|den)$/.test(w)) {
      // a noun ends the complement unless a name follows it ("der Vereinigten Staaten")
      const rest = clause.slice(clause.indexOf(w))
      for (const [name, nameId] of table.names) if (/\s/.test(name) && rest.startsWith(name)) return nameId
      return undefined
    }
  }
  return undefined
}

/**
 * The country of a person introduced by a role: `before` is the text before the role word, `role`
 * the role word as written, `after` the text between the role and the name ("des Außenministeriums, ")
 * or, for an apposition, the text after the role. The cue is the phrase as written.
 */
export function countryOfRole(before: string, role: string, after: string, table: NationalityTable): Nationality | undefined {
  const decided = (country: string, rule: string, cue: string): Nationality => ({ country, from: { rule, cue: cue.trim(), reference: null } })
  const compound = countryOfCompound(role, table)
  if (compound) return decided(compound, 'nationality-compound', role)
  const preceding = countryBefore(before, table)
  if (preceding) return decided(preceding.id, preceding.rule, `${preceding.cue}${role}`)
  const complement = countryAfter(after, table)
  const clause = after.split(/[,;:.()]/)[0] ?? ''
  return complement ? decided(complement, 'nationality-complement', `${role}${clause}`) : undefined
}

/** The actor registry (data/actors.json, `--actors FILE`) checked, and compiled into the matcher the actor rules use. */
import { z } from 'zod'
import type { Decision } from '../../../src/model/dataset.ts'
import type { ActorEntry } from '../types.ts'

export const ActorEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  en: z.string().min(1).optional(),
  kind: z.enum(['person', 'country', 'organization']),
  aliases: z.array(z.string().min(1)),
  country: z.string().min(1).optional(),
  seats: z.array(z.string().min(1)).optional(),
  adjectives: z.array(z.string().min(1)).optional(),
  contextAliases: z.array(z.string().min(1)).optional(),
  contextUnless: z.array(z.string().min(1)).optional(),
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

export interface FormTarget {
  actorId: string
  /** Capital or seat: counted only where it stands for the state. */
  seat: boolean
  /** Inflected (genitive) form of a seat: "Moskaus", "Pekings". */
  genitive: boolean
  /** A person's short name that counts only where the article names one of its bearers in full. */
  needsFull: boolean
  /** A stand-in ("die Union") that counts only where the article names the actor by another form (`contextAliases`). */
  context?: boolean
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
export const FORM_CONTINUES = /^(?:[\p{L}\p{N}_]|['’](?!s(?!\p{L}))\p{L})/u

/** Common Chinese and Korean family names, which come first: "Wang Wentao" → "Wang", "Choe Son Hui" → "Choe". */
const EAST_ASIAN_SURNAMES = new Set(
  (
    'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han ' +
    'Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Ding Ren Lu Yao Shen Zhong Cui Tan ' +
    'Fan Liao Shi Jin Jia Xia Fu Fang Zou Xiong Bai Meng Qin Qiu Hou Yin Xue Yan Duan Lei Long Tao Mao Hao Gu Gong Shao ' +
    'Wan Qian Dai Mo Kong Xiang Chang Xi Hua Kim Park Lee Choe Choi Ri Pak Jang Jung Yoon Moon Kang Cho Lim Hwang Nguyen Tran'
  ).split(' '),
)

/** Whether a name is led by a common Chinese or Korean family name ("Wang Yi", "Kim Jong Un"). */
export function isEastAsianName(name: string): boolean {
  const tokens = name.split(/\s+/)
  return tokens.length > 1 && EAST_ASIAN_SURNAMES.has(tokens[0] ?? '')
}

/** First words of names led by a family name, or of names with none, whose last word is no surname: "Hun Sen", "To Lam", "Min Aung Hlaing". */
const NO_TRAILING_SURNAME = new Set('Hun To Ban Lai Tsai Wen Geng Min Aung Anwar'.split(' '))

/**
 * The surname a registry person is called by alone where the registry gives only the full name ("Alexej
 * Miller" → "Miller"). Like a shared short name it counts only where the article names the person in full.
 * Not for names led by a family name, names with particles ("bin Zayed", "da Silva", "von der Leyen") or
 * people the registry gives a one-word name ("Abiy", "Lula"): their short forms are the registry's.
 */
function impliedSurname(entry: ActorEntry): string | null {
  if (entry.kind !== 'person' || entry.aliases.some((a) => !isMultiWord(a))) return null
  const tokens = entry.name.split(/\s+/)
  const first = tokens[0] ?? ''
  const last = tokens[tokens.length - 1] ?? ''
  if (tokens.length < 2 || EAST_ASIAN_SURNAMES.has(first) || NO_TRAILING_SURNAME.has(first)) return null
  if (tokens.some((t) => /^(?:bin|bint|ibn|al|da|de|di|dos|von|van|der|le|la)$/iu.test(t))) return null
  return /^\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?$/u.test(last) ? last : null
}

/** Genitive of a German name: "Putin" → "Putins"; names ending in s, x, z, ß take an apostrophe. */
function genitiveOf(form: string): string[] {
  if (/[sxzß]$/i.test(form)) return [`${form}'`]
  if (!/\p{L}$/u.test(form)) return []
  return [`${form}s`]
}

const isMultiWord = (form: string): boolean => /\s/.test(form.trim())

/** Who bears each one-word name or name part: a short name with several bearers is shared. */
function ownersOfShortNames(entries: readonly ActorEntry[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>()
  for (const entry of entries) {
    if (entry.kind !== 'person') continue
    const shorts = new Set([...entry.aliases, entry.name].filter((f) => !isMultiWord(f)))
    for (const token of entry.name.split(/\s+/)) if (token.length >= 2) shorts.add(token)
    for (const short of shorts) owners.set(short, (owners.get(short) ?? new Set<string>()).add(entry.id))
  }
  return owners
}

/** Builds the matcher for a registry (and any discovered people). */
export function buildMatcher(registry: readonly ActorEntry[], discovered: readonly ActorEntry[] = []): ActorMatcher {
  const discoveredIds = new Set(discovered.map((e) => e.id))
  const registryIds = new Set(registry.map((e) => e.id))
  // another spelling of a registry person ("Sergei Lavrow") adds forms to that person, not an actor
  const variants = discovered.filter((e) => e.sameAs !== undefined && registryIds.has(e.sameAs))
  const all = [...registry, ...discovered.filter((e) => e.sameAs === undefined && !registryIds.has(e.id))]
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
  const shortOwners = ownersOfShortNames(all)
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
    const surname = impliedSurname(entry)
    if (surname) {
      const target: FormTarget = { actorId: entry.id, seat: false, genitive: false, needsFull: true }
      add(surname, target)
      for (const g of genitiveOf(surname)) add(g, target)
    }
    for (const form of entry.contextAliases ?? []) add(form, { actorId: entry.id, seat: false, genitive: false, needsFull: false, context: true })
    for (const seat of entry.seats ?? []) {
      add(seat, { actorId: entry.id, seat: true, genitive: false, needsFull: false })
      for (const g of genitiveOf(seat)) add(g, { actorId: entry.id, seat: true, genitive: true, needsFull: false })
    }
  }
  for (const variant of variants) {
    const actorId = variant.sameAs ?? variant.id
    const full = fullForms.get(actorId) ?? []
    for (const name of [variant.name, ...variant.aliases]) {
      // its surname counts where the article names the person in full (in either spelling)
      const target: FormTarget = { actorId, seat: false, genitive: false, needsFull: !isMultiWord(name) }
      add(name, target)
      for (const g of genitiveOf(name)) add(g, target)
      if (isMultiWord(name)) full.push(name, ...genitiveOf(name))
    }
    fullForms.set(actorId, full)
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

/**
 * Registry entry for a discovered person: the full name, the family name for later mentions, the state
 * when the text gave it ("Indiens Premier …": `country` "india"), and the registry person it is another
 * spelling of (`sameAs`).
 */
export function discoveredEntry(name: string, country?: string, countryFrom?: Decision, sameAs?: string): ActorEntry {
  const tokens = name.split(/\s+/)
  const first = tokens[0] ?? name
  const surname = EAST_ASIAN_SURNAMES.has(first) ? first : (tokens[tokens.length - 1] ?? name)
  const entry: ActorEntry = { id: slugify(name) || 'person', name, kind: 'person', aliases: [surname] }
  if (country !== undefined) entry.country = country
  if (country !== undefined && countryFrom !== undefined) entry.countryFrom = countryFrom
  if (sameAs !== undefined) entry.sameAs = sameAs
  return entry
}

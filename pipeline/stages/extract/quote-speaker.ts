/**
 * Who speaks, from the words of an attribution ("sagte Putins Berater Anton Kobjakow", "teilte das
 * russische Außenministerium mit", "so das Ministerium", "sagte der chinesische Staatschef", "sagte er"):
 * a named person; a state's body or officials (the state); an office (its holder on the article's date);
 * a role or pronoun (the last speaker, or the person last named); a medium, a company, a document or
 * unnamed people (no one). Each answer says which rule decided it and on which words.
 */
import type { Decision } from '../../../src/model/dataset.ts'
import { nationalityTable, type NationalityTable } from './nationality.ts'
import { officeHolder, type OfficeKind, type OfficeTerm } from './quote-offices.ts'
import { BODY_NOUNS, DOCUMENT_NOUNS, MEDIUM_NOUNS, OBJECT_MARKERS, PREPOSITIONS, PRONOUN_SPEAKER, ROLE_NOUNS, UNNAMED_NOUNS } from './quote-words.ts'
import { docWordsIn, matchesIn, type DocMatch, type QuoteDoc, type Range } from './quote-doc.ts'
import type { ActorEntry } from '../types.ts'

/** What the article and the registry tell about speakers, fixed for one article. */
export interface SpeakerScene {
  byId: ReadonlyMap<string, ActorEntry>
  nationality: NationalityTable
  offices: readonly OfficeTerm[]
  /** The article's date (or its estimated reference): whose term an office falls in. */
  date: string | null
  /** Actors the article names anywhere. */
  named: ReadonlySet<string>
}

/** The registry by id, made once per registry (the same registry serves every article of a run). */
const byIdOf = new WeakMap<readonly ActorEntry[], ReadonlyMap<string, ActorEntry>>()

export function speakerScene(registry: readonly ActorEntry[], offices: readonly OfficeTerm[], date: string | null, named: ReadonlySet<string>): SpeakerScene {
  let byId = byIdOf.get(registry)
  if (!byId) {
    byId = new Map(registry.map((e) => [e.id, e]))
    byIdOf.set(registry, byId)
  }
  return { byId, nationality: nationalityTable(registry), offices, date, named }
}

/** Who was said or named before an attribution, for roles and pronouns. */
export interface SpeakerMemory {
  /** The last person who spoke, where (offset of the attribution) and in which sentence position. */
  lastSpeaker: { id: string; at: number; sentence: number; role: string | null } | null
  /** Persons named outside quoted words, or resolved as speakers, in reading order. */
  persons: { id: string; at: number; sentence: number }[]
  /** Bodies named so far with their state, for a later "das Ministerium" (after "das japanische Verteidigungsministerium"). */
  bodies: { noun: string; state: string }[]
}

export function emptyMemory(): SpeakerMemory {
  return { lastSpeaker: null, persons: [], bodies: [] }
}

export interface Speaker {
  speaker: string | null
  from: Decision
}

const decided = (speaker: string | null, rule: string, cue: string | null): Speaker => ({ speaker, from: { rule, cue, reference: null } })

/** A match that is a genitive before a noun ("Putins Berater", "Chinas Regierung"): it qualifies the head, it is not the head. */
function isPossessor(doc: QuoteDoc, m: DocMatch): boolean {
  if (!/s$|’$|'$/u.test(m.surface)) return false
  return /^\s+(?:\p{Ll}+\s+)*\p{Lu}/u.test(doc.text.slice(m.end, m.end + 40)) && !/^\s+(?:und|sowie|oder)\b/u.test(doc.text.slice(m.end, m.end + 10))
}

/** A match that is an object or inside a prepositional phrase ("sagte Putin dem Staatsrat Wang Yi", "zu Putin"). */
function isObject(doc: QuoteDoc, phrase: Range, m: DocMatch): boolean {
  const before = docWordsIn(doc, { start: Math.max(phrase.start, m.start - 60), end: m.start })
  for (let i = before.length - 1; i >= 0 && i >= before.length - 4; i--) {
    // an apposition after a comma is no object of what stands before the comma ("in Peking, Igor Morgulow")
    if (doc.text.slice(before[i]?.end ?? m.start, i === before.length - 1 ? m.start : (before[i + 1]?.start ?? m.start)).includes(',')) return false
    const w = (before[i]?.text ?? '').toLowerCase()
    if (PREPOSITIONS.has(w) || OBJECT_MARKERS.has(w)) return true
    // a name (or a verb) between stops the look back: "Außenminister Lawrow" is the head
    if (i < before.length - 1 && /^\p{Lu}/u.test(before[i]?.text ?? '') && !/^(?:Der|Die|Das|Den|Dem|Des)$/u.test(before[i]?.text ?? '')) return false
  }
  return false
}

/** The persons an attribution names as its head: not genitives before a noun, not objects. */
function headPersons(doc: QuoteDoc, phrase: Range, scene: SpeakerScene): DocMatch[] {
  return matchesIn(doc, phrase).filter((m) => scene.byId.get(m.actorId)?.kind === 'person' && !isPossessor(doc, m) && !isObject(doc, phrase, m))
}

/** The state a phrase names: a country or seat ("Chinas", "des Kremls", "in Moskau"), an adjective ("russischen"), "Moskauer". */
export function stateOf(doc: QuoteDoc, phrase: Range, scene: SpeakerScene): string | null {
  for (const m of matchesIn(doc, phrase)) {
    const entry = scene.byId.get(m.actorId)
    if (entry && entry.kind !== 'person') return m.actorId
  }
  const t = scene.nationality
  for (const w of docWordsIn(doc, phrase)) {
    const compound = /^(\p{Lu}\p{L}+?)-?(?:[Aa]ngaben|[Ii]nformationen|[Kk]reisen|[Qq]uellen)$/u.exec(w.text)?.[1]
    const id = compound
      ? (t.names.get(compound) ?? t.prefixes.get(compound))
      : w.text.includes('-')
      ? t.prefixes.get(w.text.split('-')[0] ?? '')
      : (t.adjectives.get(w.text) ?? t.adjectives.get(w.text.toLowerCase()) ?? t.names.get(w.text) ?? (w.text.endsWith('er') ? t.names.get(w.text.slice(0, -2)) : undefined))
    if (id) return id
  }
  return null
}

/** A surname alone that the matcher left out, of a person who spoke or was named before ("Miller bezeichnete …"). */
function surnameSpeaker(doc: QuoteDoc, phrase: Range, scene: SpeakerScene, memory: SpeakerMemory): string | null {
  const words = new Set(docWordsIn(doc, phrase).map((w) => w.text))
  for (const p of [...memory.persons].reverse()) {
    const name = scene.byId.get(p.id)?.name ?? ''
    const last = name.split(/\s+/u).pop() ?? ''
    if (last.length >= 3 && words.has(last)) return p.id
  }
  return null
}

/** The state named last before a relative pronoun ("gegenüber Washington, dessen …"). */
function antecedentState(doc: QuoteDoc, at: number, scene: SpeakerScene): string | null {
  const before = doc.matches.filter((m) => m.end <= at && at - m.end < 40)
  const last = before[before.length - 1]
  if (!last) return null
  const entry = scene.byId.get(last.actorId)
  return entry?.kind === 'person' ? (entry.country ?? null) : last.actorId
}

/** The office and words of a role noun in a phrase, if it holds one. */
function roleIn(text: string): { office: OfficeKind | null; cue: string; age: boolean } | null {
  for (const [pattern, office] of ROLE_NOUNS) {
    const m = pattern.exec(text)
    if (m) return { office: office as OfficeKind | null, cue: m[0], age: /Jährige|Russe|Chinese|Amerikaner|Ukrainer|Inder|Brasilianer/u.test(m[0]) }
  }
  return null
}

/** The person a role or pronoun stands for: the last speaker when recent, else the person last named. */
export function recentPerson(memory: SpeakerMemory, sentence: number, at: number, country: string | null, scene: SpeakerScene, prefer: 'speaker' | 'named' | 'pronoun'): string | null {
  const fits = (id: string): boolean => country === null || scene.byId.get(id)?.country === country
  const speaker = memory.lastSpeaker
  const recentSpeaker = speaker && speaker.sentence >= sentence - 2 && fits(speaker.id) ? speaker.id : null
  const named = [...memory.persons].reverse().find((p) => p.at < at && p.sentence >= sentence - 3 && fits(p.id))
  const sameSentence = named && named.sentence === sentence ? named.id : null
  if (sameSentence && prefer !== 'speaker') return sameSentence
  if (prefer !== 'named') return recentSpeaker ?? named?.id ?? (speaker && fits(speaker.id) ? speaker.id : null)
  return named?.id ?? recentSpeaker
}

/**
 * The speaker an attribution phrase names. `sentence` is the position of its sentence, for what
 * "recent" means to pronouns and roles.
 */
export function speakerOfPhrase(doc: QuoteDoc, phrase: Range, scene: SpeakerScene, memory: SpeakerMemory, sentence: number): Speaker {
  const text = doc.text.slice(phrase.start, phrase.end)
  const cue = text.trim().replace(/\s+/gu, ' ').slice(0, 120) || null
  const words = docWordsIn(doc, phrase)
  const first = words[0]?.text ?? ''
  if (/^(?:es|man)$/u.test(first)) return decided(null, 'impersonal', cue)

  const body = BODY_NOUNS.exec(text)?.[0]
  const bodyState = body ? stateOf(doc, phrase, scene) : null
  if (body && bodyState) memory.bodies.push({ noun: body.toLowerCase(), state: bodyState })
  const persons = headPersons(doc, phrase, scene)
  const distinct = [...new Set(persons.map((p) => p.actorId))]
  if (distinct.length >= 2) {
    const [a, b] = persons
    if (a && b && /\b(?:und|sowie)\b/u.test(doc.text.slice(a.end, b.start))) return decided(null, 'several', cue)
  }
  const person = persons[0]
  if (person) return decided(person.actorId, 'named', cue)

  if (PRONOUN_SPEAKER.test(first)) {
    // a pronoun is who the sentence named before it ("Dieser …, dem er vorwarf"), else the last speaker
    const id = recentPerson(memory, sentence, phrase.start, null, scene, 'pronoun')
    return decided(id, id ? 'pronoun' : 'pronoun-unresolved', cue)
  }
  if (MEDIUM_NOUNS.test(text) && !BODY_NOUNS.test(text)) return decided(null, 'medium', cue)
  // "dessen Spitzendiplomat": the state is the one named before the relative pronoun ("Washington, dessen …")
  const state = /^(?:dessen|deren)$/u.test(first) ? antecedentState(doc, phrase.start, scene) : stateOf(doc, phrase, scene)
  // "nach russischen Angaben", "laut US-Quellen", "nach Kremlangaben": what a state's sources say
  if (state && /(?:[Aa]ngaben|[Ii]nformationen|[Kk]reisen|[Qq]uellen)(?![\p{L}])/u.test(text) && !body) return decided(state, 'source-state', cue)
  if (UNNAMED_NOUNS.test(text)) return decided(null, 'unnamed', cue)
  const role = roleIn(text)
  if (role) {
    const byRole = roleSpeaker(role, state, scene, memory, sentence, phrase.start, cue)
    if (byRole) return byRole
  }
  if (DOCUMENT_NOUNS.test(text) && !body) return decided(state, state ? 'document-issuer' : 'document', cue)
  if (body) {
    if (state) return decided(state, 'body', cue)
    // "das Ministerium": the state of the last body named by the same noun ("Verteidigungsministeriums")
    const head = body.toLowerCase().replace(/s$/u, '')
    const earlier = [...memory.bodies].reverse().find((b) => b.noun.replace(/s$/u, '').endsWith(head))
    return decided(earlier?.state ?? null, earlier ? 'body-previous' : 'body-unresolved', cue)
  }
  if (state && matchesIn(doc, phrase).length > 0) return decided(state, 'named', cue)
  if (role && state) return decided(state, 'role-state', cue)
  const surname = surnameSpeaker(doc, phrase, scene, memory)
  if (surname) return decided(surname, 'surname', cue)
  return decided(null, 'unknown', cue)
}

/** A role: the office's holder, else the last speaker or person named who fits the role's state. */
function roleSpeaker(
  role: NonNullable<ReturnType<typeof roleIn>>,
  state: string | null,
  scene: SpeakerScene,
  memory: SpeakerMemory,
  sentence: number,
  at: number,
  cue: string | null,
): Speaker | null {
  if (role.office && state) {
    const holder = officeHolder(scene.offices, role.office, state, scene.date, scene.named)
    if (holder) return decided(holder, 'office', cue)
  }
  const recent = recentPerson(memory, sentence, at, state, scene, role.age ? 'named' : 'speaker')
  return recent ? decided(recent, 'role-previous', cue) : null
}

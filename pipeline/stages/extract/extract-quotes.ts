/**
 * Quotes (GUIDE "Quotes"): who said what, in one article. Direct quotations and reported speech are
 * found as candidates (quote-direct.ts, quote-reported.ts), the stronger of two that claim the same words
 * is kept, and the speakers are resolved in reading order (quote-speaker.ts), so that a pronoun, a role
 * ("die Sprecherin") or a quote with no attribution of its own can take the speaker before it. A
 * sentence in Konjunktiv with no speech verb continues the quote before it ("Dafür sei China sehr
 * dankbar."), or, when there is none, the person its sentence before is about.
 */
import type { Decision } from '../../../src/model/dataset.ts'
import { docWordsIn, layoutDoc, matchesIn, trimRange, wordsIn, type QuoteDoc, type Range } from './quote-doc.ts'
import { directCandidates, MIN_QUOTE_WORDS } from './quote-direct.ts'
import type { OfficeTerm } from './quote-offices.ts'
import type { Candidate } from './quote-candidate.ts'
import { reportedCandidates } from './quote-reported.ts'
import { emptyMemory, speakerOfPhrase, speakerScene, stateOf, type SpeakerMemory, type SpeakerScene, type Speaker } from './quote-speaker.ts'
import { konjunktivIn } from './quote-words.ts'
import type { ActorEntry, ActorMatch, QuoteDraft, Sentence } from '../types.ts'

export interface QuoteContext {
  /** The actor registry with the article's discovered people (the matcher's registry). */
  registry: readonly ActorEntry[]
  /** Terms of office (data/offices.json), for speakers named by office. */
  offices: readonly OfficeTerm[]
  /** The article's date, or its estimated reference month: whose term an office falls in. */
  date: string | null
}

const overlap = (a: Range, b: Range): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))

/** Whether two candidates claim the same words (more than half of the shorter one's). */
function clash(a: Candidate, b: Candidate): boolean {
  for (const x of a.parts)
    for (const y of b.parts) {
      const shorter = Math.min(x.end - x.start, y.end - y.start)
      if (shorter > 0 && overlap(x, y) * 2 > shorter) return true
    }
  return false
}

/** The candidates kept: strongest first, none claiming words a stronger one has. */
function settle(candidates: readonly Candidate[]): Candidate[] {
  const order = [...candidates].sort((a, b) => a.priority - b.priority || (a.parts[0]?.start ?? 0) - (b.parts[0]?.start ?? 0))
  const kept: Candidate[] = []
  for (const c of order) {
    if (c.parts.some((p) => p.end <= p.start)) continue
    // quoted words inside a reported clause belong to it
    if (c.kind === 'direct' && c.rule === 'calling' && kept.some((k) => k.kind === 'reported' && k.parts.some((p) => c.parts.every((q) => q.start >= p.start && q.end <= p.end)))) continue
    if (kept.some((k) => clash(k, c))) continue
    // the words of an attribution are no quote of their own ("Das berichtete … sowie laut AFP auch …")
    const inAttribution = (k: Candidate): boolean =>
      c.parts.every((p) => p.start >= k.extent.start && p.end <= k.extent.end && k.parts.every((q) => overlap(p, q) === 0))
    if (kept.some(inAttribution)) continue
    kept.push(c)
  }
  return kept.sort((a, b) => a.extent.start - b.extent.start || (a.parts[0]?.start ?? 0) - (b.parts[0]?.start ?? 0))
}

interface LastQuote {
  speaker: string | null
  position: number
  paragraph: number
  kind: 'direct' | 'reported'
  rule: string
}

/** Reading state: the speaker memory, the last quote, and the matches fed so far. */
interface Reader {
  doc: QuoteDoc
  scene: SpeakerScene
  memory: SpeakerMemory
  last: LastQuote | null
  fed: number
}

/** Feeds the person mentions before `at` (outside quoted words) into the memory. */
function feed(reader: Reader, at: number): void {
  const { doc, memory, scene } = reader
  while (reader.fed < doc.matches.length && (doc.matches[reader.fed]?.start ?? 0) < at) {
    const m = doc.matches[reader.fed]
    reader.fed++
    if (!m || scene.byId.get(m.actorId)?.kind !== 'person') continue
    if (doc.spans.some((s) => s.open <= m.start && m.start < s.close)) continue
    memory.persons.push({ id: m.actorId, at: m.start, sentence: positionOf(doc, m.start) })
  }
}

function positionOf(doc: QuoteDoc, at: number): number {
  let i = 0
  while (i + 1 < doc.sentences.length && (doc.sentences[i + 1]?.start ?? 0) <= at) i++
  return i
}

const decision = (rule: string, cue: string | null): Decision => ({ rule, cue, reference: null })

/** "Dieser rief … auf": a demonstrative opening a sentence stands for the person named last (for a later "er"). */
function demonstrative(reader: Reader, position: number): void {
  const sentence = reader.doc.sentences[position]
  if (!sentence || !/^(?:Dieser|Diese|Jener)\s+\p{Ll}/u.test(reader.doc.text.slice(sentence.start, sentence.end))) return
  feed(reader, sentence.start)
  const named = reader.memory.persons[reader.memory.persons.length - 1]
  if (named && named.sentence >= position - 2) reader.memory.persons.push({ id: named.id, at: sentence.start, sentence: position })
}

/** The speaker of the quote before, when it is near enough to be continued here. */
function continued(reader: Reader, position: number, strict: boolean): LastQuote | null {
  const last = reader.last
  const here = reader.doc.sentences[position]
  if (!last || !here) return null
  if (last.paragraph === here.paragraph) return last.position >= position - (strict ? 1 : 2) ? last : null
  const paragraph = reader.doc.paragraphs[here.paragraph - (reader.doc.sentences[0]?.paragraph ?? 0)]
  const starts = paragraph?.first === position || reader.doc.sentences[position - 1]?.paragraph !== here.paragraph
  return starts && last.position === position - 1 ? last : null
}

/** The first person a sentence names as its head (not a genitive, not an object), outside quoted words. */
function subjectPersonOf(reader: Reader, position: number): Speaker | null {
  const sentence = reader.doc.sentences[position]
  if (!sentence) return null
  const result = speakerOfPhrase(reader.doc, { start: sentence.start, end: sentence.end }, reader.scene, { ...reader.memory }, position)
  return result.from.rule === 'named' && result.speaker !== null && reader.scene.byId.get(result.speaker)?.kind === 'person' ? result : null
}

/** "es aus Peking", "es in Moskau": the capital an unnamed source speaks from ("in Moskauer Diplomatenkreisen" stays unnamed). */
const SOURCE_PLACE = /^\s*(?:es\s+)?(?:aus|in)\s+\p{Lu}[\p{L}-]*\s*$/u

/** The speaker of a candidate, or undefined when it has none to continue (the candidate is dropped). */
function speakerOf(reader: Reader, c: Candidate, position: number): Speaker | undefined {
  const { doc, scene, memory } = reader
  const sentence = doc.sentences[position]
  if (!sentence) return undefined
  switch (c.mode) {
    case 'impersonal': {
      // "hieß es in einer Pressemitteilung des russischen Außenministeriums": the document's issuer
      const words = c.phrase ? doc.text.slice(c.phrase.start, c.phrase.end) : ''
      const lead = /^\s*(?:es|heißt\s+es|hieß\s+es)\b\s*(?:in\s+)?/u.exec(words)?.[0].length ?? 0
      const issuer = c.phrase && /\p{Lu}/u.test(words) ? speakerOfPhrase(doc, { start: c.phrase.start + lead, end: c.phrase.end }, scene, memory, position) : null
      if (issuer && issuer.speaker !== null && ['document-issuer', 'body', 'named'].includes(issuer.from.rule) && scene.byId.get(issuer.speaker)?.kind !== 'person')
        return { speaker: issuer.speaker, from: decision('document-issuer', issuer.from.cue) }
      // "hieß es aus Peking", "hieß es in Moskau": that state's side (its capital, read as a seat: stateOf)
      const side = c.phrase && SOURCE_PLACE.test(words) ? stateOf(doc, c.phrase, scene) : null
      if (side && scene.byId.get(side)?.kind === 'country') return { speaker: side, from: decision('source-state', words.trim()) }
      return { speaker: null, from: decision('impersonal', words || 'heißt es') }
    }
    case 'continuation': {
      const last = continued(reader, position, false)
      return last ? { speaker: last.speaker, from: decision('continuation', null) } : undefined
    }
    case 'subject': {
      const end = c.anchor ?? sentence.end
      const s = speakerOfPhrase(doc, { start: sentence.start, end }, scene, memory, position)
      return { speaker: s.speaker, from: decision('own-statement', s.from.cue) }
    }
    case 'demnach': {
      const person = subjectPersonOf(reader, position)
      if (person) return person
      const last = reader.last
      if (last && sentence.paragraph - (doc.sentences[last.position]?.paragraph ?? -99) <= 2) return { speaker: last.speaker, from: decision('continuation', 'demnach') }
      return { speaker: null, from: decision('document', 'demnach') }
    }
    case 'phrase':
      return c.phrase ? speakerOfPhrase(doc, c.phrase, scene, memory, position) : { speaker: null, from: decision('unknown', null) }
  }
}

/** A sentence in Konjunktiv with no quote of its own: it continues the speaker before. */
function konjunktivContinuation(reader: Reader, position: number): { candidate: Candidate; speaker: Speaker } | null {
  const { doc } = reader
  const sentence = doc.sentences[position]
  if (!sentence || sentence.index === 0) return null
  const text = doc.text.slice(sentence.start, sentence.end)
  // a sentence ends in a full stop, or is the article's last (a crawl that cut it off); no question, no heading
  // (the sentence's words in the article's text are its own: whitespace stands between sentences)
  const cutOff = position === doc.sentences.length - 1 && docWordsIn(doc, sentence).length >= 8
  if (/\?\s*$/u.test(text) || (!/[.!…]["“”»«]?\s*$/u.test(text) && !cutOff) || /^\s*["„“»«]/u.test(text)) return null
  const mood = konjunktivIn(text.replace(/["„“»«][^"„“»«]*["“”»«]/gu, ' '))
  if (!mood) return null
  const whole = trimRange(doc.text, sentence)
  const candidate: Candidate = { kind: 'reported', parts: [whole], phrase: null, mode: 'continuation', rule: 'konjunktiv', extent: whole, priority: 8 }
  // Konjunktiv I goes on from any quote near; its stand-ins from the sentence before; Konjunktiv II of sein and
  // the modals only from reported speech said with a verb (after "laut X" or a direct quote it is the writer's own)
  const last = continued(reader, position, mood !== 'I')
  const said = last !== null && last.kind === 'reported' && !['source', 'demnach'].includes(last.rule)
  if (last && (mood !== 'hypothetical' || said)) return { candidate, speaker: { speaker: last.speaker, from: decision('continuation', null) } }
  const previous = doc.sentences[position - 1]
  if (mood !== 'I' || !previous || previous.paragraph !== sentence.paragraph) return null
  const subject = subjectPersonOf(reader, position - 1)
  return subject ? { candidate, speaker: { speaker: subject.speaker, from: decision('continuation-subject', subject.from.cue) } } : null
}

function remember(reader: Reader, c: Candidate, speaker: Speaker, position: number): void {
  const { memory, scene, doc } = reader
  const at = c.phrase?.start ?? c.extent.start
  const sentence = doc.sentences[position]
  reader.last = { speaker: speaker.speaker, position, paragraph: sentence?.paragraph ?? 0, kind: c.kind, rule: c.rule }
  if (speaker.speaker !== null && scene.byId.get(speaker.speaker)?.kind === 'person') {
    memory.lastSpeaker = { id: speaker.speaker, at, sentence: position, role: null }
    memory.persons.push({ id: speaker.speaker, at, sentence: position })
  }
}

function draft(doc: QuoteDoc, c: Candidate, speaker: Speaker): QuoteDraft | null {
  const text = c.parts.map((p) => doc.text.slice(p.start, p.end).replace(/\s+/gu, ' ').trim()).join(' … ')
  if (wordsIn(text, { start: 0, end: text.length }).length < 2) return null
  const touched = new Set<number>()
  for (const r of [c.extent, ...c.parts]) for (const s of doc.sentences) if (overlap(r, s) > 0 || (r.start === r.end && r.start >= s.start && r.start <= s.end)) touched.add(s.index)
  const actors = new Set<string>()
  for (const p of c.parts) for (const m of matchesIn(doc, p)) actors.add(m.actorId)
  return {
    kind: c.kind,
    text,
    speaker: speaker.speaker,
    speakerFrom: speaker.from,
    sentences: [...touched].sort((a, b) => a - b),
    actors: [...actors].sort(),
  }
}

/** The quotes of one article, in reading order. */
export function extractQuotes(sentences: readonly Sentence[], matches: readonly ActorMatch[], context: QuoteContext): QuoteDraft[] {
  const scene = speakerScene(context.registry, context.offices, context.date, new Set(matches.map((m) => m.actorId)))
  const doc = layoutDoc(sentences, matches, scene.byId)
  const candidates = settle([...directCandidates(doc), ...doc.sentences.flatMap((_, i) => reportedCandidates(doc, i))])
  const reader: Reader = { doc, scene, memory: emptyMemory(), last: null, fed: 0 }
  const out: QuoteDraft[] = []
  let next = 0
  doc.sentences.forEach((sentence, position) => {
    let found = false
    demonstrative(reader, position)
    while (next < candidates.length && (candidates[next]?.extent.start ?? Infinity) < sentence.end + 1) {
      const c = candidates[next++] as Candidate
      found = true
      feed(reader, c.phrase?.start ?? c.extent.start)
      const at = positionOf(doc, c.phrase?.start ?? c.extent.start)
      const speaker = speakerOf(reader, c, at)
      if (!speaker) continue
      const quote = draft(doc, c, speaker)
      if (!quote) continue
      out.push(quote)
      remember(reader, c, speaker, positionOf(doc, c.parts[c.parts.length - 1]?.end ?? c.extent.end))
    }
    const covered = found || candidates.some((c) => c.parts.some((p) => overlap(p, sentence) > 0))
    if (covered) return
    feed(reader, sentence.start)
    const k = konjunktivContinuation(reader, position)
    if (!k) return
    const quote = draft(doc, k.candidate, k.speaker)
    if (!quote) return
    out.push(quote)
    remember(reader, k.candidate, k.speaker, position)
  })
  return out
}

export { MIN_QUOTE_WORDS }

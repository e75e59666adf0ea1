import { buildContext, findLegs, personsIn } from './event-context.ts'
import type { Context } from './event-context.ts'
import { addressed, nextDialogue } from './event-dialogue.ts'
import type { Dialogue } from './event-dialogue.ts'
import { foldDrafts } from './event-fold.ts'
import { BOTH_PEOPLE, CALL, CALL_WORD, GUARDED, NEGATED, POSSIBLE, ROLE_ANAPHOR, SHE_SINGULAR, allMatches, inside, speechAtPlace, splitClauses, tripTriggersIn } from './event-words.ts'
import type { Clause, Leg, Person, Working } from './event-words.ts'
import type { Place } from './places.ts'
import { atTheEvent, datelineOf } from './event-scene.ts'
import { withMembers } from './event-groups.ts'
import type { SceneInput } from './event-scene.ts'
import { hostedOccasions } from './event-occasions.ts'
import type { Occasion } from '../time/occasions.ts'
import { UNDER_WAY } from './event-status.ts'
import { findTimeMentions } from '../time/resolve-time.ts'
import type { Tense, TimeMention } from '../time/time-reference.ts'
import type { ActorEntry, ActorMatch, EventDraft, Sentence } from '../types.ts'
import { tenseOf, publishedMonth } from './event-time.ts'
import { attendingInPerson, callsIn, REMOTE } from './event-calls.ts'
import { visitsIn, speakersAt, spokenAt, spokenLeg } from './event-visits.ts'
import { callPartner, mayNameRole } from './event-roles.ts'
import type { SentenceInput } from './event-visits.ts'

/**
 * Visits and calls reported in one article. A sentence states a visit when a travel, meeting, invitation
 * or reception word ("eingetroffen", "Besuch", "Gespräche", "lud … ein", "empfängt") stands in the same
 * clause as a destination ("in Moskau", "nach China", "Moskau zu besuchen", "Chinabesuch") and a named
 * person from another state. Phone and video calls need no place.
 */


/** "er" as a subject: the one man named in the sentence before. */
const HE = /\b(?:er|Er)\b/u

/** How many sentences naming people "die beiden" may look back over. */
const RECENT_SENTENCES = 3

function draftsOfSentence(ctx: Context, input: SentenceInput): Working[] {
  const text = input.sentence.text
  // a report needs a named person: most sentences end here, before any pattern runs over them
  const persons = input.persons
  // (a sentence naming no one may still tell a trip of "die beiden" or of "er", when just one man was named before)
  const himAgain = input.previousPersons.length === 1 && (HE.test(text) || SHE_SINGULAR.test(text) || ROLE_ANAPHOR.test(text))
  // … or of "der chinesische Premier", a role of a state whose person was named before (event-roles.ts)
  const byRole = persons.length === 0 && input.namedBefore.length > 0 && mayNameRole(text)
  if (persons.length === 0 && !(input.recentPersons.length > 1 && BOTH_PEOPLE.test(text)) && !himAgain && !byRole) return []
  const speech = speechAtPlace(text)
  const triggers = [...tripTriggersIn(text), ...speech].sort((a, b) => a.start - b.start)
  const calls = CALL_WORD.test(text) ? allMatches(CALL, text) : []
  if (triggers.length === 0 && calls.length === 0) return []
  const clauses = splitClauses(text)
  // destinations and time expressions are read only for a clause that needs them (most need neither)
  let legs: Leg[] | undefined
  const legsOfSentence = (): Leg[] => (legs ??= findLegs(ctx, text, input.matches))
  // the sentence's time expressions, read once per tense its clauses speak in
  const timesByTense = new Map<Tense, TimeMention[]>()
  const timesOf = (clause: Clause): TimeMention[] => {
    const tense = tenseOf(clause.text)
    let times = timesByTense.get(tense)
    if (!times) {
      times = findTimeMentions(text, ctx.published, tense).filter(
        (t) => !(t.preposition && GUARDED.has(t.preposition)) && !/^(?:ab|seit|bis)\b/i.test(t.text),
      )
      timesByTense.set(tense, times)
    }
    return times
  }
  const out: Working[] = []
  for (const clause of clauses) {
    const call = calls.find((c) => inside(c, clause))
    if (call) {
      if (NEGATED.test(clause.text)) continue
      // one party named, the other by a role of another state or a pronoun ("Er telefonierte mit Xi")
      const named = persons.filter((p) => inside(p, clause))
      const partner = callPartner(text, clause, named.length ? named : persons, input.namedBefore, input.previousPersons, ctx.nationality)
      const draft = callsIn(clause, partner ? [...persons, partner].sort((a, b) => a.start - b.start) : persons, text, timesOf(clause), call, ctx.published)
      if (draft) {
        // the party told by a role or a pronoun ("erklärte der neue US-Präsident", "Er telefonierte mit …")
        const told = partner && (draft.visitors.includes(partner.id) || draft.hosts.includes(partner.id)) ? { visitorsFrom: { rule: 'call-partner', cue: partner.surface, reference: null } } : {}
        out.push({ ...draft, ...told, sentence: input.sentence.index, quote: text })
        continue
      }
    }
    const clauseTriggers = triggers.filter((t) => inside(t, clause))
    if (clauseTriggers.length === 0 || NEGATED.test(clause.text) || POSSIBLE.test(clause.text)) continue
    const present = attendingInPerson(clause, persons)
    if (present.length === 0 && (persons.length > 0 || REMOTE.test(clause.text))) continue
    const spoken = clauseTriggers.filter((t) => speech.includes(t))
    if (spoken.length) out.push(...spokenAt(ctx, input, clause, spoken, present, legsOfSentence(), () => timesOf(clause)))
    const travel = clauseTriggers.filter((t) => !speech.includes(t))
    if (travel.length === 0) continue
    // where the words were said is not where the people they are about travel: "Putin sagte in Moskau, Macron werde reisen"
    // (only where someone is named speaking there: "unterzeichneten beide Firmen in Shanghai in Anwesenheit Putins" leaves Shanghai to the presence)
    const saidAt = new Set(
      spoken.map((verb) => {
        const leg = spokenLeg(text, verb, legsOfSentence())
        return leg && speakersAt(text, verb, leg, present).length > 0 ? leg.start : undefined
      }),
    )
    const legsOfTravel = (): Leg[] => legsOfSentence().filter((l) => !saidAt.has(l.start))
    out.push(...visitsIn(ctx, input, clause, travel, present, legsOfTravel, () => timesOf(clause)))
  }
  return out
}


/**
 * Visits and calls reported in one article, one draft per event (the shortest sentence that states it).
 * `published` is the article's date ("YYYY-MM-DD" or "YYYY-MM") that relative expressions resolve against.
 */
export function extractEvents(
  sentences: readonly Sentence[],
  matches: readonly ActorMatch[],
  registry: readonly ActorEntry[],
  published: string | null,
  places: readonly Place[],
  occasions: readonly Occasion[] = [],
): EventDraft[] {
  const ctx = buildContext(registry, places, published, hostedOccasions(occasions))
  const bySentence = new Map<number, ActorMatch[]>()
  for (const m of matches) {
    const list = bySentence.get(m.sentence) ?? []
    list.push(m)
    bySentence.set(m.sentence, list)
  }
  const drafts: Working[] = []
  let previousPersons: Person[] = []
  const recent: Person[][] = []
  const personsOf = new Map<number, Person[]>()
  const namedBefore: Person[] = []
  let lastDated: string | null = null
  let dialogue: Dialogue | null = null
  const dateline = datelineOf(ctx, sentences)
  const article = sentences.map((x) => x.text).join('\n')
  const underWay = UNDER_WAY.exec(article)?.[0] ?? null
  for (const [i, sentence] of sentences.entries()) {
    const scene: SceneInput = { before: sentences.slice(Math.max(0, i - 3), i), after: sentences[i + 1], dateline, earlier: sentences.slice(0, i), article, underWay }
    const own = bySentence.get(sentence.index) ?? []
    const persons = personsIn(ctx, own)
    personsOf.set(sentence.index, persons)
    dialogue = nextDialogue(dialogue, sentence.text, persons)
    const told = persons.length === 0 && dialogue ? addressed(sentence.text, dialogue) : persons
    const firstOfSentence = drafts.length
    try {
      const next = sentences[i + 1]
      const grouped = withMembers(sentence, own, next, next ? (bySentence.get(next.index) ?? []) : [])
      if (grouped) {
        // "Zahlreiche Staatschefs sind eingetroffen, darunter Xi und Modi": each member's trip, told by this sentence
        const members = { sentence: grouped.sentence, scene, matches: grouped.matches, persons: personsIn(ctx, grouped.matches), previousPersons, recentPersons: recent.flat(), namedBefore, lastDated }
        drafts.push(...draftsOfSentence(ctx, members).map((d) => ({ ...d, quote: sentence.text })))
      } else drafts.push(...draftsOfSentence(ctx, { sentence, scene, matches: own, persons: told, previousPersons, recentPersons: recent.flat(), namedBefore, lastDated }))
    } catch {
      // messy input never stops the article
    }
    // the last trip told with a time of its own (a weekday or the article's month do not count)
    for (const d of drafts.slice(firstOfSentence)) if (d.sentence === sentence.index && d.ownDate && d.date && !['weekday-month', 'article-month'].includes(d.dateFrom?.rule ?? '')) lastDated = d.date
    if (persons.length) {
      namedBefore.push(...persons)
      previousPersons = persons
      recent.push(persons)
      if (recent.length > RECENT_SENTENCES) recent.shift()
    }
  }
  const month = publishedMonth(published)
  const cities = citiesOfPeople(ctx, sentences, personsOf)
  return datedByMeeting(foldDrafts(drafts), sentences).map(({ strong: _strong, ownDate: _ownDate, ...d }): EventDraft => {
    const place = d.kind === 'visit' && d.place === null && d.country !== null ? cityOfTrip(cities, d.visitors, d.country) : d.place
    // GUIDE: a current or past trip with no date of its own takes the month of the article, as "heute" does; so does the next leg told in the present
    const current = d.status === 'happened' || d.status === 'ongoing' || d.statusFrom?.rule === 'next-leg'
    const byArticle = d.date === null && month !== null && current
    const dateFrom = byArticle ? { rule: 'article-month', cue: null, reference: published } : d.dateFrom
    return { ...d, place, date: byArticle ? month : d.date, ...(dateFrom ? { dateFrom } : {}) }
  })
}

/** Where the article puts each person: cities named "in …" in a sentence that names them ("sagte Putin in Shanghai"). */
function citiesOfPeople(ctx: Context, sentences: readonly Sentence[], personsOf: ReadonlyMap<number, readonly Person[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const sentence of sentences) {
    const persons = personsOf.get(sentence.index) ?? []
    if (persons.length === 0) continue
    let legs: Leg[]
    try {
      legs = findLegs(ctx, sentence.text, []).filter((l) => l.place !== null)
    } catch {
      continue
    }
    for (const p of persons) {
      const set = out.get(p.id) ?? new Set<string>()
      for (const l of legs) if (l.place) set.add(`${l.country ?? ''}|${l.place}`)
      out.set(p.id, set)
    }
  }
  return out
}

/**
 * The city of a trip the report names only by country ("während Putins Chinabesuch"): the one city of that
 * country where the article puts the traveller, if there is exactly one.
 */
function cityOfTrip(cities: ReadonlyMap<string, ReadonlySet<string>>, visitors: readonly string[], country: string): string | null {
  const found = new Set<string>()
  for (const v of visitors) {
    for (const key of cities.get(v) ?? []) {
      const [c, place] = key.split('|')
      if (c === country && place) found.add(place)
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null
}

/**
 * People put at the article's meeting without a time of their own ("Neben Xi haben auch Abe und Erdogan ihr
 * Kommen angekündigt") go to the meeting an earlier report dated at the same place: they take its date, and an
 * announcement with a date is planned (GUIDE).
 */
function datedByMeeting(drafts: Working[], sentences: readonly Sentence[]): Working[] {
  return drafts.map((d) => {
    if (d.kind !== 'visit' || d.date !== null || d.place === null || !atTheEvent(sentences[d.sentence]?.text ?? '')) return d
    const meeting = drafts.find((o) => o !== d && o.kind === 'visit' && o.place === d.place && o.date !== null && o.sentence < d.sentence && o.status !== 'happened')
    if (!meeting) return d
    const dateFrom = { rule: 'same-meeting', cue: meeting.dateFrom?.cue ?? null, reference: meeting.dateFrom?.reference ?? null }
    const status = d.status === 'invited' ? 'planned' : d.status
    return { ...d, date: meeting.date, approx: meeting.approx, status, dateFrom }
  })
}

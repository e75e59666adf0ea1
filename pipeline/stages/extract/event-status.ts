/**
 * The status a report gives its trip (GUIDE): an arrival or a completed trip `happened`; a stay, a reception
 * or a summit under way `ongoing`; a trip with a date or time ahead `planned` (a hedged future too); an
 * invitation or an announcement without any time `invited`. Each status keeps the words it was read from.
 */
import { FUTURE, INVITE, ONGOING, REFERENCE_PHRASE } from './event-words.ts'
import type { EventStatus } from '../../../src/model/dataset.ts'
import type { TimeKind } from '../time/time-reference.ts'

/** Past-tense reports: "ist eingetroffen", "besuchte", "traf … in", "hat … empfangen". */
export const PAST =
  /\b(?:ist|sind|war|waren|hat|hatte|hatten|haben)\b[^.]*\b(?:ge\p{L}{2,}(?:t|en)|eingetroffen|angekommen|angereist|zusammengekommen|zusammengetroffen|empfangen|besucht|eingeladen|teilgenommen)\b|\b(?:besuchte|besuchten|reiste|reisten|traf|trafen|empfing|empfingen|begrüßte|begrüßten|flog|flogen|kam|kamen|weilte|nahm|nahmen|zusammentraf|zusammentrafen|war|waren|schickte|schickten|entsandte|entsandten)\b/u

/** A stay told in the simple past: "war Xi in Frankreich zu Gast", "zu Gast waren". */
const WAS_GUEST = /\b(?:war|waren)\b[^.;]*\bzu\s+Gast\b|\bzu\s+Gast\s+(?:war|waren)\b/u

/** An arrival: the trip has begun, so it happened (GUIDE: "eingetroffen" is happened). */
const ARRIVAL = /\b(?:eingetroffen|angekommen|angereist|gelandet|landete|landeten|Landung|trafen\b[^.;]{0,80}\bein|traf\b[^.;]{0,80}\bein)\b/u

/** A bare present-tense travel verb ("Scholz reist nach Kiew"): a headline habit, says little about status. */
const BARE_PRESENT = /\b(?:reist|besucht|fliegt|kommt|trifft)\b/u
const NOW = /\b(?:heute|derzeit|zurzeit|gerade|momentan|aktuell|soeben)\b/iu

/** A present tense that speaks of what is planned when it names a day: "reist an diesem Sonntag", "treffe am Donnerstag". */
const PRESENT_OR_REPORTED = /\b(?:reist|besucht|fliegt|kommt|trifft|empfängt|treffe|reise|komme|besuche|empfange|fliege)\b/u

/** A future about the trip itself (not about what is said there): someone is expected, will travel or attend. */
const TRIP_FUTURE =
  /\b(?:erwartet|erwarten|reisen|teilnehmen|kommen|besuchen|fliegen|eintreffen|empfangen|aufbrechen|zusammenkommen|wahrnehmen|beiwohnen|beiwohne)\b/u

/** The start of a stay just reported: "zum Auftakt eines mehrtägigen Staatsbesuchs", "zu Beginn seines Besuchs". */
const START_OF_STAY =
  /\b(?:[Zz]um|[Zz]u)\s+(?:Auftakt|Beginn|Start)\s+(?:seine[rs]?|ihre[rs]?|des|eines|der|einer)\s+(?:[\p{L}-]+\s+){0,2}?(?:\p{L}*[Bb]esuch\p{L}*|\p{L}*[Rr]eise|Visite|Gipfel\p{L}*|\p{L}*gipfel\p{L}*)|\bam\s+ersten\s+Tag\s+(?:seine[rs]|ihre[rs]|des)\s+(?:\p{L}+\s+)?\p{L}*[Bb]esuch/u

/** Guests and presence: at a summit or visit still under way when nothing says it is over. */
const GUEST = /(?:^|[^\p{L}])(?:Gast|Gäste|Gästen|\p{L}+gast|\p{L}+gäste|\p{L}+gästen|[Zz]u\s+Gast|Tribüne|\p{L}+tribüne)(?![\p{L}])/u

/** A present passive names who is there, not a plan: "Russland wird in Rio von Lawrow vertreten" (not "wird … reisen"). */
const PASSIVE_PRESENT = /\b(?:wird|werden)\b[^.;]*?\bvon\s+[^.;]*?\b(?:vertreten|empfangen|begrüßt|begleitet|angeführt|geleitet)\b(?!\s+(?:werden|sein|haben)\b)/u

/** The next leg told in the present, or a trip after a "bevor": still ahead ("fliegt Modi weiter nach Wien", "bevor sie nach Japan fliegt"). */
const NEXT_LEG = /\b(?:reist|reisen|fliegt|fliegen|fährt|fahren)\b(?:\s+[\p{L}\d.-]+){0,4}?\s+weiter\b|\bbevor\b[^.;]*\b(?:reist|reisen|fliegt|fliegen|fährt|fahren|besucht|besuchen|aufbricht|aufbrechen)\b/u

/** A trip in the perfect with "haben": "hatte er Vietnam besucht", "hat Xi empfangen". */
const PERFECT = /\b(?:hat|hatte|hatten|haben|habe)\b[^.;]*?\b(?:besucht|bereist|empfangen|getroffen|begrüßt|teilgenommen)\b/u

/** A past participle of being or travelling: "ist im März zu Besuch gewesen". */
const BEEN = /\b(?:gewesen|gereist|geflogen|gefahren)\b/u

/** A stay of named days, "vom 7. bis 10. Mai": its first and last day read against the first day as found. */
const DAY_SPAN = /\b(\d{1,2})\.\s*(?:bis(?:\s+zum)?|-|–)\s*(\d{1,2})\.\s*(?:\p{Lu}\p{L}+)/u

/** Whether the article's day falls inside a stay of named days beginning on `date`. */
function spanCovers(clause: string, date: string | null, published: string | null): string | null {
  if (!date || date.length < 10 || !published || published.length < 10) return null
  const m = DAY_SPAN.exec(clause)
  if (!m || Number(m[1]) !== Number(date.slice(8, 10))) return null
  const last = `${date.slice(0, 8)}${String(m[2]).padStart(2, '0')}`
  return last > date && date <= published && published <= last ? m[0] : null
}

export interface StatusInput {
  /** The clause that states the trip. */
  clause: string
  /** The trigger word nearest the destination, and the clause's text before it. */
  trigger: string
  triggerBefore: string
  /** The clause has a time expression (resolved or not). */
  hasTime: boolean
  /** The kind of the time expression that dates the report, if any. */
  timeKind: TimeKind | null
  /** The time as read ("2024-06-19" for "nächste Woche"), and the article's date. */
  date: string | null
  published: string | null
  /** The words by which the article says its summit or visit is still under way ("läuft noch bis Donnerstag"), if it does. */
  underWay?: string | null
  /** The report puts someone at a place (spoke there, attended, was a guest) rather than telling a journey. */
  presence?: boolean
  /** The date is the first day of a summit or forum the article names (which lasts some days). */
  occasion?: boolean
  /** That occurrence's last day ("YYYY-MM-DD"), when the date is an occurrence's first, and the words naming it. */
  occasionEnd?: string | null
  occasionCue?: string | null
  /** The report puts people together there: a meeting, a welcome, a talk, or presence ("vor Ort", "vertritt"). */
  meeting?: boolean
  /** The time expression as written ("Ende des Monats"), when there is one. */
  timeText?: string | null
}

/** The days a part of a month spans ("Anfang …" the first ten, "Mitte …" the next ten, "Ende …" the rest). */
const PART_DAYS: Readonly<Record<string, readonly [number, number]>> = { Anfang: [1, 10], Mitte: [11, 20], Ende: [21, 31] }

/** A part of the article's own month that lies wholly after (1) or before (-1) the article's day; 0 otherwise. */
function partOfMonthSide(input: StatusInput): number {
  const part = /^(Anfang|Mitte|Ende)\b/u.exec(input.timeText ?? '')?.[1]
  const days = part ? PART_DAYS[part] : undefined
  const published = input.published
  if (!days || !input.date || input.date.length !== 7 || !published || published.length < 10 || !published.startsWith(input.date)) return 0
  const day = Number(published.slice(8, 10))
  return days[0] > day ? 1 : days[1] < day ? -1 : 0
}

/** The pluperfect: told as over before the article's news ("hatte am Dienstag … gesprochen"). */
const PLUPERFECT = /\b(?:hatte|hatten|war|waren)\b[^.]*\b(?:ge\p{L}{2,}(?:t|en)|\p{L}+(?:ge|zusammen)\p{L}+(?:t|en))\b/u

/** The summit or forum the report is dated by was under way on the article's day (its first to its last day). */
function heldOnPublication(input: StatusInput): boolean {
  if (!input.occasion || !input.occasionEnd || !input.date || input.date.length < 10 || !input.published || input.published.length < 10) return false
  return input.date <= input.published && input.published <= input.occasionEnd
}

/** A summit's first day up to three days before the article: told in the present, it is still running. */
function summitRunning(input: StatusInput): boolean {
  if (!input.occasion || !input.date || input.date.length < 10 || !input.published || input.published.length < 10) return false
  const days = (Date.parse(input.published) - Date.parse(input.date)) / 86_400_000
  return days >= 0 && days <= 3
}

/** An article telling its summit or visit as still under way: "der Gipfel läuft noch bis Donnerstag", "der noch bis Donnerstag läuft", "endet am Freitag". */
export const UNDER_WAY = /\b(?:läuft|dauert|tagt|tagen)\s+(?:noch\s+)?bis\b[^.]{0,30}|\bnoch\s+bis\s+(?:\p{Lu}\p{L}+|zum\s+\d{1,2}\.\s+\p{Lu}\p{L}+)\s+(?:läuft|dauert|tagt|andauert)\b|\b(?:geht|gehen)\s+(?:am\s+\p{L}+\s+)?zu\s+Ende\b|\bendet\s+am\s+\p{Lu}\p{L}+/u

export interface Status {
  status: EventStatus
  /** false when nothing in the clause decides it (a headline, a bare noun): then other reports decide. */
  strong: boolean
  /** The rule that decided it and the words it read. */
  rule: string
  cue: string | null
}

/** The words a status was read from; a long separable stretch ("nehmen … teil", "war … gewesen") shown by its ends. */
function cueOf(pattern: RegExp, text: string): string | null {
  const cue = pattern.exec(text)?.[0].trim()
  if (!cue) return null
  const words = cue.split(/\s+/)
  return cue.length > 40 && words.length > 2 ? `${words[0]} … ${words[words.length - 1]}` : cue
}

/** Compares a time as read with the article's date at their common precision: -1 before, 0 same, 1 after, null unknown. */
function side(date: string | null, published: string | null): number | null {
  if (!date || !published) return null
  const common = Math.min(date.length, published.length)
  const a = date.slice(0, common)
  const b = published.slice(0, common)
  return a < b ? -1 : a > b ? 1 : 0
}

/** The status one report gives its trip. */
export function readStatus(input: StatusInput): Status {
  const { clause, hasTime } = input
  const referencePhrase = /^\p{Lu}/u.test(input.trigger) && REFERENCE_PHRASE.test(input.triggerBefore)
  const ahead = hasTime ? 'planned' : 'invited'
  if (INVITE.test(clause)) return { status: ahead, strong: true, rule: hasTime ? 'invitation-dated' : 'invitation', cue: cueOf(INVITE, clause) }
  const passive = PASSIVE_PRESENT.exec(clause)
  const futureClause = passive ? clause.replace(passive[0], ' ') : clause
  // "Bei Xis Besuch … soll es um … gehen" speaks of the topics, "Putin wird beim Gipfel erwartet" of the trip
  if (FUTURE.test(futureClause) && (!referencePhrase || TRIP_FUTURE.test(futureClause))) {
    return { status: ahead, strong: true, rule: hasTime ? 'future-dated' : 'future-undated', cue: cueOf(FUTURE, futureClause) }
  }
  // "Ende des Monats reist Modi nach China" in an article of the 19th: the end of this month is still ahead
  const sameMonthOrSide = side(input.date, input.published)
  const when = sameMonthOrSide === 0 ? partOfMonthSide(input) : sameMonthOrSide
  if (when === 1) return { status: 'planned', strong: true, rule: 'date-ahead', cue: input.timeText ?? null }
  if (ARRIVAL.test(clause)) return { status: 'happened', strong: true, rule: 'arrival', cue: cueOf(ARRIVAL, clause) }
  const past = PAST.test(clause) || BEEN.test(clause)
  if (NEXT_LEG.test(clause) && !past && when !== -1) return { status: 'planned', strong: true, rule: 'next-leg', cue: cueOf(NEXT_LEG, clause) }
  const span = past ? null : spanCovers(clause, input.date, input.published)
  if (span) return { status: 'ongoing', strong: true, rule: 'stay-covers-date', cue: span }
  if (passive && when !== -1) {
    const dayUnknownHere = when === null || (input.date?.length ?? 0) < 10 || (input.published?.length ?? 0) < 10
    if (input.timeKind === 'weekday' && dayUnknownHere) return { status: 'planned', strong: true, rule: 'present-with-day', cue: passive[0] }
    return { status: 'ongoing', strong: true, rule: 'present-passive', cue: passive[0] }
  }
  if (START_OF_STAY.test(clause) && (when === null || when === 0)) {
    return { status: 'ongoing', strong: true, rule: 'stay-begun', cue: cueOf(START_OF_STAY, clause) }
  }
  // "reist an diesem Sonntag", "treffe am Donnerstag", "ist am Mittwoch zu Gast": a day named in the present tense is a plan, unless it is today
  const dayUnknown = when === null || (input.date?.length ?? 0) < 10 || (input.published?.length ?? 0) < 10
  if (GUEST.test(clause) && !PAST.test(clause) && when !== -1) {
    if (input.timeKind === 'weekday' && dayUnknown) return { status: 'planned', strong: true, rule: 'guest-with-day', cue: cueOf(GUEST, clause) }
    return { status: 'ongoing', strong: true, rule: 'guest', cue: cueOf(GUEST, clause) }
  }
  // a presence told in the past ("sagte Xi am Mittwoch in Johannesburg") at a summit the article says is still under way
  if (input.underWay && input.presence && !ARRIVAL.test(clause) && (input.timeKind === null || input.timeKind === 'weekday' || input.timeKind === 'today') && when !== 1) {
    return { status: 'ongoing', strong: true, rule: 'still-under-way', cue: input.underWay }
  }
  // GUIDE: someone at a summit still under way when the article was written is ongoing (a meeting or a welcome
  // there told in the past, "Vor Ort sind …"), an arrival happened
  if (heldOnPublication(input) && input.meeting && !ARRIVAL.test(clause) && !PLUPERFECT.test(clause) && when !== 1) {
    // weak: an arrival the article also reports decides (GUIDE: reported arrivals are happened)
    return { status: 'ongoing', strong: false, rule: 'summit-running', cue: input.occasionCue ?? null }
  }
  if (input.timeKind === 'weekday' && dayUnknown && PRESENT_OR_REPORTED.test(clause) && !PAST.test(clause)) {
    return { status: 'planned', strong: true, rule: 'present-with-day', cue: cueOf(PRESENT_OR_REPORTED, clause) }
  }
  if (ONGOING.test(clause)) {
    if ((when === -1 && !summitRunning(input)) || BEEN.test(clause)) return { status: 'happened', strong: true, rule: 'date-past', cue: null }
    // "hatte er Vietnam besucht": the perfect, not the present "besucht"; "war in Paris zu Gast": a past stay
    if (PERFECT.test(clause)) return { status: 'happened', strong: true, rule: 'past-tense', cue: cueOf(PERFECT, clause) }
    if (WAS_GUEST.test(clause)) return { status: 'happened', strong: true, rule: 'past-tense', cue: cueOf(WAS_GUEST, clause) }
    const bare = BARE_PRESENT.test(clause) && !hasTime && !NOW.test(clause) && !/\b(?:teilnimmt|teil|empfängt|weilt|Gast)\b/u.test(clause)
    return { status: 'ongoing', strong: !bare, rule: bare ? 'headline-present' : 'present', cue: cueOf(ONGOING, clause) }
  }
  // "hat bei einem Staatsbesuch … gelobt": the tense is the praise's, not the visit's
  return { status: 'happened', strong: (past || hasTime) && !referencePhrase, rule: past ? 'past-tense' : 'no-cue', cue: cueOf(PAST, clause) ?? cueOf(BEEN, clause) }
}

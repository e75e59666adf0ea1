/**
 * Trips told of a group by a noun ("Zahlreiche Staatschefs sind in Kasan eingetroffen") whose members are
 * named after it: in the same sentence after "darunter", or in the next one ("Unter ihnen waren …").
 * Each member made the trip the group made: the sentence is read again with the members in the group's place.
 */
import type { ActorMatch, Sentence } from '../types.ts'

/** A group of travellers named by what they are, not who. */
const GROUP =
  /(?<![\p{L}-])(?:(?:[Zz]ahlreiche|[Vv]iele|[Mm]ehrere|[Ee]inige|[Ww]eitere|[Dd]ie|(?:[Rr]und|[Ee]twa|[Mm]ehr\s+als|[Üü]ber)\s+(?:\d+|\p{Ll}+)|\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|dreißig)\s+)?(?:Staats-\s+und\s+Regierungschefs|Staatschefs|Regierungschefs|Staatsoberhäupter|Staatenlenker|Staatenführer|Spitzenpolitiker|Gäste|Delegationen|Außenminister|Präsidenten|Teilnehmer|Regierungsvertreter|Vertreter)(?![\p{L}-])/u
/** Where the members follow in the same sentence: "…, darunter Xi und Modi". */
const MEMBERS_AFTER = /,\s+(?:darunter|unter\s+ihnen|etwa|wie\s+etwa)\s+/u
/** A next sentence that names the members: "Unter ihnen waren …", "Dazu gehörten …". */
const MEMBERS_NEXT = /^(?:Unter\s+ihnen|Darunter|Dazu\s+gehör(?:t|en|te|ten)|Zu\s+ihnen\s+gehör(?:t|en|te|ten)|Unter\s+den\s+(?:Gästen|Teilnehmern))(?![\p{L}])/u

export interface GroupReading {
  /** The sentence with the members in the group's place (same index and paragraph). */
  sentence: Sentence
  /** The members' matches, moved to their place in it. */
  matches: ActorMatch[]
}

function moved(matches: readonly ActorMatch[], from: number, to: number, sentence: number): ActorMatch[] {
  return matches.map((m) => ({ ...m, sentence, start: m.start - from + to, end: m.end - from + to }))
}

/** The start of a relative clause after a member: ", der …", ", die …", ", wo …". */
const RELATIVE = /,\s*(?:der|die|das|den|dem|deren|dessen|wo|welche[rsnm]?)(?!\p{L})/u

/**
 * The sentence read with the group's members in its place, or null where it names no group, names
 * someone before the group, or no one is named as a member.
 */
export function withMembers(
  sentence: Sentence,
  own: readonly ActorMatch[],
  next: Sentence | undefined,
  nextMatches: readonly ActorMatch[],
): GroupReading | null {
  const text = sentence.text
  const group = GROUP.exec(text)
  if (!group) return null
  const groupEnd = group.index + group[0].length
  if (own.some((m) => m.start < group.index)) return null
  const after = MEMBERS_AFTER.exec(text.slice(groupEnd))
  if (after) {
    const markStart = groupEnd + after.index
    const markEnd = markStart + after[0].length
    const members = own.filter((m) => m.start >= markEnd).sort((a, b) => a.start - b.start)
    const last = members[members.length - 1]
    if (!last || own.some((m) => m.start < markEnd)) return null
    const names = text.slice(markEnd, last.end)
    const rewritten = `${text.slice(0, group.index)}${names}${text.slice(groupEnd, markStart)}${text.slice(last.end)}`
    return { sentence: { ...sentence, text: rewritten }, matches: moved(members, markEnd, group.index, sentence.index) }
  }
  if (!next || !MEMBERS_NEXT.test(next.text) || own.length > 0) return null
  const all = [...nextMatches].sort((a, b) => a.start - b.start)
  // "Unter den Gästen ist auch Orbán, der am Rande mit Putin zusammentraf": who the relative clause names is no member
  const opened = all[0] ? RELATIVE.exec(next.text.slice(all[0].end)) : null
  const members = opened && all[0] ? all.filter((m) => m.start < (all[0]?.end ?? 0) + opened.index) : all
  const first = members[0]
  const last = members[members.length - 1]
  if (!first || !last) return null
  const names = next.text.slice(first.start, last.end)
  const rewritten = `${text.slice(0, group.index)}${names}${text.slice(groupEnd)}`
  return { sentence: { ...sentence, text: rewritten }, matches: moved(members, first.start, group.index, sentence.index) }
}

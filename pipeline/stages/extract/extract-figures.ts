import type { Decision, FigureKind } from '../../../src/model/dataset.ts'
import { findTimeMentions } from '../time/resolve-time.ts'
import { parseReference } from '../time/time-reference.ts'
import type { FigureDraft, Sentence } from '../types.ts'
import { findAmounts } from './figure-amounts.ts'
import type { Amount, Span } from './figure-amounts.ts'
import { figureKind, periodGroup } from './figure-kind.ts'
import type { Group, KindDecision } from './figure-kind.ts'
import { LAST_EARLY_MONTH, changeFromYear, figureYear, spreadBefore } from './figure-year.ts'
import type { YearContext, YearDecision } from './figure-year.ts'

export { findAmounts } from './figure-amounts.ts'
export { figureKind } from './figure-kind.ts'
export { figureYear } from './figure-year.ts'

/**
 * Money figures cited in one article, each with the sentence it came from, the year it refers to, its
 * kind, and how both were decided (`yearFrom`, `kindFrom`): amounts (`figure-amounts.ts`), kind
 * (`figure-kind.ts`), year (`figure-year.ts`); here what ties the amounts of an article together —
 * conversions into another currency, the year a paragraph gave its trade figures, the kind the sentence
 * before gave, and one figure per amount restated.
 */

/** How far around an amount its kind and year are read; a normal sentence fits whole. */
const CONTEXT_CHARS = 400

/** The stretch of a sentence that speaks of one amount (all of it unless the "sentence" is very long). */
function contextOf(text: string, amount: Span): { text: string; amount: Span } {
  if (text.length <= 2 * CONTEXT_CHARS) return { text, amount }
  const start = Math.max(0, amount.start - CONTEXT_CHARS)
  const end = Math.min(text.length, amount.end + CONTEXT_CHARS)
  return { text: text.slice(start, end), amount: { start: amount.start - start, end: amount.end - start } }
}

/** What may stand between an amount and its conversion: hedges and the rate it was converted at. */
const HEDGE =
  '(?:etwa|rund|ca\\.|circa|knapp|fast|über|mehr\\s+als|gut|gleich|derzeit|aktuell|heute|damals|beinahe|nahezu|umgerechnet|also|nach\\s+(?:dem\\s+)?(?:heutigen|aktuellen|damaligen|jetzigen)\\s+(?:Wechsel)?[Kk]urs|zum\\s+(?:heutigen|aktuellen|damaligen|jetzigen)\\s+(?:Wechsel)?[Kk]urs)'
/** In brackets after the amount: "(etwa ", " (umgerechnet rund ", "(nach aktuellem Kurs ", "(das sind ". */
const CONVERSION_BRACKET = new RegExp(`^\\s*[(\\[]\\s*(?:(?:${HEDGE}|das\\s+sind|das\\s+entspricht|entspricht)\\s+)*$`, 'iu')
/** Without brackets, a conversion word into another currency: ", umgerechnet rund ", " – das sind etwa ", " oder rund ". */
const CONVERSION_PLAIN = new RegExp(
  `^\\s*[,–—-]?\\s*(?:(?:das\\s+sind|das\\s+entspricht|entspricht|entsprechend|oder|bzw\\.)\\s+(?:${HEDGE}\\s+)*|(?:${HEDGE}\\s+)*umgerechnet\\s+(?:${HEDGE}\\s+)*)$`,
  'iu',
)
/** A sentence converting the last amount of the sentence before: "Das entspricht rund 220 Milliarden Euro." */
const CONVERSION_SENTENCE = new RegExp(
  `^\\s*(?:(?:Das|Dies)\\s+(?:entspricht|sind|wären|waren)\\s+|(?:Insgesamt|Zusammen|Zusammengenommen)\\s+(?:entspricht|sind|wären|waren)\\s+(?:das|dies)\\s+|Umgerechnet\\s+(?:sind\\s+das\\s+|entspricht\\s+das\\s+)?)(?:${HEDGE}\\s+)*$`,
  'iu',
)

interface Draft extends FigureDraft {
  group: Group | null
  yearStrength: number
  /** 2 a cue of its own, 1 the kind of the sentence before, 0 none. */
  kindStrength: number
}

/**
 * A reference for relative years when the article's date is unknown: the latest year the text names in
 * a plain (not "bis", not target) context, as "YYYY"; else null.
 */
export function referenceFromText(sentences: readonly Sentence[]): string | null {
  let latest: number | null = null
  for (const s of sentences) {
    for (const m of findTimeMentions(s.text, null)) {
      const y = /\b(19\d\d|20\d\d)\b/.exec(m.text)
      if (!y || m.preposition === 'bis') continue
      const year = Number(y[1])
      if (latest === null || year > latest) latest = year
    }
  }
  return latest === null ? null : String(latest)
}

/** Whether `amount` converts `last` (the amount before it in the sentence) into another currency. */
function convertsInSentence(text: string, last: Amount, amount: Amount): boolean {
  const between = text.slice(last.end, amount.start)
  return CONVERSION_BRACKET.test(between) || (last.currency !== amount.currency && CONVERSION_PLAIN.test(between))
}

interface Paragraph {
  paragraph: number
  year: number
  from: Decision
}

/**
 * Money figures cited in one article. `published` is the page's own date ("YYYY-MM-DD" or "YYYY-MM");
 * `reference` what relative times resolve against when there is none (the text's estimated reference
 * month). Without either, the latest year the text names stands in for relative years ("im vergangenen
 * Jahr"), and an amount with no time of its own has no year. An amount restated in the article (title
 * and body, lead and caption) is one figure: the statement whose year and kind the text decides best.
 */
export function extractFigures(sentences: readonly Sentence[], published: string | null, reference: string | null = published): FigureDraft[] {
  let textYear: { year: string | null } | undefined
  const ctx: YearContext = {
    published,
    reference: published ?? reference,
    // the text's latest year is looked for only once an amount needs it (most articles cite none)
    textYear: () => (textYear ??= { year: referenceFromText(sentences) }).year,
  }
  const out: Draft[] = []
  let previous: Draft | undefined
  let paragraphYear: Paragraph | undefined
  // the year the article's trade figures report so far (for "im Vorjahr" in a report of the year just ended)
  let reported: number | null = null
  // the latest year they report (earlier years cited for comparison do not change it)
  let latest: number | null = null
  let previousSentence: Sentence | undefined
  for (const sentence of sentences) {
    let lastDraft: Draft | undefined
    let lastAmount: Amount | undefined
    let changeFrom: Draft | undefined
    for (const amount of findAmounts(sentence.text)) {
      const before = previous?.sentence === sentence.index - 1 ? previous : undefined
      const converts =
        lastDraft && lastAmount
          ? convertsInSentence(sentence.text, lastAmount, amount)
          : before !== undefined && before.currency !== amount.currency && CONVERSION_SENTENCE.test(sentence.text.slice(0, amount.start))
      const converted = lastDraft ?? before
      const draft: Draft =
        converts && converted
          ? // a converted amount: its own figure, with the kind and year of the amount it converts (GUIDE)
            { ...converted, value: amount.value, currency: amount.currency, sentence: sentence.index, quote: sentence.text, surface: amount.surface }
          : ofReportedYear(beforeReported(figureOf(sentence, amount, before, paragraphYear, ctx, previousSentence?.text), reported, ctx.published), latest, ctx.published)
      if (changeFrom) {
        // "von 108 auf 240 Milliarden Dollar": the level it started from is of the year counted from, or the year before
        const from = changeFromYear(sentence.text, { year: draft.year, from: draft.yearFrom ?? { rule: 'no-year', cue: null, reference: null }, strength: draft.yearStrength }, ctx)
        Object.assign(changeFrom, { year: from.year, yearFrom: from.from, yearStrength: from.strength })
        changeFrom = undefined
      }
      if (amount.role === 'change-from') changeFrom = draft
      out.push(draft)
      lastDraft = draft
      lastAmount = amount
      // the amounts after it in the paragraph may take the year it gave its trade (not a level changed from)
      if (amount.role !== 'change-from' && draft.year !== null && draft.yearStrength >= 2 && tradePeriod(draft) && draft.yearFrom) {
        paragraphYear = { paragraph: sentence.paragraph, year: draft.year, from: draft.yearFrom }
        reported = draft.year
        latest = Math.max(latest ?? draft.year, draft.year)
      }
    }
    if (lastDraft) previous = lastDraft
    previousSentence = sentence
  }
  return restatedOnce(out).map(({ group: _group, yearStrength: _year, kindStrength: _kind, ...figure }) => figure)
}

/**
 * "Im Vorjahr" in an article of January to March that reports the year just ended ("Der Handel stieg im
 * vergangenen Jahr auf …. Im Vorjahr hatte er bei … gelegen"): the year before the reported one, not
 * the year before the page's.
 */
function beforeReported(draft: Draft, reported: number | null, published: string | null): Draft {
  const ref = parseReference(published)
  const cue = draft.yearFrom?.cue ?? ''
  if (!ref?.month || ref.month > LAST_EARLY_MONTH || reported !== ref.year - 1 || draft.year !== reported) return draft
  if (draft.yearFrom?.rule !== 'relative-year' || !/Vorjahr/u.test(cue)) return draft
  return { ...draft, year: reported - 1, yearFrom: { rule: 'year-before-reported', cue, reference: String(reported) } }
}

/**
 * Trade with no time of its own in an article of January to March whose trade figures so far report the
 * year just ended ("Der Handel stieg im vergangenen Jahr auf … Russland lieferte Waren für …"): that year,
 * not the page's.
 */
function ofReportedYear(draft: Draft, reported: number | null, published: string | null): Draft {
  const ref = parseReference(published)
  if (!ref?.month || ref.month > LAST_EARLY_MONTH || reported !== ref.year - 1) return draft
  if (draft.yearFrom?.rule !== 'publication-year' || !tradePeriod(draft)) return draft
  return { ...draft, year: reported, yearStrength: 2, yearFrom: { rule: 'reported-year', cue: null, reference: String(reported) } }
}

/** A figure of the trade of a period: trade itself, its balance or a market's or firm's turnover, not a goal. */
function tradePeriod(f: { kind: FigureKind; group: Group | null }): boolean {
  return f.kind !== 'trade_target' && periodGroup(f.group)
}

/** One amount's figure, its kind and year read from its sentence (and the sentence or paragraph before). */
/** A pronoun standing for what the sentence before named: "belief er sich auf", "Er stieg auf", "sie lagen bei". */
const PRONOUN_SUBJECT = /(?:^|[^\p{L}])(?:[Ee]r|[Ss]ie|[Ee]s)\s+(?:sich\s+)?(?:belief|beliefen|lag|lagen|stieg|stiegen|wuchs|wuchsen|erreichte|erreichten|sank|sanken|betrug|betrugen|summierte|summierten)\b|\b(?:belief|beliefen|lag|lagen|stieg|stiegen|wuchs|betrug|betrugen|erreichte|erreichten)\s+(?:er|sie|es)\b/u

/** The value of what the sentence before named: "Sein Wert wurde auf … beziffert", "bezifferte den Gesamtwert auf". */
const VALUE_OF = /(?:^|[^\p{L}])(?:[Ss]ein|[Ii]hr|[Dd]essen|[Dd]eren|den|[Dd]er)\s+(?:Gesamt)?[Ww]ert\b/u

/** The kind a pronoun subject takes from the sentence before, where that sentence names what it stands for ("Der Handel … Laut Zoll belief er sich auf …"). */
function kindOfAntecedent(text: string, amount: Amount, previousText: string | undefined): KindDecision | undefined {
  const before = text.slice(0, amount.start)
  if (!previousText || !(PRONOUN_SUBJECT.test(before) || VALUE_OF.test(before))) return undefined
  const named = figureKind(previousText, { start: previousText.length, end: previousText.length })
  return named ? { ...named, from: { rule: 'pronoun-antecedent', cue: named.from.cue, reference: null } } : undefined
}

/** A sentence that adds an amount to the one before: "Hinzu kommen …", "Dazu kommen …", "Zusätzlich …", "Außerdem sollen …". */
const ADDED = /^\s*(?:Hinzu\s+(?:kommen|kommt|kämen|käme)|Dazu\s+(?:kommen|kommt|kämen|käme)|Zusätzlich|Darüber\s+hinaus|Außerdem)\b/u

function figureOf(sentence: Sentence, amount: Amount, before: Draft | undefined, paragraphYear: Paragraph | undefined, ctx: YearContext, previousText?: string): Draft {
  const local = contextOf(sentence.text, amount)
  const found = figureKind(local.text, local.amount)
  const antecedent = found || before ? undefined : kindOfAntecedent(sentence.text, amount, previousText)
  const kind: KindDecision & { strength: number } = found
    ? { ...found, strength: 2 }
    : before
      ? { kind: before.kind, group: before.group, from: { rule: 'previous-sentence', cue: before.kindFrom?.cue ?? null, reference: null }, strength: 1 }
      : antecedent
        ? { ...antecedent, strength: 1 }
        : { kind: 'other', group: null, from: { rule: 'no-cue', cue: null, reference: null }, strength: 0 }
  let year: YearDecision = figureYear(local.text, local.amount, kind.kind, kind.group, ctx)
  // the value of a deal over years the sentence before named ("… über 30 Jahre. Sein Wert …") has no year
  const spread = antecedent && previousText && year.strength < 3 ? spreadBefore(previousText, kind.group) : undefined
  if (spread) year = spread
  // trade figures in a paragraph that dated them once ("im vergangenen Jahr … Die Exporte … die Importe
  // …", "… der Überschuss …") keep that year when their sentence names no time of its own
  if (year.strength < 3 && tradePeriod(kind) && paragraphYear?.paragraph === sentence.paragraph) {
    year = { year: paragraphYear.year, from: { ...paragraphYear.from, rule: 'paragraph-year' }, strength: 2 }
  }
  // "Hinzu kommen 80 Milliarden Yuan für den Fonds": an amount added to the one the sentence before dated is of its year
  const added = ADDED.exec(sentence.text.slice(0, amount.start))
  if (added && year.strength < 3 && before && before.year !== null && before.yearFrom) {
    year = { year: before.year, from: { rule: 'added-to', cue: added[0].trim(), reference: before.yearFrom.reference }, strength: 2 }
  }
  return {
    value: amount.value,
    currency: amount.currency,
    year: year.year,
    kind: kind.kind,
    sentence: sentence.index,
    quote: sentence.text,
    surface: amount.surface,
    yearFrom: year.from,
    kindFrom: kind.from,
    group: kind.group,
    yearStrength: year.strength,
    kindStrength: kind.strength,
  }
}

/**
 * An amount restated in one article is one figure (GUIDE): of its statements (same currency and value)
 * the one whose year the text decides best (a time in its sentence over a paragraph's year over the
 * article's date), then whose kind, then the first.
 */
function restatedOnce(drafts: readonly Draft[]): Draft[] {
  const best = new Map<string, Draft>()
  for (const d of drafts) {
    const key = `${d.currency} ${Math.round(d.value * 1000) / 1000}`
    const held = best.get(key)
    if (!held || d.yearStrength > held.yearStrength || (d.yearStrength === held.yearStrength && d.kindStrength > held.kindStrength)) best.set(key, d)
  }
  const kept = new Set(best.values())
  return drafts.filter((d) => kept.has(d))
}

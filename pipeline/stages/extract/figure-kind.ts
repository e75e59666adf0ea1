/**
 * The kind of a money amount (GUIDE: trade_volume, trade_target, contract, other) from the words around
 * it, read in the clause it stands in first: deals and orders are contracts; loans, funds, investments,
 * costs and trade balances are other; goods exchanged, both ways or one, are trade; a goal or forecast of
 * trade is a trade_target.
 */
import type { Decision, FigureKind } from '../../../src/model/dataset.ts'
import type { Span } from './figure-amounts.ts'

/** Characters between two spans (0 when they overlap). */
export function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end
  if (b.end <= a.start) return a.start - b.end
  return 0
}

export function within(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end
}

/** Where a clause ends: ";", ":", a comma (not a decimal comma), a dash between spaces, brackets. */
const CLAUSE_BREAK = /[;:()]|,(?!\d)|\s[–—-]\s/g

/** The clause of `text` that `at` stands in. */
export function clauseOf(text: string, at: Span): Span {
  let start = 0
  let end = text.length
  CLAUSE_BREAK.lastIndex = 0
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index + m[0].length <= at.start) start = m.index + m[0].length
    else if (m.index >= at.end) {
      end = m.index
      break
    }
  }
  return { start, end }
}

/**
 * What an amount is, by the words nearest to it. The group refines `other` for the year rules: money
 * lent, invested or granted (finance), a trade surplus or deficit (balance), market turnover and a firm's
 * takings (turnover), costs and the rest (cost).
 */
export type Group = 'contract' | 'finance' | 'balance' | 'turnover' | 'cost' | 'trade'

/** Money of a period (dated like trade): trade itself, its balance, a market's or a firm's turnover. */
export function periodGroup(group: Group | null): boolean {
  return group === 'trade' || group === 'balance' || group === 'turnover'
}

const KIND_OF: Readonly<Record<Group, FigureKind>> = {
  contract: 'contract',
  finance: 'other',
  balance: 'other',
  turnover: 'other',
  cost: 'other',
  trade: 'trade_volume',
}
const RULE_OF: Readonly<Record<Group, string>> = {
  contract: 'contract-cue',
  finance: 'finance-cue',
  balance: 'balance-cue',
  turnover: 'turnover-cue',
  cost: 'other-cue',
  trade: 'trade-cue',
}

interface Cue {
  group: Group
  /** A strong cue names the thing (Vertrag, Kredit, Handel); a weak one only hints at it (vereinbart, Volumen). */
  strong: boolean
  pattern: RegExp
}

/**
 * Cues of each kind. A cue inside a word is found from the word's start (the leading letters are taken
 * in, up to the word's last cue), so a compound counts whole: "Gasliefervertrag", "Investitionsfonds",
 * "Handelsüberschuss"; finance words also take a hyphenated part: "Swap-Abkommen", "Kredit-Deal".
 */
const CUES: readonly Cue[] = [
  {
    // deals and orders worth an amount (GUIDE: a supply or delivery deal worth an amount is a contract)
    group: 'contract',
    strong: true,
    pattern:
      /(?<!\p{L})\p{L}*(?:[Vv]ertr(?:a|ä)g\p{L}*|[Aa]bkommen|[Kk]ontrakt\p{L}*|Deal\p{L}*|Auftr(?:a|ä)g\p{L}*|Vereinbarung\p{L}*|[Gg]eschäft(?:e|en|s)?(?!\p{L})|Bestellung\p{L}*|Absichtserklärung\p{L}*)/gu,
  },
  {
    // loans, credit lines, funds, investments, grants (GUIDE: `other`)
    group: 'finance',
    strong: true,
    pattern:
      /(?<!\p{L})\p{L}*(?:[Kk]redit\p{L}*(?:-\p{L}+)?|[Dd]arlehen\p{L}*(?:-\p{L}+)?|[Ii]nvestition\p{L}*(?:-\p{L}+)?|investier\p{L}*|[Ii]nvestor\p{L}*|[Ff]onds|[Ff]inanzierung\p{L}*|finanzier\p{L}*|[Ss]wap\p{L}*(?:-\p{L}+)?|(?:Währungs|Devisen)tausch\p{L}*|[Aa]nleihe\p{L}*|Zuschuss\p{L}*|Zuschüsse\p{L}*|[Hh]ilfe\p{L}*|[Hh]ilfs\p{L}*|Subvention\p{L}*|Beteiligung\p{L}*|Kapital\p{L}*|Reserve\p{L}*|Vermögen\p{L}*|Schulden)/gu,
  },
  {
    // a trade surplus or deficit is `other` even in a sentence about trade (GUIDE)
    group: 'balance',
    strong: true,
    pattern: /(?<!\p{L})\p{L}*(?:[Üü]berschuss\p{L}*|[Dd]efizit\p{L}*|[Ss]aldo)/gu,
  },
  {
    // what changes hands on an exchange, what a firm takes, earns or loses: money of a period, not goods
    // between economies
    group: 'turnover',
    strong: true,
    pattern: /(?<!\p{L})\p{L}*(?:Börse\p{L}*|Devisen\p{L}*|Gewinn\p{L}*|Verlust\p{L}*|Erlös\p{L}*)/gu,
  },
  {
    group: 'cost',
    strong: true,
    pattern:
      /(?<!\p{L})\p{L}*(?:[Kk]osten|kostet\p{L}*|veranschlagt|Transaktion\p{L}*|Währungspaar\p{L}*|[Bb]udget\p{L}*|[Hh]aushalt\p{L}*|[Aa]usgaben|Rüstungs\p{L}*|Bußgeld\p{L}*|Strafe\p{L}*|Bruttoinlandsprodukt\p{L}*|Wirtschaftsleistung|Marktwert|Börsenwert)|(?<!\p{L})BIP(?!\p{L})/gu,
  },
  {
    // goods exchanged, both ways or one (GUIDE: one-way exports and imports are trade_volume)
    group: 'trade',
    strong: true,
    pattern:
      /(?<!\p{L})\p{L}*(?:[Hh]andel\p{L}*|[Ee]xport(?!eur)\p{L}*|[Ii]mport(?!eur)\p{L}*|[Aa]usfuhr\p{L}*|[Ee]infuhr\p{L}*|Warenaustausch\p{L}*|Warenverkehr\p{L}*|[Uu]msatz\p{L}*|[Ll]ieferung\p{L}*|Waren|Güter|Warenwert|ausgetauscht\p{L}*|tauschten|geliefert|liefern|liefert\p{L}*|lieferte\p{L}*|verkauft\p{L}*|verkaufte\p{L}*|kaufte\p{L}*|gekauft|kauft|kaufen)/gu,
  },
  { group: 'trade', strong: false, pattern: /(?<!\p{L})\p{L}*(?:[Vv]olumen|bilateral\p{L}*|Warenfluss\p{L}*)/gu },
  {
    group: 'contract',
    strong: false,
    pattern: /(?<!\p{L})(?:vereinbar\p{L}*|unterzeichne\p{L}*|unterschrieb\p{L}*|unterschrieben|abgeschlossen|besiegelt)/gu,
  },
]

/** A cue's words without the letters around them: what the cue cannot match without, found quicker. */
function stemsOf(cue: RegExp): RegExp {
  return new RegExp(cue.source.replace('(?<!\\p{L})\\p{L}*', '').replaceAll('\\p{L}*', ''), 'u')
}
const CUE_STEMS: readonly RegExp[] = CUES.map((cue) => stemsOf(cue.pattern))

/**
 * "im Handel mit", "beim Export nach", "im bilateralen Handel": the trade word only says where the
 * amount belongs ("Der Überschuss im Handel mit …"), a weak cue beside one that names the amount.
 */
const SETTING_BEFORE = /(?:^|[^\p{L}])(?:im|beim|am)\s+(?:\p{L}+(?:en|er)\s+)?$/u

/**
 * A compound whose first part is money lent or a balance is that, whatever its last part says:
 * "Kreditvertrag", "Investitionsabkommen", "Swap-Abkommen", "Handelsüberschuss".
 */
const FINANCE_WORD = /^(?:[Kk]redit|[Dd]arlehen|[Ii]nvestition|[Ff]inanzierung|[Ss]wap|Fonds|Währungstausch|Devisentausch)|[Üü]berschuss|[Dd]efizit/u

/** A delivery: with a commitment in its clause, a supply deal (a contract) rather than trade. */
const SUPPLY = /[Ll]iefer/u
/** A commitment to deliver: agreed, promised, signed, or a delivery that shall or will be made. */
const COMMITMENT =
  /(?<!\p{L})(?:[Vv]ereinbar\p{L}*|zugesagt|[Zz]usage\p{L}*|verpflichte\p{L}*|unterzeichne\p{L}*|unterschrieb\p{L}*|unterschrieben|abgeschlossen|geschlossen|schlossen|besiegelt|vertraglich|(?:soll|sollen|sollte|sollten|wird|werden)(?!\p{L})[^.;]*(?<!\p{L})liefern(?!\p{L}))/u
/** Deliveries over a stretch of years ahead: "über 30 Jahre", "30 Jahre lang", "in den nächsten 30 Jahren". */
const DELIVERY_TERM =
  /(?<!\p{L})(?:(?:über|für|während)\s+(?:die\s+nächsten\s+)?\S+\s+Jahre|\S+\s+Jahre\s+lang|in\s+den\s+(?:nächsten|kommenden)\s+\S+\s+Jahren)(?!\p{L})/u
/** Growth words: a commitment to make deliveries grow is a goal, not a deal. */
const GROWTH = /(?<!\p{L})(?:steigen|steigern|wachsen|erhöhen|verdoppeln|ausbauen|anwachsen)(?!\p{L})/u

/** A goal or forecast: "Ziel", "peilt … an", "strebt … an", "rechnet mit", "soll … erreichen", "könnte … anwachsen", "erwartet". */
const TARGET =
  /(?<!\p{L})(?:\p{L}*[Zz]iel(?:e|en|s|marke|wert|vorgabe)?(?!\p{L})|anpeil\p{L}*|angepeilt|angestrebt|anstreb\p{L}*|(?:peil|streb)(?:t|en)\s+(?:\S+\s+){0,8}an(?!\p{L})|rechne[nt]?\s+(?:\S+\s+){0,8}mit(?!\p{L})|hoff(?:t|en)\s+auf(?!\p{L})|geplant(?!\p{L})|voraussichtlich|Prognose\p{L}*|prognostiz\p{L}*|(?<!(?:als|wie)\s)erwartet\p{L}*|erwarten|könnte|könnten|dürfte|dürften|verdoppeln|verdreifachen|(?:soll|sollen|sollte|sollten|wird|werden|werde|würde|würden|will|wollen)(?!\p{L})[^.;]*(?<!\p{L})(?:erreichen|erreicht\s+werden|steigen|wachsen|anwachsen|steigern|erhöhen|ausbauen|klettern|übersteigen|übertreffen|überschreiten|knacken)(?!\p{L})|zu\s+(?:erreichen|steigern|erhöhen)(?!\p{L}))/giu
/** A conjunction that opens a new predicate after the amount. */
const NEW_PREDICATE = /(?<!\p{L})(?:und|aber|doch|sowie|während)(?!\p{L})/u
/** "bis 2024", "bis zum Jahr 2030", "bis Ende 2025": a goal's horizon, unless the clause reports a level reached. */
const TARGET_HORIZON = /\bbis\s+(?:zum\s+Jahr\s+|Ende\s+)?\d{4}\b/iu
/** What happened: a past-tense verb of a reached level ("stieg", "erreichte", "belief sich", "ist gewachsen"). */
const REACHED =
  /(?<!\p{L})(?:stieg(?:en)?|gestiegen|wuchs(?:en)?|gewachsen|erreichten?|erreicht(?=\s+(?:habe|haben|hat|hatte|hatten)(?!\p{L}))|belief(?:en)?|betrug(?:en)?|lag(?:en)?|kletterten?|geklettert|sank(?:en)?|gesunken|fiel(?:en)?|gefallen|summierten?|legten?|verzeichneten?|erzielten?|nahm(?:en)?|ging(?:en)?|zurückgegangen|erhöhten?|verringerten?|verdoppelten?|angewachsen|angestiegen|exportierten?|importierten?|lieferten?|waren|war|gelegen|betragen)(?!\p{L})/gu

export interface KindDecision {
  kind: FigureKind
  /** null for an amount with no cue of its own (a goal told without naming what grows). */
  group: Group | null
  from: Decision
}

interface Found extends Span {
  word: string
}

interface FoundCue extends Found {
  group: Group
  strong: boolean
}

/**
 * A firm's own turnover ("erwirtschaftete der Konzern einen Umsatz von"): its takings, not goods
 * exchanged between economies; a compound ("Handelsumsatz") keeps naming trade. Any trade word in a
 * sentence about an exchange ("an der Börse … gehandelt") is market turnover.
 */
const TURNOVER = /^[Uu]ms(?:a|ä)tz/u
/** An exchange or currency market: what is traded there is money changing hands, not goods between states. */
const MARKET = /(?<!\p{L})(?:\p{L}*Börse\p{L}*|Devisen\p{L}*|\p{L}*Währungspaar\p{L}*)(?!\p{L})/u
const FIRM = /(?<!\p{L})(?:\p{L}*[Kk]onzern\p{L}*|Unternehmens?|Firma|Firmen|Holding|Tochter\p{L}*|erwirtschaftet\p{L}*)(?!\p{L})/u

/** A clause of comparison before an agreement word: ", wie Xi und Putin bereits früher" (…vereinbart hatten), "wie". */
const AS_AGREED = /(?:^|[,;–(]\s*)wie(?:\s+[\p{L}-]+){0,6}\s*$/u

/** The cues of the last sentence asked for: its amounts ask one after another (never changed by a caller). */
let lastCues: { text: string; cues: readonly FoundCue[] } | undefined

function cuesIn(text: string): readonly FoundCue[] {
  if (lastCues?.text === text) return lastCues.cues
  const out: FoundCue[] = []
  // the sentence's market or firm, looked for once and only when a trade word asks (undefined: not yet looked)
  let market: RegExpExecArray | null | undefined
  let firm: RegExpExecArray | null | undefined
  const marketOf = (): RegExpExecArray | null => (market === undefined ? (market = MARKET.exec(text)) : market)
  const firmOf = (): RegExpExecArray | null => (firm === undefined ? (firm = FIRM.exec(text)) : firm)
  for (const [i, cue] of CUES.entries()) {
    if (!CUE_STEMS[i]?.test(text)) continue
    cue.pattern.lastIndex = 0
    for (let m = cue.pattern.exec(text); m; m = cue.pattern.exec(text)) {
      // "…, wie Xi und Putin früher vereinbart hatten": a clause of comparison names no deal of the amount
      if (cue.group === 'contract' && !cue.strong && AS_AGREED.test(text.slice(Math.max(0, m.index - 60), m.index))) continue
      const strong = cue.strong && !(cue.group === 'trade' && SETTING_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)))
      const takings = cue.group !== 'trade' ? null : TURNOVER.test(m[0]) ? (firmOf() ?? marketOf()) : marketOf()
      const word = takings ? (takings.index < m.index ? `${takings[0]} … ${m[0]}` : `${m[0]} … ${takings[0]}`) : m[0]
      out.push({ group: takings ? 'turnover' : cue.group, strong, start: m.index, end: m.index + m[0].length, word })
    }
  }
  lastCues = { text, cues: out }
  return out
}

/** Finance or balance first, then contract, for one word two cues match ("Kreditvertrag", "Rüstungsgeschäft"). */
function rank(c: FoundCue): number {
  if ((c.group === 'finance' || c.group === 'balance') && FINANCE_WORD.test(c.word)) return 0
  return c.group === 'contract' ? 1 : 2
}

/** The cue nearest the amount; of two at the same distance, the one whose word holds the other and ranks first. */
function nearest(cues: readonly FoundCue[], amount: Span): FoundCue | undefined {
  let best: FoundCue | undefined
  let bestDistance = Infinity
  for (const c of cues) {
    const d = distance(amount, c)
    if (d < bestDistance || (d === bestDistance && best && c.start <= best.start && c.end >= best.end && rank(c) < rank(best))) {
      best = c
      bestDistance = d
    }
  }
  return best
}

function matchesOf(pattern: RegExp, text: string, offset: number): Found[] {
  const out: Found[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++
      continue
    }
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, word: m[0] })
  }
  return out
}

/** A cue as the words that decide: "soll … steigen" for "soll der Handel auf 300 Mrd. Dollar steigen". */
export function shortCue(words: string): string {
  const w = words.trim().split(/\s+/)
  return w.length > 3 ? `${w[0]} … ${w[w.length - 1]}` : words.trim()
}

function closest(found: readonly Found[], amount: Span): Found | undefined {
  return [...found].sort((a, b) => distance(a, amount) - distance(b, amount))[0]
}

/** Abbreviations inside an amount ("Mrd.", "Mio.", "Bio.", "Fr."): masked, same length, while goals are read. */
const ABBREVIATIONS = '(Mrd|Mio|Bio|Tsd|Fr|SFr|ca)'
const ABBREVIATION_DOT = new RegExp(`(?<!\\p{L})${ABBREVIATIONS}\\.`, 'gu')
const MASKED = new RegExp(`(?<!\\p{L})${ABBREVIATIONS}_`, 'gu')

/**
 * The goal or forecast an amount is told with: a cue in its own clause, unless a reached level ("stieg",
 * "erreichte") stands nearer the amount there; a cue elsewhere in the sentence, or a horizon ("bis
 * 2030"), only when the amount's clause reports no level reached.
 */
function targetCue(raw: string, clause: Span, amount: Span): string | undefined {
  // "soll … die Marke von 100 Mrd. $ erreichen": an abbreviation's dot does not end the goal's stretch
  return maskedTargetCue(raw.replace(ABBREVIATION_DOT, '$1_'), clause, amount)?.replace(MASKED, '$1.')
}

function maskedTargetCue(text: string, clause: Span, amount: Span): string | undefined {
  const clauseText = text.slice(clause.start, clause.end)
  const reached = closest(matchesOf(REACHED, clauseText, clause.start), amount)
  // a goal told after the amount in a new predicate ("… erreichte 240 Mrd. Dollar und dürfte weiter
  // wachsen") is not the amount's
  const own = closest(
    matchesOf(TARGET, clauseText, clause.start).filter((t) => t.start < amount.end || !NEW_PREDICATE.test(text.slice(amount.end, t.start))),
    amount,
  )
  if (own && (!reached || distance(own, amount) < distance(reached, amount))) return shortCue(own.word)
  if (reached) return undefined
  // an elliptic clause after a level reached ("2022 hatte der Wert bei 190 Mrd. gelegen, 2021 bei 147 Mrd."):
  // the verb before it in the sentence is nearer than a goal named elsewhere
  const before = closest(matchesOf(REACHED, text.slice(0, clause.start), 0), amount)
  const goal = closest(matchesOf(TARGET, text, 0), amount)
  const horizon = TARGET_HORIZON.exec(clauseText)?.[0]
  if (!horizon && before && (!goal || distance(before, amount) < distance(goal, amount))) return undefined
  const cue = horizon ?? goal?.word ?? TARGET_HORIZON.exec(text)?.[0]
  return cue === undefined ? undefined : shortCue(cue)
}

/**
 * The kind of the amount at `amount`: the nearest cue (its own clause before the rest of the sentence,
 * strong cues before weak ones); a delivery with a commitment in its clause is a contract; trade, or an
 * amount with no cue, told as a goal or forecast is a trade_target. Undefined when nothing tells.
 */
export function figureKind(text: string, amount: Span): KindDecision | undefined {
  const clause = clauseOf(text, amount)
  const cues = cuesIn(text)
  const inClause = cues.filter((c) => within(clause, c))
  const best =
    nearest(
      inClause.filter((c) => c.strong),
      amount,
    ) ??
    nearest(inClause, amount) ??
    nearest(
      cues.filter((c) => c.strong),
      amount,
    ) ??
    nearest(cues, amount)
  if (best?.group === 'trade' && SUPPLY.test(best.word)) {
    // deliveries agreed or promised, or over years ahead; not deliveries made ("stiegen auf") or to grow
    const clauseText = text.slice(clause.start, clause.end)
    const commitment = COMMITMENT.exec(clauseText) ?? DELIVERY_TERM.exec(clauseText) ?? COMMITMENT.exec(text)
    REACHED.lastIndex = 0
    if (commitment && !GROWTH.test(clauseText) && !REACHED.test(clauseText)) {
      return { kind: 'contract', group: 'contract', from: { rule: 'supply-deal', cue: shortCue(commitment[0]), reference: null } }
    }
  }
  if (best === undefined || best.group === 'trade') {
    const target = targetCue(text, clause, amount)
    if (target) return { kind: 'trade_target', group: best ? 'trade' : null, from: { rule: 'target-cue', cue: target, reference: null } }
  }
  if (!best) return undefined
  return { kind: KIND_OF[best.group], group: best.group, from: { rule: RULE_OF[best.group], cue: best.word, reference: null } }
}

/**
 * Puts an article body into an outlet's page: the date as that outlet prints it, an agency dateline,
 * the photo credit, newsletter box, comment rules, teasers. Also writes the planted answers in the
 * gold format of ../shared/corpus-dev/gold (read by ../shared/tools/score.mjs).
 */
import { Random, mixSeed } from './random.ts'
import { ACTOR_BY_ID, AGENCIES, COMMENT_RULES, MONTHS, NEWSLETTER_LINES, OUTLETS, PERSONS, PHOTOGRAPHERS } from './vocabulary.ts'
import type { SynthOutlet } from './vocabulary.ts'
import type { ArticleContent } from './content.ts'

export interface GoldActor {
  name: string
  kind: 'person' | 'country' | 'organization'
  mentions: number
  aliases: string[]
}

export interface GoldVisit {
  kind?: 'call'
  visitor: string[]
  host: string[]
  place: string | null
  country: string | null
  date: string | null
  approx?: true
  status: string
  sentence: string
}

export interface GoldFigure {
  value: number
  currency: string
  year: number | null
  kind: string
  sentence: string
}

export interface Gold {
  published: string | null
  actors: GoldActor[]
  visits: GoldVisit[]
  figures: GoldFigure[]
  note: string
}

export interface Meta {
  url: string
  outlet: string
  published?: string
}

export interface FramedArticle {
  text: string
  meta: Meta
  gold: Gold
  /** The publication date as precisely as the page prints it, or null when it prints none. */
  published: string | null
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

function actorName(id: string): string {
  return ACTOR_BY_ID.get(id)?.name ?? id
}

/** Per-actor mention counts and surface forms, ordered by count (then name) like the hand-made gold. */
export function goldActors(content: ArticleContent): GoldActor[] {
  const byId = new Map<string, { mentions: number; aliases: Set<string> }>()
  for (const span of content.spans) {
    let entry = byId.get(span.actorId)
    if (!entry) {
      entry = { mentions: 0, aliases: new Set([actorName(span.actorId)]) }
      byId.set(span.actorId, entry)
    }
    entry.mentions++
    entry.aliases.add(span.surface)
  }
  return [...byId.entries()]
    .map(([id, e]) => {
      const actor = ACTOR_BY_ID.get(id)
      return { name: actor?.name ?? id, kind: actor?.kind ?? 'person', mentions: e.mentions, aliases: [...e.aliases] }
    })
    .sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

export function goldOf(content: ArticleContent, published: string | null, note: string): Gold {
  const quote = (i: number): string => content.sentences[i] ?? ''
  return {
    published,
    actors: goldActors(content),
    visits: content.events.map((e) => {
      const visit: GoldVisit = {
        visitor: e.visitors.map(actorName),
        host: e.hosts.map(actorName),
        place: e.place,
        country: e.country === null ? null : actorName(e.country),
        date: e.date,
        status: e.status,
        sentence: quote(e.sentence),
      }
      if (e.approx) visit.approx = true
      return e.kind === 'call' ? { kind: 'call', ...visit } : visit
    }),
    figures: content.figures.map((f) => ({ value: f.value, currency: f.currency, year: f.year, kind: f.kind, sentence: quote(f.sentence) })),
    note,
  }
}

const TEASERS: readonly ((r: Random) => string)[] = [
  () => 'Mehr zum Thema – Wie Peking und Moskau ihre Zahlungswege ausbauen',
  () => 'Mehr zum Thema – Putin und Xi vereinbaren engere Zusammenarbeit',
  (r) => `Lesen Sie auch: Was die NATO über Chinas Rolle denkt (${r.int(1, 28)}.${r.int(1, 12)}.)`,
]

/** Date line of a page, and how precise the date it gives is. */
function dateLine(outlet: SynthOutlet, day: string, r: Random): { head: string[]; top: string; tail: string[]; published: string } {
  const [y, m, d] = day.split('-')
  const numeric = `${d}.${m}.${y}`
  const long = `${Number(d)}. ${MONTHS[Number(m) - 1]} ${y}`
  const time = `${pad2(r.int(6, 22))}:${pad2(r.int(0, 59))}`
  switch (outlet.dateStyle) {
    case 'stand':
      return { head: [`Stand: ${numeric} ${time} Uhr`], top: '', tail: [], published: day }
    case 'store-month':
      return { head: [], top: ` date ${y}-${m} `, tail: [], published: `${y}-${m}` }
    case 'glued':
      return { head: [`${outlet.stamp}${long}`], top: '', tail: [], published: day }
    case 'long-line':
      return { head: [long], top: '', tail: [], published: day }
    case 'broadcast':
      return { head: [], top: '', tail: [`Diese Nachricht wurde am ${numeric} im Programm ${outlet.stamp} gesendet.`], published: day }
    case 'header-slash':
      return { head: [], top: `${outlet.stamp} / ${numeric}\n`, tail: [], published: day }
    case 'numeric-line':
      return { head: [`${numeric} ${time} Uhr`], top: '', tail: [], published: day }
  }
}

/**
 * The page text of `content` as `outlet` would print it. `seed` drives only the framing (times,
 * boilerplate), so a wire copy gets the same body with different furniture.
 */
export function frameArticle(content: ArticleContent, outlet: SynthOutlet, seed: number, name: string, undated: boolean): FramedArticle {
  const r = new Random(mixSeed(seed, 0x5eed))
  const agency = r.pick(AGENCIES)
  const dates = dateLine(outlet, content.published, r)
  const lines: string[] = []
  const title = content.sentences[0] ?? ''
  lines.push(`${undated ? '' : dates.top}${title}`, '')
  if (!undated) for (const h of dates.head) lines.push(h, '')
  content.paragraphs.forEach((paragraph, i) => {
    let text = paragraph.map((s) => content.sentences[s] ?? '').join(' ')
    if (i === 0 && content.dateline) text = `${content.dateline} (${agency}) – ${text}`
    lines.push(text)
    if (content.caption !== null && paragraph.includes(content.caption)) {
      lines.push(r.chance(0.5) ? `Foto: ${r.pick(PHOTOGRAPHERS)}/${agency}` : `Bild: picture alliance / ${agency} | ${r.pick(PHOTOGRAPHERS)}`)
    }
    lines.push('')
  })
  if (r.chance(0.15)) lines.push(r.pick(TEASERS)(r), '')
  if (r.chance(0.4)) lines.push(...NEWSLETTER_LINES, '')
  if (r.chance(0.3)) lines.push(r.pick(COMMENT_RULES), '')
  if (outlet.dateStyle === 'long-line') lines.push(`Quelle: ${outlet.stamp}.de, ${agency}`, '')
  if (!undated) for (const t of dates.tail) lines.push(t, '')
  if (agency === 'Reuters' && r.chance(0.5)) lines.push(`© Reuters ${content.published.slice(0, 4)}. Alle Rechte vorbehalten.`, '')
  const published = undated ? null : dates.published
  const note = undated
    ? 'Synthetic: the page prints no date.'
    : `Synthetic: date from the ${outlet.dateStyle} line of ${outlet.domain}.`
  return {
    text: lines.join('\n'),
    meta: { url: `https://www.${outlet.domain}/${outlet.urlPath}/${name}.html`, outlet: outlet.domain },
    gold: goldOf(content, published, note),
    published,
  }
}

export const OUTLET_LIST = OUTLETS
export const PERSON_LIST = PERSONS

import type { ActorEntry, ActorMatch, Sentence } from '../../../../../pipeline/stages/types.ts'

/** A small actor registry for the events tests (ids as in data/actors.json). */
export const REGISTRY: ActorEntry[] = [
  { id: 'putin', name: 'Wladimir Putin', kind: 'person', aliases: ['Putin', 'Putins'], country: 'russia' },
  { id: 'lawrow', name: 'Sergej Lawrow', kind: 'person', aliases: ['Lawrow'], country: 'russia' },
  { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: ['Xi', 'Xis'], country: 'china' },
  { id: 'wang-yi', name: 'Wang Yi', kind: 'person', aliases: ['Wang'], country: 'china' },
  { id: 'scholz', name: 'Olaf Scholz', kind: 'person', aliases: ['Scholz'], country: 'germany' },
  { id: 'macron', name: 'Emmanuel Macron', kind: 'person', aliases: ['Macron'], country: 'france' },
  { id: 'blinken', name: 'Antony Blinken', kind: 'person', aliases: ['Blinken'], country: 'usa' },
  { id: 'selenskyj', name: 'Wolodymyr Selenskyj', kind: 'person', aliases: ['Selenskyj'], country: 'ukraine' },
  { id: 'trump', name: 'Donald Trump', kind: 'person', aliases: ['Trump', 'Trumps'], country: 'usa' },
  { id: 'russia', name: 'Russland', kind: 'country', aliases: ['Russlands'], seats: ['Moskau', 'Kreml'] },
  { id: 'china', name: 'China', kind: 'country', aliases: ['Chinas'], seats: ['Peking'], adjectives: ['chinesisch'] },
  { id: 'germany', name: 'Deutschland', kind: 'country', aliases: [], adjectives: ['deutsch'] },
  { id: 'france', name: 'Frankreich', kind: 'country', aliases: [], adjectives: ['französisch'] },
  { id: 'ukraine', name: 'Ukraine', kind: 'country', aliases: [] },
  { id: 'usa', name: 'USA', kind: 'country', aliases: [] },
  { id: 'uzbekistan', name: 'Usbekistan', kind: 'country', aliases: [] },
  { id: 'south-africa', name: 'Südafrika', kind: 'country', aliases: [] },
  { id: 'italy', name: 'Italien', kind: 'country', aliases: [], seats: ['Rom'], adjectives: ['italienisch'] },
]

export function sentences(...texts: string[]): Sentence[] {
  return texts.map((text, index) => ({ index, text, paragraph: index }))
}

/** Actor matches as the actors stage gives them: every alias, longest first, whole words, no overlaps. */
export function matchesOf(input: readonly Sentence[]): ActorMatch[] {
  const forms = REGISTRY.flatMap((a) => [a.name, ...a.aliases].map((surface) => ({ id: a.id, surface }))).sort(
    (a, b) => b.surface.length - a.surface.length,
  )
  const out: ActorMatch[] = []
  for (const s of input) {
    const taken: [number, number][] = []
    for (const { id, surface } of forms) {
      const re = new RegExp(`(?<![\\p{L}])${surface}(?![\\p{L}])`, 'gu')
      for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
        const start = m.index
        const end = start + surface.length
        if (taken.some(([a, b]) => start < b && a < end)) continue
        taken.push([start, end])
        out.push({ actorId: id, sentence: s.index, start, end, surface, viaSeat: false })
      }
    }
  }
  return out
}

/**
 * Article N of a synthetic corpus, computed from (seed, N) alone: its name, outlet, body (or the
 * body of the earlier article it is a wire copy of), page text, meta and planted answers.
 * Nothing here keeps state between articles, so a corpus of any size streams in constant memory.
 */
import { composeContent } from './content.ts'
import type { ArticleContent } from './content.ts'
import { frameArticle } from './frame.ts'
import type { Gold, Meta } from './frame.ts'
import { Random, mixSeed } from './random.ts'
import { OUTLETS } from './vocabulary.ts'
import type { SynthOutlet } from './vocabulary.ts'

/** Bump when the generated text changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1

export interface CorpusOptions {
  seed: number
  /** Share of articles that are wire copies of an earlier one (same body, another outlet). */
  wireShare: number
  /** Share of pages that print no date at all. */
  undatedShare: number
}

export const DEFAULT_OPTIONS: CorpusOptions = { seed: 1, wireShare: 0.05, undatedShare: 0.04 }

export interface SynthArticle {
  index: number
  /** File name without ".txt", also the article id. */
  name: string
  outlet: SynthOutlet
  content: ArticleContent
  text: string
  meta: Meta
  gold: Gold
  /** Publication date as precisely as the page prints it ("YYYY-MM-DD" or "YYYY-MM"), or null. */
  published: string | null
  /** Name of the earlier article this one copies, or null. */
  duplicateOf: string | null
}

/** How far back a wire copy may reach (keeps copies near their source in any prefix of the corpus). */
const WIRE_WINDOW = 50

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0')

export function articleName(seed: number, index: number): string {
  return `${String(index).padStart(7, '0')}_${hex8(mixSeed(seed, index * 2))}${hex8(mixSeed(seed, index * 2 + 1))}`
}

function framingRandom(seed: number, index: number): Random {
  return new Random(mixSeed(seed ^ 0x7f4a7c15, index))
}

/** The index of the article whose body article `index` copies, or `index` itself. */
export function sourceOf(index: number, options: CorpusOptions): number {
  let current = index
  for (;;) {
    if (current === 0) return current
    const r = framingRandom(options.seed, current)
    if (!r.chance(options.wireShare)) return current
    current = current - 1 - r.int(0, Math.min(current, WIRE_WINDOW) - 1)
  }
}

function outletOf(index: number, options: CorpusOptions): SynthOutlet {
  const r = new Random(mixSeed(options.seed ^ 0x1b873593, index))
  return r.pick(OUTLETS)
}

export function generateArticle(index: number, options: CorpusOptions = DEFAULT_OPTIONS): SynthArticle {
  const source = sourceOf(index, options)
  const content = composeContent(mixSeed(options.seed, source + 0x10000))
  let outlet = outletOf(index, options)
  if (source !== index) {
    const sourceOutlet = outletOf(source, options)
    if (outlet === sourceOutlet) outlet = OUTLETS[(OUTLETS.indexOf(outlet) + 1) % OUTLETS.length] ?? outlet
  }
  const name = articleName(options.seed, index)
  const undated = framingRandom(options.seed + 1, index).chance(options.undatedShare)
  const framed = frameArticle(content, outlet, mixSeed(options.seed, index), name, undated)
  const duplicateOf = source === index ? null : articleName(options.seed, source)
  if (duplicateOf) framed.gold.note += ` Wire copy of ${duplicateOf}.`
  return {
    index,
    name,
    outlet,
    content,
    text: framed.text,
    meta: framed.meta,
    gold: framed.gold,
    published: framed.published,
    duplicateOf,
  }
}

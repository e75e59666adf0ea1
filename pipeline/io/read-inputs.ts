/**
 * The lookup files of a run, read and checked once before it starts: the actor registry (`--actors`),
 * the city gazetteer (`--places`), the occasion table (`--occasions`) and the office table (`--offices`). A broken one is a one-line
 * error naming the file and what is wrong.
 */
import { readFileSync } from 'node:fs'
import { parseRegistry } from '../stages/extract/actor-registry.ts'
import { parsePlaces, placesProblem } from '../stages/extract/places.ts'
import { parseOccasions } from '../stages/time/occasions.ts'
import { parseOffices } from '../stages/extract/quote-offices.ts'
import type { Gazetteers } from '../passes/extract-pass.ts'
import type { ActorEntry } from '../stages/types.ts'

/** What the stages look things up in. */
export interface Inputs {
  registry: ActorEntry[]
  gazetteers: Gazetteers
}

export interface InputFiles {
  actorsFile: string
  placesFile: string
  occasionsFile: string
  /** Terms of office (data/offices.json); without it, speakers named by office are not resolved. */
  officesFile?: string
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string }

function readJson(path: string, what: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) }
  } catch (e) {
    return { ok: false, error: `cannot read ${what} ${path}: ${(e as Error).message.split('\n')[0]}` }
  }
}

/** The three files, parsed; or the first error. */
export function readInputs(files: InputFiles): Result<Inputs> {
  const actors = readJson(files.actorsFile, 'actor registry')
  if (!actors.ok) return actors
  const registry = parseRegistry(actors.value)
  if (!registry.ok) return { ok: false, error: `invalid actor registry ${files.actorsFile}: ${registry.error}` }
  const places = readJson(files.placesFile, 'place list')
  if (!places.ok) return places
  const problem = placesProblem(places.value)
  if (problem) return { ok: false, error: `invalid place list ${files.placesFile}: ${problem}` }
  const occasions = readJson(files.occasionsFile, 'occasion table')
  if (!occasions.ok) return occasions
  const offices = files.officesFile === undefined ? { ok: true as const, value: { offices: [] } } : readJson(files.officesFile, 'office table')
  if (!offices.ok) return offices
  try {
    const gazetteers = { places: parsePlaces(places.value), occasions: parseOccasions(occasions.value), offices: parseOffices(offices.value) }
    return { ok: true, value: { registry: registry.value, gazetteers } }
  } catch (e) {
    return { ok: false, error: `invalid occasion table ${files.occasionsFile}: ${(e as Error).message}` }
  }
}

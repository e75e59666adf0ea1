/** The default gazetteers (data/places.json, data/occasions.json), parsed as the command parses them. */
import { readFileSync } from 'node:fs'
import { parsePlaces } from '../../../pipeline/stages/extract/places.ts'
import type { Place } from '../../../pipeline/stages/extract/places.ts'
import { parseOccasions } from '../../../pipeline/stages/time/occasions.ts'
import type { Occasion } from '../../../pipeline/stages/time/occasions.ts'

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8'))

export const PLACES: readonly Place[] = parsePlaces(read('places.json'))
export const OCCASIONS: readonly Occasion[] = parseOccasions(read('occasions.json'))
export const GAZETTEERS = { places: PLACES, occasions: OCCASIONS }

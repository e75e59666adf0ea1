/** Checks the layout files beside a written dataset.json: exactly the files layoutFromDataset makes of it, byte for byte. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { DatasetSchema } from '../../../src/model/dataset.ts'
import type { Dataset } from '../../../src/model/dataset.ts'
import { indexFileFor, layoutFromDataset, layoutPathsFor } from '../../../pipeline/io/layout-build.ts'
import { parseComentionsFile, parseDayFile, parseIndex, parsePart } from '../../../src/model/layout.ts'
import { compactJson } from '../../../pipeline/io/stream-dataset.ts'
import { parseEventPart, parseEventSummary } from '../../../src/model/event-layout.ts'
import { parseIdShard } from '../../../src/model/id-map.ts'

/** Lists "folder/file" for the files of a folder beside the dataset. */
function listed(dir: string, folder: string): string[] {
  return readdirSync(join(dir, folder))
    .map((name) => `${folder}/${name}`)
    .sort()
}

export function expectLayoutOf(dir: string, base = 'dataset'): void {
  const json: unknown = JSON.parse(readFileSync(join(dir, `${base}.json`), 'utf8'))
  expect(DatasetSchema.safeParse(json).success).toBe(true)
  // the records as written (zod's output would order the keys by the schema)
  const dataset = json as Dataset
  const paths = layoutPathsFor(base)
  const layout = layoutFromDataset(dataset, paths)
  const read = (path: string): string => readFileSync(join(dir, path), 'utf8')
  const index = read(indexFileFor(base))
  expect(parseIndex(JSON.parse(index)).ok).toBe(true)
  expect(index).toBe(compactJson(layout.index))
  expect(read(paths.events)).toBe(compactJson(layout.events))
  expect([...layout.files.keys()].filter((path) => !path.startsWith(`${paths.idFolder}/`))).toEqual([paths.comentions, paths.eventSummary])
  expect(parseComentionsFile(JSON.parse(read(paths.comentions))).ok).toBe(true)
  expect(parseEventSummary(JSON.parse(read(paths.eventSummary))).ok).toBe(true)
  expect(listed(dir, paths.idFolder)).toEqual([...layout.files.keys()].filter((path) => path.startsWith(`${paths.idFolder}/`)).sort())
  for (const path of listed(dir, paths.idFolder)) expect(parseIdShard(JSON.parse(read(path))).ok).toBe(true)
  expect(listed(dir, paths.eventFolder)).toEqual([...layout.eventParts.keys()].sort())
  for (const [path, part] of layout.eventParts) {
    expect(parseEventPart(JSON.parse(read(path))).ok).toBe(true)
    expect(read(path)).toBe(compactJson(part))
  }
  for (const [path, value] of layout.files) expect(read(path)).toBe(compactJson(value))
  expect(listed(dir, paths.dayFolder)).toEqual([...layout.dayFiles.keys()].sort())
  for (const [path, day] of layout.dayFiles) {
    expect(parseDayFile(JSON.parse(read(path))).ok).toBe(true)
    expect(read(path)).toBe(compactJson(day))
  }
  expect(listed(dir, paths.partFolder)).toEqual([...layout.parts.keys()].sort())
  for (const [path, part] of layout.parts) {
    expect(parsePart(JSON.parse(read(path))).ok).toBe(true)
    expect(read(path)).toBe(compactJson(part))
  }
}

/** The contract after its rewrite in zod/mini: every check of the old method-chain schema still holds. */
import { describe, expect, it } from 'vitest'
import { DatasetSchema, parser, parseTextShard, type Dataset } from '../../../src/model/dataset.ts'
import { makeDataset, makeText } from '../lib/dataset-fixture.ts'

/** The whole contract file narrowed (the app reads the layout files, the pipeline checks record by record). */
const parseDataset = parser(DatasetSchema)

function withChange(change: (dataset: Dataset) => void): unknown {
  const dataset = makeDataset()
  change(dataset)
  return JSON.parse(JSON.stringify(dataset)) as unknown
}

function errorOf(json: unknown): string {
  const result = parseDataset(json)
  if (result.ok) throw new Error('expected the dataset to be rejected')
  return result.error
}

describe('parseDataset (zod/mini schema)', () => {
  it('accepts the fixture, with nulls where the contract allows them', () => {
    const result = parseDataset(makeDataset())
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.articles.find((article) => article.id === 'a5')?.outlet).toBeNull()
  })

  it('drops no field and adds none: the parsed value equals the input', () => {
    const input = makeDataset()
    const result = parseDataset(JSON.parse(JSON.stringify(input)) as unknown)
    expect(result.ok && result.value).toEqual(input)
  })

  it.each([
    ['an empty article id', (d: Dataset) => Object.assign(d.articles[0] ?? {}, { id: '' }), 'articles.0.id'],
    ['a negative sentence count', (d: Dataset) => Object.assign(d.articles[0] ?? {}, { sentenceCount: -1 }), 'articles.0.sentenceCount'],
    ['a fractional mention count', (d: Dataset) => Object.assign(d.mentions[1] ?? {}, { count: 1.5 }), 'mentions.1.count'],
    ['a sentence index below zero', (d: Dataset) => Object.assign(d.mentions[0] ?? {}, { sentences: [0, -2] }), 'mentions.0.sentences.1'],
    ['a year-only publication date', (d: Dataset) => Object.assign(d.articles[1] ?? {}, { published: '2023' }), 'articles.1.published'],
    ['month 13 in an event date', (d: Dataset) => Object.assign(d.events[0] ?? {}, { date: '2023-13-01' }), 'events.0.date'],
    ['an event without evidence', (d: Dataset) => Object.assign(d.events[0] ?? {}, { evidence: [] }), 'events.0.evidence'],
    ['a lower-case currency', (d: Dataset) => Object.assign(d.figures[0] ?? {}, { currency: 'usd' }), 'figures.0.currency'],
    ['a negative amount', (d: Dataset) => Object.assign(d.figures[0] ?? {}, { value: -3 }), 'figures.0.value'],
    ['an unknown actor kind', (d: Dataset) => Object.assign(d.actors[0] ?? {}, { kind: 'city' }), 'actors.0.kind'],
    ['another schema version', (d: Dataset) => Object.assign(d, { schemaVersion: 2 }), 'schemaVersion'],
  ])('rejects %s and names the path', (_name, change, path) => {
    expect(errorOf(withChange(change))).toContain(`${path}:`)
  })

  it('accepts a year-only event date (events may be dated to the year)', () => {
    expect(parseDataset(withChange((d) => Object.assign(d.events[0] ?? {}, { date: '2024' }))).ok).toBe(true)
  })

  it('rejects a missing list with the root key in the message', () => {
    const partial: Partial<Dataset> = makeDataset()
    delete partial.figures
    expect(errorOf(partial)).toContain('figures:')
  })
})

describe('parseTextShard (zod/mini schema)', () => {
  it('accepts a shard and rejects a span with a negative offset', () => {
    const text = makeText('a1')
    expect(parseTextShard({ texts: [text] }).ok).toBe(true)
    const broken = { texts: [{ ...text, spans: [{ actorId: 'putin', sentence: 0, start: -1, end: 4 }] }] }
    const result = parseTextShard(broken)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain('texts.0.spans.0.start')
  })
})

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DATASET_VERSION, DatasetSchema, TextShardSchema } from '../../../src/model/dataset.ts'
import { expectLayoutOf } from './layout-files.ts'

const file = fileURLToPath(new URL('../../../public/data/dataset.json', import.meta.url))

describe('committed demo dataset', () => {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'))

  it('has the current schema version and matches the schema', () => {
    const dataset = DatasetSchema.parse(json)
    expect(dataset.schemaVersion).toBe(DATASET_VERSION)
    expect(dataset.articles.length).toBeGreaterThan(0)
  })

  it('has a valid shard for every article, holding its text with spans inside the sentences', () => {
    const dataset = DatasetSchema.parse(json)
    for (const article of dataset.articles) {
      const shard = TextShardSchema.parse(JSON.parse(readFileSync(join(dirname(file), article.textShard), 'utf8')))
      const text = shard.texts.find((t) => t.articleId === article.id)
      expect(text?.sentences.length).toBe(article.sentenceCount)
      for (const span of text?.spans ?? []) {
        const sentence = text?.sentences[span.sentence] ?? ''
        expect(span.start).toBeLessThan(span.end)
        expect(span.end).toBeLessThanOrEqual(sentence.length)
      }
    }
  })

  it('has the layout files of its dataset: index, day files, month parts, events', () => {
    expectLayoutOf(dirname(file))
  })
})

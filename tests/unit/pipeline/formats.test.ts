/**
 * Done-when of issue 12: the five demo articles as .txt (with their meta files), as saved news pages built
 * around them (navigation, cookie banner, teasers and comments that name actors, JSON-LD with the true date),
 * as one JSON Lines file and as one WARC file give the same actors, mentions, events, figures and quotes; the
 * page and WARC runs take the publication date from the page's metadata.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dataset } from '../../../src/model/dataset.ts'
import { parseRegistry } from '../../../pipeline/stages/extract/actor-registry.ts'
import type { ActorEntry } from '../../../pipeline/stages/types.ts'
import { readTxtCorpus, writeFormats } from '../../../scripts/corpus-formats.ts'
import { buildFolder } from './build-folder.ts'

const root = new URL('../../../', import.meta.url).pathname
const demo = join(root, 'data/articles')
const parsed = parseRegistry(JSON.parse(readFileSync(join(root, 'data/actors.json'), 'utf8')))
if (!parsed.ok) throw new Error(parsed.error)
const registry: ActorEntry[] = parsed.value

/** What the dataset says, with each article named by its title (ids differ between formats). */
function facts(d: Dataset) {
  const title = new Map(d.articles.map((a) => [a.id, a.title]))
  const t = (id: string): string => title.get(id) ?? `?${id}`
  return {
    titles: d.articles.map((a) => a.title).sort(),
    actors: d.actors.map((a) => a.id),
    mentions: d.mentions.map((m) => `${t(m.articleId)} | ${m.actorId} ×${m.count} @${m.sentences.join(',')}`).sort(),
    events: d.events
      .map((e) => `${e.kind} ${e.visitors.join('+')}→${e.hosts.join('+')} ${e.place ?? '-'} ${e.country ?? '-'} ${e.date ?? '-'} ${e.approx} ${e.status} [${e.evidence.map((v) => `${t(v.articleId)}#${v.sentence}`).sort().join('; ')}]`)
      .sort(),
    figures: d.figures.map((f) => `${t(f.articleId)} #${f.sentence} ${f.value} ${f.currency} ${f.year ?? '-'} ${f.kind}`).sort(),
    quotes: (d.quotes ?? []).map((q) => `${t(q.articleId)} ${q.kind} ${q.speaker ?? '-'}: ${q.text}`).sort(),
  }
}

describe('the demo articles in every input format', () => {
  const work = mkdtempSync(join(tmpdir(), 'mbpm-formats-'))
  const dirs = { txt: join(work, 'txt'), html: join(work, 'html'), jsonl: join(work, 'jsonl'), warc: join(work, 'warc') }
  const articles = readTxtCorpus(demo)
  const built = new Map<string, Dataset>()

  beforeAll(async () => {
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true })
    for (const name of readdirSync(demo)) copyFileSync(join(demo, name), join(dirs.txt, name))
    mkdirSync(join(dirs.html, '2024', 'politik'), { recursive: true })
    await writeFormats(articles, { pages: join(dirs.html, '2024', 'politik'), jsonl: join(dirs.jsonl, 'demo.jsonl'), warc: join(dirs.warc, 'crawl.warc.gz') })
    for (const [format, dir] of Object.entries(dirs)) {
      const { dataset, report } = await buildFolder(dir, registry, { workers: 1 })
      expect(report.skipped, format).toEqual([])
      built.set(format, dataset as Dataset)
    }
  }, 120_000)
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('reads all five articles in every format', () => {
    for (const d of built.values()) expect(d.articles).toHaveLength(5)
  })

  for (const format of ['html', 'jsonl', 'warc']) {
    it(`${format}: the same actors, mentions, events, figures and quotes as the .txt files`, () => {
      const txt = facts(built.get('txt') as Dataset)
      const other = facts(built.get(format) as Dataset)
      expect(other.titles).toEqual(txt.titles)
      expect(other.actors).toEqual(txt.actors)
      expect(other.mentions).toEqual(txt.mentions)
      expect(other.events).toEqual(txt.events)
      expect(other.figures).toEqual(txt.figures)
      expect(other.quotes).toEqual(txt.quotes)
    })
  }

  it('pages and WARC records are dated from the page (JSON-LD datePublished, with the cue), the JSON Lines from its field', () => {
    const truth = new Map(articles.map((a) => [a.title, a.published]))
    // one demo article has no date (its meta file says null): its page has no datePublished, the text is read
    expect([...truth.values()].filter((d) => d === null)).toHaveLength(1)
    for (const format of ['html', 'warc', 'jsonl']) {
      for (const a of (built.get(format) as Dataset).articles) {
        const date = truth.get(a.title)
        if (date === null) {
          expect(a.publishedFrom).not.toBe('page')
          continue
        }
        expect(a.published, `${format} ${a.title}`).toBe(date)
        if (format === 'jsonl') expect(a.publishedCue).toEqual({ rule: 'record-field', cue: `published: ${date}`, reference: null })
        else expect(a.publishedCue).toEqual({ rule: 'page-json-ld', cue: `${date}T09:30:00+01:00`, reference: null })
        expect(a.publishedFrom).toBe(format === 'jsonl' ? 'meta' : 'page')
      }
    }
  })

  it('ids: a page keeps its path, records their file and URL; urls come from the page', () => {
    const html = built.get('html') as Dataset
    expect(html.articles.map((a) => a.id).sort()).toEqual(articles.map((a) => `2024-politik-${a.stem}`).sort())
    const warc = built.get('warc') as Dataset
    for (const a of warc.articles) {
      expect(a.id).toMatch(/^crawl-[0-9a-f]{12}$/)
      expect(a.url).toMatch(/^https:\/\/www\.beispielblatt\.de\/politik\//)
      expect(a.file).toMatch(/^crawl\.warc\.gz@\d+$/)
    }
    const jsonl = built.get('jsonl') as Dataset
    expect(jsonl.articles.map((a) => a.file).sort()).toEqual(['demo.jsonl:1', 'demo.jsonl:2', 'demo.jsonl:3', 'demo.jsonl:4', 'demo.jsonl:5'])
  })
})

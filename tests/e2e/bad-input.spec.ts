import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { Dataset, TextShard } from '../../src/model/dataset.ts'
import { layoutFromDataset } from '../../pipeline/io/layout-build.ts'
import { chartDrawn, demoDataset, queryOf, watchConsole } from './helpers.ts'

const dataset = demoDataset()

test.describe('Junk in the URL', () => {
  test('each bad value is dropped with a notice naming it, the rest of the view is kept', async ({ page }) => {
    const { problems } = watchConsole(page)
    const long = 'x'.repeat(10_000)
    const query = [
      'actor=putin,merkel',
      'grain=week',
      'from=2023-02-30',
      'to=2024-13-01',
      'measure=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      `outlet=${long}`,
      'lang=de&lang=en',
      'sel=m.putin.2023-02%00',
      'theme=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'utm_source=chat',
    ].join('&')
    await page.goto(`/mentions?${query}`)
    await chartDrawn(page, 'mentions')
    const notices = page.getByTestId('notices')
    await expect(notices).toBeVisible()
    for (const text of ['actor=merkel', 'from=2023-02-30', 'to=2024-13-01', 'measure=<script>alert(1)</script>', 'lang=en', 'utm_source=chat', 'theme=<img src=x onerror=alert(1)>'])
      await expect(notices).toContainText(text)
    await expect(notices).toContainText('Wert zu lang')
    await expect(notices).toContainText('Steuerzeichen')
    // The good values stay, the URL is cleaned.
    await expect.poll(() => page.url()).toMatch(/\/mentions\?actor=putin&grain=week$/)
    await expect(page.getByTestId('grain').getByRole('button', { name: 'Woche' })).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await notices.getByRole('button', { name: 'Hinweise schließen' }).click()
    await expect(notices).toHaveCount(0)
    expect(problems).toEqual([])
  })

  test('a reversed range is dropped as a whole and named', async ({ page }) => {
    await page.goto('/articles?from=2024-05-01&to=2023-01-01')
    await expect(page.getByTestId('notices')).toContainText('Beginn liegt nach dem Ende')
    await expect(page.getByTestId('article-row')).toHaveCount(dataset.articles.length)
    expect(queryOf(page).get('from')).toBeNull()
  })
})

/** The index is what the app reads first: it stands for the whole dataset here. */
async function serveDataset(page: Page, body: string, status = 200): Promise<void> {
  await page.route('**/data/dataset.index.json', (route) => route.fulfill({ status, body, contentType: 'application/json' }))
}

test.describe('A broken dataset gets a page that says what is wrong', () => {
  const index = layoutFromDataset(dataset).index
  const cases: [string, string, number, RegExp][] = [
    ['missing', 'Not found', 404, /dataset\.index\.json fehlt \(HTTP 404\)/],
    ['truncated', JSON.stringify(index).slice(0, 500), 200, /kein gültiges JSON/],
    ['schema-invalid', JSON.stringify({ ...index, actors: [{ id: 1 }] }), 200, /passt nicht zum Datenschema: actors\.0/],
    ['another layout version', JSON.stringify({ ...index, layoutVersion: 2 }), 200, /Schemaversion 2/],
  ]
  for (const [name, body, status, reason] of cases) {
    test(`${name} dataset`, async ({ page }) => {
      const { problems } = watchConsole(page)
      await serveDataset(page, body, status)
      await page.goto('/mentions')
      const error = page.getByTestId('dataset-error')
      await expect(error.getByRole('heading', { level: 1 })).toHaveText('Der Datensatz kann nicht geladen werden')
      await expect(error).toContainText(reason)
      await expect(error).toContainText('npm run preprocess')
      // Only the failed request itself may be logged by the browser.
      expect(problems.filter((problem) => !/Failed to load resource/.test(problem))).toEqual([])
    })
  }

  test('the error page follows ?lang=en', async ({ page }) => {
    await serveDataset(page, 'nope', 404)
    await page.goto('/visits?lang=en')
    await expect(page.getByTestId('dataset-error')).toContainText('Run `npm run preprocess`')
  })
})

test.describe('A missing or broken file of the layout fails where it is needed, the rest works', () => {
  test('a month part: the articles list says why; the mentions chart still draws', async ({ page }) => {
    const { problems } = watchConsole(page)
    await page.route('**/data/dataset.parts/2023-02.json', (route) => route.fulfill({ status: 200, body: '{"month": 7', contentType: 'application/json' }))
    await page.goto('/articles')
    await expect(page.getByTestId('records-error')).toContainText(/Nicht verfügbar: .*dataset\.parts\/2023-02\.json/)
    await page.getByRole('link', { name: 'Erwähnungen' }).click()
    await chartDrawn(page, 'mentions')
    expect(problems.filter((problem) => !/Failed to load resource/.test(problem))).toEqual([])
  })

  test('the events file: the mentions chart draws without markers and says why; the visits view does not need it', async ({ page }) => {
    await page.route('**/data/dataset.events.json', (route) => route.fulfill({ status: 404, body: 'Not found' }))
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    await expect(page.getByText(/Nicht verfügbar: .*dataset\.events\.json: HTTP 404/)).toBeVisible()
    await page.getByRole('link', { name: 'Besuche' }).click()
    await chartDrawn(page, 'visits')
  })

  test('the event summary or an event part: the visits view says why', async ({ page }) => {
    await page.route('**/data/dataset.events.summary.json', (route) => route.fulfill({ status: 404, body: 'Not found' }))
    await page.goto('/visits')
    await expect(page.getByTestId('records-error')).toContainText('dataset.events.summary.json: HTTP 404')
    await page.unroute('**/data/dataset.events.summary.json')
    await page.route('**/data/dataset.events/2023-02.json', (route) => route.fulfill({ status: 200, body: '{"month": 7', contentType: 'application/json' }))
    await page.reload()
    await expect(page.getByTestId('records-error')).toContainText('dataset.events/2023-02.json')
  })
})

test.describe('A missing or broken text shard', () => {
  for (const [name, status, body] of [
    ['missing', 404, 'Not found'],
    ['schema-invalid', 200, '{"texts": [{"articleId": 7}]}'],
  ] as const) {
    test(`${name}: the reader and the panel say the text is unavailable, the rest works`, async ({ page }) => {
      const article = dataset.articles[0]
      if (!article) throw new Error('demo dataset is empty')
      await page.route(`**/data/${article.textShard}`, (route) => route.fulfill({ status, body, contentType: 'application/json' }))
      await page.goto(`/articles/${article.id}`)
      await expect(page.getByTestId('reader').getByRole('heading', { level: 1 })).toContainText(article.title.slice(0, 20))
      await expect(page.getByTestId('reader')).toContainText('Text nicht verfügbar')
      await expect(page.getByTestId('reader')).toContainText(article.textShard)
      await page.goto(`/articles?sel=a.${article.id}.1`)
      await expect(page.getByTestId('evidence-article')).toContainText('Text nicht verfügbar')
      await expect(page.getByTestId('article-row')).toHaveCount(dataset.articles.length)
    })
  }
})

test.describe('Article text with markup renders as text', () => {
  let hostile: Dataset
  let shard: TextShard
  let outDir: string

  test.beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'pm-hostile-'))
    execFileSync('npx', ['tsx', 'pipeline/cli.ts', '--in', 'tests/e2e/fixtures/hostile', '--out', join(outDir, 'dataset.json')], {
      stdio: 'pipe',
    })
    hostile = JSON.parse(readFileSync(join(outDir, 'dataset.json'), 'utf8')) as Dataset
    const first = hostile.articles[0]
    if (!first) throw new Error('the pipeline kept no article')
    shard = JSON.parse(readFileSync(join(outDir, first.textShard), 'utf8')) as TextShard
  })

  test.beforeEach(async ({ page }) => {
    await page.route('**/data/**', (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^.*?\/data\//, '')
      return route.fulfill({ path: join(outDir, path), contentType: 'application/json' })
    })
  })

  test('in the reader and in the evidence panel, without running anything', async ({ page }) => {
    const { problems } = watchConsole(page)
    const article = hostile.articles[0]
    const text = shard.texts[0]
    if (!article || !text) throw new Error('no hostile article')
    const imgSentence = text.sentences.findIndex((sentence) => sentence.includes('onerror'))
    expect(imgSentence).toBeGreaterThanOrEqual(0)

    await page.goto(`/articles/${article.id}`)
    const reader = page.getByTestId('reader')
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('<script>alert("titel")</script>')
    await expect(page.getByTestId('reader-text')).toContainText('<img src=x onerror="alert(1)">')
    await expect(page.getByTestId('reader-text')).toContainText('javascript:alert(document.cookie)')
    await expect(page.locator('img')).toHaveCount(0)
    await expect(page.locator('main script')).toHaveCount(0)
    // The meta url is javascript:, so no source link is drawn.
    await expect(page.getByRole('link', { name: 'Originalquelle' })).toHaveCount(0)

    await page.goto(`/articles?sel=a.${article.id}.${imgSentence}`)
    const panel = page.getByTestId('evidence-panel')
    await expect(panel.getByTestId('evidence-item')).toContainText('<img src=x onerror="alert(1)">')
    await expect(panel.locator('img')).toHaveCount(0)
    await expect(page.getByTestId('article-row')).toContainText('<script>alert("titel")</script>')
    expect(problems).toEqual([])
  })
})

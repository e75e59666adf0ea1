import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import type { Dataset, Figure } from '../../src/model/dataset.ts'
import { colourCentre, exportPngAndCsv, exportedPngText, recordCanvasText, routeFixture, watchCsp } from './helpers.ts'

/**
 * The Trade-figures ledger on a small hand-written dataset (served in place of
 * public/data/dataset.json), plus one check on the committed demo dataset. Sentences written for this test.
 */

const SENTENCES: Record<string, string[]> = {
  f1: [
    'Handel mit China wächst weiter',
    'Der Handel zwischen Russland und China erreichte im vergangenen Jahr 240 Milliarden US-Dollar.',
    'Gazprom und CNPC unterzeichneten einen Liefervertrag im Wert von 400 Milliarden US-Dollar.',
  ],
  f2: [
    'Neue Zahlen aus Peking',
    'Nach Angaben des Zolls belief sich der Warenaustausch 2023 auf 218 Milliarden Dollar.',
    'In Yuan gerechnet waren es rund 1,5 Billionen Yuan.',
  ],
  f3: [
    'Ehrgeizige Ziele',
    'Bis 2024 wollen beide Länder den Handel auf 200 Milliarden Dollar steigern.',
    'Für eine neue Brücke sind fünf Milliarden Euro veranschlagt, fertig werden soll sie 2022.',
    'Kasachstan meldete 2023 Transitgebühren von 900 Milliarden Tenge.',
  ],
}

function fixture(): Dataset {
  const article = (id: string, outlet: string, published: string) => ({
    id,
    file: `${id}.txt`,
    title: SENTENCES[id]?.[0] ?? id,
    outlet,
    url: null,
    published,
    publishedFrom: 'meta' as const,
    sentenceCount: SENTENCES[id]?.length ?? 0,
    textShard: 'texts/figures-fixture.json',
    duplicateOf: null,
  })
  const figure = (
    id: string,
    articleId: string,
    sentence: number,
    value: number,
    currency: string,
    year: number | null,
    kind: Figure['kind'],
    surface: string,
  ): Figure => ({ id, articleId, sentence, quote: SENTENCES[articleId]?.[sentence] ?? '', value, currency, year, kind, surface })
  const dataset: Dataset = {
    schemaVersion: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    articles: [article('f1', 'tagesschau.de', '2024-01-20'), article('f2', 'n-tv.de', '2024-02-05'), article('f3', 'zeit.de', '2023-11-30')],
    actors: [
      { id: 'russia', name: 'Russland', kind: 'country', aliases: ['Russland'], discovered: false },
      { id: 'china', name: 'China', kind: 'country', aliases: ['China'], discovered: false },
    ],
    mentions: [
      { articleId: 'f1', actorId: 'china', count: 2, sentences: [0, 1] },
      { articleId: 'f1', actorId: 'russia', count: 1, sentences: [1] },
    ],
    events: [],
    figures: [
      figure('fg-volume-a', 'f1', 1, 240e9, 'USD', 2023, 'trade_volume', '240 Milliarden US-Dollar'),
      figure('fg-volume-b', 'f2', 1, 218e9, 'USD', 2023, 'trade_volume', '218 Milliarden Dollar'),
      figure('fg-yuan', 'f2', 2, 1.5e12, 'CNY', 2023, 'trade_volume', '1,5 Billionen Yuan'),
      figure('fg-target', 'f3', 1, 200e9, 'USD', 2024, 'trade_target', '200 Milliarden Dollar'),
      figure('fg-contract', 'f1', 2, 400e9, 'USD', null, 'contract', '400 Milliarden US-Dollar'),
      figure('fg-bridge', 'f3', 2, 5e9, 'EUR', 2022, 'other', 'fünf Milliarden Euro'),
      figure('fg-tenge', 'f3', 3, 900e9, 'KZT', 2023, 'other', '900 Milliarden Tenge'),
    ],
  }
  return dataset
}

async function serveFixture(page: Page): Promise<void> {
  await routeFixture(page, fixture(), SENTENCES)
}

const chart = (page: Page) => page.getByTestId('chart-figures')
const ledger = (page: Page) => page.getByTestId('figures-ledger')
const summary = (page: Page) => page.getByTestId('figures-summary')

test.describe('Trade-figures view', () => {
  test('draws the ledger on the demo dataset, or says there is nothing to draw', async ({ page, request }) => {
    const csp = watchCsp(page)
    const demo = (await (await request.get('/data/dataset.json')).json()) as Dataset
    await page.goto('/figures')
    if (demo.figures.some((figure) => figure.year !== null)) {
      await expect(chart(page)).toHaveAttribute('data-drawn', '1')
      await expect(ledger(page).locator('tbody tr')).toHaveCount(demo.figures.filter((f) => f.year !== null).length)
    } else if (demo.figures.length === 0) {
      await expect(page.getByTestId('figures-empty')).toHaveText('Keine Zahlen für diese Filter')
    }
    expect(csp).toEqual([])
  })

  test('keeps currencies apart, lists figures without a year apart and flags disagreeing sources', async ({ page }) => {
    const csp = watchCsp(page)
    await serveFixture(page)
    await page.goto('/figures')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await expect(summary(page)).toHaveText('7 Zahlen · 2 ⚠ Widerspruch')
    await expect(ledger(page).locator('tbody tr')).toHaveCount(6)
    await expect(ledger(page).getByTestId('figure-disagreement')).toHaveCount(2)
    const volume = ledger(page).locator('tr[data-figure-id="fg-volume-b"]')
    await expect(volume).toContainText('218')
    await expect(volume).toContainText('n-tv.de')
    await expect(volume).toContainText('05.02.2024')
    await expect(volume).toContainText('Nach Angaben des Zolls belief sich der Warenaustausch 2023 auf 218 Milliarden Dollar.')
    // The yuan figure is not compared with the dollar figures of the same year.
    await expect(ledger(page).locator('tr[data-figure-id="fg-yuan"]').getByTestId('figure-disagreement')).toHaveCount(0)
    const undated = page.getByTestId('figures-undated-table')
    await expect(undated.locator('tbody tr')).toHaveCount(1)
    await expect(undated).toContainText('Gazprom und CNPC')
    await expect(page.getByRole('heading', { name: /Währungen|Handelszahlen/ }).first()).toBeVisible()
    expect(csp).toEqual([])
  })

  test('the fx toggle converts to USD on the stated rates and lists what has no rate', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/figures')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await expect(page.getByText('Nicht umrechenbar')).toHaveCount(0)
    await page.getByTestId('fx-usd').click()
    await expect(page).toHaveURL(/[?&]fx=usd/)
    await expect(page.getByText(/1 EUR = 1,08 USD/)).toBeVisible()
    await expect(page.getByRole('heading', { name: /Nicht umrechenbar/ })).toBeVisible()
    await expect(page.getByTestId('figures-unconverted-table')).toContainText('900 Milliarden Tenge')
    await expect(ledger(page).locator('tr[data-figure-id="fg-bridge"]')).toContainText(/≈\s*5,4\sMrd\.\sUSD/)
    await expect(ledger(page).locator('tbody tr')).toHaveCount(5)
    await page.reload()
    await expect(page.getByTestId('fx-usd')).toHaveAttribute('aria-pressed', 'true')
    await expect(ledger(page).locator('tbody tr')).toHaveCount(5)
  })

  test('an outlet filter changes the ledger and the URL, and a reload restores it', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/figures')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await page.getByTestId('outlet-filter').selectOption('n-tv.de')
    await expect(page).toHaveURL(/[?&]outlet=n-tv\.de/)
    await expect(ledger(page).locator('tbody tr')).toHaveCount(2)
    await expect(ledger(page).getByTestId('figure-disagreement')).toHaveCount(0)
    await page.reload()
    await expect(ledger(page).locator('tbody tr')).toHaveCount(2)
    await expect(page.getByTestId('outlet-filter')).toHaveValue('n-tv.de')
  })

  test('a kind filter and a date range narrow the ledger; nothing left says so', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/figures')
    await page.getByTestId('kind-trade_target').click()
    await expect(page).toHaveURL(/[?&]kind=/)
    await expect(ledger(page).locator('tbody tr')).toHaveCount(5)
    await page.goto('/figures?from=2025-01-01')
    await expect(page.getByTestId('figures-empty')).toHaveText('Keine Zahlen für diese Filter')
  })

  test('a ledger row opens its sentence in the evidence panel', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/figures')
    await ledger(page).locator('tr[data-figure-id="fg-target"]').getByTestId('figure-evidence').click()
    await expect(page).toHaveURL(/[?&]sel=f\.fg-target/)
    const panel = page.getByTestId('evidence-panel')
    await expect(panel).toContainText('Bis 2024 wollen beide Länder den Handel auf 200 Milliarden Dollar steigern.')
    await expect(panel).toContainText('zeit.de')
  })

  test('a click on a point in the canvas selects that figure', async ({ page }) => {
    await serveFixture(page)
    // Only the target is left: one diamond in the target colour.
    await page.goto('/figures?kind=trade_target')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    const canvas = chart(page).locator('canvas').first()
    const point = await colourCentre(canvas, [0xc4, 0x7a, 0x00], 40)
    expect(point).not.toBeNull()
    await canvas.click({ position: { x: point?.x ?? 0, y: point?.y ?? 0 } })
    await expect(page).toHaveURL(/[?&]sel=f\.fg-target/)
    await expect(page.getByTestId('evidence-panel')).toContainText('Bis 2024 wollen beide Länder')
  })

  test('exports a PNG of every panel and a CSV of exactly the figures shown, with provenance', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/figures?outlet=n-tv.de')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    const { png, csv: text } = await exportPngAndCsv(page, 'figures-export.png')
    expect(png.suggestedFilename()).toMatch(/\.png$/)
    const lines = text.trim().split(/\r\n/)
    expect(lines[0]).toContain('figure_id,kind,year,value,currency')
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(['fg-volume-b', 'fg-yuan'])
    expect(text).toContain('n-tv.de')
    expect(text).toContain('outlet=n-tv.de')
  })

  test('the PNG says which figures it shows and counts the articles of the whole corpus', async ({ page }) => {
    await recordCanvasText(page)
    await serveFixture(page)
    await page.goto('/figures?outlet=n-tv.de&lang=en')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    const text = await exportedPngText(page)
    expect(text).toContain('Trade figures by source')
    expect(text).toContain('Outlet: n-tv.de · From: … · To: … · Kind: Trade, Target, Contract, Other · Currency: Original currency')
    const data = fixture()
    expect(text).toContain(`Source: Moscow–Beijing Press Monitor, ${data.articles.length} articles, built ${data.generatedAt.slice(0, 10)}`)
  })

  for (const lang of ['de', 'en'] as const) {
    test(`axe finds no violations in the Figures view (${lang})`, async ({ page }) => {
      await serveFixture(page)
      await page.goto(`/figures?lang=${lang}&fx=usd`)
      await expect(chart(page)).toHaveAttribute('data-drawn', '1')
      await page.getByTestId('toggle-table').click()
      const results = await new AxeBuilder({ page }).include('[data-testid="view-figures"]').analyze()
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
      if (lang === 'en') await expect(summary(page)).toHaveText('7 figures · 2 ⚠ Disagreement')
    })
  }

  test('screenshots at 1280 and 360 px, light and dark', async ({ page }) => {
    mkdirSync('/tmp/shots', { recursive: true })
    await serveFixture(page)
    for (const [width, theme] of [
      [1280, 'light'],
      [360, 'light'],
      [1280, 'dark'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`/figures?theme=${theme}&sel=f.fg-volume-a`)
      await expect(chart(page)).toHaveAttribute('data-drawn', '1')
      await expect(page.getByTestId('evidence-item').first()).toBeVisible()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await page.screenshot({ path: `/tmp/shots/figures-${width}-${theme}.png`, fullPage: true })
    }
  })
})

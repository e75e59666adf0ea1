import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import type { Dataset, DiplomaticEvent } from '../../src/model/dataset.ts'
import { mkdirSync } from 'node:fs'
import { routeFixture, watchCsp } from './helpers.ts'

/**
 * The Visits view above the single-mark limit: a dataset of 420 visits and calls over two years (sentences
 * written for this test), served in the layout the pipeline writes. The view draws the density per month,
 * says so, opens a cell's reports, and draws single marks again once the filters leave few visits.
 */

const MONTHS = Array.from({ length: 24 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)
const SENTENCE = (n: number): string => `Der Gast Nummer ${n} ist zu Gesprächen in Peking eingetroffen.`

function fixture(): { dataset: Dataset; sentences: Record<string, string[]> } {
  const sentences: Record<string, string[]> = {}
  const articles: Dataset['articles'] = MONTHS.map((month, i) => {
    const id = `d${i}`
    sentences[id] = [`Besuche im ${month}`, ...Array.from({ length: 20 }, (_, n) => SENTENCE(i * 20 + n))]
    return { id, file: `${id}.txt`, title: `Besuche im ${month}`, outlet: i % 2 === 0 ? 'tagesschau.de' : 'zeit.de', url: null, published: `${month}-20`, publishedFrom: 'meta', sentenceCount: 21, textShard: 'texts/density.json', duplicateOf: null }
  })
  const events: DiplomaticEvent[] = []
  for (let i = 0; i < 420; i++) {
    const m = i % 24
    const call = i % 7 === 0
    events.push({
      id: `ev-${String(i).padStart(3, '0')}`,
      kind: call ? 'call' : 'visit',
      visitors: [i % 3 === 0 ? 'xi' : 'putin'],
      hosts: [],
      place: call ? null : 'Peking',
      country: call ? null : i % 2 === 0 ? 'china' : 'russia',
      date: `${MONTHS[m]}-${String(1 + (i % 27)).padStart(2, '0')}`,
      approx: false,
      status: 'happened',
      lifecycle: `ev-${String(i).padStart(3, '0')}`,
      evidence: [{ articleId: `d${m}`, quote: SENTENCE(m * 20 + (Math.floor(i / 24) % 20)), sentence: 1 + (Math.floor(i / 24) % 20), status: 'happened' }],
    })
  }
  events.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id))
  const actor = (id: string, name: string, kind: 'person' | 'country') => ({ id, name, kind, aliases: [name], discovered: false })
  return {
    sentences,
    dataset: {
      schemaVersion: 1,
      generatedAt: '2026-01-01T00:00:00.000Z',
      articles,
      actors: [actor('putin', 'Wladimir Putin', 'person'), actor('xi', 'Xi Jinping', 'person'), actor('russia', 'Russland', 'country'), actor('china', 'China', 'country')],
      mentions: articles.map((a) => ({ articleId: a.id, actorId: 'putin', count: 1, sentences: [1] })),
      events,
      figures: [],
    },
  }
}

async function serve(page: Page): Promise<void> {
  const { dataset, sentences } = fixture()
  await routeFixture(page, dataset, sentences)
}

const mode = (page: Page) => page.getByTestId('visits-mode')
const chart = (page: Page) => page.getByTestId('chart-visits')

test.describe('Visits view above the single-mark limit', () => {
  test('draws the density per month, says why, and a cell opens its reports', async ({ page }) => {
    const csp = watchCsp(page)
    await serve(page)
    await page.goto('/visits')
    await expect(mode(page)).toHaveAttribute('data-mode', 'density')
    await expect(mode(page)).toContainText('Dichte je Monat: 420 Ereignisse sind zu viele für einzelne Marken')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await expect(page.getByTestId('visits-summary')).toHaveText('420 Ereignisse')
    await page.getByTestId('toggle-table').click()
    const table = page.getByTestId('visits-density-table')
    // 24 months × (one travel lane + calls), the fullest first
    await expect(table.locator('caption')).toContainText('von 48 Feldern')
    const first = table.locator('tbody tr').first()
    await first.getByTestId('density-evidence').click()
    await expect(page).toHaveURL(/[?&]sel=v\.(to_china|to_russia|calls)\.\d{4}-\d{2}/)
    const panel = page.getByTestId('evidence-panel')
    await expect(panel.getByTestId('evidence-item').first()).toBeVisible()
    await expect(panel).toContainText('ist zu Gesprächen in Peking eingetroffen.')
    await page.reload()
    await expect(page.getByTestId('evidence-panel')).toContainText('ist zu Gesprächen in Peking eingetroffen.')
    expect(csp).toEqual([])
  })

  test('a click on a cell of the canvas selects it', async ({ page }) => {
    await serve(page)
    await page.goto('/visits')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    const box = await chart(page).boundingBox()
    if (!box) throw new Error('no chart')
    // the first lane (to Russia), a column with visits (every other month there)
    const columns = [0.5, 0.54, 0.58, 0.62]
    for (const x of columns) {
      await page.mouse.click(box.x + box.width * x, box.y + 45)
      if (/[?&]sel=v\./.test(page.url())) break
    }
    await expect(page).toHaveURL(/[?&]sel=v\.to_russia\.\d{4}-\d{2}/)
    await expect(page.getByTestId('evidence-panel')).toContainText('eingetroffen.')
  })

  test('narrowing the dates leaves few visits: single marks, and the note says so', async ({ page }) => {
    await serve(page)
    await page.goto('/visits?from=2023-03-01&to=2023-05-31')
    await expect(mode(page)).toHaveAttribute('data-mode', 'marks')
    await expect(mode(page)).toContainText('Einzelne Marken')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await page.getByTestId('toggle-table').click()
    await expect(page.getByTestId('visits-table').locator('tbody tr')).toHaveCount(51)
    await page.getByTestId('visits-table').locator('tbody tr').first().getByTestId('visit-evidence').click()
    await expect(page).toHaveURL(/[?&]sel=e\.ev-\d{3}/)
    await expect(page.getByTestId('evidence-panel')).toContainText('eingetroffen.')
  })

  for (const lang of ['de', 'en'] as const) {
    test(`axe finds no violations in the density (${lang})`, async ({ page }) => {
      await serve(page)
      await page.goto(`/visits?lang=${lang}`)
      await expect(chart(page)).toHaveAttribute('data-drawn', '1')
      await page.getByTestId('toggle-table').click()
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([])
    })
  }
})

test('screenshots of the density and the marks: de/en, light/dark, 1280 and 360 px', async ({ page }) => {
  test.setTimeout(240_000)
  mkdirSync('/tmp/shots', { recursive: true })
  await serve(page)
  for (const width of [1280, 360] as const) {
    for (const theme of ['light', 'dark'] as const) {
      for (const lang of ['de', 'en'] as const) {
        for (const [name, query] of [
          ['density', ''],
          ['marks', '&from=2023-03-01&to=2023-05-31'],
        ] as const) {
          await page.setViewportSize({ width, height: 900 })
          await page.goto(`/visits?theme=${theme}&lang=${lang}${query}`)
          await expect(chart(page)).toHaveAttribute('data-drawn', '1', { timeout: 20_000 })
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          expect(overflow).toBeLessThanOrEqual(0)
          await page.screenshot({ path: `/tmp/shots/visits-${name}-${width}-${theme}-${lang}.png`, fullPage: false })
        }
      }
    }
  }
})

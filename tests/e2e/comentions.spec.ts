import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator } from '@playwright/test'
import { chartDrawn, queryOf, recordCanvasText, exportedPngText, watchConsole } from './helpers.ts'

/** "Who is named with whom" on the committed demo dataset: the matrix, the ranking, evidence of a cell. */

/** The first pixel (row by row, in CSS pixels) of one exact colour in a canvas, or null. */
function firstPixel(canvas: Locator, rgb: readonly [number, number, number]): Promise<{ x: number; y: number } | null> {
  return canvas.evaluate((element, colour) => {
    const c = element as HTMLCanvasElement
    const context = c.getContext('2d')
    if (!context) return null
    const scale = c.width / c.clientWidth
    const { data, width } = context.getImageData(0, 0, c.width, c.height)
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === colour[0] && data[i + 1] === colour[1] && data[i + 2] === colour[2]) return { x: ((i / 4) % width) / scale, y: Math.floor(i / 4 / width) / scale }
    }
    return null
  }, rgb)
}

test('a cell of the matrix opens the sentences naming both; the URL keeps it over a reload', async ({ page }) => {
  const { problems } = watchConsole(page)
  await page.goto('/together')
  await chartDrawn(page, 'comentions')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wer wird mit wem genannt')
  // the darkest cells (most articles) are drawn in the ramp's top colour (on one of the chart's canvas layers);
  // the first such pixel is the top-left corner of the first dark cell off the diagonal
  const canvases = page.getByTestId('chart-comentions').locator('canvas')
  let cell: { x: number; y: number } | null = null
  let box: { x: number; y: number } | null = null
  for (let i = 0; i < (await canvases.count()) && !cell; i++) {
    cell = await firstPixel(canvases.nth(i), [22, 70, 160])
    box = await canvases.nth(i).boundingBox()
  }
  if (!cell || !box) throw new Error('no cell drawn in the top colour')
  await page.mouse.click(box.x + cell.x + 8, box.y + cell.y + 8)
  await expect.poll(() => queryOf(page).get('sel') ?? '').toMatch(/^c\.[\w-]+,[\w-]+$/)
  const panel = page.getByTestId('evidence-panel')
  await expect(panel.getByTestId('evidence-item').first()).toBeVisible()
  // both actors are marked in each sentence shown
  const sel = queryOf(page).get('sel') ?? ''
  await page.reload()
  await expect(page.getByTestId('evidence-panel').getByTestId('evidence-item').first()).toBeVisible()
  expect(queryOf(page).get('sel')).toBe(sel)
  expect(problems).toEqual([])
})

test('the table twin and the ranking select pairs; the focus actor goes into the URL', async ({ page }) => {
  await page.goto('/together')
  await chartDrawn(page, 'comentions')
  await page.getByTestId('focus-filter').selectOption('xi-jinping')
  await expect.poll(() => queryOf(page).get('focus')).toBe('xi-jinping')
  const ranking = page.getByTestId('comentions-ranking')
  await expect(ranking.getByRole('heading', { level: 2 })).toHaveText('Mit Xi Jinping genannt')
  await ranking.getByRole('button').first().click()
  await expect.poll(() => queryOf(page).get('sel') ?? '').toMatch(/xi-jinping/)
  await expect(page.getByTestId('evidence-panel').getByTestId('evidence-item').first()).toBeVisible()
  await page.getByTestId('toggle-table').click()
  await page.getByTestId('comentions-table').locator('[data-sel="c.china,putin"]').first().click()
  await expect.poll(() => queryOf(page).get('sel')).toBe('c.china,putin')
  await expect(page.getByTestId('evidence-panel').getByRole('heading', { level: 2 })).toHaveText('China und Wladimir Putin')
  await page.reload()
  await expect(page.getByTestId('focus-filter')).toHaveValue('xi-jinping')
})

test('the actor filter picks the matrix; the PNG says what it shows', async ({ page }) => {
  await recordCanvasText(page)
  await page.goto('/together?actor=china,putin,usa&lang=en')
  await chartDrawn(page, 'comentions')
  await page.getByTestId('toggle-table').click()
  await expect(page.getByTestId('comentions-table').locator('thead th')).toHaveCount(4)
  const text = await exportedPngText(page)
  expect(text).toContain('Who is named with whom')
  expect(text.some((line) => line.startsWith('Actors: China, Vladimir Putin, United States') || line.includes('Actors:'))).toBe(true)
})

for (const lang of ['de', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no violations on the named-together view with evidence open, ${lang}, ${theme}`, async ({ page }) => {
      test.setTimeout(90_000)
      const { problems } = watchConsole(page)
      await page.goto(`/together?lang=${lang}&theme=${theme}&sel=c.china,putin`)
      await chartDrawn(page, 'comentions')
      await page.getByTestId('toggle-table').click()
      await expect(page.getByTestId('evidence-item').first()).toBeVisible()
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
      expect(problems).toEqual([])
    })
  }
}

import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chartDrawn, demoDataset, watchConsole } from './helpers.ts'

const dataset = demoDataset()
const article = dataset.articles[0]
const mention = dataset.mentions[0]

const views: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'mentions', path: '/mentions', ready: (page) => chartDrawn(page, 'mentions') },
  {
    name: 'mentions with evidence and table',
    path: `/mentions?sel=m.${mention?.actorId}.${dataset.articles.find((a) => a.id === mention?.articleId)?.published?.slice(0, 7)}`,
    ready: async (page) => {
      await chartDrawn(page, 'mentions')
      await page.getByTestId('toggle-table').click()
      await expect(page.getByTestId('evidence-item').first()).toBeVisible()
    },
  },
  { name: 'articles', path: '/articles', ready: (page) => expect(page.getByTestId('article-row').first()).toBeVisible() },
  {
    name: 'reader',
    path: `/articles/${article?.id}?s=2`,
    ready: (page) => expect(page.getByTestId('marked-sentence')).toBeVisible(),
  },
]

for (const lang of ['de', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const view of views) {
      test(`axe finds no violations: ${view.name}, ${lang}, ${theme}`, async ({ page }) => {
        const { problems } = watchConsole(page)
        const join = view.path.includes('?') ? '&' : '?'
        await page.goto(`${view.path}${join}lang=${lang}&theme=${theme}`)
        await view.ready(page)
        await expect(page.locator('html')).toHaveAttribute('lang', lang)
        const results = await new AxeBuilder({ page }).analyze()
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
        expect(problems).toEqual([])
      })
    }
  }
}

test('no CSP violation or console error on any view, hovering and exporting included', async ({ page }) => {
  const { problems } = watchConsole(page)
  for (const path of ['/mentions', '/visits', '/figures', '/articles', `/articles/${article?.id}`]) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  await page.goto('/mentions')
  await chartDrawn(page, 'mentions')
  const box = await page.getByTestId('chart-mentions').boundingBox()
  if (box) for (let x = 0.2; x < 0.9; x += 0.1) await page.mouse.move(box.x + box.width * x, box.y + box.height / 2)
  const download = page.waitForEvent('download')
  await page.getByTestId('export-png').click()
  expect((await download).suggestedFilename()).toBe('erwahnungen-im-zeitverlauf.png')
  const csv = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const csvPath = await (await csv).path()
  expect(csvPath).toBeTruthy()
  expect(problems).toEqual([])
})

test('the whole app works by keyboard: skip link, filters, table twin, evidence', async ({ page }) => {
  await page.goto('/mentions?actor=putin')
  await chartDrawn(page, 'mentions')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#main')).toBeFocused()
  await page.getByTestId('toggle-table').focus()
  await page.keyboard.press('Enter')
  const button = page.getByTestId('mentions-table').locator('button[data-sel]').first()
  await button.focus()
  await page.keyboard.press('Enter')
  const heading = page.getByTestId('evidence-panel').getByRole('heading', { level: 2 })
  await expect(heading).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('evidence-panel')).toHaveCount(0)
})

test('English toggle is kept in the URL and formats dates in English', async ({ page }) => {
  await page.goto('/articles')
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await expect(page).toHaveURL(/lang=en/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles')
  await page.reload()
  await expect(page.getByTestId('articles-caption')).toContainText('articles for these filters')
})

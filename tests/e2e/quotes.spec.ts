import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { chartDrawn, demoDataset, queryOf, watchConsole } from './helpers.ts'

/** The Quotes view on the committed demo dataset: who said what, filters in the URL, evidence, the reader. */
const dataset = demoDataset()
const putinQuotes = (dataset.quotes ?? []).filter((quote) => quote.speaker === 'putin')

test('a speaker chosen goes into the URL, a reload keeps it, Back undoes it', async ({ page }) => {
  const { problems } = watchConsole(page)
  await page.goto('/quotes')
  await chartDrawn(page, 'quotes')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wer hat was gesagt')
  const all = await page.getByTestId('quote-item').count()
  expect(all).toBeGreaterThan(0)
  await page.getByTestId('speaker-filter').selectOption('putin')
  await expect.poll(() => queryOf(page).get('speaker')).toBe('putin')
  await expect(page.getByTestId('quotes-summary')).toHaveText(`${putinQuotes.length} Zitate`)
  for (const speaker of await page.getByTestId('quote-speaker').allTextContents()) expect(speaker).toBe('Wladimir Putin')
  await page.reload()
  await chartDrawn(page, 'quotes')
  await expect(page.getByTestId('speaker-filter')).toHaveValue('putin')
  await expect(page.getByTestId('quotes-summary')).toHaveText(`${putinQuotes.length} Zitate`)
  await page.goBack()
  await expect.poll(() => queryOf(page).get('speaker')).toBeNull()
  await expect(page.getByTestId('quote-item')).toHaveCount(Math.min(all, 50))
  expect(problems).toEqual([])
})

test('the actors named in the quote filter the list', async ({ page }) => {
  await page.goto('/quotes?named=ukraine')
  await chartDrawn(page, 'quotes')
  await expect(page.getByTestId('named-filter')).toHaveValue('ukraine')
  const items = page.getByTestId('quote-item')
  const n = await items.count()
  expect(n).toBeGreaterThan(0)
  for (let i = 0; i < n; i++) await expect(items.nth(i)).toContainText('Ukraine')
})

test('a dot of the chart (its table twin) opens the quotes with how the speaker was read', async ({ page }) => {
  await page.goto('/quotes?speaker=putin')
  await chartDrawn(page, 'quotes')
  await page.getByTestId('toggle-table').click()
  await page.locator('[data-sel="q.putin.2023-02"]').click()
  await expect.poll(() => queryOf(page).get('sel')).toBe('q.putin.2023-02')
  const panel = page.getByTestId('evidence-panel')
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Wladimir Putin · Feb. 2023')
  await expect(panel.getByTestId('evidence-item').first()).toBeVisible()
  await expect(panel.getByTestId('evidence-why').first()).toContainText('Sprecher: Wladimir Putin')
  await page.reload()
  await expect(page.getByTestId('evidence-panel').getByTestId('evidence-item').first()).toBeVisible()
})

test('a quote opens its article at the sentence, and shows its sentence as evidence', async ({ page }) => {
  await page.goto('/quotes?speaker=putin')
  const first = page.getByTestId('quote-item').first()
  await first.getByTestId('quote-show').click()
  await expect.poll(() => queryOf(page).get('sel') ?? '').toMatch(/^a\..+\.\d+$/)
  await expect(page.getByTestId('evidence-panel').getByTestId('evidence-item')).toHaveCount(1)
  const sentence = Number((queryOf(page).get('sel') ?? '').split('.').pop())
  // the quote shown (the list may still be settling while the page loads): the selected one
  await page.locator('[data-testid="quote-item"].quote--selected').getByTestId('quote-open').click()
  await expect(page).toHaveURL(/\/articles\/[^?]+\?.*s=\d+/)
  expect(Number(queryOf(page).get('s'))).toBe(sentence)
  expect(queryOf(page).get('speaker')).toBe('putin')
  await expect(page.getByTestId('marked-sentence')).toBeVisible()
})

test('hostile quote text is rendered as text', async ({ page }) => {
  const hostile = structuredClone(dataset)
  const quote = hostile.quotes?.[0]
  if (!quote) throw new Error('demo has no quotes')
  quote.text = '<img src=x onerror="window.__pwned=1">Wir lehnen das ab'
  const { routeDataset } = await import('./helpers.ts')
  await routeDataset(page, hostile)
  await page.goto('/quotes')
  await expect(page.getByTestId('quote-text').filter({ hasText: '<img src=x' })).toHaveCount(1)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
})

for (const lang of ['de', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no violations on the Quotes view with evidence open, ${lang}, ${theme}`, async ({ page }) => {
      test.setTimeout(90_000)
      const { problems } = watchConsole(page)
      await page.goto(`/quotes?lang=${lang}&theme=${theme}&sel=q.putin.2023-02`)
      await chartDrawn(page, 'quotes')
      await page.getByTestId('toggle-table').click()
      await expect(page.getByTestId('evidence-item').first()).toBeVisible()
      if (lang === 'en') await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who said what')
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
      expect(problems).toEqual([])
    })
  }
}

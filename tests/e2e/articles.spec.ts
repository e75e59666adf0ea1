import { expect, test } from '@playwright/test'
import { demoDataset, queryOf, watchConsole } from './helpers.ts'

const dataset = demoDataset()

test.describe('Articles and reader', () => {
  test('lists every article and filters by outlet through the URL', async ({ page }) => {
    const { problems } = watchConsole(page)
    await page.goto('/articles')
    await expect(page.getByTestId('article-row')).toHaveCount(dataset.articles.length)
    const outlet = dataset.articles.find((article) => article.outlet !== null)?.outlet ?? ''
    const expected = dataset.articles.filter((article) => article.outlet === outlet).length
    await page.getByTestId('outlet-filter').selectOption(outlet)
    await expect.poll(() => queryOf(page).get('outlet')).toBe(outlet)
    await expect(page.getByTestId('article-row')).toHaveCount(expected)
    await page.reload()
    await expect(page.getByTestId('article-row')).toHaveCount(expected)
    await page.goBack()
    await expect(page.getByTestId('article-row')).toHaveCount(dataset.articles.length)
    expect(problems).toEqual([])
  })

  test('the reader shows an article with its actors highlighted and the chosen sentence marked', async ({ page }) => {
    const article = dataset.articles[0]
    if (!article) throw new Error('demo dataset is empty')
    await page.goto('/articles')
    await page.getByRole('link', { name: article.title }).click()
    await expect(page).toHaveURL(new RegExp(`/articles/${article.id}`))
    const reader = page.getByTestId('reader')
    await expect(reader.getByRole('heading', { level: 1 })).toContainText(article.title.slice(0, 20))
    await expect(page.getByTestId('reader-text').locator('mark').first()).toBeVisible()
    await expect(page.getByRole('region', { name: 'Akteure im Text' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Ansichten' }).getByRole('link', { name: 'Artikel' })).toHaveAttribute('aria-current', 'page')

    await page.goto(`/articles/${article.id}?s=3`)
    const marked = page.getByTestId('marked-sentence')
    await expect(marked).toBeVisible()
    await expect(marked).toHaveAttribute('id', 's-3')
    await expect(marked).toBeInViewport()
  })

  test('an unknown article id says so, also when it is long or holds markup', async ({ page }) => {
    await page.goto('/articles/gibt-es-nicht')
    await expect(page.getByTestId('reader-missing')).toContainText('gibt-es-nicht')
    await page.goto(`/articles/${encodeURIComponent('<img src=x onerror=alert(1)>')}${'x'.repeat(3000)}`)
    await expect(page.getByTestId('reader-missing')).toContainText('<img src=x onerror=alert(1)>')
    await expect(page.locator('img')).toHaveCount(0)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(1280)
  })
})

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { chartDrawn, queryOf, watchConsole } from './helpers.ts'

// The demo corpus (public/data): four of its five articles say "Sanktionen", none says "Weizen".
test.describe('Search the coverage', () => {
  test('a typed query becomes a series and a URL parameter; reload restores it; Back removes it', async ({ page }) => {
    const { problems } = watchConsole(page)
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('search-input').fill('Sanktion*')
    await page.getByTestId('search-input').press('Enter')
    await expect(page.getByTestId('search-chip')).toContainText('„Sanktion*“')
    await expect(page.getByTestId('search-chip')).toContainText('4 Artikel')
    await expect.poll(() => queryOf(page).getAll('q')).toEqual(['Sanktion*'])
    await page.getByTestId('toggle-table').click()
    await expect(page.getByTestId('mentions-table').locator('thead')).toContainText('„Sanktion*“')

    await page.reload()
    await chartDrawn(page, 'mentions')
    await expect(page.getByTestId('search-chip')).toContainText('4 Artikel')
    await page.goBack()
    await expect.poll(() => queryOf(page).getAll('q')).toEqual([])
    await expect(page.getByTestId('search-chip')).toHaveCount(0)
    expect(problems).toEqual([])
  })

  test('a click on a query cell shows the sentences with the hits marked', async ({ page }) => {
    await page.goto('/mentions?q=Sanktionen')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('toggle-table').click()
    await page.locator('[data-sel^="t.0."]').first().click()
    const panel = page.getByTestId('evidence-panel')
    await expect(panel.getByTestId('search-hits')).toBeVisible()
    await expect(panel.getByTestId('search-hit').first()).toHaveText(/^Sanktionen$/)
    expect(queryOf(page).get('sel')).toMatch(/^t\.0\./)
  })

  test('the Articles list keeps the matching articles, marks the hits, sorts by hits; the reader marks them', async ({ page }) => {
    await page.goto('/articles?q=Sanktion*')
    await expect(page.getByTestId('search-narrowed')).toContainText('Nur Artikel, die „Sanktion*“ enthalten.')
    await expect(page.getByTestId('article-row')).toHaveCount(4)
    await expect(page.getByTestId('article-snippet').first().getByTestId('search-hit')).toHaveText(/^Sanktion/)
    await page.getByTestId('sort-hits').click()
    const hits = await page.getByTestId('article-hits').allTextContents()
    expect(hits.map(Number)).toEqual([...hits.map(Number)].sort((a, b) => b - a))
    await page.getByTestId('article-row').first().getByRole('link').first().click()
    await expect(page.getByTestId('reader-text').getByTestId('search-hit').first()).toHaveText(/^Sanktion/)
    await expect(page.getByTestId('reader-hits')).toContainText('„Sanktion*“')
    await page.getByTestId('reader-hits').getByRole('link').click()
    await expect(page.getByTestId('marked-sentence').getByTestId('search-hit').first()).toBeInViewport()
    expect(queryOf(page).getAll('q')).toEqual(['Sanktion*'])
  })

  test('Visits and Trade figures say they are narrowed; a word found nowhere empties them', async ({ page }) => {
    await page.goto('/visits?q=Weizen')
    await expect(page.getByTestId('search-narrowed')).toContainText('„Weizen“')
    await page.goto('/figures?q=Weizen')
    await expect(page.getByTestId('search-narrowed')).toContainText('Nur Zahlen aus Artikeln, die „Weizen“ enthalten.')
  })

  test('the search code loads only with a query or a focused field; the filter bar works without it', async ({ page }) => {
    const engine: string[] = []
    page.on('request', (request) => {
      if (/\/assets\/search-engine-[^/]*\.js$/.test(request.url())) engine.push(request.url())
    })
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('grain').getByRole('button', { name: 'Woche' }).click()
    await expect.poll(() => queryOf(page).get('grain')).toBe('week')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('outlet-filter').selectOption('n-tv.de')
    await expect.poll(() => queryOf(page).get('outlet')).toBe('n-tv.de')
    expect(engine).toEqual([])
    await page.getByTestId('search-input').focus()
    await expect.poll(() => engine.length).toBe(1)

    engine.length = 0
    await page.goto('/mentions?q=Sanktionen')
    await expect(page.getByTestId('search-chip')).toContainText('Artikel')
    expect(engine).toHaveLength(1)
  })

  test('bad queries give a notice, never an error page, and markup stays text', async ({ page }) => {
    const { problems } = watchConsole(page)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    const input = page.getByTestId('search-input')
    await input.fill('')
    await input.press('Enter')
    await expect(page.getByTestId('search-draft-notice')).toContainText('Nichts zu suchen')
    await input.fill('und die der')
    await input.press('Enter')
    await expect(page.getByTestId('search-draft-notice')).toContainText('Nichts zu suchen')
    await input.fill('-Taiwan')
    await input.press('Enter')
    await expect(page.getByTestId('search-draft-notice')).toContainText('Nur Ausschlüsse')
    await input.fill('"Kraft Sibiriens')
    await input.press('Enter')
    await expect(page.getByTestId('search-notice')).toContainText('Anführungszeichen nicht geschlossen')
    await input.fill('<script>alert(1)</script>')
    await input.press('Enter')
    await expect(page.getByTestId('search-chip').last()).toContainText('<script>alert(1)</script>')
    // 10,000 characters typed: read up to the field's limit, one chip
    await input.fill('Gas '.repeat(2500))
    await input.press('Enter')
    await expect(page.getByTestId('search-chip')).toHaveCount(3)
    expect(queryOf(page).getAll('q').every((q) => q.length <= 200)).toBe(true)
    // 10,000 characters in the URL: dropped with a notice, the chart drawn
    await page.goto(`/mentions?q=${'Gas%20'.repeat(2500)}`)
    await expect(page.getByTestId('notices')).toBeVisible()
    await chartDrawn(page, 'mentions')
    await page.goto(`/mentions?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    await expect(page.getByTestId('search-chip')).toContainText('<script>alert(1)</script>')
    expect(dialogs).toEqual([])
    expect(problems).toEqual([])
  })

  for (const lang of ['de', 'en'] as const) {
    test(`axe finds no violations with a query, the hits panel, the list and the reader (${lang})`, async ({ page }) => {
      test.setTimeout(90_000) // three pages checked; axe is slow on the shared cores
      await page.goto(`/mentions?q=Sanktionen&lang=${lang}`)
      await chartDrawn(page, 'mentions')
      await page.getByTestId('toggle-table').click()
      await page.locator('[data-sel^="t.0."]').first().click()
      await expect(page.getByTestId('search-hit').first()).toBeVisible()
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
      await page.goto(`/articles?q=Sanktionen&lang=${lang}`)
      await expect(page.getByTestId('article-snippet').first()).toBeVisible()
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
      await page.getByTestId('article-row').first().getByRole('link').first().click()
      await expect(page.getByTestId('reader-hits')).toBeVisible()
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
    })
  }
})

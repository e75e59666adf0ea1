import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { MENTIONS_GRID, axisMaxFor } from '../../src/charts/mentions-option.ts'
import { chartDrawn, demoDataset, exportedPngText, queryOf, recordCanvasText, routeDataset, watchConsole } from './helpers.ts'

const dataset = demoDataset()
const putinName = dataset.actors.find((actor) => actor.id === 'putin')?.name ?? 'Wladimir Putin'

test.describe('Mentions over time', () => {
  test('draws the chart with the top actors and the corpus summary', async ({ page }) => {
    const { problems } = watchConsole(page)
    await page.goto('/')
    await expect(page).toHaveURL(/\/mentions$/)
    await chartDrawn(page, 'mentions')
    await expect(page.getByTestId('corpus-summary')).toContainText(`${dataset.articles.length} Artikel`)
    await page.getByTestId('toggle-table').click()
    const headers = page.getByTestId('mentions-table').locator('thead th')
    // Period + five actors + denominator + events.
    await expect(headers).toHaveCount(8)
    expect(problems).toEqual([])
  })

  test('a filter change changes the chart and the URL; reload restores it', async ({ page }) => {
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    const chartLabel = page.getByTestId('chart-mentions').locator('[aria-label]').last()
    const before = await chartLabel.getAttribute('aria-label')

    await page.getByTestId('actor-filter').locator('summary').click()
    const checked = page.getByTestId('actor-filter').locator('input:checked')
    const firstChecked = await checked.first().getAttribute('data-actor')
    await checked.first().uncheck()
    await expect.poll(() => queryOf(page).get('actor')?.split(',').length).toBe(4)
    expect(queryOf(page).get('actor')).not.toContain(firstChecked ?? '-')
    await expect.poll(() => chartLabel.getAttribute('aria-label')).not.toBe(before)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('actor-filter')).not.toHaveAttribute('open')

    await page.getByTestId('grain').getByRole('button', { name: 'Woche' }).click()
    await expect.poll(() => queryOf(page).get('grain')).toBe('week')
    const url = page.url()

    await page.reload()
    await chartDrawn(page, 'mentions')
    expect(page.url()).toBe(url)
    await expect(page.getByTestId('grain').getByRole('button', { name: 'Woche' })).toHaveAttribute('aria-pressed', 'true')
    await page.getByTestId('toggle-table').click()
    await expect(page.getByTestId('mentions-table').locator('thead th')).toHaveCount(7)
  })

  test('Back and Forward step through filter changes', async ({ page }) => {
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('grain').getByRole('button', { name: 'Woche' }).click()
    await expect.poll(() => queryOf(page).get('grain')).toBe('week')
    await page.getByTestId('measure').getByRole('button', { name: 'Anteil der Artikel' }).click()
    await expect.poll(() => queryOf(page).get('measure')).toBe('share')
    await page.getByTestId('stack').getByRole('button', { name: 'Gestapelt' }).click()
    await expect.poll(() => queryOf(page).get('stack')).toBe('1')

    await page.goBack()
    await expect.poll(() => queryOf(page).get('stack')).toBeNull()
    await expect(page.getByTestId('stack').getByRole('button', { name: 'Linien' })).toHaveAttribute('aria-pressed', 'true')
    await page.goBack()
    await expect.poll(() => queryOf(page).get('measure')).toBeNull()
    await expect(page.getByTestId('measure').getByRole('button', { name: 'Nennungen' })).toHaveAttribute('aria-pressed', 'true')
    expect(queryOf(page).get('grain')).toBe('week')
    await page.goForward()
    await expect.poll(() => queryOf(page).get('measure')).toBe('share')
    await expect(page.getByTestId('measure').getByRole('button', { name: 'Anteil der Artikel' })).toHaveAttribute('aria-pressed', 'true')
  })

  test('a table button selects a mark and the panel shows its sentences, actor highlighted', async ({ page }) => {
    await page.goto('/mentions?actor=putin')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('toggle-table').click()
    const button = page.getByTestId('mentions-table').locator('button[data-sel^="m.putin."]').first()
    const sel = await button.getAttribute('data-sel')
    await button.click()
    await expect.poll(() => queryOf(page).get('sel')).toBe(sel)
    const panel = page.getByTestId('evidence-panel')
    await expect(panel.getByRole('heading', { level: 2 })).toContainText(putinName)
    const item = panel.getByTestId('evidence-item').first()
    await expect(item.locator('mark').first()).toBeVisible()
    await expect(item.getByRole('link', { name: 'Im Artikel lesen' })).toHaveAttribute('href', /\/articles\/.+s=\d+/)

    // The evidence item's own URL opens the same sentence.
    await item.getByRole('link', { name: 'Link zu diesem Beleg' }).click()
    await expect.poll(() => queryOf(page).get('sel')).toMatch(/^a\..+\.\d+$/)
    await expect(panel.getByTestId('evidence-item')).toHaveCount(1)

    // The link to the reader marks the sentence there.
    await panel.getByRole('link', { name: 'Im Artikel lesen' }).click()
    await expect(page.getByTestId('marked-sentence')).toBeVisible()
  })

  test('a visit or call marker opens the sentences that report it, with their status', async ({ page }) => {
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('toggle-table').click()
    const eventButton = page.getByTestId('mentions-table').getByRole('button', { name: /^(Besuch|Telefonat):/ }).first()
    await eventButton.click()
    await expect.poll(() => queryOf(page).get('sel')).toMatch(/^e\./)
    const panel = page.getByTestId('evidence-panel')
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/^(Besuch|Telefonat):/)
    await expect(panel.getByTestId('evidence-item').first()).toContainText(/stattgefunden|läuft|geplant|eingeladen/)
  })

  test('a long evidence list shows 40 sentences first and the rest on request', async ({ page }) => {
    // Every article in one month, every sentence naming China: well over 40 sentences.
    const busy = {
      ...dataset,
      articles: dataset.articles.map((article) => ({ ...article, published: '2023-02-01' })),
      mentions: [
        ...dataset.mentions.filter((mention) => mention.actorId !== 'china'),
        ...dataset.articles.map((article) => ({
          articleId: article.id,
          actorId: 'china',
          count: article.sentenceCount,
          sentences: Array.from({ length: article.sentenceCount }, (_, i) => i),
        })),
      ],
    }
    const total = busy.articles.reduce((sum, article) => sum + article.sentenceCount, 0)
    expect(total).toBeGreaterThan(80)
    await routeDataset(page, busy)
    await page.goto('/mentions?sel=m.china.2023-02')
    const panel = page.getByTestId('evidence-panel')
    await expect(panel.getByTestId('evidence-item')).toHaveCount(40)
    await expect(panel).toContainText(`${total} Sätze aus ${busy.articles.length} Artikeln`)
    await panel.getByTestId('evidence-more').click()
    await expect(panel.getByTestId('evidence-item')).toHaveCount(80)
  })

  test('a real click on a point of the canvas opens its evidence', async ({ page }) => {
    // Three months on the axis; the middle one is February 2023.
    await page.goto('/mentions?actor=putin&from=2023-01-01&to=2023-03-31')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('toggle-table').click()
    const cell = page.getByTestId('mentions-table').locator('button[data-sel="m.putin.2023-02"]')
    const value = Number((await cell.innerText()).replace(/\D/g, ''))
    expect(value).toBeGreaterThan(0)

    const box = await page.getByTestId('chart-mentions').boundingBox()
    if (!box) throw new Error('chart has no box')
    const plotWidth = box.width - MENTIONS_GRID.left - MENTIONS_GRID.right
    const plotHeight = box.height - MENTIONS_GRID.top - MENTIONS_GRID.bottom
    const x = box.x + MENTIONS_GRID.left + plotWidth / 2
    const y = box.y + MENTIONS_GRID.top + plotHeight * (1 - value / axisMaxFor(value))
    await page.mouse.click(x, y)
    await expect.poll(() => queryOf(page).get('sel')).toBe('m.putin.2023-02')
    await expect(page.getByTestId('evidence-item').first()).toBeVisible()
  })

  test('dragging the slider sets the date filter once, on release', async ({ page }) => {
    await page.goto('/mentions?actor=putin')
    await chartDrawn(page, 'mentions')
    const box = await page.getByTestId('chart-mentions').boundingBox()
    if (!box) throw new Error('chart has no box')
    const historyBefore = await page.evaluate(() => history.length)
    const handleY = box.y + box.height - 12 - 13
    const startX = box.x + MENTIONS_GRID.left + 1
    await page.mouse.move(startX, handleY)
    await page.mouse.down()
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(startX + step * 40, handleY)
    await page.mouse.up()
    await expect.poll(() => queryOf(page).get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(queryOf(page).get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1)
    // the field writes the day the German way
    const [year, month, day] = (queryOf(page).get('from') ?? '').split('-')
    await expect(page.getByTestId('from-filter')).toHaveValue(`${day}.${month}.${year}`)
  })

  test('the date fields read and write TT.MM.JJJJ in German and DD/MM/YYYY in English, whatever the browser locale', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto('/mentions?actor=putin')
    await chartDrawn(page, 'mentions')
    const from = page.getByRole('textbox', { name: 'Von' })
    await expect(from).toHaveAttribute('placeholder', 'TT.MM.JJJJ')
    await expect(from).toHaveAccessibleDescription('Datum als TT.MM.JJJJ, leer lassen für offen')
    await from.fill('1.2.2023')
    await from.press('Enter')
    await expect.poll(() => queryOf(page).get('from')).toBe('2023-02-01')
    await expect(from).toHaveValue('01.02.2023')

    // a day that does not exist is said next to the field; the filter stays as it was
    const to = page.getByRole('textbox', { name: 'Bis' })
    await to.fill('31.02.2023')
    await to.press('Tab')
    await expect(page.getByRole('alert').filter({ hasText: '„31.02.2023“ ist kein gültiges Datum (TT.MM.JJJJ)' })).toBeVisible()
    await expect(to).toHaveAttribute('aria-invalid', 'true')
    expect(queryOf(page).get('to')).toBeNull()

    await page.getByRole('button', { name: 'EN', exact: true }).click()
    const fromEn = page.getByRole('textbox', { name: 'From' })
    await expect(fromEn).toHaveValue('01/02/2023')
    await expect(fromEn).toHaveAttribute('placeholder', 'DD/MM/YYYY')
    const toEn = page.getByRole('textbox', { name: 'To' })
    await toEn.fill('28/02/2023')
    await toEn.press('Enter')
    await expect.poll(() => queryOf(page).get('to')).toBe('2023-02-28')
    // emptied, the bound is open again
    await fromEn.fill('')
    await fromEn.press('Enter')
    await expect.poll(() => queryOf(page).get('from')).toBeNull()
    await context.close()
  })

  test('"Link kopieren" copies the URL that restores this view in a fresh page', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/mentions?actor=putin&grain=week&measure=share')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('copy-link').click()
    await expect(page.getByRole('status').filter({ hasText: 'Link kopiert' })).toHaveCount(1)
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(page.url())
    expect(copied.length).toBeLessThan(2000)

    const fresh = await browser.newContext()
    const other = await fresh.newPage()
    await other.goto(copied)
    await chartDrawn(other, 'mentions')
    await expect(other.getByTestId('measure').getByRole('button', { name: 'Anteil der Artikel' })).toHaveAttribute('aria-pressed', 'true')
    await fresh.close()
  })

  test('the CSV names the articles behind every cell, fetching their month parts first', async ({ page }) => {
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    const rows = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''))
    const header = rows[0] ?? []
    const col = (name: string): number => header.indexOf(name)
    const cells = rows.slice(1).filter((row) => Number(row[col('mentions')]) > 0)
    expect(cells.length).toBeGreaterThan(0)
    for (const row of cells) {
      const period = row[col('period')] ?? ''
      const actorId = row[col('actor_id')] ?? ''
      const expected = dataset.articles
        .filter((article) => article.published?.startsWith(period) && article.duplicateOf === null)
        .filter((article) => dataset.mentions.some((m) => m.articleId === article.id && m.actorId === actorId && m.count > 0))
        .map((article) => article.id)
        .sort()
      expect((row[col('article_ids')] ?? '').split(';').sort(), `${actorId} ${period}`).toEqual(expected)
      expect(Number(row[col('articles_naming_actor')])).toBe(expected.length)
    }
  })

  test('the PNG says what is drawn: the actors of the lines and the articles of the whole corpus', async ({ page }) => {
    await recordCanvasText(page)
    await page.goto('/mentions')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('toggle-table').click()
    // the actor columns of the table twin: the lines drawn (the last number column is the denominator)
    const columns = (await page.getByTestId('mentions-table').locator('thead th.num').allInnerTexts()).map((text) => text.trim())
    const actors = columns.slice(0, -1)
    expect(actors).toHaveLength(5)
    const text = await exportedPngText(page)
    expect(text).toContain('Erwähnungen im Zeitverlauf')
    expect(text).toContain(`Akteure: ${actors.join(', ')} (Top-Akteure (automatisch)) · Medium: Alle Medien · Zeitraum: gesamter Korpus`)
    expect(text).toContain(`Quelle: Moskau–Peking Pressemonitor, ${dataset.articles.length} Artikel, erstellt ${dataset.generatedAt.slice(0, 10)}`)
  })

  test('ECharts describes the chart to a screen reader in the UI language', async ({ page }) => {
    await page.goto('/mentions?actor=putin')
    await chartDrawn(page, 'mentions')
    const described = page.getByTestId('chart-mentions').locator('[role="img"][aria-label]')
    await expect(described).toHaveAttribute('aria-label', /^Dies ist ein Diagramm\. Es besteht aus \d+ Datenreihen\. Reihe 0 ist ein Liniendiagramm und zeigt /)
    await page.getByRole('button', { name: 'EN', exact: true }).click()
    await chartDrawn(page, 'mentions')
    await expect(described).toHaveAttribute('aria-label', /^This is a chart\. It has \d+ series\. Series 0 is a line chart showing /)
  })

  test('a first load of ?lang=en paints the views English from the start (the lazy English catalogue is waited for)', async ({ page }) => {
    // every text the navigation ever showed, from the first frame on
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { navTexts: seen })
      new MutationObserver(() => {
        const nav = document.querySelector('nav')
        if (nav) seen.push(nav.textContent ?? '')
      }).observe(document, { subtree: true, childList: true, characterData: true })
    })
    await page.goto('/mentions?actor=putin&lang=en')
    await chartDrawn(page, 'mentions')
    await expect(page.getByRole('navigation').first()).toContainText('Mentions')
    const seen = await page.evaluate(() => (window as unknown as { navTexts: string[] }).navTexts)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.filter((text) => text.includes('Erwähnungen') || text.includes('nav.'))).toEqual([])
  })

  test('the English UI names actors in English where the registry has an English name', async ({ page }) => {
    const english: Record<string, string> = { putin: 'Vladimir Putin', russia: 'Russia', usa: 'United States' }
    await routeDataset(page, { ...dataset, actors: dataset.actors.map((actor) => (english[actor.id] ? { ...actor, en: english[actor.id] } : actor)) })
    await page.goto('/mentions?actor=putin,russia,usa&lang=en')
    await chartDrawn(page, 'mentions')
    await page.getByTestId('toggle-table').click()
    const columns = page.getByTestId('mentions-table').locator('thead th.num')
    await expect(columns).toHaveText(['Vladimir Putin', 'Russia', 'United States', 'Articles in period'])
    await page.getByTestId('actor-filter').locator('summary').click()
    await expect(page.getByTestId('actor-filter').locator('label').filter({ has: page.locator('[data-actor="putin"]') })).toContainText('Vladimir Putin')
    await page.getByRole('button', { name: 'DE', exact: true }).click()
    await expect(columns.first()).toHaveText('Wladimir Putin')
  })

  test('filters that match nothing say so instead of drawing an empty frame', async ({ page }) => {
    await page.goto('/mentions?from=2031-01-01&to=2031-12-31')
    await expect(page.getByTestId('mentions-empty')).toHaveText('Keine Erwähnungen für diese Filter')
    await expect(page.getByTestId('chart-mentions')).toHaveCount(0)
  })
})

/** RFC 4180 rows (quoted fields with "" escapes), enough for the app's own CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''))
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  return rows
}

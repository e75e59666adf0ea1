import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import type { Dataset } from '../../src/model/dataset.ts'
import { colourCentre, exportPngAndCsv, exportedPngText, recordCanvasText, routeFixture, watchCsp } from './helpers.ts'

/**
 * The Visits view on a small hand-written dataset (served in place of public/data/dataset.json), plus
 * one check on the committed demo dataset. The German sentences are written for this test.
 */

const SENTENCES: Record<string, string[]> = {
  v1: [
    'Putin plant Reise nach Peking',
    'Wladimir Putin will im Mai nach Peking reisen.',
    'Der chinesische Außenminister Wang Yi soll im Frühjahr nach Moskau kommen.',
    'Xi Jinping und Putin telefonierten im Februar miteinander.',
  ],
  v2: [
    'Putin ist in Peking eingetroffen',
    'Der Kremlchef ist zu einem Staatsbesuch in Peking eingetroffen.',
    'Die Gespräche sollen zwei Tage dauern.',
    'Putin lud Xi Jinping zu einem Gegenbesuch nach Russland ein.',
  ],
  v3: [
    'Nach dem Gipfel in Peking',
    'Putin will Anfang Juli nach Astana weiterreisen.',
    'Beim Besuch in Peking hatte Putin Xi Jinping getroffen.',
  ],
}

function fixture(): Dataset {
  const article = (id: string, outlet: string | null, published: string) => ({
    id,
    file: `${id}.txt`,
    title: SENTENCES[id]?.[0] ?? id,
    outlet,
    url: null,
    published,
    publishedFrom: 'meta' as const,
    sentenceCount: SENTENCES[id]?.length ?? 0,
    textShard: 'texts/visits-fixture.json',
    duplicateOf: null,
  })
  const quote = (id: string, sentence: number): string => SENTENCES[id]?.[sentence] ?? ''
  const actor = (id: string, name: string, kind: 'person' | 'country') => ({ id, name, kind, aliases: [name], discovered: false })
  const dataset: Dataset = {
    schemaVersion: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    articles: [article('v1', 'tagesschau.de', '2024-03-10'), article('v2', 'n-tv.de', '2024-05-17'), article('v3', 'zeit.de', '2024-06-02')],
    actors: [
      actor('putin', 'Wladimir Putin', 'person'),
      actor('xi', 'Xi Jinping', 'person'),
      actor('wang-yi', 'Wang Yi', 'person'),
      actor('lawrow', 'Sergej Lawrow', 'person'),
      actor('russia', 'Russland', 'country'),
      actor('china', 'China', 'country'),
      actor('kazakhstan', 'Kasachstan', 'country'),
    ],
    mentions: [
      { articleId: 'v1', actorId: 'putin', count: 2, sentences: [0, 1] },
      { articleId: 'v2', actorId: 'putin', count: 2, sentences: [0, 3] },
      { articleId: 'v3', actorId: 'putin', count: 2, sentences: [1, 2] },
    ],
    events: [
      // two stages of one state visit: announced (v1), then happened (v2, v3)
      {
        id: 'ev-state-planned',
        kind: 'visit',
        visitors: ['putin'],
        hosts: [],
        place: 'Peking',
        country: 'china',
        date: '2024-05',
        approx: false,
        status: 'planned',
        lifecycle: 'ev-state-planned',
        evidence: [
          {
            articleId: 'v1',
            sentence: 1,
            quote: quote('v1', 1),
            status: 'planned',
            date: '2024-05',
            dateFrom: { rule: 'time-month', cue: 'im Mai', reference: '2024-04-26' },
            statusFrom: { rule: 'future-dated', cue: 'will', reference: '2024-04-26' },
          },
        ],
      },
      {
        id: 'ev-state',
        kind: 'visit',
        visitors: ['putin'],
        hosts: ['xi'],
        place: 'Peking',
        country: 'china',
        date: '2024-05-16',
        approx: false,
        status: 'happened',
        lifecycle: 'ev-state-planned',
        evidence: [
          { articleId: 'v2', sentence: 1, quote: quote('v2', 1), status: 'happened' },
          { articleId: 'v3', sentence: 2, quote: quote('v3', 2), status: 'happened' },
        ],
      },
      {
        id: 'ev-call',
        kind: 'call',
        visitors: ['xi'],
        hosts: ['putin'],
        place: null,
        country: null,
        date: '2024-02',
        approx: false,
        status: 'happened',
        lifecycle: 'ev-call',
        evidence: [{ articleId: 'v1', sentence: 3, quote: quote('v1', 3), status: 'happened' }],
      },
      {
        id: 'ev-wang',
        kind: 'visit',
        visitors: ['wang-yi'],
        hosts: ['lawrow'],
        place: 'Moskau',
        country: 'russia',
        date: '2024-03',
        approx: true,
        status: 'planned',
        lifecycle: 'ev-wang',
        evidence: [{ articleId: 'v1', sentence: 2, quote: quote('v1', 2), status: 'planned' }],
      },
      {
        id: 'ev-astana',
        kind: 'visit',
        visitors: ['putin'],
        hosts: [],
        place: 'Astana',
        country: 'kazakhstan',
        date: '2024-07',
        approx: true,
        status: 'planned',
        lifecycle: 'ev-astana',
        evidence: [{ articleId: 'v3', sentence: 1, quote: quote('v3', 1), status: 'planned' }],
      },
      {
        id: 'ev-invite',
        kind: 'visit',
        visitors: ['xi'],
        hosts: ['putin'],
        place: null,
        country: 'russia',
        date: null,
        approx: false,
        status: 'invited',
        lifecycle: 'ev-invite',
        evidence: [{ articleId: 'v2', sentence: 3, quote: quote('v2', 3), status: 'invited' }],
      },
    ],
    figures: [],
  }
  return dataset
}

async function serveFixture(page: Page): Promise<void> {
  await routeFixture(page, fixture(), SENTENCES)
}

const chart = (page: Page) => page.getByTestId('chart-visits')
const summary = (page: Page) => page.getByTestId('visits-summary')

test.describe('Visits view', () => {
  test('draws the timeline on the demo dataset, or says there is nothing to draw', async ({ page, request }) => {
    const csp = watchCsp(page)
    const demo = (await (await request.get('/data/dataset.json')).json()) as Dataset
    await page.goto('/visits')
    if (demo.events.some((event) => event.date !== null)) {
      await expect(chart(page)).toHaveAttribute('data-drawn', '1')
      await expect(chart(page).locator('canvas').first()).toBeVisible()
    } else if (demo.events.length === 0) {
      await expect(page.getByTestId('visits-empty')).toHaveText('Keine Besuche für diese Filter')
    }
    // one row per lifecycle: the stages of a visit (announced, happened) are one mark
    const lifecycles = new Set(demo.events.map((event) => event.lifecycle)).size
    await expect(summary(page)).toContainText(`${lifecycles} Ereignis`)
    expect(csp).toEqual([])
  })

  test('lists every event, the undated one apart, and its lifecycle in the table', async ({ page }) => {
    const csp = watchCsp(page)
    await serveFixture(page)
    await page.goto('/visits')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await expect(summary(page)).toHaveText('5 Ereignisse (1 ohne Datum)')
    const undated = page.getByTestId('visits-undated-table')
    await expect(undated.locator('tbody tr')).toHaveCount(1)
    await expect(undated).toContainText('Xi Jinping')
    await expect(undated).toContainText('eingeladen')

    await page.getByTestId('toggle-table').click()
    const table = page.getByTestId('visits-table')
    await expect(table.locator('tbody tr')).toHaveCount(5)
    const state = table.locator('tr[data-event-id="ev-state"]')
    await expect(state).toContainText('angekündigt am 10.03.2024')
    await expect(state).toContainText('stattgefunden laut Bericht vom 17.05.2024')
    await expect(state.getByTestId('visit-lane')).toHaveText('nach China')
    await expect(table.locator('tr[data-event-id="ev-call"]').getByTestId('visit-lane')).toHaveText('Telefonate')
    await expect(table.locator('tr[data-event-id="ev-wang"]')).toContainText('ca. März 2024')
    expect(csp).toEqual([])
  })

  test('an outlet filter changes the timeline and the URL, and a reload restores it', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/visits')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await page.getByTestId('outlet-filter').selectOption('n-tv.de')
    await expect(page).toHaveURL(/[?&]outlet=n-tv\.de/)
    await expect(summary(page)).toHaveText('2 Ereignisse (1 ohne Datum)')
    await page.reload()
    await expect(summary(page)).toHaveText('2 Ereignisse (1 ohne Datum)')
    await expect(page.getByTestId('outlet-filter')).toHaveValue('n-tv.de')
    await page.goBack()
    await expect(summary(page)).toHaveText('5 Ereignisse (1 ohne Datum)')
  })

  test('an actor filter keeps the events that actor travels to or hosts', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/visits?actor=lawrow')
    await expect(summary(page)).toHaveText('1 Ereignis')
    await page.goto('/visits?actor=lawrow&from=2024-06-01')
    await expect(page.getByTestId('visits-empty')).toHaveText('Keine Besuche für diese Filter')
  })

  test('the lane toggle switches to one lane per visitor', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/visits')
    await page.getByTestId('toggle-table').click()
    const lane = page.locator('tr[data-event-id="ev-state"]').getByTestId('visit-lane').first()
    await expect(lane).toHaveText('nach China')
    await page.getByTestId('lane-visitor').click()
    await expect(page).toHaveURL(/[?&]lane=visitor/)
    await expect(page.getByTestId('lane-visitor')).toHaveAttribute('aria-pressed', 'true')
    await expect(lane).toHaveText('Wladimir Putin')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
  })

  test('a table row button opens every sentence of the event with its status', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/visits')
    await page.getByTestId('toggle-table').click()
    await page.locator('tr[data-event-id="ev-state"]').getByTestId('visit-evidence').click()
    await expect(page).toHaveURL(/[?&]sel=e\.ev-state/)
    const panel = page.getByTestId('evidence-panel')
    await expect(panel.getByTestId('evidence-item')).toHaveCount(3)
    await expect(panel).toContainText('Der Kremlchef ist zu einem Staatsbesuch in Peking eingetroffen.')
    await expect(panel).toContainText('Wladimir Putin will im Mai nach Peking reisen.')
    await expect(panel).toContainText('n-tv.de')
    await page.reload()
    await expect(page.getByTestId('evidence-panel')).toContainText('Der Kremlchef ist zu einem Staatsbesuch')
  })

  test('the announced stage of a visit selects the whole lifecycle, each sentence labelled with its status', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/visits?sel=e.ev-state-planned')
    await page.getByTestId('toggle-table').click()
    const row = page.getByTestId('visits-table').locator('tr[data-event-id="ev-state"]')
    await expect(row).toHaveClass(/is-selected/)
    await expect(row.getByTestId('visit-evidence')).toHaveAttribute('aria-pressed', 'true')
    await expect(row.locator('td.num')).toHaveText('3')
    await expect(page.getByTestId('visits-table').locator('tr[data-event-id="ev-state-planned"]')).toHaveCount(0)
    const items = page.getByTestId('evidence-panel').getByTestId('evidence-item')
    await expect(items).toHaveCount(3)
    const status = (text: string) => items.filter({ hasText: text }).getByTestId('evidence-status')
    await expect(status('Wladimir Putin will im Mai nach Peking reisen.')).toHaveText('geplant · Mai 2024')
    await expect(status('Der Kremlchef ist zu einem Staatsbesuch')).toHaveText('stattgefunden · 16.05.2024')
    await expect(status('Beim Besuch in Peking hatte Putin')).toHaveText('stattgefunden · 16.05.2024')
    // how the announced report's date and status were read, under its sentence
    const why = items.filter({ hasText: 'Wladimir Putin will im Mai nach Peking reisen.' }).getByTestId('evidence-why')
    await expect(why).toContainText('Datum: Mai 2024 – aus »im Mai«, bezogen auf 26.04.2024 · Monat')
    await expect(why).toContainText('Status: geplant – aus »will«, bezogen auf 26.04.2024 · Zukunft mit Zeitangabe: geplant')
  })

  test('a click on a mark in the canvas selects that event', async ({ page }) => {
    await serveFixture(page)
    // Only the state visit is left on the timeline, so the one "happened" mark is it.
    await page.goto('/visits?outlet=zeit.de')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    await expect(summary(page)).toHaveText('2 Ereignisse')
    const canvas = chart(page).locator('canvas').first()
    // Find the mark by its status colour below the legend (the legend icon has the same colour).
    const point = await colourCentre(canvas, [0x0b, 0x6a, 0xa8], 70)
    expect(point).not.toBeNull()
    await canvas.click({ position: { x: point?.x ?? 0, y: point?.y ?? 0 } })
    await expect(page).toHaveURL(/[?&]sel=e\.ev-state/)
    await expect(page.getByTestId('evidence-panel')).toContainText('Beim Besuch in Peking hatte Putin Xi Jinping getroffen.')
  })

  test('exports a PNG and a CSV of exactly the events shown, with provenance', async ({ page }) => {
    await serveFixture(page)
    await page.goto('/visits?outlet=zeit.de')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    const { png, csv: text } = await exportPngAndCsv(page, 'visits-export.png')
    expect(png.suggestedFilename()).toMatch(/\.png$/)
    const lines = text.trim().split(/\r\n/)
    expect(lines[0]).toContain('event_id,kind,date,date_approx,status')
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(['ev-astana', 'ev-state'])
    expect(text).toContain('planned@2024-03-10; happened@2024-05-17')
    expect(lines[0]).toContain('lifecycle,lifecycle_id,stage_event_ids')
    expect(text).toContain('ev-state-planned,"ev-state-planned; ev-state"')
  })

  test('the PNG says which events it shows and counts the articles of the whole corpus', async ({ page }) => {
    await recordCanvasText(page)
    await serveFixture(page)
    await page.goto('/visits?outlet=zeit.de&status=happened,planned')
    await expect(chart(page)).toHaveAttribute('data-drawn', '1')
    const text = await exportedPngText(page)
    expect(text).toContain('Besuche und Telefonate')
    expect(text).toContain('Akteure: alle · Medium: zeit.de · Von: … · Bis: … · Stand: stattgefunden, geplant · Spuren: Richtung')
    const data = fixture()
    expect(text).toContain(`Quelle: Moskau–Peking Pressemonitor, ${data.articles.length} Artikel, erstellt ${data.generatedAt.slice(0, 10)}`)
  })

  for (const lang of ['de', 'en'] as const) {
    test(`axe finds no violations in the Visits view (${lang})`, async ({ page }) => {
      await serveFixture(page)
      await page.goto(`/visits?lang=${lang}`)
      await expect(chart(page)).toHaveAttribute('data-drawn', '1')
      await page.getByTestId('toggle-table').click()
      const results = await new AxeBuilder({ page }).include('[data-testid="view-visits"]').analyze()
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
      if (lang === 'en') await expect(summary(page)).toHaveText('5 events (1 undated)')
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
      await page.goto(`/visits?theme=${theme}&sel=e.ev-state`)
      await expect(chart(page)).toHaveAttribute('data-drawn', '1')
      await expect(page.getByTestId('evidence-item').first()).toBeVisible()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await page.screenshot({ path: `/tmp/shots/visits-${width}-${theme}.png`, fullPage: true })
    }
  })
})

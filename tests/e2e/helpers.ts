/** Shared helpers for the e2e specs: console/CSP watching, chart waiting, the demo dataset. */
import { mkdirSync, readFileSync } from 'node:fs'
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { Dataset, TextShard } from '../../src/model/dataset.ts'
import { layoutFromDataset } from '../../pipeline/io/layout-build.ts'

/**
 * Serves a dataset in place of public/data, in the files the app reads: the index, day files, month
 * parts, events file, event summary and parts, id shards that the pipeline would write for it (pipeline/io/layout-build.ts). Text shards
 * are left to the caller (or to public/data).
 */
export async function routeDataset(page: Page, dataset: Dataset): Promise<void> {
  const layout = layoutFromDataset(dataset)
  const files = new Map<string, unknown>([
    ['dataset.index.json', layout.index],
    [layout.index.events, layout.events],
    ...layout.dayFiles,
    ...layout.parts,
    ...layout.files,
    ...layout.eventParts,
  ])
  for (const [path, json] of files) await page.route(`**/data/${path}`, (route) => route.fulfill({ json }))
}

/**
 * Serves a hand-written dataset (see routeDataset) and one text shard of its sentences (title, then one
 * paragraph) at the shard path its articles name.
 */
export async function routeFixture(page: Page, dataset: Dataset, sentences: Readonly<Record<string, string[]>>): Promise<void> {
  await routeDataset(page, dataset)
  const shard: TextShard = {
    texts: Object.entries(sentences).map(([articleId, list]) => ({ articleId, sentences: list, paragraphStarts: [0, 1], spans: [] })),
  }
  for (const path of new Set(dataset.articles.map((article) => article.textShard))) {
    await page.route(`**/data/${path}`, (route) => route.fulfill({ json: shard }))
  }
}

/** Console messages about the Content Security Policy, collected per page. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

export function demoDataset(): Dataset {
  return JSON.parse(readFileSync(new URL('../../public/data/dataset.json', import.meta.url), 'utf8')) as Dataset
}

/** Collects CSP violations, page errors and console errors for one page. */
export function watchConsole(page: Page): { problems: string[] } {
  const problems: string[] = []
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error' || /Content Security Policy/i.test(text)) problems.push(`${message.type()}: ${text}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return { problems }
}

/** Waits until the named chart has finished its first drawing. */
export async function chartDrawn(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId(`chart-${name}`)).toHaveAttribute('data-drawn', '1')
}

export function queryOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams
}

/**
 * The centre (in CSS pixels) of the pixels of one exact colour in a chart canvas, below `fromY`
 * (so a legend icon of the same colour above it is skipped), or null when none is drawn.
 */
export async function colourCentre(
  canvas: Locator,
  rgb: readonly [number, number, number],
  fromY: number,
): Promise<{ x: number; y: number } | null> {
  return canvas.evaluate(
    (element, [colour, top]) => {
      const c = element as HTMLCanvasElement
      const context = c.getContext('2d')
      if (!context) return null
      const scale = c.width / c.clientWidth
      const { data, width, height } = context.getImageData(0, 0, c.width, c.height)
      const hits: [number, number][] = []
      for (let y = Math.round(top * scale); y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          const i = (y * width + x) * 4
          if (data[i] === colour[0] && data[i + 1] === colour[1] && data[i + 2] === colour[2]) hits.push([x, y])
        }
      }
      if (hits.length === 0) return null
      const mx = hits.reduce((sum, [x]) => sum + x, 0) / hits.length
      const my = hits.reduce((sum, [, y]) => sum + y, 0) / hits.length
      return { x: mx / scale, y: my / scale }
    },
    [rgb, fromY] as const,
  )
}

/** Clicks the export menu's PNG and CSV buttons; keeps the PNG in /tmp/shots for review, returns the CSV text. */
export async function exportPngAndCsv(page: Page, pngName: string): Promise<{ png: Download; csv: string }> {
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()])
  mkdirSync('/tmp/shots', { recursive: true })
  await png.saveAs(`/tmp/shots/${pngName}`)
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  return { png, csv: readFileSync(await csv.path(), 'utf8') }
}

/**
 * Records the text every canvas draws (fillText), from the next page load on: what an exported PNG says
 * can then be read without decoding the image. `canvasTextSince` gives the text drawn after `mark`.
 */
export async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drawn: string[] = []
    Object.assign(window, { __canvasText: drawn })
    const fillText = CanvasRenderingContext2D.prototype.fillText
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      drawn.push(String(text))
      return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth)
    }
  })
}

/** Clicks the PNG export and returns the lines of text drawn into the image (see recordCanvasText). */
export async function exportedPngText(page: Page): Promise<string[]> {
  const before = await page.evaluate(() => (window as unknown as { __canvasText: string[] }).__canvasText.length)
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()])
  return page.evaluate((from) => (window as unknown as { __canvasText: string[] }).__canvasText.slice(from), before)
}

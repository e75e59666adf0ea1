/** Shared helpers for the e2e specs: console/CSP watching, chart waiting, the demo dataset. */
import { readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'
import type { Dataset } from '../../src/model/dataset.ts'

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

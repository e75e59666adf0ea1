/**
 * Fetching one layout file: HTTP, JSON, version and schema checked, and a failure said in one line.
 * No Vue; the fetcher is passed in (a test passes a fake).
 */
import type { MessageKey } from '../i18n/de.ts'
import type { MessageParams } from '../i18n/message.ts'
import { errorMessage } from '../lib/errors.ts'
import type { ParseResult } from '../model/dataset.ts'
import { LAYOUT_VERSION, parseIndex, type DatasetIndex } from '../model/layout.ts'

export type Fetcher = (url: string) => Promise<Response>

/** A one-line, translatable reason why the dataset could not be used. */
export interface DatasetError {
  key: MessageKey
  params: MessageParams
}

/** Where the app finds the index: beside the page, under data/. */
export function defaultIndexUrl(): string {
  return `${import.meta.env.BASE_URL}data/dataset.index.json`
}

/** The path of a file named relative to the index (as the index names its files). */
export function resolvePath(path: string, indexUrl: string): string {
  return new URL(path, new URL(indexUrl, 'http://base.invalid')).pathname
}

/** Fetches and validates the index; never throws, says what is wrong instead. */
export async function fetchIndex(url: string, fetcher: Fetcher): Promise<{ ok: true; value: DatasetIndex } | { ok: false; error: DatasetError }> {
  let response: Response
  try {
    response = await fetcher(url)
  } catch (error) {
    return { ok: false, error: { key: 'error.network', params: { url, message: errorMessage(error) } } }
  }
  if (!response.ok) return { ok: false, error: { key: 'error.missing', params: { url, status: response.status } } }
  let json: unknown
  try {
    json = JSON.parse(await response.text())
  } catch (error) {
    return { ok: false, error: { key: 'error.truncated', params: { url, message: errorMessage(error) } } }
  }
  if (typeof json === 'object' && json !== null && 'layoutVersion' in json && json.layoutVersion !== LAYOUT_VERSION) {
    return { ok: false, error: { key: 'error.version', params: { url, found: String(json.layoutVersion), expected: LAYOUT_VERSION } } }
  }
  const parsed = parseIndex(json)
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: { key: 'error.schema', params: { url, message: parsed.error } } }
}

/** Fetches and validates one file the index names; rejects with "<url>: <reason>". */
export async function fetchLayoutFile<T>(url: string, parse: (json: unknown) => ParseResult<T>, fetcher: Fetcher): Promise<T> {
  let response: Response
  try {
    response = await fetcher(url)
  } catch (cause) {
    throw new Error(`${url}: ${errorMessage(cause)}`)
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  // a static server's fallback page for a file it does not have
  if (response.headers.get('content-type')?.includes('text/html')) throw new Error(`${url}: missing (the server sent an HTML page)`)
  let json: unknown
  try {
    json = JSON.parse(await response.text())
  } catch (cause) {
    throw new Error(`${url}: ${errorMessage(cause)}`)
  }
  const parsed = parse(json)
  if (!parsed.ok) throw new Error(`${url}: ${parsed.error}`)
  return parsed.value
}

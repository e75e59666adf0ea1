/**
 * The JSON text of dataset.json and of the month parts, piece by piece, from records held in memory
 * or parked in a RecordSpool: never the whole document in one string (a million articles exceed V8's
 * string limit), and the same bytes either way.
 */
import type { Actor, Dataset } from '../../src/model/dataset.ts'
import type { RecordSpool } from './spool.ts'

/** A field of the dataset object: a plain value, or a list given as its items' JSON (2-space, unindented). */
type Field = { key: string; value: unknown } | { key: string; items: Iterable<string> }

/** An item of a top-level list, as dataset.json writes it: 2-space JSON, indented by 4. */
function prettyItem(item: unknown): string {
  return JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')
}

/** The same from the item's compact JSON. */
function prettyLine(line: string): string {
  return prettyItem(JSON.parse(line))
}

function* objectPieces(fields: readonly Field[]): Generator<string> {
  yield '{\n'
  for (const [i, field] of fields.entries()) {
    const comma = i < fields.length - 1 ? ',' : ''
    const key = JSON.stringify(field.key)
    if ('items' in field) {
      let first = true
      for (const body of field.items) {
        yield first ? `  ${key}: [\n    ${body}` : `,\n    ${body}`
        first = false
      }
      yield first ? `  ${key}: []${comma}\n` : `\n  ]${comma}\n`
    } else {
      yield `  ${key}: ${JSON.stringify(field.value, null, 2).replace(/\n/g, '\n  ')}${comma}\n`
    }
  }
  yield '}\n'
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item)
}

/** JSON as written: 2-space indentation, trailing newline (dataset.json, the text shards). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** JSON of the layout files: one line, no indentation (they are fetched by the app), trailing newline. */
export function compactJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`
}

/** dataset.json of spooled records: the same bytes as `toJson` of the dataset they make. */
export function spooledDatasetPieces(
  head: Pick<Dataset, 'schemaVersion' | 'generatedAt'>,
  actors: readonly Actor[],
  /** The events as compact JSON lines, in the dataset's order. */
  events: Iterable<string>,
  spool: RecordSpool,
): Generator<string> {
  return objectPieces([
    { key: 'schemaVersion', value: head.schemaVersion },
    { key: 'generatedAt', value: head.generatedAt },
    { key: 'articles', items: map(spool.records('articles'), prettyLine) },
    { key: 'actors', items: map(actors, prettyItem) },
    { key: 'mentions', items: map(spool.records('mentions'), prettyLine) },
    { key: 'events', items: map(events, prettyLine) },
    { key: 'figures', items: map(spool.records('figures'), prettyLine) },
    { key: 'quotes', items: map(spool.records('quotes'), prettyLine) },
  ])
}

/** One month part as compact JSON with a trailing newline: the bytes of `${JSON.stringify(part)}\n`. */
export function* spooledPartPieces(spool: RecordSpool, month: string, positions: Iterable<number>): Generator<string> {
  yield `{"month":${JSON.stringify(month)}`
  for (const kind of ['articles', 'mentions', 'figures', 'quotes'] as const) {
    yield `,${JSON.stringify(kind)}:[`
    let first = true
    for (const line of spool.records(kind, positions)) {
      yield first ? line : `,${line}`
      first = false
    }
    yield ']'
  }
  yield '}\n'
}

/** The events file from the events as compact JSON lines: the bytes of `${JSON.stringify({ events })}\n`. */
export function* eventsFilePieces(events: Iterable<string>): Generator<string> {
  yield '{"events":['
  let first = true
  for (const line of events) {
    yield first ? line : `,${line}`
    first = false
  }
  yield ']}\n'
}

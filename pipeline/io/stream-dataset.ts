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

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125
const OPEN_ARRAY = 91
const CLOSE_ARRAY = 93
const NEWLINE = 10

/**
 * Compact JSON text (`JSON.stringify(v)`) as `JSON.stringify(v, null, 2)` prints it, each line after the first
 * indented by `base`, without parsing it: the text is scanned once, strings copied as they are (the same escapes
 * either way), a line break and the indent put after `{`, `[` and `,` and before `}`, `]`, a space after `:`,
 * empty `{}` and `[]` kept. For the records of dataset.json this was a parse and a stringify per record.
 * Several values on lines of their own (compact JSON never holds a raw newline) print as items of one list:
 * each newline becomes a comma, a line break and the indent `base`.
 */
export function prettyCompact(text: string, base = ''): string {
  let out = ''
  let indent = `\n${base}`
  let from = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      // to the closing quote: the next one not escaped (an odd run of backslashes before it escapes it)
      for (let end = text.indexOf('"', i + 1); ; end = text.indexOf('"', end + 1)) {
        if (end < 0) {
          i = n
          break
        }
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++
        if (slashes % 2 === 0) {
          i = end
          break
        }
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const next = text.charCodeAt(i + 1)
      if (next === (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) i++
      else {
        indent += '  '
        out += text.slice(from, i + 1) + indent
        from = i + 1
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      indent = indent.slice(0, -2)
      out += text.slice(from, i) + indent
      from = i
    } else if (c === COMMA) {
      out += text.slice(from, i + 1) + indent
      from = i + 1
    } else if (c === COLON) {
      out += text.slice(from, i + 1) + ' '
      from = i + 1
    } else if (c === NEWLINE) {
      out += `${text.slice(from, i)},\n${base}`
      from = i + 1
    }
  }
  return out + text.slice(from)
}

/** The same from the items' compact JSON (one per line): the items of a top-level list of dataset.json. */
function prettyLine(line: string): string {
  return prettyCompact(line, '    ')
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
    { key: 'articles', items: map(spool.blocks('articles'), prettyLine) },
    { key: 'actors', items: map(actors, prettyItem) },
    { key: 'mentions', items: map(spool.blocks('mentions'), prettyLine) },
    { key: 'events', items: map(events, prettyLine) },
    { key: 'figures', items: map(spool.blocks('figures'), prettyLine) },
    { key: 'quotes', items: map(spool.blocks('quotes'), prettyLine) },
  ])
}

/** One month part as compact JSON with a trailing newline: the bytes of `${JSON.stringify(part)}\n`. */
export function* spooledPartPieces(spool: RecordSpool, month: string, positions: Iterable<number>): Generator<string> {
  yield `{"month":${JSON.stringify(month)}`
  for (const kind of ['articles', 'mentions', 'figures', 'quotes'] as const) {
    yield `,${JSON.stringify(kind)}:[`
    let first = true
    for (const block of spool.blocks(kind, positions)) {
      const items = block.replaceAll('\n', ',')
      yield first ? items : `,${items}`
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

import { describe, expect, it } from 'vitest'
import { skipLines } from '../../../../pipeline/stages/skip-lines.ts'

const gold = (n: number) => ({ file: `gold/d${String(n).padStart(3, '0')}.json`, reason: 'no article (a JSON object without any text field)', folded: true as const })

describe('skipLines', () => {
  it('folds the files of a folder that are no article into one line, where the first stood; broken ones keep a line each', () => {
    const lines = skipLines([
      { file: 'a.txt', reason: 'empty file' },
      ...[1, 2, 3, 40].map(gold),
      { file: 'export.jsonl:3', reason: 'not an object (an array)' },
      { file: 'einstellungen.json', reason: 'no article (a JSON object without any text field)', folded: true },
      { file: 'gold/kaputt.json', reason: 'not valid JSON (Unexpected token)' },
    ])
    expect(lines).toEqual([
      'skipped a.txt: empty file',
      'skipped 4 files in gold/ (d001.json … d040.json): no article (a JSON object without any text field)',
      'skipped export.jsonl:3: not an object (an array)',
      'skipped einstellungen.json: no article (a JSON object without any text field)',
      'skipped gold/kaputt.json: not valid JSON (Unexpected token)',
    ])
  })

  it('two files are both named; folders and reasons are told apart', () => {
    const other = { file: 'gold/x.json', reason: 'something else', folded: true as const }
    expect(skipLines([gold(1), gold(2), other, { ...gold(3), file: 'gold/2024/d003.json' }])).toEqual([
      'skipped 2 files in gold/ (d001.json, d002.json): no article (a JSON object without any text field)',
      'skipped gold/x.json: something else',
      'skipped gold/2024/d003.json: no article (a JSON object without any text field)',
    ])
  })
})

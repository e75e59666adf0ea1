import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lastWord, paragraphBlocks, segmentSentences, segmentsOf, sentenceEnds, splitSentences } from '../../../../../pipeline/stages/text/segment-sentences.ts'

const icu = new Intl.Segmenter('de', { granularity: 'sentence' })
const icuSegments = (text: string): string[] => Array.from(icu.segment(text), (s) => s.segment)

describe('splitSentences', () => {
  it('keeps "1,5 Mrd. Dollar" inside one sentence', () => {
    expect(splitSentences('Der Vertrag hat einen Wert von 1,5 Mrd. Dollar. Er läuft zehn Jahre.')).toEqual([
      'Der Vertrag hat einen Wert von 1,5 Mrd. Dollar.',
      'Er läuft zehn Jahre.',
    ])
  })

  it('keeps day ranges "30./31. Oktober" and "1.-3. Juni" inside one sentence', () => {
    expect(splitSentences('Er reist an diesem Wochenende (30./31. Oktober) nach Rom. Danach vom 1.-3. Juni nach Paris.')).toEqual([
      'Er reist an diesem Wochenende (30./31. Oktober) nach Rom.',
      'Danach vom 1.-3. Juni nach Paris.',
    ])
  })

  it('keeps "26. April 2024" and other ordinals inside one sentence', () => {
    expect(splitSentences('Am 26. April 2024 landete der Minister. Im 21. Jahrhundert ist das normal.')).toEqual([
      'Am 26. April 2024 landete der Minister.',
      'Im 21. Jahrhundert ist das normal.',
    ])
  })

  it('does not split after Dr., u.a., z.B. and initials', () => {
    expect(splitSentences('Er traf u.a. Dr. Beispiel und z.B. George W. Bush. Dann flog er heim.')).toEqual([
      'Er traf u.a. Dr. Beispiel und z.B. George W. Bush.',
      'Dann flog er heim.',
    ])
  })

  it('splits after a quotation and keeps the closing mark with its sentence', () => {
    expect(splitSentences('„Wir sind bereit.“ Das sagte der Minister.')).toEqual(['„Wir sind bereit.“', 'Das sagte der Minister.'])
  })
})

describe('segmentSentences', () => {
  it('puts the title at index 0 and numbers paragraphs from 1', () => {
    const s = segmentSentences('Ein Titel', ['Satz eins. Satz zwei.', 'Satz drei.'])
    expect(s.map((x) => [x.index, x.paragraph, x.text])).toEqual([
      [0, 0, 'Ein Titel'],
      [1, 1, 'Satz eins.'],
      [2, 1, 'Satz zwei.'],
      [3, 2, 'Satz drei.'],
    ])
  })
})

describe('long paragraphs', () => {
  const sentence = (i: number) => `Der Handel wuchs im Jahr ${2000 + (i % 25)} um 1,5 Mrd. Dollar, sagte der Minister am 26. April. `
  const runOn = Array.from({ length: 400 }, (_, i) => sentence(i)).join('')

  it('feeds the segmenter blocks that put the paragraph back together unchanged', () => {
    const blocks = [...paragraphBlocks(runOn)]
    expect(blocks.length).toBeGreaterThan(10)
    expect(blocks.join('')).toBe(runOn)
    for (const block of blocks.slice(0, -1)) expect(block).toMatch(/[.!?]\s+$/)
  })

  it('splits a paragraph of many thousand characters into the same sentences as short ones', () => {
    const sentences = splitSentences(runOn)
    expect(sentences).toHaveLength(400)
    expect(sentences[123]).toBe(sentence(123).trim())
  })

  it('cuts text without any sentence mark at a space, losing nothing', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `wort${i}`).join(' ')
    const blocks = [...paragraphBlocks(words)]
    expect(blocks.length).toBeGreaterThan(1)
    expect(blocks.join('')).toBe(words)
  })
})

describe('segmentsOf', () => {
  it('cuts as Intl.Segmenter does, on German cases', () => {
    for (const text of [
      'Putins Besuch kostet 1,5 Mrd. US-Dollar. Im Frühjahr kam er wieder.',
      'Am Mittwoch reiste er ab. „Wir sind Partner.“ Dann flog er nach Peking.',
      'Die U.S.A. zahlen 3.5 Mrd. Euro. z.B. dann. Ist das so? Ja! Nein?! Gut … weiter.',
      'Er sagte: "Nein." (Das war 2022.) Danach: nichts; ‚so‘ – oder – »anders«. 5 Dann. 5 dann.',
    ]) {
      expect(segmentsOf(text)).toEqual(icuSegments(text))
    }
  })

  it('cuts any text of the characters it classifies as Intl.Segmenter does, and leaves other text to it', () => {
    const alphabet = [
      ...'aZßäÄöÜéÉçªºµſĳǅǈΩωдЖ中あאx',
      ...'0123456789',
      ...' \t\u00A0',
      ...'.!?',
      ...'"\'()[]{}«»‹›‘’‚‛“”„‟',
      ...',-:;–—',
      ...'#$%&*+/<=>@\\^_`|~§°©®×÷±²³¹¼½¾¢£¥¤¦¨¬¯´¶·¸¡¿…€₽•‰†‡′″',
      // characters left to Intl.Segmenter
      ...'\u0301\u00AD\u2028。‼٣',
      '😀',
    ]
    const common = [...'.. ..!?aAbB""', ' ', ' ', ' ']
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom(...common)), { maxLength: 40 }), (chars) => {
        const text = chars.join('')
        expect(segmentsOf(text)).toEqual(icuSegments(text))
      }),
      { numRuns: 20000 },
    )
    // 20 000 runs take about 3 s alone, more on a loaded machine: a timeout here is no counterexample
  }, 60_000)

  it('cuts every paragraph of the demo articles as Intl.Segmenter does', () => {
    const dir = join(import.meta.dirname, '../../../../../data/articles')
    let classified = 0
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        for (const block of paragraphBlocks(line.trim())) {
          if (sentenceEnds(block)) classified++
          expect(segmentsOf(block)).toEqual(icuSegments(block))
        }
      }
    }
    expect(classified).toBeGreaterThan(20)
  })
})

describe('lastWord', () => {
  it('reads the word before the final period as the pattern it replaces does', () => {
    const pattern = /(?:^|[\s(„"«»“])([\p{L}][\p{L}.]*)\.\s*$/u
    expect(lastWord('Putins Zusage über 5 Mrd.')).toBe('mrd')
    expect(lastWord('Das kostet ca. 1 Mio. US-Dollar, d.h.')).toBe('d.h')
    expect(lastWord('am 26.')).toBe('')
    const alphabet = [...'aZßÄ.. ,(„"«»“-5ﾞ', '𝔘', '\t']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
        const text = `${chars.join('')}.`
        expect(lastWord(text)).toBe(pattern.exec(text)?.[1]?.toLowerCase() ?? '')
      }),
      { numRuns: 5000 },
    )
  })
})

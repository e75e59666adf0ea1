import { describe, expect, it } from 'vitest'
import { paragraphBlocks, segmentSentences, splitSentences } from '../../../pipeline/segment-sentences.ts'

describe('splitSentences', () => {
  it('keeps "1,5 Mrd. Dollar" inside one sentence', () => {
    expect(splitSentences('Der Vertrag hat einen Wert von 1,5 Mrd. Dollar. Er läuft zehn Jahre.')).toEqual([
      'Der Vertrag hat einen Wert von 1,5 Mrd. Dollar.',
      'Er läuft zehn Jahre.',
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

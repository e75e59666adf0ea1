import { describe, expect, it } from 'vitest'
import { actorNames, displayName, nameOf } from '../../../src/i18n/names.ts'

const ACTORS = [
  { id: 'lawrow', name: 'Sergej Lawrow', en: 'Sergey Lavrov' },
  { id: 'xi', name: 'Xi Jinping' },
]

describe('actor names', () => {
  it('are English in the English UI where the registry gives an English name, German otherwise', () => {
    expect(displayName(ACTORS[0]!, 'en')).toBe('Sergey Lavrov')
    expect(displayName(ACTORS[0]!, 'de')).toBe('Sergej Lawrow')
    expect(displayName(ACTORS[1]!, 'en')).toBe('Xi Jinping')
    const names = actorNames(ACTORS, 'en')
    expect(nameOf('lawrow', names)).toBe('Sergey Lavrov')
    expect(nameOf('unbekannt-1', names)).toBe('unbekannt-1')
  })
})

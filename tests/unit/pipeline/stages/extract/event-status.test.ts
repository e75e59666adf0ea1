import { describe, expect, it } from 'vitest'
import { readStatus } from '../../../../../pipeline/stages/extract/event-status.ts'
import type { StatusInput } from '../../../../../pipeline/stages/extract/event-status.ts'

/** The status of a clause whose trigger is `trigger` (found in the clause), with the article dated `published`. */
function statusOf(clause: string, trigger: string, more: Partial<StatusInput> = {}) {
  const at = clause.indexOf(trigger)
  return readStatus({ clause, trigger, triggerBefore: clause.slice(0, at), hasTime: false, timeKind: null, date: null, published: '2024-05-15', ...more })
}

describe('readStatus', () => {
  it('reads an arrival as happened, also the separable "trafen … ein"', () => {
    expect(statusOf('Macron ist in Peking eingetroffen', 'eingetroffen')).toMatchObject({ status: 'happened', rule: 'arrival', cue: 'eingetroffen' })
    expect(statusOf('In der Stadt trafen am Mittwoch Xi und Modi ein', 'trafen', { hasTime: true, timeKind: 'weekday' })).toMatchObject({ status: 'happened', rule: 'arrival' })
  })

  it('reads the start of a stay just told as ongoing, but not one dated before the article', () => {
    expect(statusOf('Xi hat zum Auftakt eines mehrtägigen Staatsbesuchs in Russland die Freundschaft betont', 'Staatsbesuchs')).toMatchObject({ status: 'ongoing', rule: 'stay-begun' })
    expect(statusOf('Xi hatte zu Beginn seines Besuchs im März Putin gelobt', 'Besuchs', { hasTime: true, timeKind: 'month', date: '2024-03' }).status).toBe('happened')
  })

  it('reads guests of a summit as ongoing unless the text tells it as past', () => {
    expect(statusOf('Die Gipfelgäste, unter ihnen Macron, seien ein Beweis', 'Gipfelgäste')).toMatchObject({ status: 'ongoing', rule: 'guest' })
    expect(statusOf('Macron war im Mai Gast des Gipfels', 'Gast', { hasTime: true, timeKind: 'month', date: '2024-05' }).status).toBe('happened')
  })

  it('reads a present tense with a named day as planned when the day cannot be compared with the article\'s', () => {
    expect(statusOf('Li reist an diesem Sonntag nach Russland', 'reist', { hasTime: true, timeKind: 'weekday', date: '2024-05', published: '2024-05' })).toMatchObject({ status: 'planned', rule: 'present-with-day' })
    expect(statusOf('Li reist an diesem Sonntag nach Russland', 'reist', { hasTime: true, timeKind: 'weekday', date: '2024-05-15', published: '2024-05-15' }).status).toBe('ongoing')
  })

  it('reads a present passive naming who is there as ongoing, not as a future: "wird von Lawrow vertreten"', () => {
    expect(statusOf('Frankreich wird in Genf von seiner Außenministerin vertreten', 'Genf')).toMatchObject({ status: 'ongoing', rule: 'present-passive' })
    expect(statusOf('Der Gast wird am Freitag von Xi empfangen', 'empfangen', { hasTime: true, timeKind: 'weekday', date: '2024-05' })).toMatchObject({ status: 'planned' })
    expect(statusOf('Scholz wird nach Genf reisen', 'reisen').status).toBe('invited')
  })

  it('reads the next leg told in the present, and a trip after "bevor", as planned; told in the past as happened', () => {
    expect(statusOf('Danach reist die Kanzlerin weiter nach Hanoi', 'reist')).toMatchObject({ status: 'planned', rule: 'next-leg' })
    expect(statusOf('bevor der Minister nach Seoul fliegt', 'fliegt')).toMatchObject({ status: 'planned', rule: 'next-leg' })
    expect(statusOf('bevor der Minister nach Seoul geflogen ist', 'geflogen').status).toBe('happened')
    expect(statusOf('Danach reiste die Kanzlerin weiter nach Hanoi', 'reiste').status).toBe('happened')
  })

  it('reads plural and list forms of presence as ongoing: "nehmen … teil", "Unter den Teilnehmern sind"', () => {
    expect(statusOf('An der Konferenz nehmen auch die Präsidenten Kenias und Chiles teil', 'Konferenz')).toMatchObject({ status: 'ongoing', rule: 'present' })
    expect(statusOf('Unter den Teilnehmern sind die Regierungschefs aus Asien', 'Teilnehmern')).toMatchObject({ status: 'ongoing' })
    expect(statusOf('An der Konferenz nahmen die Präsidenten teil', 'Konferenz', { hasTime: true, timeKind: 'month', date: '2024-03' }).status).toBe('happened')
  })

  it('reads presence in the present at a summit that began a day or two before the article as ongoing', () => {
    const at = { hasTime: true, timeKind: null, date: '2024-05-13', published: '2024-05-15', occasion: true }
    expect(statusOf('Am Forum nehmen auch die Präsidenten Kenias und Chiles teil', 'Forum', at).status).toBe('ongoing')
    expect(statusOf('Am Forum nehmen auch die Präsidenten Kenias und Chiles teil', 'Forum', { ...at, date: '2024-05-01' }).status).toBe('happened')
    expect(statusOf('Am Forum nehmen auch die Präsidenten Kenias und Chiles teil', 'Forum', { ...at, occasion: false }).status).toBe('happened')
  })

  it('shows a long separable cue by its two ends', () => {
    expect(statusOf('An der Konferenz nehmen auch die Präsidenten Kenias, Chiles und Perus mit ihren Ministern teil', 'Konferenz').cue).toBe('nehmen … teil')
  })

  it('reads a stay in the present as ongoing ("ist zu einem zweitägigen Staatsbesuch", "ist seit Dienstag in …"), "gegen" as no participle', () => {
    expect(statusOf('Der Präsident ist zu einem zweitägigen Staatsbesuch in Japan', 'Staatsbesuch').status).toBe('ongoing')
    expect(statusOf('Der Präsident ist seit Dienstag in der Hauptstadt, trotz Protesten gegen ihn', 'Hauptstadt').status).toBe('ongoing')
    expect(statusOf('Der Präsident war im Mai in Japan, trotz Protesten gegen ihn', 'Japan', { hasTime: true, timeKind: 'month', date: '2024-05' }).cue).not.toMatch(/gegen/)
  })

  it('reads a stay of named days around the article\'s day as ongoing, one that is over or has been as happened', () => {
    expect(statusOf('Modi ist vom 14. bis 17. Mai zu einem Staatsbesuch in Japan', 'Staatsbesuch', { hasTime: true, timeKind: 'date', date: '2024-05-14' })).toMatchObject({ status: 'ongoing', rule: 'stay-covers-date' })
    expect(statusOf('Modi war vom 4. bis 7. Mai zu einem Staatsbesuch in Japan', 'Staatsbesuch', { hasTime: true, timeKind: 'date', date: '2024-05-04' }).status).toBe('happened')
    expect(statusOf('Modi ist im März zu einem Besuch in Japan gewesen', 'Besuch', { published: null }).status).toBe('happened')
  })

  it('reads a future about the trip as planned even inside "beim Gipfel", not one about what is said there', () => {
    expect(statusOf('Putin wird am Wochenende beim Treffen der SOZ erwartet', 'Treffen', { hasTime: true, timeKind: 'weekday' })).toMatchObject({ status: 'planned', rule: 'future-dated' })
    expect(statusOf('Bei Xis Besuch in Moskau soll es um die Beziehungen gehen', 'Besuch').status).toBe('happened')
  })

  it('reads a hedged future as planned when it has a time, invited when it has none', () => {
    expect(statusOf('Xi dürfte im Herbst nach Moskau reisen', 'reisen', { hasTime: true, timeKind: 'season' }).status).toBe('planned')
    expect(statusOf('Xi dürfte nach Moskau reisen', 'reisen').status).toBe('invited')
  })

  it('keeps a past tense that belongs to what was done during a visit weak', () => {
    expect(statusOf('Putin hat bei einem Staatsbesuch von Xi in Moskau den Handel gelobt', 'Staatsbesuch')).toMatchObject({ status: 'happened', strong: false })
    expect(statusOf('Xi besuchte Moskau', 'besuchte')).toMatchObject({ status: 'happened', strong: true, rule: 'past-tense' })
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanText, DROP_ANYWHERE, looksGerman } from '../../../../../pipeline/stages/text/clean-text.ts'

const lines = (text: string): string[] => cleanText(text).lines

describe('cleanText', () => {
  it('drops photo credits, agency tags, site tags and section labels, but keeps captions', () => {
    const text = [
      'Politik',
      'Kanzler reist nach Tokio',
      'Der Kanzler winkt bei der Ankunft am Flughafen.Foto: Erika Beispiel/dpa',
      'Foto: Max Muster/AFP',
      'Anna Bildner / Kremlin Pool',
      '(Foto: picture alliance/dpa)',
      'Der Kanzler traf am Montag den Premierminister. (afp/xy)',
      'Titelbild',
      'source site-12',
      'welt-nachrichten',
      'Mehr «International»',
    ].join('\n')
    expect(lines(text)).toEqual([
      'Kanzler reist nach Tokio',
      'Der Kanzler winkt bei der Ankunft am Flughafen.',
      'Der Kanzler traf am Montag den Premierminister.',
    ])
  })

  it('strips a parenthesized agency credit from the end of a caption', () => {
    expect(lines('Titel\nZwei Minister geben sich die Hand (POOL/AFP über Getty Images)')).toEqual([
      'Titel',
      'Zwei Minister geben sich die Hand',
    ])
  })

  it("cuts an agency's editor codes from the end of a paragraph, but keeps slashes in the text", () => {
    expect(lines('Titel\nDer Minister will die Beziehungen vertiefen./abc/DP/xyz\nDie Gespräche in Moskau/Peking dauern an./ab/cd')).toEqual([
      'Titel',
      'Der Minister will die Beziehungen vertiefen.',
      'Die Gespräche in Moskau/Peking dauern an.',
    ])
    expect(lines('Titel\nDas Verhältnis Kosten/Nutzen sei gut, sagte er und/oder sie.')).toEqual(['Titel', 'Das Verhältnis Kosten/Nutzen sei gut, sagte er und/oder sie.'])
  })

  it('drops topic tags and breadcrumbs, but keeps a sentence that starts like a tag or has a "|"', () => {
    const text = [
      'Startseite > Politik > Ausland',
      'Titel',
      'Der Minister sprach in Wien lange mit seinem Amtskollegen.',
      'Themen: Österreich, Handel, Max Mustermann',
      'Schlagworte: Energie | Handel',
      'Politik | Ausland | Europa',
      'Themen: Der Minister will im Herbst über Handel und Energie sprechen.',
      'Die Zahl der Gäste (Kinder | Erwachsene) stieg.',
    ].join('\n')
    expect(lines(text)).toEqual([
      'Titel',
      'Der Minister sprach in Wien lange mit seinem Amtskollegen.',
      'Themen: Der Minister will im Herbst über Handel und Energie sprechen.',
      'Die Zahl der Gäste (Kinder | Erwachsene) stieg.',
    ])
  })

  it('drops contribution, source, copyright and broadcast lines', () => {
    const text = [
      'Titel',
      'Der Gipfel endete ohne Erklärung.',
      'AP und Reuters haben zu diesem Bericht beigetragen',
      'Quelle: beispiel.de, abc/dpa',
      '© Thomson Reuters 2023. Alle Rechte vorbehalten.',
      'Diese Nachricht wurde am 01.03.2020 im Programm Beispielfunk gesendet.',
    ].join('\n')
    expect(lines(text)).toEqual(['Titel', 'Der Gipfel endete ohne Erklärung.'])
  })

  it('cuts the comment area and newsletter box at the end of the page', () => {
    const text = [
      'Titel',
      'Der Minister sprach lange mit seinem Amtskollegen.',
      'Kommentare',
      'Liebe Leser,',
      'bitte bleiben Sie sachlich.',
      'Leave a Reply',
    ].join('\n')
    expect(lines(text)).toEqual(['Titel', 'Der Minister sprach lange mit seinem Amtskollegen.'])
    const social = 'Titel\nEin Satz über Handel und Politik steht hier.\nSocial Networks\nNewsletter\nIch möchte gerne Nachrichten per E-Mail erhalten.'
    expect(lines(social)).toEqual(['Titel', 'Ein Satz über Handel und Politik steht hier.'])
  })

  it('reads a share bar above the article ("Artikel teilen" under the date) as a dropped line, not the end of the page', () => {
    const body = [
      'Zum Auftakt des Treffens in der Hauptstadt sprachen die beiden Außenminister mehr als zwei Stunden über den Handel, die Energie und die Lage an der Grenze.',
      'Beide Seiten hätten sich auf einen Fahrplan für weitere Gespräche geeinigt, sagte ein Sprecher des Ministeriums nach dem Treffen vor Journalisten.',
      'Im Herbst soll ein Gegenbesuch folgen, bei dem auch ein Abkommen über die Zusammenarbeit bei der Eisenbahn unterzeichnet werden könnte.',
    ]
    expect(lines(['Titel', 'Ein kurzer Vorspann.', '03.07.2024, 16:48', 'Artikel teilen', ...body].join('\n'))).toEqual(['Titel', 'Ein kurzer Vorspann.', ...body])
    // at the end of the article it still ends the page
    expect(lines(['Titel', ...body, 'Artikel teilen', 'Ein Satz, der schon zur Seitenleiste mit vielen anderen Meldungen gehört.'].join('\n'))).toEqual(['Titel', ...body])
  })

  it('drops the teaser after "Passend zum Artikel"', () => {
    const { lines } = cleanText(['Titel', 'Der Minister sprach lange mit seinem Amtskollegen über den Handel.', 'Passend zum Artikel', 'Wie Peking in Asien Moskau verdrängt'].join('\n'))
    expect(lines).toEqual(['Titel', 'Der Minister sprach lange mit seinem Amtskollegen über den Handel.'])
  })

  it('drops a teaser block in the middle of the page but keeps the article after it', () => {
    const text = [
      'Titel',
      'Der Minister sprach lange mit seinem Amtskollegen.',
      'Mehr zum Thema',
      'Gipfel in Sicht: Was Peking jetzt plant',
      'Handel wächst: Die neuen Zahlen',
      'Am Abend reiste der Minister weiter nach Wien, wo er mit der Regierung über Energie und Handel sprechen will.',
      'Lesen Sie auch: Wie der Gipfel vorbereitet wurde',
      'Verwendete Quellen:',
      'Nachrichtenagentur Beispiel',
    ].join('\n')
    expect(lines(text)).toEqual([
      'Titel',
      'Der Minister sprach lange mit seinem Amtskollegen.',
      'Am Abend reiste der Minister weiter nach Wien, wo er mit der Regierung über Energie und Handel sprechen will.',
    ])
  })

  it('drops a list of other articles: headlines, their agency leads, cut-off leads, a headline said twice and the prose between', () => {
    const text = [
      'Titel',
      'Der Minister sprach in Wien lange mit seinem Amtskollegen über den Handel.',
      'Auch interessant',
      'Meistgelesene Artikel',
      'Hitzewelle: Spanien meldet Rekordwerte',
      'Madrid (dpa) - In Spanien sind am Wochenende so hohe Temperaturen gemessen worden wie noch nie seit Beginn der Aufzeichnungen.',
      'Wahlkampf: Kanzlerin lobt die Opposition',
      'Ungewöhnlich ist ein solches Lob mitten im Wahlkampf, zumal die Umfragen eng sind und die Parteien um jede Stimme kämpfen.',
      'Wahlkampf: Kanzlerin lobt die Opposition',
      'Umfrage: Mehrheit für mehr Geld für die Bahn',
      'Berlin (dpa) - Eine Mehrheit der Befragten wünscht sich, dass der Staat mehr Geld in die Bahn und ihre …',
    ].join('\n')
    expect(lines(text)).toEqual(['Titel', 'Der Minister sprach in Wien lange mit seinem Amtskollegen über den Handel.'])
  })

  it('keeps the article after a teaser block: prose lines that no agency lead or repeated headline follows', () => {
    const text = [
      'Titel',
      'Der Minister sprach in Wien lange mit seinem Amtskollegen über den Handel.',
      'Mehr zum Thema',
      'Gipfel in Sicht: Was die Regierung jetzt plant',
      'Am Abend reiste der Minister weiter nach Prag, wo er mit der Regierung über Energie und Handel sprechen will.',
      'Neue Pläne für die Bahn',
      'Dort will er auch über den Ausbau der Strecken nach Süden reden, für den beide Länder seit Jahren Geld suchen.',
    ].join('\n')
    expect(lines(text)).toEqual([
      'Titel',
      'Der Minister sprach in Wien lange mit seinem Amtskollegen über den Handel.',
      'Am Abend reiste der Minister weiter nach Prag, wo er mit der Regierung über Energie und Handel sprechen will.',
      'Dort will er auch über den Ausbau der Strecken nach Süden reden, für den beide Länder seit Jahren Geld suchen.',
    ])
  })

  it('removes the date header and page stamp but keeps the headline around them', () => {
    expect(lines(' date 2023-02 Gipfel in Sicht Stand: 22.02.2023 16:00 Uhr\nText des Artikels folgt hier.')).toEqual([
      'Gipfel in Sicht',
      'Text des Artikels folgt hier.',
    ])
  })

  it('drops publication stamp lines', () => {
    expect(lines('Titel\nVeröffentlicht am 12.04.2022 | Lesezeit: 3 Min.\nAktualisiert am 3. Mai 2021, 10:15 Uhr\nEin Satz.')).toEqual(['Titel', 'Ein Satz.'])
  })

  it('keeps a dateline as text', () => {
    expect(lines('Titel\nMOSKAU: Der Präsident sprach mit Gästen.')).toEqual(['Titel', 'MOSKAU: Der Präsident sprach mit Gästen.'])
  })

  it('drops outlet stamps and slash headers that only carry a date', () => {
    expect(lines('Beispielzeitung26. April 2024\nTitel\nEin Satz.')).toEqual(['Titel', 'Ein Satz.'])
    expect(lines('beispiel.de / 22.05.2014 / Politik / Seite 6\nTitel\nEin Satz.')).toEqual(['Titel', 'Ein Satz.'])
  })

  it('returns no lines for a page of furniture only', () => {
    expect(lines('Politik\nFoto: Jemand/dpa\nTitelbild\n')).toEqual([])
  })

  it('still finds furniture in any letter case after the cheap word tests', () => {
    expect(
      lines(
        'Titel\nALLE RECHTE VORBEHALTEN.\nDer NEWSLETTER lässt sich hier abonnieren\nWeitere Angaben zur DATENSCHUTZERKLÄRUNG\nEin Satz.',
      ),
    ).toEqual(['Titel', 'Ein Satz.'])
    expect(lines('Titel\nSTAND: 3.5.2021 Ein Satz mit Stempel.\nNoch ein Satz.')).toEqual(['Titel', 'Ein Satz mit Stempel.', 'Noch ein Satz.'])
  })

  it('strips a credit and an agency tag glued to a caption, and collapses tabs and double spaces', () => {
    expect(lines('Titel\nDer Gast winkt am Flughafen. Foto: Erika Muster\nEin\tSatz  mit Lücken. (dpa)')).toEqual([
      'Titel',
      'Der Gast winkt am Flughafen.',
      'Ein Satz mit Lücken.',
    ])
  })

  it('keeps prose lines that pass every quick test untouched, collapsing only tabs and runs of spaces (decodeText has made other spaces plain)', () => {
    expect(
      lines('Putins Zusage über 5 Mrd. US-Dollar kam im Frühjahr.\nAm Mittwoch\u2003folgte  die Reise\tnach Peking.\nEin Satz.'),
    ).toEqual(['Putins Zusage über 5 Mrd. US-Dollar kam im Frühjahr.', 'Am Mittwoch\u2003folgte die Reise nach Peking.', 'Ein Satz.'])
  })

  it('keeps a prose line with a slash or a date that is no header, credit or stamp', () => {
    expect(lines('Titel\nDie Gespräche am 4. Mai 2023 brachten wenig, hieß es in Berlin/Moskau.\nEin Satz.')).toEqual([
      'Titel',
      'Die Gespräche am 4. Mai 2023 brachten wenig, hieß es in Berlin/Moskau.',
      'Ein Satz.',
    ])
  })
})

describe('DROP_ANYWHERE', () => {
  it('guards every pattern with a word the pattern cannot match without', () => {
    for (const { word, pattern } of DROP_ANYWHERE) {
      // the guard is compared with the lower-cased line, so the pattern must be case-insensitive, without
      // the u flag (whose case folding lets "ſ" match "s"), and spell the word itself
      expect(pattern.flags).toContain('i')
      expect(pattern.flags).not.toContain('u')
      expect(pattern.source.toLowerCase().replace(/\\b/g, '')).toContain(word)
    }
  })
})

describe('looksGerman', () => {
  it('tells German from English text', () => {
    expect(looksGerman('Der Präsident ist am Montag nach Peking gereist und hat dort mit dem Staatschef gesprochen.')).toBe(true)
    expect(looksGerman('The president travelled to Beijing on Monday and held talks with the head of state there.')).toBe(false)
  })

  it('decides as counting every word of the text would', () => {
    const words = ['der', 'die', 'und', 'the', 'and', 'los', 'Putins', 'Mrd', 'Frühjahr', 'Mittwoch', 'İstanbul', 'ßß', 'werden', 'Werdende']
    const plain = (text: string): boolean => {
      const all = text.toLowerCase().match(/\p{L}+/gu) ?? []
      if (all.length < 5) return all.length > 0
      const german = all.filter((w) => ['der', 'die', 'und', 'werden'].includes(w)).length
      const other = all.filter((w) => ['the', 'and', 'los'].includes(w)).length
      return german >= 2 && german > other && german / all.length >= 0.05
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.constantFrom(' ', '-', '. ', '1'), (list, glue) => {
        const text = list.join(glue)
        expect(looksGerman(text)).toBe(plain(text))
      }),
      { numRuns: 300 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { estimateDate } from '../../../../../pipeline/stages/time/estimate-date.ts'
import { parseOccasions } from '../../../../../pipeline/stages/time/occasions.ts'
import { OCCASIONS } from '../../gazetteers.ts'
import { extractDate } from '../../../../../pipeline/stages/time/extract-date.ts'

describe('estimateDate: a day from anchors plus the weekday of the news', () => {
  it('dates a conference "am vergangenen Wochenende" inside an approximate offset, then takes the weekday', () => {
    const text = [
      'Chinas Außenminister ist am Dienstag zu Gesprächen in Moskau eingetroffen.',
      'Auf der Sicherheitskonferenz in München am vergangenen Wochenende hatte er für eine Waffenruhe geworben.',
      'Knapp zwei Jahre nach der Invasion der Ukraine sucht Peking eine Vermittlerrolle.',
    ].join(' ')
    // conference weekend 16–18 Feb 2024; the Tuesday after it
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2024-02-20')
  })

  it('picks the one known state visit inside the range an offset leaves', () => {
    const text = [
      'Der chinesische Staatschef Xi ist am Montag zu einem Staatsbesuch in Moskau eingetroffen.',
      'Die Reise kommt etwa ein Jahr, nachdem Russland die Invasion der Ukraine begonnen hatte.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2023-03-20')
  })

  it('reads the year from an anniversary of a dated founding and finds the visit of that year', () => {
    const text = [
      'Putin und Xi unterzeichneten am Donnerstag bei ihrem Treffen in Peking eine Erklärung.',
      'Beide würdigten den 70. Jahrestag des Sieges im Jahr 1945 mit einer Parade.',
    ].join('\n')
    // 1945 + 70 = 2015; Putin's only trip to China that year was 2–3 September (a Wednesday and a Thursday)
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2015-09-03')
  })

  it('gives "gestern" the day after a dated event', () => {
    const text = [
      'Putin war gestern zur Eröffnung der Olympischen Winterspiele in Peking eingetroffen.',
      'Acht Jahre nach der Annexion der Krim steht Russland unter Druck.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2022-02-05')
  })

  it('leaves "heute" undated when a visit alone could be any of several years', () => {
    const text = [
      'Xi begrüßte Putin heute in Peking mit militärischen Ehren.',
      'Er überreichte dem Gast eine Medaille der Volksrepublik.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)).toBeNull()
  })

  it('keeps month precision when the anchors leave several days and "heute" cannot choose', () => {
    const text = [
      'Xi und Putin trafen sich heute am Rande des BRICS-Gipfels in Kasan.',
      'Der Handel wuchs im vergangenen Jahr (2023) kräftig.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2024-10')
  })

  it('reads an anniversary in words and a conference weekend', () => {
    const text = [
      'Chinas Sondergesandter wurde am Donnerstag in Kiew empfangen.',
      'Kurz vor dem zehnten Jahrestag der Krim-Annexion wirbt er für Gespräche.',
      'Schon auf der Münchner Sicherheitskonferenz am vergangenen Wochenende hatte er dafür geworben.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2024-02-22')
  })

  it('reads "vor etwa anderthalb Jahren" after an occasion as an offset forward from it', () => {
    const text = [
      'Putin und Xi trafen sich am Mittwoch in Peking.',
      'Die Invasion der Ukraine vor etwa anderthalb Jahren hat die beiden Länder enger zusammengeführt.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2023-10-18')
  })

  it('reads "im vergangenen Jahr … vor dem Einmarsch" as the year after the invasion', () => {
    const text = [
      'Außenminister Lawrow empfing am Freitag seinen Gast in Moskau.',
      'Die Partnerschaft hatten beide im vergangenen Jahr kurz vor dem Einmarsch in die Ukraine besiegelt.',
      'Auf der Sicherheitskonferenz in München am vergangenen Wochenende war das Thema noch präsent.',
    ].join('\n')
    // MSC 17–19 Feb 2023; the Friday after it
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2023-02-24')
  })
})

describe('estimateDate: which day is the news day', () => {
  it('skips a weekday told in the pluperfect and keeps the later news day', () => {
    const text = [
      'Die Regierung hatte am Montag neue Sanktionen angekündigt.',
      'Xi ist am Mittwoch zu einem Staatsbesuch in Moskau eingetroffen, etwa ein Jahr nach der Invasion der Ukraine.',
    ].join('\n')
    // Xi's Moscow visit 20–22 March 2023: the Wednesday, not the Monday
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2023-03-22')
  })

  it('finds a visit in the sentence that names a one-off event, and without a news day keeps the month', () => {
    const text = 'Zur Eröffnung der Olympischen Winterspiele ist Putin in Peking eingetroffen. Dort traf er Xi Jinping.'
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2022-02')
  })
})

describe('estimateDate: occasions named as still to come', () => {
  const table = parseOccasions({
    occasions: [
      { id: 'gipfel', kind: 'reference', pattern: 'Gipfel von Anna und Bert', dates: [['2031-06-20', '2031-06-20'], ['2033-03-01', '2033-03-01']], announced: ['2031-05-01', '2033-01-15'] },
      { id: 'besuch', kind: 'visit', traveller: 'Carl', place: 'Rom', dates: [['2031-06-02', '2031-06-04'], ['2032-06-02', '2032-06-04']] },
    ],
  })

  it('a planned occasion bounds the date from both sides and picks the one visit inside; the welcome gives its first day', () => {
    const text = 'Der Gastgeber begrüßte Carl heute in Rom. Beide dürften über den geplanten Gipfel von Anna und Bert sprechen.'
    expect(estimateDate(text, table)).toMatchObject({ date: '2031-06-02', reasons: ['bounds', 'besuch'] })
  })

  it('the same occasion named as past is a lower bound instead: only the later visit is left', () => {
    const text = 'Der Gastgeber begrüßte Carl heute in Rom. Der Gipfel von Anna und Bert hat die Lage verändert.'
    // after 2031-06-20 only the 2032 visit is left: one constraint from the bound, one from the visit
    expect(estimateDate(text, table)?.date).toBe('2032-06-02')
  })

  it('without a word of welcome "heute" in a three-day visit keeps the month', () => {
    const text = 'Carl spricht heute bei seinem Besuch in Rom. Beide dürften über den geplanten Gipfel von Anna und Bert sprechen.'
    expect(estimateDate(text, table)?.date).toBe('2031-06')
  })

  it('with the shipped table: a leader welcomed "heute", a summit still to come and a treaty already left', () => {
    const text = [
      'Xi Jinping empfing Putin heute in Peking mit militärischen Ehren.',
      'Seit dem Ausstieg der USA aus dem Atomabkommen ist die Lage angespannt.',
      'Auch das bevorstehende Gipfeltreffen von Trump und Kim dürfte zur Sprache kommen.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2018-06-08')
  })
})

describe('estimateDate: null when the text does not pin the date', () => {
  it('a weekday alone dates nothing', () => {
    expect(estimateDate('Putin empfing am Mittwoch den chinesischen Außenminister in Moskau zu Gesprächen.', OCCASIONS)).toBeNull()
  })

  it('a vague offset ("vor Jahren") dates nothing', () => {
    const text = 'Vor Jahren hatte Moskau nach der Annexion der Krim neue Partner gesucht. Am Mittwoch traf Lawrow in Peking ein.'
    expect(estimateDate(text, OCCASIONS)).toBeNull()
  })

  it('a visit by a leader who travels often dates nothing on its own', () => {
    expect(estimateDate('Präsident Putin ist heute zu einem Besuch in Peking eingetroffen.', OCCASIONS)).toBeNull()
  })

  it('conflicting anchors give null', () => {
    const text = [
      'Lawrow traf am Dienstag in Peking ein.',
      'Etwa ein Jahr nach der Annexion der Krim ringen beide um Einfluss.',
      'Sie feierten den 75. Jahrestag der Beziehungen, die im Jahr 1949 aufgenommen worden waren.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)).toBeNull()
  })

  it('a past date later than every anchor gives null', () => {
    const text = [
      'Lawrow traf am Dienstag in Peking ein.',
      'Etwa ein Jahr nach der Annexion der Krim ringen beide um Einfluss.',
      'Im Februar 2022 hatten beide Seiten einen Vertrag unterzeichnet.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)).toBeNull()
  })

  it('an anchor without a weekday and spanning months gives null', () => {
    expect(estimateDate('Zwei Jahre nach der Annexion der Krim sucht Russland neue Partner in Asien.', OCCASIONS)).toBeNull()
  })
})

describe('extractDate with the estimator', () => {
  it('marks an estimate from the text as estimated', () => {
    const text = 'Titel\n\nXi ist am Montag zu einem Staatsbesuch in Moskau eingetroffen. Das geschieht etwa ein Jahr, nachdem die Invasion der Ukraine begann.'
    expect(extractDate(text, OCCASIONS)).toMatchObject({ date: '2023-03-20', from: 'estimated' })
  })

  it('a printed stamp still wins over the estimate', () => {
    const text = 'Titel\nStand: 01.03.2023 10:00 Uhr\nXi ist am Montag zu einem Staatsbesuch in Moskau eingetroffen, etwa ein Jahr nach der Invasion der Ukraine.'
    expect(extractDate(text, OCCASIONS)).toMatchObject({ date: '2023-03-01', from: 'text' })
  })
})

describe('the occasion table', () => {
  it('loads data/occasions.json with every kind in use', () => {
    expect(new Set(OCCASIONS.map((o) => o.kind))).toEqual(new Set(['reference', 'event', 'summit', 'weekend', 'visit']))
  })

  it('rejects an impossible or reversed date and a visit without a place', () => {
    expect(() => parseOccasions({ occasions: [{ id: 'x', kind: 'event', pattern: 'X', dates: [['2023-02-30x', '2023-03-01']] }] })).toThrow(/x/)
    expect(() => parseOccasions({ occasions: [{ id: 'y', kind: 'event', pattern: 'Y', dates: [['2023-03-02', '2023-03-01']] }] })).toThrow(/after/)
    expect(() => parseOccasions({ occasions: [{ id: 'z', kind: 'visit', traveller: 'Xi', dates: [['2023-03-01', '2023-03-01']] }] })).toThrow(/z/)
    expect(() => parseOccasions({ occasions: [{ id: 'w', kind: 'reference', pattern: 'W', dates: [['2023-03-01', '2023-03-01']], announced: ['2023-04-01'] }] })).toThrow(/announced/)
  })

  it('a user-added occasion dates an article', () => {
    const table = parseOccasions({
      occasions: [
        { id: 'forum', kind: 'weekend', pattern: 'Beispielforum', dates: [['2030-05-10', '2030-05-12']] },
        { id: 'gruendung', kind: 'reference', pattern: 'Gründung des Bündnisses', dates: [['2025-05-13', '2025-05-13']] },
      ],
    })
    const text = 'Der Gast reiste am Mittwoch ab. Am vergangenen Wochenende tagte das Beispielforum. Fünf Jahre nach der Gründung des Bündnisses wächst es.'
    expect(estimateDate(text, table)?.date).toBe('2030-05-15')
  })
})

describe('estimateDate: a weekday and a known event (GUIDE: "weekday + known event")', () => {
  const table = parseOccasions({
    occasions: [{ id: 'vertrag', kind: 'event', pattern: 'Vertrag\\p{L}*\\s+über\\s+(?:\\p{L}+\\s+){0,3}Raumstation', dates: [['2031-05-13', '2031-05-13']] }],
  })

  it('a weekday that falls on the day of a one-off event is that day, with the event as its reference', () => {
    const text = 'Die Raumfahrtbehörden beider Länder haben einen Vertrag über eine gemeinsame Raumstation unterzeichnet. Das gab die Behörde am Dienstag bekannt.'
    expect(estimateDate(text, table)).toEqual({ date: '2031-05-13', reasons: ['vertrag'], cue: 'am Dienstag · Vertrag über eine gemeinsame Raumstation', reference: '2031-05-13' })
  })

  it('a weekday that does not fall on the event keeps the month', () => {
    const text = 'Die Raumfahrtbehörden beider Länder haben einen Vertrag über eine gemeinsame Raumstation unterzeichnet. Das gab die Behörde am Mittwoch bekannt.'
    expect(estimateDate(text, table)?.date).toBe('2031-05')
  })

  it('an event told as years ago, in the pluperfect, or as the start of a time since, is not the news', () => {
    expect(estimateDate('Vor drei Jahren unterzeichneten beide Länder einen Vertrag über eine gemeinsame Raumstation. Am Dienstag legten sie einen Zeitplan vor.', table)).toBeNull()
    expect(estimateDate('Beide Länder hatten einen Vertrag über eine gemeinsame Raumstation unterzeichnet. Am Dienstag legten sie einen Zeitplan vor.', table)).toBeNull()
    expect(estimateDate('Seit dem Vertrag über eine gemeinsame Raumstation arbeiten beide Behörden zusammen. Am Dienstag legten sie einen Zeitplan vor.', table)).toBeNull()
  })
})

describe('estimateDate: a weekday tied to a day of the month without a year', () => {
  const table = parseOccasions({
    occasions: [{ id: 'besuch', kind: 'visit', traveller: 'Carl', place: 'Rom', dates: [['2031-06-02', '2031-06-04'], ['2036-03-02', '2036-03-04']] }],
  })

  it('"an diesem Samstag" and the one date of the next sentence give the week; a visit named with its month gives the year', () => {
    const text = 'Die Delegation reist an diesem Samstag nach Oslo. Das Außenamt bestätigte am Mittwoch die Gespräche am 12. Juli. Im Juni war Carl zu einem Besuch in Rom gereist.'
    // 12 July is a Saturday in 2025, 2031, 2036 …; the June visit of 2031 leaves 2031: the Wednesday before
    expect(estimateDate(text, table)).toMatchObject({ date: '2031-07-09', reasons: ['weekday-date', 'past-month'] })
  })

  it('without a clue to the year it dates nothing', () => {
    expect(estimateDate('Die Delegation reist an diesem Samstag nach Oslo. Das Außenamt bestätigte am Mittwoch die Gespräche am 12. Juli.', table)).toBeNull()
  })

  it('"am Freitag (12. Juli)" ties the weekday to its date in one phrase', () => {
    const text = 'Die Minister treffen sich am Freitag (12. Juli) in Oslo. Im Juni war Carl zu einem Besuch in Rom gereist.'
    // 12 July is a Friday in 2030 and 2036; only a day of 2031–2032 or 2036–2037 follows a June visit: none is left
    expect(estimateDate(text, table)).toBeNull()
    const later = 'Die Minister treffen sich am Samstag (12. Juli) in Oslo. Im Juni war Carl zu einem Besuch in Rom gereist.'
    expect(estimateDate(later, table)?.date).toBe('2031-07-12')
  })

  it('a date in the next sentence that is not about the trip, or a visit only announced in that month, gives no year', () => {
    const unrelated = 'Die Delegation reist an diesem Samstag nach Oslo. Am 12. Juli feiert das Land seinen Nationalfeiertag. Im Juni war Carl zu einem Besuch in Rom gereist.'
    expect(estimateDate(unrelated, table)).toBeNull()
    const announced = 'Die Delegation reist an diesem Samstag nach Oslo. Das Außenamt bestätigte am Mittwoch die Gespräche am 12. Juli. Im Juni hatte Carl einen Besuch in Rom angekündigt.'
    expect(estimateDate(announced, table)).toBeNull()
    const yearsAgo = 'Die Delegation reist an diesem Samstag nach Oslo. Das Außenamt bestätigte am Mittwoch die Gespräche am 12. Juli. Im Juni vor fünf Jahren war Carl zu einem Besuch in Rom gereist.'
    expect(estimateDate(yearsAgo, table)).toBeNull()
  })

  it('a month named for a visit in the future is no clue to the year', () => {
    const text = 'Die Delegation reist an diesem Samstag nach Oslo. Das Außenamt bestätigte am Mittwoch die Gespräche am 12. Juli. Im Juni will Carl zu einem Besuch nach Rom reisen.'
    expect(estimateDate(text, table)).toBeNull()
  })
})

describe('estimateDate with the shipped occasions', () => {
  it('the lunar station memorandum and "am Dienstag": its day', () => {
    const text = 'Die Raumfahrtbehörden beider Länder haben ein Memorandum über eine gemeinsame Mondstation unterzeichnet. Das gab die russische Behörde am Dienstag bekannt.'
    expect(estimateDate(text, OCCASIONS)).toMatchObject({ date: '2021-03-09', reference: '2021-03-09' })
  })

  it('a visit of March named as past, a coming Sunday and its date: the Friday before', () => {
    const text = 'Der Verteidigungsminister reist an diesem Sonntag nach Moskau. Beide Seiten bestätigten am Freitag Gespräche vom 16. bis zum 18. April. Im März war Xi zu einem Staatsbesuch in Moskau gewesen.'
    expect(estimateDate(text, OCCASIONS)).toMatchObject({ date: '2023-04-14', reasons: ['weekday-date', 'past-month'] })
  })
})

describe('the occasions added for Russia–China reporting', () => {
  const cases: [id: string, yes: string, no: string][] = [
    ['ilrs-memorandum', 'ein Memorandum über den Bau einer gemeinsamen Mondstation', 'eine Mission zur Mondstation der NASA'],
    ['power-of-siberia-opening', 'die Inbetriebnahme der Gasleitung Kraft Sibiriens', 'der Bau der Leitung Kraft Sibiriens 2'],
    ['china-position-paper', 'Chinas Positionspapier zum Ukraine-Krieg', 'ein Positionspapier zur Klimapolitik'],
    ['icc-warrant-putin', 'der Haftbefehl des Internationalen Strafgerichtshofs gegen Putin', 'ein Haftbefehl gegen einen Oligarchen'],
    ['wagner-mutiny', 'nach dem Aufstand der Söldnertruppe Wagner', 'die Gruppe Wagner in Afrika'],
    ['russia-mobilisation', 'die russische Teilmobilmachung', 'eine Teilmobilmachung in der Ukraine'],
    ['navalny-death', 'nach dem Tod des Kremlkritikers Alexej Nawalny', 'die Vergiftung Nawalnys'],
    ['ukraine-invasion', 'seit dem Beginn des Ukraine-Kriegs', 'der Beginn der Gespräche über die Ukraine'],
    ['ukraine-invasion', 'nach Ausbruch des Krieges gegen die Ukraine', 'der Ausbruch des Krieges in Syrien'],
  ]
  for (const [id, yes, no] of cases) {
    it(`${id}: "${yes}", not "${no}"`, () => {
      const o = OCCASIONS.find((x) => x.id === id)
      expect(o).toBeDefined()
      const re = new RegExp(o?.pattern ?? '^$', 'u')
      expect(re.test(yes)).toBe(true)
      expect(re.test(no)).toBe(false)
    })
  }
})

describe('estimateDate: a lower bound picks one occurrence of a summit held in the same city each time', () => {
  it('"seit Beginn des Ukraine-Kriegs" leaves the forum of 2023, and its Wednesday is the day', () => {
    const text = [
      'Seidenstraßen-Forum: Gastgeber Xi empfängt Staatsgäste',
      'Zum zweiten Mal seit Beginn des Ukraine-Kriegs hat Putin am Mittwoch in Peking mit Xi gesprochen.',
      'Er nimmt am Seidenstraßen-Forum teil.',
    ].join('\n')
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2023-10-18')
  })

  it('the parts of a headline are read apart: the future after its dash does not make the summit before it a plan', () => {
    const body = 'Die Außenminister berieten am Freitag in Duschanbe, einen Monat nach der Machtübernahme der Taliban.'
    expect(estimateDate(`SOZ-Gipfel in Duschanbe: Minister unter sich – Teheran wird Mitglied\n${body}`, OCCASIONS)?.date).toBe('2021-09-17')
    // the summit told in the future itself stays no news of the day: only the month the offset leaves
    expect(estimateDate(`SOZ-Gipfel in Duschanbe wird eröffnet\n${body}`, OCCASIONS)?.date).toBe('2021-09')
  })

  it('without a bound the weekday picks the one occurrence it falls in, and dates nothing when it falls in two', () => {
    const forum = (day: string): string => ['Seidenstraßen-Forum: Gastgeber Xi empfängt Staatsgäste', `Putin hat ${day} in Peking mit Xi gesprochen.`, 'Er nimmt am Seidenstraßen-Forum teil.'].join('\n')
    // 2017: 14–15 May (Sun–Mon), 2019: 25–27 April (Thu–Sat), 2023: 17–18 October (Tue–Wed), each with the next day
    expect(estimateDate(forum('am Mittwoch'), OCCASIONS)?.date).toBe('2023-10-18')
    expect(estimateDate(forum('am Dienstag'), OCCASIONS)).toBeNull()
  })

  it('"zum Auftakt" is the first day: a Sunday then fits 2017 only, not the Sunday after the forum of 2019', () => {
    const text = 'Xi hat zum Auftakt des Seidenstraßen-Forums neue Kredite angekündigt. Er sprach am Sonntag in Peking.'
    expect(estimateDate(text, OCCASIONS)?.date).toBe('2017-05-14')
    expect(estimateDate('Xi hat beim Seidenstraßen-Forum neue Kredite angekündigt. Er sprach am Sonntag in Peking.', OCCASIONS)).toBeNull()
  })
})

describe('estimateDate: a summit still to come this week, a visit told in the agency lead', () => {
  const table = parseOccasions({
    occasions: [
      { id: 'gipfel', kind: 'summit', pattern: 'Beispielgipfel\\p{L}*', dates: [['2031-06-06', '2031-06-07'], ['2033-05-20', '2033-05-21']] },
      { id: 'besuch', kind: 'visit', traveller: 'Carl', place: 'Rom', dates: [['2031-06-02', '2031-06-04'], ['2033-06-01', '2033-06-03']] },
    ],
  })

  it('"Ende der Woche beim Beispielgipfel erwartet" and the visit of the lead leave three days of one month', () => {
    const text = 'Rom (dpa) - Der Gastgeber hat bei einem Besuch seines Kollegen Carl in Rom den Handel gelobt. Beide werden Ende der Woche beim Beispielgipfel erwartet.'
    expect(estimateDate(text, table)).toMatchObject({ date: '2031-06', reasons: ['coming-occasion', 'besuch'], reference: '2031-06-06' })
  })

  it('without the time ahead, or with the summit told as past, the visit alone dates nothing', () => {
    expect(estimateDate('Rom (dpa) - Der Gastgeber hat bei einem Besuch seines Kollegen Carl in Rom den Handel gelobt. Beide werden beim Beispielgipfel erwartet.', table)).toBeNull()
    expect(estimateDate('Rom (dpa) - Der Gastgeber hat bei einem Besuch seines Kollegen Carl in Rom den Handel gelobt. Beide waren Ende der Woche beim Beispielgipfel.', table)).toBeNull()
  })

  it('a visit recalled in the lead ("bereits", a year) is not the news', () => {
    const text = 'Rom (dpa) - Carl hatte Rom bereits 2031 zu einem Besuch bereist. Beide werden Ende der Woche beim Beispielgipfel erwartet.'
    expect(estimateDate(text, table)).toBeNull()
  })
})

describe('estimateDate: a summit held in another city each time', () => {
  it('takes the occurrence whose host city the text names, and the news weekday that falls on it', () => {
    const text = 'Titel\n\nAm Mittwoch ist Putin bei einer Parade zu Gast. Putin landete am Sonntag in Tianjin. Dort findet der SOZ-Gipfel statt.'
    expect(estimateDate(text, OCCASIONS)).toMatchObject({ date: '2025-08-31', reasons: ['sco-summit'] })
  })

  it('leaves the day open when the text names no host city of any occurrence', () => {
    expect(estimateDate('Titel\n\nPutin landete am Sonntag. Dort findet der SOZ-Gipfel statt.', OCCASIONS)).toBeNull()
  })
})

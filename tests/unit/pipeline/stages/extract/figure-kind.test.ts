import { describe, expect, it } from 'vitest'
import { findAmounts } from '../../../../../pipeline/stages/extract/figure-amounts.ts'
import { clauseOf, figureKind } from '../../../../../pipeline/stages/extract/figure-kind.ts'

/** The kind (and rule) of each amount of one sentence. */
function kinds(text: string): [string | undefined, string | undefined][] {
  return findAmounts(text).map((a) => {
    const k = figureKind(text, a)
    return [k?.kind, k?.from.rule]
  })
}

describe('clauseOf', () => {
  it('cuts a sentence at commas, semicolons, colons, brackets and spaced dashes, not at decimal commas', () => {
    const text = 'Der Handel stieg auf 1,5 Mrd. Euro, der Überschuss – so die Zahlen – sank.'
    const at = text.indexOf('1,5')
    expect(text.slice(clauseOf(text, { start: at, end: at + 3 }).start, clauseOf(text, { start: at, end: at + 3 }).end)).toBe('Der Handel stieg auf 1,5 Mrd. Euro')
  })
})

describe('figureKind: deals', () => {
  it('reads a delivery agreed, promised or to be made as a contract (supply deal)', () => {
    expect(kinds('Gazprom und CNPC vereinbarten Gaslieferungen im Wert von 400 Milliarden Dollar.')).toEqual([['contract', 'supply-deal']])
    expect(kinds('Russland soll China 30 Jahre lang Gas im Wert von 400 Milliarden Dollar liefern.')).toEqual([['contract', 'supply-deal']])
    expect(kinds('Die Firmen haben Öllieferungen über 5 Milliarden Euro zugesagt.')).toEqual([['contract', 'supply-deal']])
    expect(kinds('Beide besiegelten den Deal: Gaslieferungen im Wert von 400 Milliarden Dollar.')).toEqual([['contract', 'supply-deal']])
    expect(kinds('Es geht um Gaslieferungen im Wert von 400 Milliarden Dollar über 30 Jahre.')).toEqual([['contract', 'supply-deal']])
  })

  it('keeps deliveries made or counted as trade, and a goal for deliveries a goal', () => {
    expect(kinds('Die Gaslieferungen nach China brachten Gazprom 2023 rund 10 Milliarden Dollar ein.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Russland lieferte 2022 Öl im Wert von 50 Milliarden Dollar nach China.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Beide vereinbarten, die Lieferungen bis 2030 auf 50 Milliarden Dollar zu steigern.')).toEqual([['trade_target', 'target-cue']])
    expect(kinds('Seit dem Vertrag von 2014 stiegen die Gaslieferungen auf 10 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
  })

  it('reads bonds as other amounts (finance), also as the second part of a compound ("Staatsanleihen")', () => {
    expect(kinds('Das Ministerium will Staatsanleihen in Yuan im Volumen von vier Milliarden Yuan ausgeben.').map((k) => k[0])).toEqual(['other'])
    expect(kinds('Der Handel mit Yuan-Anleihen ist gering, der bilaterale Handel erreichte 90 Milliarden Dollar.').map((k) => k[0])).toEqual(['trade_volume'])
  })

  it('reads deals named as Geschäfte, Aufträge, Bestellungen as contracts, not "Geschäftsleute"', () => {
    expect(kinds('Die vereinbarten Geschäfte über 20 Milliarden Euro betreffen Energie.')).toEqual([['contract', 'contract-cue']])
    expect(kinds('Die Bestellungen im Wert von 3 Milliarden Euro gingen an Airbus.')).toEqual([['contract', 'contract-cue']])
    expect(kinds('Geschäftsleute beider Länder setzten 2 Milliarden Euro im Handel um.')).toEqual([['trade_volume', 'trade-cue']])
  })

  it('reads a deal signed without a noun for it as a contract: "unterzeichneten … im Wert von"', () => {
    expect(kinds('Am Rande unterzeichneten beide Seiten Dokumente im Wert von 20 Milliarden Dollar.')).toEqual([['contract', 'contract-cue']])
  })
})

describe('figureKind: money lent, balances, costs', () => {
  it('reads loans, credit lines, funds, swaps and investments as other, whatever compound they sit in', () => {
    for (const text of [
      'Die Bank gewährt eine Kreditlinie über 10 Milliarden Yuan.',
      'Beide legten einen Investitionsfonds über 2 Milliarden Dollar auf.',
      'Ein Swap-Abkommen über 150 Milliarden Yuan wurde verlängert.',
      'Der Kreditvertrag über 9 Milliarden Dollar wurde unterzeichnet.',
      'Das Investitionsabkommen hat einen Umfang von 3 Milliarden Euro.',
      'Die Notenbanken verlängerten ihr Währungstauschabkommen über 100 Milliarden Yuan.',
    ]) {
      expect(kinds(text)).toEqual([['other', 'finance-cue']])
    }
    // but an arms deal is a deal
    expect(kinds('Das Rüstungsgeschäft hat einen Wert von 2 Milliarden Dollar.')).toEqual([['contract', 'contract-cue']])
  })

  it('reads a trade surplus as other even when the sentence speaks of trade, and trade beside it as trade', () => {
    expect(kinds('Chinas Handelsüberschuss gegenüber Russland wuchs auf 38 Milliarden Dollar.')).toEqual([['other', 'balance-cue']])
    expect(kinds('Der Überschuss im Handel mit dem Nachbarland betrug rund 38 Milliarden Dollar.')).toEqual([['other', 'balance-cue']])
    expect(kinds('Der Handel stieg auf 240 Milliarden Dollar, Chinas Überschuss auf 38 Milliarden Dollar.')).toEqual([
      ['trade_volume', 'trade-cue'],
      ['other', 'balance-cue'],
    ])
  })
})

describe('figureKind: market turnover, a firm’s takings, costs of traders', () => {
  it('reads currency traded on an exchange as other, not trade between states', () => {
    expect(kinds('An der Börse in Schanghai wechselten im Mai Rubel im Gegenwert von 900 Milliarden Yuan den Besitzer.')).toEqual([['other', 'turnover-cue']])
    expect(kinds('Am Devisenmarkt wurden Yuan für 2 Billionen Rubel gehandelt.')).toEqual([['other', 'turnover-cue']])
  })

  it('reads a firm’s turnover, profit or loss as other, and trade turnover between countries as trade', () => {
    expect(kinds('Im Vorjahr erwirtschaftete der Ölkonzern einen Umsatz von 8 Billionen Rubel.')).toEqual([['other', 'turnover-cue']])
    expect(kinds('Das Unternehmen meldete einen Gewinn von 300 Millionen Euro.')).toEqual([['other', 'turnover-cue']])
    expect(kinds('Der Handelsumsatz beider Länder wuchs auf 190 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Der Umsatz zwischen Russland und China wuchs auf 190 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
  })

  it('reads spending and budgets as other, also as the last part of a compound ("Militärhaushalt")', () => {
    expect(kinds('Die Militärausgaben erreichten 80 Milliarden Dollar.')).toEqual([['other', 'other-cue']])
    expect(kinds('Der Verteidigungshaushalt liegt bei 1,5 Billionen Yuan.')).toEqual([['other', 'other-cue']])
  })

  it('reads the costs of importers as costs: importers and exporters are traders, not goods', () => {
    expect(kinds('Die Mehrkosten für Exporteure liegen bei 50 Millionen Euro im Quartal.')).toEqual([['other', 'other-cue']])
    expect(kinds('Die Importe aus Russland erreichten 100 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
  })
})

describe('figureKind: trade and goals', () => {
  it('reads the value of goods exchanged as trade, one way or both', () => {
    expect(kinds('Güter im Wert von 240 Milliarden Dollar tauschten beide Länder aus.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Waren im Wert von 48 Milliarden Euro gingen nach China.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Das bilaterale Volumen erreichte 90 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('China kaufte russisches Öl für 45 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
  })

  it('reads a goal across an abbreviation: "soll … die Marke von 100 Mrd. $ erreichen"', () => {
    expect(kinds('Der Handel soll 2026 die Marke von 300 Mrd. $ erreichen.')).toEqual([['trade_target', 'target-cue']])
  })

  it('reads levels reached told beside a goal as trade, also in a clause without its own verb', () => {
    expect(kinds('Das Ziel von 300 Milliarden Dollar ist fern; 2023 hatte der Handel bei 240 Milliarden Dollar gelegen, 2022 bei 190 Milliarden Dollar.')).toEqual([
      ['trade_target', 'target-cue'],
      ['trade_volume', 'trade-cue'],
      ['trade_volume', 'trade-cue'],
    ])
  })

  it('reads a goal or forecast in the amount’s clause as trade_target, not a reached level beside it', () => {
    expect(kinds('Der Handel, der 2023 auf 240 Milliarden Dollar stieg, soll bis 2030 auf 300 Milliarden Dollar wachsen.')).toEqual([
      ['trade_volume', 'trade-cue'],
      ['trade_target', 'target-cue'],
    ])
    expect(kinds('Der Handel erreichte 2023 rund 240 Milliarden Dollar und dürfte weiter wachsen.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Der Handel soll bis 2030 auf 300 Milliarden Dollar wachsen, 2023 waren es 240 Milliarden Dollar.')).toEqual([
      ['trade_target', 'target-cue'],
      ['trade_volume', 'trade-cue'],
    ])
    expect(kinds('Der Handel stieg stärker als erwartet auf 240 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Bis 2024 stieg der Handel auf 240 Milliarden Dollar.')).toEqual([['trade_volume', 'trade-cue']])
    expect(kinds('Angestrebt werden 300 Milliarden Dollar bis 2030.')).toEqual([['trade_target', 'target-cue']])
    // separable verbs and forecasts: "streben … an", "peilt … an", "rechnet … mit"
    expect(kinds('Beide Länder streben bis 2030 einen Handel von 300 Milliarden Dollar an.')).toEqual([['trade_target', 'target-cue']])
    expect(kinds('Peking peilt einen Warenaustausch von 300 Milliarden Dollar an.')).toEqual([['trade_target', 'target-cue']])
    expect(kinds('Moskau rechnet mit einem Handel von 250 Milliarden Dollar.')).toEqual([['trade_target', 'target-cue']])
    // reported speech: "werde … übersteigen"
    expect(kinds('Putin sagte, der Handel werde die Marke von 200 Milliarden Dollar übersteigen.')).toEqual([['trade_target', 'target-cue']])
  })

  it('says nothing when no word tells what the amount is', () => {
    expect(kinds('Putin nannte die Zahl von 5 Milliarden Dollar.')).toEqual([[undefined, undefined]])
  })
})

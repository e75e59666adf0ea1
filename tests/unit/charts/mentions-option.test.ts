import { describe, expect, it } from 'vitest'
import { MAX_EVENT_LINES, MAX_PERIOD_LABELS, axisMaxFor, eventLinePeriods, markerGroups, mentionsOption, niceMax, peakLabels, periodLabelFilter, plainText, type MentionsLabels } from '../../../src/charts/mentions-option.ts'
import { DEFAULT_FILTERS } from '../../../src/lib/filters.ts'
import { buildMentions } from '../../../src/lib/mentions/records.ts'
import type { EventMarker } from '../../../src/lib/mentions/types.ts'
import { makeDataset } from '../lib/dataset-fixture.ts'

const labels: MentionsLabels = {
  period: (period) => `P${period}`,
  value: (value) => String(value),
  detail: (articles, denominator) => `${articles}/${denominator}`,
  denominator: 'Artikel im Zeitraum',
  events: 'Besuche und Telefonate',
  eventLabel: (id) => `Besuch ${id}`,
  axisName: 'Nennungen',
}
const dataset = makeDataset()
const colors = new Map([['putin', '#111111'], ['xi', '#222222']])

function build(stacked = false, measure: 'mentions' | 'share' = 'mentions') {
  const data = buildMentions(dataset, { ...DEFAULT_FILTERS, measure }, dataset.articles, ['putin', 'xi'])
  return { data, option: mentionsOption(data, { stacked, colors, labels }) }
}

type Loose = Record<string, unknown>
function seriesOf(option: unknown): Loose[] {
  return ((option as Loose).series as Loose[]) ?? []
}

describe('mentionsOption', () => {
  it('draws a line per actor plus one event series on the same category axis', () => {
    const { option } = build()
    const series = seriesOf(option)
    expect(series.map((entry) => entry.id)).toEqual(['m:putin', 'm:xi', 'events'])
    expect(series[0]?.data).toEqual([5, 0, 1])
    expect(series[0]?.color).toBe('#111111')
    expect((option.xAxis as Loose).data).toEqual(['2023-02', '2023-03', '2023-04'])
    const events = series[2]?.data as { value: [string, number]; id: string }[]
    expect(events.map((event) => [event.value[0], event.id])).toEqual([['2023-03', 'ev1']])
  })

  it('draws one event marker per period, showing and opening its most advanced event, naming the rest', () => {
    const marker = (eventId: string, period: string, status: EventMarker['status'], kind: EventMarker['kind'] = 'visit'): EventMarker =>
      ({ eventId, period, kind, status, date: period, visitors: ['xi'], place: null })
    const events = [
      marker('a', '2023-02', 'planned'),
      marker('b', '2023-03', 'invited'),
      marker('c', '2023-02', 'happened', 'call'),
      marker('d', '2023-02', 'happened'),
      marker('e', '2023-02', 'invited'),
      marker('f', '2023-02', 'ongoing'),
    ]
    expect(markerGroups(events).map(({ shown, events: all }) => [shown.eventId, all.map((event) => event.eventId)])).toEqual([
      ['c', ['a', 'c', 'd', 'e', 'f']],
      ['b', ['b']],
    ])
    // sorted by date, as eventMarkers hands them over: one run per period, the same groups
    const sorted = [...events].sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0))
    expect(markerGroups(sorted).map(({ shown, events: all }) => [shown.eventId, all.map((event) => event.eventId)])).toEqual([
      ['c', ['a', 'c', 'd', 'e', 'f']],
      ['b', ['b']],
    ])
    const { data } = build()
    const option = mentionsOption({ ...data, events }, { stacked: false, colors, labels })
    const drawn = seriesOf(option)[2]?.data as { value: [string, number]; id: string; name: string; symbol: string }[]
    expect(drawn.map((datum) => [datum.value[0], datum.id, datum.symbol])).toEqual([
      ['2023-02', 'c', 'emptyCircle'],
      ['2023-03', 'b', 'diamond'],
    ])
    expect(drawn[0]?.name).toBe('Besuch a\nBesuch c\nBesuch d\n+2')
    expect(drawn[1]?.name).toBe('Besuch b')
  })

  it('redraws without an update animation, so a filter change is drawn at once', () => {
    // ECharts fires `finished` (the chart:drawn mark) only after an update animation has run.
    const { option } = build()
    expect((option as Loose).animationDurationUpdate).toBe(0)
  })

  it('stacks when asked and fixes the y maximum to a nice number', () => {
    const { option } = build(true)
    const series = seriesOf(option)
    expect(series[0]?.stack).toBe('total')
    // Largest stack is 5 (February); a fifth of headroom makes 6.25, rounded up to 10.
    expect(((option.yAxis as Loose[])[0] as Loose).max).toBe(10)
    expect(seriesOf(build(false).option)[0]?.stack).toBeUndefined()
  })

  it('caps the share axis at 100 %', () => {
    const { option } = build(false, 'share')
    expect(((option.yAxis as Loose[])[0] as Loose).max).toBeLessThanOrEqual(1)
  })

  it('lets stacked shares pass 100 %, since one article can name several actors', () => {
    const data = buildMentions(dataset, { ...DEFAULT_FILTERS, measure: 'share' }, dataset.articles, ['putin', 'china'])
    const option = mentionsOption(data, { stacked: true, colors, labels })
    // February: Putin in 2 of 2 articles, China in 1 of 2: 150 % stacked, with headroom up to 200 %.
    expect(((option.yAxis as Loose[])[0] as Loose).max).toBe(2)
  })

  it('gives dots only to periods with mentions and drops peak titles when compact', () => {
    const { option } = build()
    const size = seriesOf(option)[0]?.symbolSize as (value: unknown) => number
    expect([size(0), size(3)]).toEqual([0, 7])
    const compact = mentionsOption(build().data, { stacked: false, colors, labels, compact: true })
    expect(seriesOf(compact)[0]?.markPoint).toBeUndefined()
  })

  it('uses rich-text tooltips with the denominator, and keeps markup out', () => {
    const { option } = build()
    const tooltip = option.tooltip as { renderMode: string; formatter: (params: unknown) => string }
    expect(tooltip.renderMode).toBe('richText')
    const text = tooltip.formatter([{ dataIndex: 0 }])
    expect(text).toContain('Artikel im Zeitraum: 2')
    expect(text).toContain('Wladimir Putin: 5 (2/2)')
    expect(plainText('{a|b}')).toBe(' a b ')
  })

  it('labels the peak of a line with its top article, one label per period', () => {
    const { data, option } = build()
    expect([...peakLabels(data, false)]).toEqual([
      [0, { index: 0, y: 5 }],
      [1, { index: 2, y: 2 }],
    ])
    const markPoint = seriesOf(option)[0]?.markPoint as { data: { name: string }[] }
    expect(markPoint.data[0]?.name).toBe('Putin empfängt Wang in Moskau')
  })

  it('rings the selected mark', () => {
    const data = build().data
    const option = mentionsOption(data, { stacked: false, colors, labels, selected: { actorId: 'putin', period: '2023-04' } })
    const points = seriesOf(option)[0]?.data as unknown[]
    expect(points[0]).toBe(5)
    expect(points[2]).toMatchObject({ value: 1, symbolSize: 15 })
    // Xi in the same month stays a plain value: only the selected actor's point is ringed.
    expect((seriesOf(option)[1]?.data as unknown[])[2]).toBe(2)
  })

  it('turns on aria and a release-only slider', () => {
    const { option } = build()
    expect((option.aria as Loose).enabled).toBe(true)
    expect((option.dataZoom as Loose[])[0]?.realtime).toBe(false)
  })

  it('rounds axis maxima up to 1, 2, 2.5 or 5 times a power of ten, with headroom', () => {
    expect([niceMax(0), niceMax(3), niceMax(7), niceMax(23), niceMax(0.42)]).toEqual([1, 5, 10, 25, 0.5])
    expect([axisMaxFor(17), axisMaxFor(20), axisMaxFor(4)]).toEqual([25, 25, 5])
  })
})

describe('eventLinePeriods', () => {
  const marker = (period: string, i: number): EventMarker => ({ eventId: `ev${i}`, period, kind: 'visit', status: 'happened', date: `${period}-01`, visitors: [], place: null })
  it('draws one dashed line per period with events, while there are few of them', () => {
    expect(eventLinePeriods({ events: [marker('2023-02', 1), marker('2023-02', 2), marker('2023-05', 3)] })).toEqual(['2023-02', '2023-05'])
  })
  it('draws none when events mark more periods than MAX_EVENT_LINES (the marker row shows them)', () => {
    const many = Array.from({ length: MAX_EVENT_LINES + 1 }, (_, i) => marker(`${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, i))
    expect(eventLinePeriods({ events: many.slice(0, MAX_EVENT_LINES) })).toHaveLength(MAX_EVENT_LINES)
    expect(eventLinePeriods({ events: many })).toEqual([])
  })
})

describe('periodLabelFilter', () => {
  const months = (from: number, count: number): string[] =>
    Array.from({ length: count }, (_, i) => `${Math.floor((from + i) / 12)}-${String(((from + i) % 12) + 1).padStart(2, '0')}`)
  it('shows every period when few', () => {
    const periods = months(2020 * 12, 6)
    expect(periods.filter((period, i) => periodLabelFilter(periods)(i, period))).toEqual(periods)
  })
  it('shows Januaries of every other year across twelve years of months, at most one more than the maximum', () => {
    const periods = months(2014 * 12 + 4, 140)
    const shown = periods.filter((period, i) => periodLabelFilter(periods)(i, period))
    expect(shown.every((period) => period.endsWith('-01') && Number(period.slice(0, 4)) % 2 === 0)).toBe(true)
    expect(shown.length).toBeLessThanOrEqual(MAX_PERIOD_LABELS + 1)
  })
  it('steps through days and weeks by index', () => {
    const days = Array.from({ length: 100 }, (_, i) => `2024-01-${String(i).padStart(2, '0')}`)
    const shown = days.filter((day, i) => periodLabelFilter(days)(i, day))
    expect(shown.length).toBeLessThanOrEqual(MAX_PERIOD_LABELS)
    expect(shown[0]).toBe(days[0])
  })
})

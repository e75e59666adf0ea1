/**
 * The visits and calls laid out for the Visits view, beside the contract file (which keeps every event):
 *
 *   dataset.events.summary.json  what the first draw of the Visits timeline needs: visits and calls counted
 *                                per month × kind × host country × status × visitors × hosts × outlets, in
 *                                columns (one lifecycle = one count, as the view draws one mark per lifecycle),
 *                                and the list of the month parts below
 *   dataset.events/2024-05.json  the full records of the lifecycles drawn in that month (every stage, every
 *                                report with its sentence and cues) and the date and outlet of each reporting
 *                                article; undated.json for the lifecycles without a date
 *
 * A lifecycle's month is the month of the point its mark sits at (src/lib/date-span.ts): a day's or a
 * month's own month (approximate or not), July for a year. No Vue, DOM or Node imports.
 */
import * as z from 'zod/mini'
import { DiplomaticEventSchema, EVENT_STATUSES, parser, type DiplomaticEvent } from './dataset.ts'
import { intColumn, relativePath } from './layout.ts'

const count = () => z.int().check(z.nonnegative())
const month = () => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))
const partMonth = () => z.string().check(z.regex(/^(\d{4}-(0[1-9]|1[0-2])|undated)$/))
/** Lists of indexes (actor sets, outlet sets), checked in one loop. */
const indexSets = () =>
  z.custom<number[][]>(
    (value) => Array.isArray(value) && (value as unknown[]).every((set) => Array.isArray(set) && (set as unknown[]).every((n) => Number.isInteger(n) && (n as number) >= 0)),
    { error: 'expected lists of indexes' },
  )

/** Event kinds by their number in the cells. */
export const EVENT_KINDS = ['visit', 'call'] as const

/**
 * Lifecycles per (period, kind, country, status, visitors, hosts, outlets), in columns of equal length.
 * `period` indexes the summary's months (-1 = undated), `kind` EVENT_KINDS, `status` EVENT_STATUSES (the status
 * of the lifecycle's most advanced stage, the one its mark shows), `country` the index's actors (-1 = none),
 * `visitors` and `hosts` the summary's actor sets, `outlets` its outlet sets (the outlets of every report).
 */
export const EventCellsSchema = z.object({
  period: intColumn(-1),
  kind: intColumn(0),
  country: intColumn(-1),
  status: intColumn(0),
  visitors: intColumn(0),
  hosts: intColumn(0),
  outlets: intColumn(0),
  lifecycles: intColumn(1),
})

export const EventSummarySchema = z.object({
  /** Months with lifecycles, ascending: the periods of the cells. */
  months: z.array(month()),
  /** Sets of actors (indexes into the index's actors, ascending). */
  actorSets: indexSets(),
  /** Sets of outlets (indexes into the index's outlets, ascending). */
  outletSets: indexSets(),
  cells: EventCellsSchema,
  /** The month parts, ascending, "undated" last. */
  parts: z.array(z.object({ month: partMonth(), path: relativePath(), lifecycles: count(), events: count() })),
})

/** A reporting article as the Visits view needs it without its month part: its date and outlet. */
export const EventReportSchema = z.object({
  articleId: z.string().check(z.minLength(1)),
  published: z.nullable(z.string()),
  outlet: z.nullable(z.string()),
})

export const EventPartSchema = z.object({
  month: partMonth(),
  /** Every stage of the lifecycles whose mark sits in this month, in the dataset's order. */
  events: z.array(DiplomaticEventSchema),
  /** The articles reporting them, by id. */
  reports: z.array(EventReportSchema),
})

export type EventCells = z.infer<typeof EventCellsSchema>
export type EventSummary = z.infer<typeof EventSummarySchema>
export type EventPart = z.infer<typeof EventPartSchema>
export type EventReport = z.infer<typeof EventReportSchema>

export const parseEventSummary = parser(EventSummarySchema)
export const parseEventPart = parser(EventPartSchema)

/** The number of a status in the cells. */
export function statusNumber(status: DiplomaticEvent['status']): number {
  return EVENT_STATUSES.indexOf(status)
}

/**
 * The month part of a lifecycle, from its lead event's date: the month of the point its mark sits at
 * ("2024-05-16" → 2024-05, "2024-05" → 2024-05, "2024" → 2024-07), "undated" without a date.
 */
export function eventPartOf(event: Pick<DiplomaticEvent, 'date'>): string {
  const date = event.date
  if (date === null) return 'undated'
  return date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-07`
}

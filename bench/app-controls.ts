/**
 * The controls bench:app changes on a drawn chart, one after another, and the table of their medians.
 * Each step is the whole URL query after the change (the app's router is pushed, as a click on the
 * control does); the time is from the push to the next `chart:drawn` mark. Steps that depend on the
 * data (an outlet of the index) read the index the page loaded.
 */
import { median, table } from './common.ts'

export interface ControlStep {
  /** What changes, as a reader of the table names it. */
  name: string
  query: Record<string, string>
}

/** The index fields a step may need. */
export interface IndexFacts {
  outlets: string[]
  months: string[]
}

/** A date that cuts a month (needs the day files) in the second half of the corpus, or null. */
function midMonthDay(months: readonly string[]): string | null {
  const month = months[Math.floor(months.length * 0.6)]
  return month ? `${month}-15` : null
}

/** Every control of the Mentions view, then back to the defaults. */
export function mentionsSteps(facts: IndexFacts): ControlStep[] {
  const actor = { actor: 'putin,xi-jinping' }
  const outlet = facts.outlets.find((name) => name !== '') ?? null
  const cut = midMonthDay(facts.months)
  const steps: ControlStep[] = [
    { name: 'actor: one', query: { actor: 'china' } },
    { name: 'actor: two', query: actor },
    ...(outlet === null ? [] : [{ name: 'outlet', query: { ...actor, outlet } }, { name: 'outlet: none', query: actor }]),
    { name: 'from (month start)', query: { ...actor, from: '2020-01-01' } },
    { name: 'to (month end)', query: { ...actor, from: '2020-01-01', to: '2023-06-30' } },
    ...(cut === null ? [] : [{ name: 'from (mid-month)', query: { ...actor, from: cut } }]),
    { name: 'dates cleared', query: actor },
    { name: 'grain: week', query: { ...actor, grain: 'week' } },
    { name: 'grain: day', query: { ...actor, grain: 'day' } },
    { name: 'grain: month', query: actor },
    { name: 'measure: share', query: { ...actor, measure: 'share' } },
    { name: 'stacked', query: { ...actor, measure: 'share', stack: '1' } },
    { name: 'defaults', query: {} },
  ]
  return steps
}

/** The Visits view's controls: actors, status, lane mode, dates, then back to the defaults. */
export function visitsSteps(facts: IndexFacts): ControlStep[] {
  const actor = { actor: 'putin,xi-jinping' }
  const outlet = facts.outlets.find((name) => name !== '') ?? null
  return [
    { name: 'actor: one', query: { actor: 'china' } },
    { name: 'actor: two', query: actor },
    { name: 'status: happened', query: { ...actor, status: 'happened' } },
    { name: 'lane: visitor', query: { ...actor, status: 'happened', lane: 'visitor' } },
    ...(outlet === null ? [] : [{ name: 'outlet', query: { ...actor, outlet } }]),
    { name: 'from (month start)', query: { ...actor, from: '2020-01-01' } },
    { name: 'from + to: one month', query: { ...actor, from: '2020-03-01', to: '2020-03-31' } },
    { name: 'defaults', query: {} },
  ]
}

/** The co-mention view's controls: actors, a date, a focus actor whose companions are ranked, an outlet. */
export function togetherSteps(facts: IndexFacts): ControlStep[] {
  const actor = { actor: 'putin,xi-jinping' }
  const outlet = facts.outlets.find((name) => name !== '') ?? null
  return [
    { name: 'actor: one', query: { actor: 'china' } },
    { name: 'actor: two', query: actor },
    { name: 'from (month start)', query: { ...actor, from: '2020-01-01' } },
    { name: 'focus', query: { ...actor, from: '2020-01-01', focus: 'xi-jinping' } },
    ...(outlet === null ? [] : [{ name: 'outlet', query: { outlet } }]),
    { name: 'defaults', query: {} },
  ]
}

export interface StepTime {
  name: string
  /** Wall time from the push to the drawn chart. */
  ms: number | null
  /** Main-thread CPU time over the same stretch (includes the bench's polling, a few ms). */
  cpuMs?: number | null
}

/** Per control: the median over runs at each size (columns) of wall and main-thread CPU ms, "–" where it never drew. */
export function controlsTable(sizes: readonly { label: string; runs: readonly { steps: readonly StepTime[] }[] }[]): string {
  const names = [...new Set(sizes.flatMap((size) => size.runs.flatMap((run) => run.steps.map((step) => step.name))))]
  const stat = (steps: readonly StepTime[], pick: (step: StepTime) => number | null | undefined, max = false): string => {
    const values = steps.map(pick).filter((ms): ms is number => typeof ms === 'number' && Number.isFinite(ms))
    if (!values.length) return '–'
    return max ? `${median(values).toFixed(0)} / ${Math.max(...values).toFixed(0)}` : median(values).toFixed(0)
  }
  const cell = (runs: readonly { steps: readonly StepTime[] }[], name: string | null, max = false): string => {
    const steps = runs.flatMap((run) => run.steps.filter((step) => name === null || step.name === name))
    return `${stat(steps, (step) => step.ms, max)} (${stat(steps, (step) => step.cpuMs, max)})`
  }
  const rows = names.map((name) => [name, ...sizes.map((size) => cell(size.runs, name))])
  rows.push(['all controls: median / max', ...sizes.map((size) => cell(size.runs, null, true))])
  return table(['control → chart drawn: wall ms (main-thread CPU ms), median of runs; ≤ 50', ...sizes.map((size) => size.label)], rows)
}

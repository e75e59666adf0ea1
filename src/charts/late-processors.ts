/**
 * Stand-ins for the data processors of components registered after a chart was created.
 *
 * An ECharts instance copies the list of data processors when it is created ("registering processors
 * incrementally for an echarts instance is not supported", echarts/lib/core/Scheduler.js), so a chart drawn
 * before the legend, dataZoom and tooltip (axisPointer) were registered would never filter its series by
 * the legend, never apply the slider's window and never find its axes for the tooltip. Re-creating the
 * chart once they load cost a second cold draw on a phone (≈ 0.45 s at 4× CPU). Instead, the chart chunk
 * registers one stand-in per processor stage those components use; the lazy chunk is installed through
 * `installLate`, which hands their processors to the stand-ins instead of the global list. Every instance
 * then runs each of them exactly once, whether it was created before or after the lazy chunk.
 */
import { PRIORITY, registerProcessor, type SeriesModel } from 'echarts/core'

type Registers = Parameters<Extract<Parameters<typeof import('echarts/core').use>[0], (...args: never[]) => unknown>>[0]
type Processor = Parameters<typeof registerProcessor>[1]

/** The parts of an ECharts stage handler the stand-ins call (echarts/lib/util/types.ts `StageHandler`). */
interface OverallHandler {
  overallReset: (...args: unknown[]) => void
  getTargetSeries?: (...args: unknown[]) => { each: (visit: (series: SeriesModel) => void) => void }
  dirtyOnOverallProgress?: boolean
}

/** The processor stages the lazy components register at: legend filter, dataZoom, axisPointer. */
const STAGES = {
  seriesFilter: PRIORITY.PROCESSOR.SERIES_FILTER,
  filter: PRIORITY.PROCESSOR.FILTER,
  statistic: PRIORITY.PROCESSOR.STATISTIC,
} as const
const late = new Map<number, OverallHandler[]>(Object.values(STAGES).map((priority) => [priority, []]))

/**
 * A stand-in at one stage: runs the handlers that arrived later, in their order. Shaped like the processor
 * it stands for: dataZoom's names its target series (which also creates its axis proxies, a side effect its
 * reset relies on) and blocks their pipelines until it has filtered; the legend filter and axisPointer's
 * statistic name none (ECharts then links them to every series).
 */
function standIn(priority: number, targets: boolean): OverallHandler {
  const handlers = late.get(priority) as OverallHandler[]
  const overallReset = (...args: unknown[]): void => {
    for (const handler of handlers) handler.overallReset(...args)
  }
  if (!targets) return { overallReset }
  return {
    overallReset,
    dirtyOnOverallProgress: true,
    getTargetSeries(...args: unknown[]) {
      const found = new Map<string, SeriesModel>()
      for (const handler of handlers) handler.getTargetSeries?.(...args).each((series) => found.set(String(series.uid), series))
      return { each: (visit: (series: SeriesModel) => void) => found.forEach((series) => visit(series)) }
    },
  }
}

let standInsRegistered = false

/** Registers the stand-ins (once, with the chart chunk, before any chart is created). */
export function registerStandIns(): void {
  if (standInsRegistered) return
  standInsRegistered = true
  registerProcessor(STAGES.seriesFilter, standIn(STAGES.seriesFilter, false) as unknown as Processor)
  registerProcessor(STAGES.filter, standIn(STAGES.filter, true) as unknown as Processor)
  registerProcessor(STAGES.statistic, standIn(STAGES.statistic, false) as unknown as Processor)
}

function asHandler(processor: unknown): OverallHandler {
  if (typeof processor === 'function') return { overallReset: processor as OverallHandler['overallReset'] }
  if (typeof processor === 'object' && processor !== null && 'overallReset' in processor && typeof processor.overallReset === 'function')
    return processor as OverallHandler
  throw new Error('a late ECharts component registers a per-series processor: register it with the chart chunk instead')
}

/**
 * Runs `install` (a `use(...)` of components) with their data processors going to the stand-ins. Visual
 * and layout handlers are fixed per instance the same way; none of the lazy components has one, and one
 * that did would throw here rather than silently not run.
 */
export function installLate(registers: Registers, install: () => void): void {
  const { registerProcessor: original, registerVisual, registerLayout } = registers
  const refuse = (): never => {
    throw new Error('a late ECharts component registers a visual or layout handler: register it with the chart chunk instead')
  }
  registers.registerProcessor = ((priority: unknown, processor?: unknown) => {
    const handlers = typeof priority === 'number' ? late.get(priority) : undefined
    if (!handlers) throw new Error(`a late ECharts component registers a processor at stage ${String(priority)}: add a stand-in for it`)
    handlers.push(asHandler(processor))
  }) as Registers['registerProcessor']
  registers.registerVisual = refuse as Registers['registerVisual']
  registers.registerLayout = refuse as Registers['registerLayout']
  try {
    install()
  } finally {
    registers.registerProcessor = original
    registers.registerVisual = registerVisual
    registers.registerLayout = registerLayout
  }
}

/** The co-mention file (src/model/layout.ts, ComentionCells) as typed columns, made once when it arrives. Pure. */
import type { ComentionsFile } from '../../model/layout.ts'

export interface ComentionTable {
  period: Int32Array
  first: Int32Array
  second: Int32Array
  outletSet: Int32Array
  articles: Float64Array
}

export function comentionTable(file: ComentionsFile): ComentionTable {
  const c = file.cells
  return {
    period: Int32Array.from(c.period),
    first: Int32Array.from(c.first),
    second: Int32Array.from(c.second),
    outletSet: Int32Array.from(c.outletSet),
    articles: Float64Array.from(c.articles),
  }
}

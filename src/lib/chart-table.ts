/**
 * The table twin of a chart (ChartTable.vue): a row per period or actor, a column per series, each cell
 * the count the chart draws there and, where it has evidence, the `sel` value that opens it.
 */
export interface ChartTableColumn {
  id: string
  label: string
  /** The series colour, shown as a swatch before the label. */
  color?: string
}

export interface ChartTableCell {
  text: string
  /** The selection this cell opens (a button); absent: a muted number with nothing behind it. */
  sel?: string
  /** The button's accessible name ("Wladimir Putin, Feb. 2023: Sätze zeigen"). */
  label?: string
}

export interface ChartTableRow {
  id: string
  label: string
  cells: readonly ChartTableCell[]
}

/** CSV of exactly what a chart shows, RFC 4180 quoting, safe to open in a spreadsheet. */
export type CsvCell = string | number | boolean | null
export interface CsvTable {
  header: readonly string[]
  rows: readonly (readonly CsvCell[])[]
}

/** Quotes a cell when needed and defuses spreadsheet formulas (=, +, -, @ at the start of text). */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  let text = String(cell)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(table: CsvTable): string {
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A file name part from free text: lowercase ASCII words joined by "-". */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'chart'
  )
}

/**
 * The skip lines of a run's report: one line per file, line or record skipped, except files that are sound but
 * no article at all (`folded`: a folder of gold or settings JSON beside the articles), which are said in one line
 * per folder and reason, where the first of them would stand. Pure.
 */

/** A file, line or record skipped; `records`: how many records of a container one line stands for; `folded`: said with its folder. */
export interface Skip {
  file: string
  reason: string
  records?: number
  folded?: true
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash < 0 ? '' : file.slice(0, slash + 1)
}

/** The line of a folder's folded skips: "skipped 40 files in gold/ (d001.json … d040.json): reason". */
function foldedLine(folder: string, reason: string, files: readonly string[]): string {
  if (files.length === 1) return `skipped ${files[0]}: ${reason}`
  const name = (f: string | undefined): string => (f ?? '').slice(folder.length)
  const names = files.length === 2 ? `${name(files[0])}, ${name(files[1])}` : `${name(files[0])} … ${name(files.at(-1))}`
  return `skipped ${files.length} files in ${folder || 'the input folder'} (${names}): ${reason}`
}

/** "skipped FILE: reason" per skip, in the order given; folded ones one line per folder and reason. */
export function skipLines(skipped: readonly Skip[]): string[] {
  const groups = new Map<string, { folder: string; reason: string; files: string[] }>()
  const lines: (string | { folder: string; reason: string; files: string[] })[] = []
  for (const s of skipped) {
    if (!s.folded) {
      lines.push(`skipped ${s.file}: ${s.reason}`)
      continue
    }
    const folder = folderOf(s.file)
    const key = `${folder}\0${s.reason}`
    let group = groups.get(key)
    if (!group) {
      group = { folder, reason: s.reason, files: [] }
      groups.set(key, group)
      lines.push(group)
    }
    group.files.push(s.file)
  }
  return lines.map((line) => (typeof line === 'string' ? line : foldedLine(line.folder, line.reason, line.files)))
}

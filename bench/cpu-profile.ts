/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the self time went, by function and by file.
 */
import { readFileSync } from 'node:fs'
import { ROOT } from './common.ts'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
}

export interface ProfileSummary {
  totalMs: number
  /** Share of the sampled time the thread was idle (a loader or waiting thread is mostly idle). */
  idleShare: number
  byFunction: { name: string; ms: number; share: number }[]
  byFile: { file: string; ms: number; share: number }[]
}

function shortUrl(url: string): string {
  if (!url) return '(native)'
  const path = url.replace(/^file:\/\//, '')
  if (path.startsWith(`${ROOT}/node_modules/`)) return path.slice(ROOT.length + 1).replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, 'node_modules/$1')
  if (path.startsWith(`${ROOT}/`)) return path.slice(ROOT.length + 1)
  return path.startsWith('node:') ? path : path.replace(/^.*\/node_modules\//, 'node_modules/')
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const totalMs = (profile.endTime - profile.startTime) / 1000
  const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0) || 1
  const msPerHit = totalMs / hits
  const byFunction = new Map<string, number>()
  const byFile = new Map<string, number>()
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * msPerHit
    if (!ms) continue
    const { functionName, url, lineNumber } = node.callFrame
    const where = shortUrl(url)
    const label = functionName.length > 60 ? `${functionName.slice(0, 57)}…` : functionName || '(anonymous)'
    const name = `${label} ${url ? `${where}:${lineNumber + 1}` : ''}`.trim()
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
    byFile.set(where, (byFile.get(where) ?? 0) + ms)
  }
  const ranked = <K extends string>(m: Map<string, number>, key: K): ({ ms: number; share: number } & Record<K, string>)[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => ({ [key]: k, ms, share: ms / totalMs }) as { ms: number; share: number } & Record<K, string>)
  const idleShare = (byFunction.get('(idle)') ?? 0) / totalMs
  return { totalMs, idleShare, byFunction: ranked(byFunction, 'name'), byFile: ranked(byFile, 'file') }
}

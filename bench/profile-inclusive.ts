/**
 * Inclusive time of the pipeline's functions in a V8 .cpuprofile (`node --cpu-prof`), as shares of the profile, with
 * garbage collection and idle apart: `npx tsx bench/profile-inclusive.ts FILE.cpuprofile [--top 30] [--match pipeline/]`.
 * A function that calls itself counts once per sample (its topmost frame).
 */
import { readFileSync } from 'node:fs'
import { option } from './common.ts'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

const argv = process.argv.slice(2)
const file = argv[0]
if (!file) throw new Error('usage: npx tsx bench/profile-inclusive.ts FILE.cpuprofile [--top 30] [--match pipeline/]')
const top = Number(option(argv, '--top') ?? '30')
const match = option(argv, '--match') ?? 'pipeline/'
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; startTime: number; endTime: number }
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1
const msPerHit = (profile.endTime - profile.startTime) / 1000 / hits
const inclusive = new Map<string, number>()
const nameOf = (n: Node): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*?\/(pipeline|src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`
const walk = (id: number, onStack: Set<string>): number => {
  const n = byId.get(id)
  if (!n) return 0
  const name = nameOf(n)
  const fresh = !onStack.has(name)
  if (fresh) onStack.add(name)
  let total = n.hitCount ?? 0
  for (const c of n.children ?? []) total += walk(c, onStack)
  if (fresh) {
    onStack.delete(name)
    inclusive.set(name, (inclusive.get(name) ?? 0) + total)
  }
  return total
}
const root = profile.nodes[0]
if (root) walk(root.id, new Set())
const totalMs = hits * msPerHit
const share = (h: number): string => `${((100 * h) / hits).toFixed(1)} %`
console.log(`${file}: ${(totalMs / 1000).toFixed(2)} s sampled`)
for (const special of ['(garbage collector)', '(idle)', '(program)']) {
  const h = [...inclusive.entries()].filter(([k]) => k.startsWith(special)).reduce((s, [, v]) => s + v, 0)
  console.log(`  ${special}: ${share(h)}`)
}
const rows = [...inclusive.entries()].filter(([k]) => k.includes(match)).sort((a, b) => b[1] - a[1]).slice(0, top)
for (const [k, h] of rows) console.log(`  ${share(h).padStart(7)}  ${(h * msPerHit / 1000).toFixed(2).padStart(6)} s  ${k}`)

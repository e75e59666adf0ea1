/** The optional `NAME.meta.json` beside an article: url, outlet, published, title (they override the text). */
import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { z } from 'zod'

const MetaSchema = z.object({
  url: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
})
export type Meta = z.infer<typeof MetaSchema>

/** The meta file at `path`, or undefined when there is none or it is broken (then `warn` names the file and why). */
export function readMeta(path: string, warn: (msg: string) => void): Meta | undefined {
  if (!existsSync(path)) return undefined
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    warn(`${basename(path)}: meta ignored (not valid JSON: ${(e as Error).message.split('\n')[0]})`)
    return undefined
  }
  const parsed = MetaSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    warn(`${basename(path)}: meta ignored (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`)
    return undefined
  }
  return parsed.data
}

/** Actor names as the UI shows them: the registry's English name in the English UI, the German one otherwise. */
import type { Actor } from '../model/dataset.ts'
import type { Lang } from './lang.ts'

/** Actor id → name in the UI language. */
export type ActorNames = ReadonlyMap<string, string>

/** An actor's name in the UI language (the German name when the registry gives no English one). */
export function displayName(actor: Pick<Actor, 'name' | 'en'>, lang: Lang): string {
  return lang === 'en' ? (actor.en ?? actor.name) : actor.name
}

/** Every actor's name in the UI language, by id. */
export function actorNames(actors: readonly Pick<Actor, 'id' | 'name' | 'en'>[], lang: Lang): Map<string, string> {
  return new Map(actors.map((actor) => [actor.id, displayName(actor, lang)]))
}

/** An actor's name, or its id when the dataset does not know it. */
export function nameOf(id: string, names: ActorNames): string {
  return names.get(id) ?? id
}

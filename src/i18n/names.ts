/** Actor names as the UI shows them. */

/** Actor id → name in the UI language. */
export type ActorNames = ReadonlyMap<string, string>

/** An actor's name, or its id when the dataset does not know it. */
export function nameOf(id: string, names: ActorNames): string {
  return names.get(id) ?? id
}

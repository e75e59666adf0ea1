/** One colour per actor, the same in every view (by the actor's place in a fixed order, see useDatasetStore().colorOrder). */
export const ACTOR_PALETTE = [
  '#2f6fdf',
  '#d1495b',
  '#2a9d6f',
  '#e08a1e',
  '#7b4fc9',
  '#1b9aaa',
  '#b5527f',
  '#6b8e23',
  '#8c6d46',
  '#4f5d75',
  '#c2410c',
  '#0e7490',
] as const

export function actorColor(actorIds: readonly string[], actorId: string): string {
  const index = actorIds.indexOf(actorId)
  return ACTOR_PALETTE[(index < 0 ? 0 : index) % ACTOR_PALETTE.length] ?? '#2f6fdf'
}


/** The actors' names in the UI language, by id. */
import { computed, type ComputedRef } from 'vue'
import type { ActorNames } from '../i18n/names.ts'
import { useDatasetStore } from '../stores/dataset.ts'

export function useActorNames(): ComputedRef<ActorNames> {
  const datasetStore = useDatasetStore()
  return computed(() => new Map(datasetStore.index?.actors.map((actor) => [actor.id, actor.name])))
}

/** The actors' names in the UI language, by id (the registry's English name in the English UI). */
import { computed, type ComputedRef } from 'vue'
import { actorNames, type ActorNames } from '../i18n/names.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useI18n } from './useI18n.ts'

export function useActorNames(): ComputedRef<ActorNames> {
  const datasetStore = useDatasetStore()
  const { lang } = useI18n()
  return computed(() => actorNames(datasetStore.index?.actors ?? [], lang.value))
}

/** Whether a CSS media query matches, kept up to date while the calling component lives. */
import { onBeforeUnmount, ref, type Ref } from 'vue'

export function useMediaQuery(query: string, deps: { matchMedia?: (query: string) => MediaQueryList } = {}): Readonly<Ref<boolean>> {
  const matchMedia = deps.matchMedia ?? (typeof window !== 'undefined' && window.matchMedia ? (q: string) => window.matchMedia(q) : undefined)
  const matches = ref(false)
  if (!matchMedia) return matches
  const list = matchMedia(query)
  matches.value = list.matches
  const onChange = (event: MediaQueryListEvent): void => {
    matches.value = event.matches
  }
  list.addEventListener('change', onChange)
  onBeforeUnmount(() => list.removeEventListener('change', onChange))
  return matches
}

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, type Ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useMediaQuery } from '../../../src/composables/useMediaQuery.ts'

/** A media query list whose `matches` the test flips. */
function fakeList(initial: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>()
  const list = {
    matches: initial,
    addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  }
  const flip = (matches: boolean): void => listeners.forEach((listener) => listener({ matches } as MediaQueryListEvent))
  return { list: list as unknown as MediaQueryList, listeners, flip }
}

describe('useMediaQuery', () => {
  it('follows the query while the component lives and stops listening when it goes', async () => {
    const fake = fakeList(true)
    let narrow: Readonly<Ref<boolean>> | undefined
    const Host = defineComponent({
      setup() {
        narrow = useMediaQuery('(max-width: 720px)', { matchMedia: () => fake.list })
        return () => h('div')
      },
    })
    const wrapper = mount(Host)
    expect(narrow?.value).toBe(true)
    fake.flip(false)
    await nextTick()
    expect(narrow?.value).toBe(false)
    wrapper.unmount()
    expect(fake.listeners.size).toBe(0)
  })
})

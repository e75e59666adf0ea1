/** Vitest setup (vite.config.ts): loads the lazy English catalogue, so `translate('en', …)` speaks English in every test. */
import { loadCatalogue } from '../../src/i18n/translate.ts'

await loadCatalogue('en')

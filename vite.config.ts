/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue({ features: { optionsAPI: false } })],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // the English catalogue is a lazy chunk in the app (src/i18n/translate.ts); tests speak both languages from the start
    setupFiles: ['tests/unit/setup-catalogues.ts'],
  },
})

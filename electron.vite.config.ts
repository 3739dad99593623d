import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { aliases } from './aliases.config'

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      // better-sqlite3 and sharp are native addons: required from node_modules at run time, never bundled.
      externalizeDeps: true,
      rollupOptions: {
        external: ['better-sqlite3', 'sharp'],
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // The check thread (src/main/checks/check-thread.ts starts it from beside index.js).
          'check-worker': resolve(__dirname, 'src/main/checks/check-worker.ts'),
          // The wire-reading thread (src/main/intake/wire-read-thread.ts).
          'wire-read-worker': resolve(__dirname, 'src/main/intake/wire-read-worker.ts'),
          // The picture thread (src/main/library/picture-writer.ts starts it from beside index.js).
          'picture-writer-worker': resolve(__dirname, 'src/main/library/picture-writer-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      // A sandboxed preload can only require electron itself: bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    base: './',
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    resolve: {
      // The spelling worker imports the Hunspell dictionaries' files from their npm packages, whose
      // "exports" name only index.js (src/renderer/src/spelling/dictionaries.ts).
      alias: { ...aliases, 'copydesk-dictionaries': resolve(__dirname, 'node_modules') },
    },
    build: {
      // A dictionary is fetched by the worker: a data: URL would be refused by the CSP's connect-src.
      assetsInlineLimit: (file: string) => (/\.(aff|dic)$/.test(file) ? false : undefined),
      // electron-vite leaves the renderer unminified by default; parsing 1.4 MB of it was a visible
      // part of start-up (docs/benchmarks.md).
      // COPYDESK_UNMINIFIED=1 keeps the names, for a CPU profile that says which function took the time
      // (bench/profile-typing.ts).
      minify: process.env.COPYDESK_UNMINIFIED !== '1',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})

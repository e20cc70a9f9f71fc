import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.vite.ts';

const config = rendererConfig('dist-web');

/// `npm run web` / `npm run build:web`: the renderer alone, for a plain
/// browser, with the reader benchmark's page beside it (bench.html).
export default defineConfig({
  ...config,
  build: {
    ...config.build,
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html'), bench: resolve(import.meta.dirname, 'renderer/bench.html') } },
  },
});

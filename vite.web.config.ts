import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.vite.ts';

const config = rendererConfig('dist-web');

/// `npm run web` / `npm run build:web`: the renderer alone, for a plain
/// browser (the benchmark's page is built apart: bench/page/vite.config.ts).
export default defineConfig({
  ...config,
  build: {
    ...config.build,
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
  },
});

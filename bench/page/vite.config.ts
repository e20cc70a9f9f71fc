import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from '../../renderer.vite.ts';

const config = rendererConfig('dist-web/bench');

/// The reader and storage benchmarks' page (`npm run bench` builds it after
/// the app): the app's own renderer code on a page of its own, built into
/// dist-web/bench/ so that the app's preview server serves both, and the
/// app's build carries none of it.
export default defineConfig({
  ...config,
  root: import.meta.dirname,
  build: {
    ...config.build,
    rollupOptions: { input: { bench: resolve(import.meta.dirname, 'bench.html') } },
  },
});

import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/// The renderer's build settings, shared by the Electron build
/// (electron.vite.config.ts) and the browser build (vite.web.config.ts), so the
/// app the end-to-end tests drive is the app the desktop shell loads.
export const rendererConfig = (outDir: string): UserConfig => ({
  root: resolve(import.meta.dirname, 'renderer'),
  // Relative asset URLs: the desktop app loads index.html from file://.
  base: './',
  plugins: [react()],
  // The bundled corpus lives outside the renderer root.
  server: { fs: { allow: [import.meta.dirname] } },
  build: {
    outDir: resolve(import.meta.dirname, outDir),
    emptyOutDir: true,
    target: 'chrome130',
    // One bundle for an offline desktop app: nothing is fetched over a network,
    // so splitting would only add files.
    chunkSizeWarningLimit: 2048,
  },
});

import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.vite.ts';

/// `npm run web` / `npm run build:web`: the renderer alone, for a plain browser.
export default defineConfig(rendererConfig('dist-web'));

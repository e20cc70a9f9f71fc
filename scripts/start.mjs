// `npm start`: build the desktop app and open it. Where Electron's binary is
// missing (it could not be downloaded at install), say so and what works.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electron;
try {
  electron = require('electron');
} catch {
  console.error('Palimpsest: Electron\'s binary is not installed here, so the desktop app cannot open.');
  console.error('  Run `node node_modules/electron/install.js` on a connected machine, or `npm run web` for the same app in a browser.');
  process.exit(1);
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(electron, ['.'], { stdio: 'inherit' });
process.exit(run.status ?? 0);

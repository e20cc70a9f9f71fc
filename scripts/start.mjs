// `npm start`: build the desktop app and open it. Where Electron's binary is
// missing (it could not be downloaded at install), or with `--web`, serve the
// same app with the web server and open it in the default browser instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { openBrowser } from './open-browser.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url);

let electron = null;
let missing = '';
if (!process.argv.includes('--web')) {
  try {
    electron = require('electron');
  } catch (error) {
    missing = error instanceof Error ? error.message : String(error);
  }
}

if (electron) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32', cwd: fileURLToPath(root) });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const run = spawnSync(electron, ['.'], { stdio: 'inherit', cwd: fileURLToPath(root) });
  // A binary listed but absent (a broken install) fails to spawn: then the
  // browser below, rather than a silent exit.
  if (!run.error) process.exit(run.status ?? 0);
  missing = run.error.message;
}

if (missing) {
  console.log("Palimpsest: Electron's binary is not installed here, so the desktop app cannot open;");
  console.log('  the same app opens in your browser instead (everything stays on this machine).');
  console.log('  To get the desktop app: run `node node_modules/electron/install.js` on a machine that');
  console.log("  can reach Electron's downloads, then `npm start` again.");
}

// The same server and port as `npm run web`. The port is strict: the
// library lives in the browser under its address, and another port would
// open an empty-looking library beside the researcher's own.
const { createServer } = await import('vite');
const port = Number(process.env.PALIMPSEST_PORT ?? 5173);
const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.web.config.ts', import.meta.url)),
  server: { host: '127.0.0.1', port, strictPort: true, open: false },
});
try {
  await server.listen();
} catch (error) {
  console.error(`Palimpsest: port ${port} is in use, perhaps by Palimpsest already running: open http://127.0.0.1:${port}/ in your browser,`);
  console.error('  or close the other program and run `npm start` again. (Another port would show another, empty library.)');
  console.error(`  (${error instanceof Error ? error.message : String(error)})`);
  // Exit at once: closing first lets vite's dependency scan print a trace.
  process.exit(1);
}
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
const opened = await openBrowser(url);
console.log(opened ? `Palimpsest is open in your browser at ${url}` : `Palimpsest is served at ${url} — open that address in your browser.`);
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

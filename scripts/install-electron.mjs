// Fetches Electron's binary where the network allows it, and says plainly what
// still works where it does not. npm's own run of electron's install script is
// turned off in package.json ("allowScripts"), because its failure would fail
// the whole `npm install` on machines that cannot reach Electron's downloads.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  console.log('[palimpsest] electron is not installed; skipping its binary.');
  process.exit(0);
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[palimpsest] ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron binary not fetched.');
  process.exit(0);
}

// Electron's installer prints a stack trace when it cannot download; keep
// only its first line, and say what it means below.
const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 10 * 60 * 1000 });
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
if (result.status === 0) process.stdout.write(output ? `${output}\n` : '');
else if (output) console.log(`[palimpsest] Electron's installer said: ${output.split('\n')[0]}`);
const pathFile = installer.replace(/install\.js$/, 'path.txt');
if (result.status === 0 && existsSync(pathFile)) {
  console.log('[palimpsest] Electron binary installed: `npm start` opens the desktop app.');
} else {
  console.log(
    [
      '',
      "[palimpsest] Electron's binary could not be downloaded on this machine (no network access to it).",
      '  Still works: `npm run web` (the full app in a browser on 127.0.0.1), `npm test`',
      '  (type checks, unit tests, browser end-to-end tests; the Electron smoke test reports that it skipped).',
      '  To get the desktop app later: `node node_modules/electron/install.js` on a connected machine.',
      '',
    ].join('\n'),
  );
}
process.exit(0);

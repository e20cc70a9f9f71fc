import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const binaryMissing = (() => {
  try {
    createRequire(import.meta.url)('electron');
    return false;
  } catch {
    return true;
  }
})();

let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
});

/// Runs `npm start`'s script until it prints the address it serves.
function start(args: string[]): Promise<{ output: string; url: string }> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, BROWSER: 'none', PALIMPSEST_PORT: '5294' },
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`No address printed:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /served at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({ output, url: found[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
}

describe('npm start', () => {
  // Without the binary, `npm start` itself takes this path; `--web` takes it anywhere.
  it('serves the app in a browser where Electron cannot open, saying how to get the desktop app', async () => {
    const { output, url } = await start(binaryMissing ? [] : ['--web']);
    if (binaryMissing) expect(output).toContain('node node_modules/electron/install.js');
    expect(output).toContain('open that address in your browser');
    const page = await fetch(url).then((r) => r.text());
    expect(page).toContain('<title>Palimpsest</title>');
  }, 40_000);
});

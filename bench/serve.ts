import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
/// The port the built renderer is served on: BENCH_PORT, so that engineers
/// sharing a machine each serve on a port of their own.
export const port = Number(process.env.BENCH_PORT ?? 4179);

/// Serves the built renderer on `port`. Vite is started with node itself,
/// not through npx, so that killing it stops the server: killing npx left
/// the server running, and the next run measured whatever it served.
/// `probe` is the page that must be there: the benchmark page (built by
/// `npm run bench`), or `/` for benchmarks of the app alone. With `dev`,
/// Vite's development server instead: slower, but a trace names the app's
/// own functions, where the build's are minified. BENCH_DIST serves another
/// build's copy (`vite build --outDir <dir>`), so a base and a branch can be
/// measured in turn from one checkout.
export async function serve(probe = '/bench/bench.html', options: { dev?: boolean } = {}): Promise<ChildProcess> {
  const up = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}${probe}`)).ok;
    } catch {
      return false;
    }
  };
  if (await up()) throw new Error(`Something already serves port ${port}; stop it first (the benchmark serves the renderer it has just built there).`);
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const server = spawn(
    process.execPath,
    [
      vite,
      ...(options.dev ? [] : ['preview', ...(process.env.BENCH_DIST ? ['--outDir', process.env.BENCH_DIST] : [])]),
      '--config',
      'vite.web.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  let exited = false;
  server.on('exit', () => (exited = true));
  for (let i = 0; i < 100 && !exited; i++) {
    if (await up()) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(
    `${probe} did not come up on port ${port}: run \`npm run build:web\` first${probe === '/' ? '' : " (and the benchmark page's build, as `npm run bench` does)"}.`,
  );
}

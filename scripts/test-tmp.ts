import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// Vitest's global setup: the unit tests' temporary files (backups, CLI
/// outputs, a sync server's database) go in one folder of the run's own,
/// removed when the run ends, so test runs do not fill the machine's
/// temporary folder. `os.tmpdir()` reads TMPDIR, which the test workers
/// and the processes they start inherit.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

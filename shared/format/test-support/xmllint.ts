import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// The official REFI-QDA schema, vendored (see fixtures/refi-qda/README.md).
export const projectXsd = join(import.meta.dirname, '..', 'fixtures', 'refi-qda', 'Project.xsd');

/// Whether xmllint (Debian's libxml2-utils) can be run here. In CI
/// (CI=true) its absence is an error, so schema checks never pass by
/// being skipped; elsewhere they are skipped, and say why.
export function hasXmllint(): boolean {
  const found = spawnSync('xmllint', ['--version']).status === 0;
  if (!found && process.env.CI) throw new Error('xmllint is not installed, so the REFI-QDA exports cannot be checked against Project.xsd. Install Debian’s libxml2-utils (.ci/run does).');
  if (!found) console.warn('xmllint not found: the REFI-QDA schema checks are skipped. Install libxml2-utils to run them.');
  return found;
}

/// Validates `xml` against `schema` with `xmllint --schema`; returns its
/// complaints, or '' when the document is valid.
export function schemaProblems(xml: string, schema = projectXsd): string {
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-xsd-'));
  try {
    const file = join(dir, 'project.qde');
    writeFileSync(file, xml);
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: 'pipe' });
      return '';
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/// What `import.meta.glob(pattern, { query: '?raw', import: 'default', eager: true })`
/// gives in the module at `base`: each matching file's text by its path as
/// written. Only a directory followed by a `*` name with `{a,b}` choices.
export function viteGlob(base, pattern) {
  const slash = pattern.lastIndexOf('/');
  const dir = join(dirname(fileURLToPath(base)), pattern.slice(0, slash));
  const name = pattern
    .slice(slash + 1)
    .replace(/[.]/g, '\\.')
    .replace(/\*/g, '.*')
    .replace(/\{([^}]*)\}/g, (_, choices) => `(${choices.split(',').join('|')})`);
  const matches = new RegExp(`^${name}$`);
  const files = {};
  for (const file of readdirSync(dir).sort()) if (matches.test(file)) files[pattern.slice(0, slash + 1) + file] = readFileSync(join(dir, file), 'utf8');
  return files;
}

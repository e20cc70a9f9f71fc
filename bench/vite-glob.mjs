// A Node module hook for the benchmarks that load the app's store in Node:
// Vite inlines `import.meta.glob(…, { query: '?raw', eager: true })` at build
// time (the bundled corpus, renderer/corpus.ts); here it becomes a read of
// the same files. Registered by bench/main.ts before it imports them.
const runtime = new URL('./vite-glob-runtime.mjs', import.meta.url).href;

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!url.includes('/renderer/') || loaded.source == null) return loaded;
  const source = typeof loaded.source === 'string' ? loaded.source : Buffer.from(loaded.source).toString('utf8');
  if (!source.includes('import.meta.glob(')) return loaded;
  const rewritten = source.replace(
    /import\.meta\.glob\((['"])(.+?)\1,\s*\{[^}]*\}\)/g,
    (_, _q, pattern) => `__viteGlob(import.meta.url, ${JSON.stringify(pattern)})`,
  );
  return { ...loaded, source: `import { viteGlob as __viteGlob } from ${JSON.stringify(runtime)};\n${rewritten}` };
}

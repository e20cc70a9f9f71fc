import { type LibraryDocument, loadDocument } from '../shared/corpus/document';

// The bundled corpus, inlined into the build as raw text: the app needs no
// file access and no network to open it.
const sources = import.meta.glob('../corpus/*.{md,txt}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let loaded: Map<string, LibraryDocument> | null = null;

/// The library's documents by id, parsed once on first use.
export function bundledDocuments(): Map<string, LibraryDocument> {
  if (!loaded) {
    loaded = new Map();
    for (const [path, source] of Object.entries(sources)) {
      const document = loadDocument(path.split('/').pop()!, source);
      loaded.set(document.id, document);
    }
  }
  return loaded;
}

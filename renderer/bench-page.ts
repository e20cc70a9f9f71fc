import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { loadDocument } from '../shared/corpus/document';
import type { Highlight } from './editor/highlights';
import { Reader } from './editor/reader';

// The reader benchmark's page (npm run bench drives it in Chromium): the
// app's own Reader and highlights plugin, on data the benchmark sends.

let reader: Reader | null = null;
const mount = document.getElementById('mount')!;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const bench = {
  /// Opens a document with its highlights; resolves to the ms until the
  /// next frame after layout: the reader is interactive then.
  async open(fileName: string, source: string, highlights: Highlight[]): Promise<number> {
    reader?.destroy();
    reader = null;
    const document = loadDocument(fileName, source);
    await nextFrame();
    const start = performance.now();
    reader = new Reader(mount, document, { onSelection: () => {}, onHighlightClick: () => {} }, highlights);
    void mount.offsetHeight;
    await nextFrame();
    return performance.now() - start;
  },
  /// Adds one highlight; resolves to the ms of main-thread work until the
  /// DOM is updated and laid out.
  add(highlight: Highlight): number {
    const start = performance.now();
    reader!.highlight({ type: 'upsert', highlights: [highlight] });
    void mount.offsetHeight;
    return performance.now() - start;
  },
  heapMB(): number | null {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? Math.round(memory.usedJSHeapSize / 1048576) : null;
  },
};

(window as unknown as { palimpsestBench: typeof bench }).palimpsestBench = bench;
document.title = 'ready';

import 'prosemirror-view/style/prosemirror.css';
import '../../renderer/styles.css';
import { loadDocument } from '../../shared/corpus/document';
import type { Highlight } from '../../renderer/editor/highlights';
import { Reader } from '../../renderer/editor/reader';
import { visibleBlocks } from '../../renderer/editor/viewport';
import { storageBench } from './bench-storage';
import { exportBench } from './bench-export';
import { tableBench } from './bench-table';
import { heapMB } from './heap';

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
  /// Scrolls the passage at `offset` into view and resolves, two frames
  /// later, to the canonical range of the blocks on screen, where the
  /// highlights of a creation benchmark go.
  async showAt(offset: number): Promise<{ start: number; end: number }> {
    reader!.scrollTo(offset);
    await nextFrame();
    await nextFrame();
    const scroller = mount.closest('.reader-column')!;
    const band = scroller.getBoundingClientRect();
    const text = reader!.document.text;
    // The reader's own way of telling the blocks on screen.
    const visible = visibleBlocks(reader!.view, reader!.positions.blockCount, band.top, band.bottom);
    if (!visible) throw new RangeError('The reader does not show the document as one element per block.');
    return { start: text.starts[visible.first]!, end: text.ends[visible.last]! };
  },
  /// Scrolls the reader from top to bottom, `step` pixels a frame, or for
  /// at most `frameLimit` frames, and resolves to the intervals between
  /// frames and the long tasks seen.
  async scroll(step: number, frameLimit: number | null = null): Promise<{ frames: number[]; longTasks: number[] }> {
    const scroller = mount.closest('.reader-column')!;
    scroller.scrollTop = 0;
    await nextFrame();
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const frames: number[] = [];
    await new Promise<void>((resolve) => {
      let last = -1;
      const tick = (time: number) => {
        if (last >= 0) frames.push(time - last);
        last = time;
        const before = scroller.scrollTop;
        scroller.scrollTop = before + step;
        if (scroller.scrollTop === before || (frameLimit !== null && frames.length >= frameLimit)) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    observer.disconnect();
    return { frames, longTasks };
  },
  heapMB,
};

// The storage, export and table benchmarks' methods, on the same page.
Object.assign(bench, storageBench, exportBench, tableBench);
(window as unknown as { palimpsestBench: typeof bench }).palimpsestBench = bench;
document.title = 'ready';

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ dialog: { showSaveDialog: vi.fn() } }));
const { dialog } = await import('electron');
const { pdfName, printHandlers } = await import('./print');

describe('Print… in the desktop app', () => {
  it('saves the page’s print layout as a PDF where the user chooses', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'palimpsest-print-')), 'brief.pdf');
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: path });
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 …'));
    const { print } = printHandlers(() => null);
    expect(await print({ defaultName: 'FO brief 1962.md' }, { event: { sender: { printToPDF } } } as never)).toBe(path);
    expect(vi.mocked(dialog.showSaveDialog).mock.calls[0]![0]).toMatchObject({
      defaultPath: 'FO brief 1962.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true }));
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 …');
  });

  it('makes no PDF when the user cancels', async () => {
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    const printToPDF = vi.fn();
    expect(await printHandlers(() => null).print({ defaultName: 'x.pdf' }, { event: { sender: { printToPDF } } } as never)).toBeNull();
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('proposes a .pdf name', () => {
    expect(pdfName('annotations.json')).toBe('annotations.pdf');
    expect(pdfName('Report.PDF')).toBe('Report.PDF');
    expect(pdfName('Memorandum, 12 May 1961')).toBe('Memorandum, 12 May 1961.pdf');
  });
});

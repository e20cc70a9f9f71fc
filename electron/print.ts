import type { BrowserWindow } from 'electron';
import { askWhereToSave } from './dialogs';
import { writeContent } from './files';
import type { Handlers } from './ipc';

/// "Print…" in the desktop app: the page as laid out for print (its
/// `@media print` rules) saved as a PDF where the user chooses, which they
/// print or send from there. Chromium's own print preview does not open in
/// Electron, and a PDF is what a researcher files with their notes anyway.
export function printHandlers(window: () => BrowserWindow | null): Pick<Handlers, 'print'> {
  return {
    async print(request, { event }) {
      const name = pdfName(request.defaultName);
      const path = await askWhereToSave(window(), 'Save as PDF', name, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (!path) return null;
      // printToPDF uses the print media type: the page’s print layout, with
      // its highlight colours (backgrounds).
      const pdf = await event.sender.printToPDF({ printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true });
      await writeContent(path, new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength));
      return path;
    },
  };
}

/// The name proposed for the PDF: the page's name, ending in .pdf.
export function pdfName(defaultName: string): string {
  return /\.pdf$/i.test(defaultName) ? defaultName : `${defaultName.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.pdf`;
}

import { ImportFileError, shownName } from './errors';
import { type ZipLimits, readZip } from './zip';

/// The part of mammoth this module uses (its own typings name Node's
/// Buffer, which shared/ cannot see).
interface Mammoth {
  convertToHtml(
    input: { arrayBuffer: ArrayBuffer; buffer: ArrayBuffer },
    options: { styleMap: string[]; convertImage: unknown },
  ): Promise<{ value: string; messages: { type: string; message: string }[] }>;
  images: { imgElement(convert: (image: unknown) => Promise<{ src: string }>): unknown };
}

// Beyond mammoth's defaults: Word's Title and Subtitle styles are headings,
// its quotation styles are quotations, and underlining is kept.
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  'u => u',
];

/// What a .docx may inflate to: Word's XML parts (which mammoth parses
/// whole) 32 MB each, pictures (which it never decodes) 100 MB each, 256 MB
/// in all, in at most 10,000 parts. A 1,000-page book is under 10 MB of XML.
export const docxLimits: ZipLimits = {
  entries: 10_000,
  totalBytes: 256 * 1024 * 1024,
  entryBytes: (part) => (part.startsWith('word/media/') ? 100 : 32) * 1024 * 1024,
};

/// The files of a .docx (a zip) that the import reads itself: the
/// document's core properties (`docProps/core.xml`), if any. Throws
/// ImportFileError 'encrypted' for a password-protected Word file and
/// 'corrupt' for anything that is not a Word document's zip.
export function openDocx(bytes: Uint8Array, fileName: string): { coreXml: Uint8Array | null } {
  const name = shownName(fileName);
  if (isOleFile(bytes)) {
    // Word saves a password-protected .docx inside an OLE container, which
    // is also what an old .doc renamed .docx is.
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new ImportFileError(
        'encrypted',
        fileName,
        `${name} is protected with a password. Open it in Word, remove the password (File › Info › Protect Document), save it, and import it again.`,
      );
    }
    throw new ImportFileError(
      'corrupt',
      fileName,
      `${name} is not a .docx file but an old Word (.doc) file with the wrong extension. Open it in Word or LibreOffice, save it as .docx, and import that.`,
    );
  }
  // Every part is inflated here first, within the limits, because mammoth
  // inflates what it reads without any: a bomb is refused before it starts.
  const names: string[] = [];
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(bytes, fileName, docxLimits, (part) => {
      names.push(part);
      return part === 'docProps/core.xml';
    });
  } catch (error) {
    if (error instanceof ImportFileError && error.code !== 'corrupt') throw error;
    throw new ImportFileError(
      'corrupt',
      fileName,
      `${name} is damaged or is not a Word document: it cannot be opened as a .docx. Open it in Word and save it again, then import it.`,
    );
  }
  if (!names.includes('word/document.xml')) {
    throw new ImportFileError(
      'corrupt',
      fileName,
      `${name} is not a Word document: it is a zip file without a document inside. Open it in Word and save it again, then import it.`,
    );
  }
  return { coreXml: files.get('docProps/core.xml') ?? null };
}

/// Converts a .docx to HTML with mammoth, which keeps headings, emphasis,
/// lists, tables and footnotes (as a numbered list at the end, with
/// links both ways) and drops Word's formatting. Images become empty
/// `<img>` tags, to be counted and skipped, never decoded.
export async function docxToHtml(bytes: Uint8Array, fileName: string, loadMammoth: () => Promise<unknown> = () => import('mammoth')): Promise<string> {
  const module = (await loadMammoth()) as { default?: Mammoth } & Mammoth;
  const mammoth = module.default ?? module;
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`.
  const arrayBuffer = bytes.slice().buffer;
  try {
    const result = await mammoth.convertToHtml(
      { arrayBuffer, buffer: arrayBuffer },
      { styleMap, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return result.value;
  } catch {
    throw new ImportFileError(
      'corrupt',
      fileName,
      `${shownName(fileName)} is damaged: Word's document inside it cannot be read. Open it in Word and save it again, then import it.`,
    );
  }
}

function isOleFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

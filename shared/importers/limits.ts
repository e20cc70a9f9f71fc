/// The largest file Palimpsest opens or imports: 100 MB. Larger files are
/// refused before they are read or parsed: no annotation file or document a
/// historian works with comes near it, and a document that size (a whole
/// scanned book, usually) would exhaust the worker's memory on its way to
/// the reader. The desktop shell, the browser host and the import all
/// check against this one figure.
export const maxImportBytes = 100 * 1024 * 1024;

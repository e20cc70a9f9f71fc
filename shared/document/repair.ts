/// Repairs of damage the archives' exports did to the sources, applied to
/// the source text before parsing. Each repair is narrow and named, so that
/// nothing else in a document's text is ever rewritten.

/// The journal article's footnote markers reached us double-escaped and
/// split: `<sup>&</sup>lt;sup>12</sup>` is what `<sup>12</sup>` became after
/// an export escaped the inner tag and a second pass tagged the ampersand.
const mangledSuperscript = /<sup>&<\/sup>lt;sup>/g;

/// Returns the source with known export damage undone.
export function repairSource(source: string): string {
  return source.replace(mangledSuperscript, '<sup>');
}

/// Normalises line endings and drops a byte-order mark, so that a file
/// saved on Windows and the same file saved elsewhere give the same text.
export function normaliseNewlines(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

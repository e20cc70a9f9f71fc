/// A short fingerprint of a text (64-bit FNV-1a over UTF-16 code units, as
/// 16 hex digits). Exports carry it so an import can tell whether the text
/// its offsets count in is the text the library holds. Not cryptographic.
export function textFingerprint(text: string): string {
  // Two 32-bit FNV-1a lanes with different offsets stand in for one 64-bit
  // hash without BigInt, which is slow on megabyte texts.
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/// The longest name a title gives a file: well under the 255 bytes most file
/// systems allow, so the suffix and a " (2)" a dialog may add still fit.
export const maxTitleInFileName = 80;

// Characters no file name may hold on one of the systems the app runs on
// (Windows refuses `<>:"|?*`; every system refuses `/` and control characters).
const unsafe = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;

/// A file name made of a title a researcher typed ("Letters 1848/49", a set
/// called "Tirana: 1967?"), for a save dialog to propose: characters a file
/// system refuses become "-", the title is cut to `maxTitleInFileName`
/// characters (never inside a surrogate pair), leading and trailing dots and
/// spaces go (Windows drops them silently), and `fallback` stands in when
/// nothing is left. `suffix` is kept whole, e.g. ".palimpsest-set.json".
export function fileNameOf(title: string, suffix: string, fallback: string): string {
  const cleaned = Array.from(
    title
      .normalize('NFC')
      .replace(unsafe, '-')
      .replace(/\s+/g, ' ')
      .replace(/-(\s*-)+/g, '-'),
  )
    .slice(0, maxTitleInFileName)
    .join('')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  return `${cleaned || fallback}${suffix}`;
}

/// The longest readable id made of a name. Ids are at most 200 characters
/// in every file format (`idSchema`); a slug leaves room for a `-n` suffix
/// and stays short enough to read in a file.
export const maxSlugLength = 64;

/// A readable id made of a name: lower case, accents dropped, every run of
/// other characters one hyphen, cut to `maxSlugLength`; `fallback` when
/// nothing is left. Tag types, relation types and imported documents take
/// their ids this way.
export function slugOf(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '');
  return slug || fallback;
}

/// A quote shortened to `length` characters, on one line, for lists and
/// headers where the whole passage would not fit.
export function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

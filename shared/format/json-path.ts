/// Writes a path into a JSON value the way people read it:
/// `$.annotations[3].target.selector[0].exact`.
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/// A path made by `jsonPath` as a researcher reads it, for the screen:
/// `$.first.items[2].target` is "item 3 › target", `$.annotations[3]`
/// "annotation 4", `$.body.value` "body › value". `$` alone, the whole of a
/// file holding one item, is `whole`. Anything else (a part of a zip, a
/// file's name) is returned as it is.
export function pathInWords(path: string, whole = 'the annotation'): string {
  if (!path.startsWith('$')) return path;
  const words: string[] = [];
  let list: string | null = null;
  for (const [, name, index, quoted] of path.slice(1).matchAll(/\.([^.[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (index !== undefined) {
      // A list's item by its name and its number, counting from 1.
      if (list !== null) words.pop();
      words.push(`${single(list ?? 'items')} ${Number(index) + 1}`);
      list = null;
      continue;
    }
    const key = name ?? (JSON.parse(quoted!) as string);
    list = key;
    // An AnnotationCollection's first page holds its items: no place of its own.
    if (key !== 'first') words.push(key);
    else list = null;
  }
  return words.length ? words.join(' › ') : whole;
}

// "annotations" → "annotation"; a name not plural stays as it is.
function single(name: string): string {
  return name.length > 3 && name.endsWith('s') && !name.endsWith('ss') ? name.slice(0, -1) : name;
}

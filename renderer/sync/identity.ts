import type { Author } from '../../shared/sync/model';

const key = 'palimpsest.sync.identity';

/// This machine's author: a stable id made once, and the display name the
/// researcher set (`null` until they do).
export function identity(): { id: string; name: string | null } {
  const stored = localStorage.getItem(key);
  if (stored) {
    const parsed = JSON.parse(stored) as { id: string; name: string | null };
    if (typeof parsed.id === 'string') return parsed;
  }
  const fresh = { id: crypto.randomUUID(), name: null };
  localStorage.setItem(key, JSON.stringify(fresh));
  return fresh;
}

/// Sets the name others see on this machine's annotations and links.
export function setDisplayName(name: string): Author {
  const trimmed = name.trim();
  if (trimmed === '') throw new RangeError('A display name cannot be empty.');
  const me = { id: identity().id, name: trimmed };
  localStorage.setItem(key, JSON.stringify(me));
  return me;
}

/// The author this machine writes as.
export function me(): Author {
  const { id, name } = identity();
  return { id, name: name ?? 'Unnamed researcher' };
}

/// The researcher's reading preferences, kept in the page's localStorage so
/// they outlive a restart: font size, theme, the panel's width, the place
/// last read, whether the library's first-look guide was put away. Each is
/// read through a check of its own, so a value another version wrote, or a
/// hand edited, falls back to the default instead of breaking the app.

const prefix = 'palimpsest:';

/// Reads a preference, or `fallback` when it is absent, unreadable or
/// fails `valid`.
export function readPreference<T>(name: string, valid: (value: unknown) => value is T, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(prefix + name);
    if (raw == null) return fallback;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : fallback;
  } catch {
    // Storage refused (a private window) or a value that is not JSON.
    return fallback;
  }
}

/// Writes a preference; a storage that refuses (full, private) only means
/// it is not remembered.
export function writePreference(name: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(prefix + name, JSON.stringify(value));
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

export function forgetPreference(name: string): void {
  try {
    globalThis.localStorage?.removeItem(prefix + name);
  } catch {
    // As above.
  }
}

export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

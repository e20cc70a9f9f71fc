/// Links that leave the app: which may, and when. Pure, so it is tested
/// without Electron.

/// Whether `url` may open in the user's own browser or mail program: web
/// pages and mail addresses only, never a file, a custom scheme or a
/// program's protocol handler (`ms-msdt:`, `smb:`, `file:`…).
export function isExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '' && !parsed.username && !parsed.password;
}

// Input the browser process saw from the user's mouse, keyboard or touch
// screen. These events come from the operating system, not from the page,
// so a page cannot forge them.
const gestureTypes = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap', 'touchEnd']);

/// The time of the user's last click or key press in a window, so a link
/// opens outside the app only just after one: a page taken over cannot
/// open one browser tab after another on its own.
export class Gestures {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    /// How long after a click or key press a link may still open, in ms.
    private readonly within = 2000,
  ) {}

  /// Records an input event of `type` (Electron's InputEvent type) at `now`.
  note(type: string, now: number): void {
    if (gestureTypes.has(type)) this.last = now;
  }

  /// Whether the user clicked or pressed a key just before `now`; using it
  /// up, so one click opens one link.
  consume(now: number): boolean {
    const recent = now - this.last <= this.within && now >= this.last;
    if (recent) this.last = Number.NEGATIVE_INFINITY;
    return recent;
  }
}

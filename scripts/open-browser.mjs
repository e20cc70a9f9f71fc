// Opening an address in the user's default browser, where there is one.
import { spawn } from 'node:child_process';

/// The command that opens `url` in the default browser on `platform`, or
/// `null` where none can be opened: BROWSER=none, or a Linux session with
/// no display (a server, an SSH login, a container).
export function browserCommand(url, platform = process.platform, env = process.env) {
  if (env.BROWSER === 'none') return null;
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a shell built-in; its first quoted argument is a title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/// Opens `url` in the default browser; resolves to whether it could.
export function openBrowser(url, platform = process.platform, env = process.env) {
  const how = browserCommand(url, platform, env);
  if (!how) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(how.command, how.args, { stdio: 'ignore', detached: platform !== 'win32' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
    child.unref();
  });
}

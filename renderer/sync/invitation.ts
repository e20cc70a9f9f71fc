/// What "Join…" takes: where the server is, which project, and the token
/// that lets this machine in (to edit, or to read only).
export interface Invitation {
  server: string;
  project: string;
  token: string;
  /// The project's name, as its owner called it.
  name: string;
}

const prefix = 'palimpsest-invite:';

/// An invitation as text to send a colleague.
export function invitationCode(invitation: Invitation): string {
  const bytes = new TextEncoder().encode(JSON.stringify(invitation));
  return (
    prefix +
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
  );
}

/// A user's bad invitation code, with what is wrong with it.
export class InvitationError extends Error {
  override name = 'InvitationError';
}

/// Reads an invitation code; a code that is not one throws InvitationError.
export function readInvitation(code: string): Invitation {
  const text = code.trim();
  if (!text.startsWith(prefix)) throw new InvitationError('This is not a Palimpsest invitation code: it should start with “palimpsest-invite:”.');
  if (text.length > 4000) throw new InvitationError('This invitation code is far longer than any invitation; it may be two pasted together.');
  let value: unknown;
  try {
    const base64 = text.slice(prefix.length).replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InvitationError('This invitation code is damaged (perhaps cut short when copied).');
  }
  const v = value as Partial<Invitation>;
  if (typeof v.server !== 'string' || !/^wss?:\/\/\S+$/.test(v.server)) throw new InvitationError('This invitation names no server address (ws:// or wss://).');
  if (typeof v.project !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(v.project)) throw new InvitationError('This invitation names no project.');
  if (typeof v.token !== 'string' || !/^(edit|read)\.[0-9a-f]{64}$/.test(v.token)) throw new InvitationError('This invitation carries no valid access token.');
  return { server: v.server, project: v.project, token: v.token, name: typeof v.name === 'string' ? v.name.slice(0, 200) : v.project };
}

/// Whether an invitation lets its holder edit, or only read.
export const canEdit = (invitation: Pick<Invitation, 'token'>) => invitation.token.startsWith('edit.');

/// The token for `project` and `role` under the server's key, as the
/// server computes it (server/tokens.ts): `role.` + HMAC-SHA256 hex.
export async function tokenFor(key: string, project: string, role: 'edit' | 'read'): Promise<string> {
  const encoder = new TextEncoder();
  const secret = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', secret, encoder.encode(`${role}:${project}`)));
  return `${role}.${[...signature].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

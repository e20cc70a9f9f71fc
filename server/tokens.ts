import { createHmac, timingSafeEqual } from 'node:crypto';

/// What an invitation lets its holder do with a shared project.
export type Role = 'edit' | 'read';

/// A project id as the server accepts it: letters, digits and dashes.
export const projectIdPattern = /^[A-Za-z0-9-]{1,64}$/;

/// The token an invitation carries for `project` and `role`: `role.` then
/// the HMAC-SHA256 (hex) of `role:project` under the server's key. The
/// server stores no per-project secret, so every instance sharing the key
/// checks the same tokens. renderer/sync/invitation.ts computes the same.
export function tokenFor(key: string, project: string, role: Role): string {
  if (!projectIdPattern.test(project)) throw new RangeError(`The project id “${project}” is not letters, digits and dashes.`);
  return `${role}.${createHmac('sha256', key).update(`${role}:${project}`).digest('hex')}`;
}

/// The role `token` grants on `project`, or `null` when it grants none.
export function roleOf(key: string, project: string, token: string): Role | null {
  if (!projectIdPattern.test(project)) return null;
  const role = token.startsWith('edit.') ? 'edit' : token.startsWith('read.') ? 'read' : null;
  if (!role) return null;
  const expected = Buffer.from(tokenFor(key, project, role));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? role : null;
}

import { describe, expect, it } from 'vitest';
import { tokenFor as serverToken } from '../../server/tokens';
import { InvitationError, canEdit, invitationCode, readInvitation, tokenFor } from './invitation';

describe('invitations', () => {
  it('sign tokens as the server checks them', async () => {
    expect(await tokenFor('the server key, long', 'fond-371', 'read')).toBe(serverToken('the server key, long', 'fond-371', 'read'));
  });

  it('travel as a code and come back whole', async () => {
    const invitation = {
      server: 'wss://sync.example.org',
      project: 'fond-371',
      token: await tokenFor('k'.repeat(16), 'fond-371', 'edit'),
      name: 'FO 371 Albania',
    };
    const read = readInvitation(`  ${invitationCode(invitation)}\n`);
    expect(read).toEqual(invitation);
    expect(canEdit(read)).toBe(true);
  });

  it('refuse a code that is not one, or was cut short, with the reason', () => {
    expect(() => readInvitation('hello')).toThrow(InvitationError);
    expect(() => readInvitation('hello')).toThrow(/should start with/);
    const code = invitationCode({ server: 'ws://127.0.0.1:1234', project: 'p', token: `edit.${'0'.repeat(64)}`, name: 'p' });
    expect(() => readInvitation(code.slice(0, 40))).toThrow(/damaged|no /);
    const noServer = invitationCode({ server: 'http://x', project: 'p', token: `edit.${'0'.repeat(64)}`, name: 'p' });
    expect(() => readInvitation(noServer)).toThrow(/server address/);
  });
});

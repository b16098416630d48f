import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { checkPasswordPolicy, hashPassword, temporaryPassword, tokenHash, verifyPassword } from './passwords';

const code = (f: () => void) => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('passwords (docs/rules.md §12)', () => {
  it('scrypt with a random salt, in the stored format; verified in constant time', async () => {
    const a = hashPassword('correct horse battery');
    const b = hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{128}$/);
    expect(a).not.toBe(b); // a new salt each time
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'scrypt$broken')).toBe(false);
    // The same text typed with a composed or a decomposed accent is the same password.
    expect(await verifyPassword('cafe\u0301 au lait!', hashPassword('café au lait!'))).toBe(true);
  });

  it('the policy: 10 characters, not the current one, not the name or e-mail', () => {
    const me = { name: 'Anna Keller', email: 'anna.keller@dealer.example' };
    expect(code(() => checkPasswordPolicy('123456789', 'old', me))).toBe('PASSWORD_TOO_WEAK');
    expect(code(() => checkPasswordPolicy('the same one', 'the same one', me))).toBe('PASSWORD_SAME');
    expect(code(() => checkPasswordPolicy('ANNA KELLER', 'old', me))).toBe('PASSWORD_IS_NAME');
    expect(code(() => checkPasswordPolicy('annakeller', 'old', me))).toBe('PASSWORD_IS_NAME');
    expect(code(() => checkPasswordPolicy('anna.keller@dealer.example', 'old', me))).toBe('PASSWORD_IS_NAME');
    expect(code(() => checkPasswordPolicy('anna.keller', 'old', me))).toBe('PASSWORD_IS_NAME');
    expect(code(() => checkPasswordPolicy('Anna Keller 2026', 'old', me))).toBeNull();
  });

  it('temporary passwords are readable, long enough and different each time; tokens are stored hashed', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

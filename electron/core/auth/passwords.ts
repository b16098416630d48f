// Password hashing (scrypt, docs/rules.md §12), the password policy and readable temporary passwords.
import { createHash, randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contract/auth';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const MAXMEM = 64 * 1024 * 1024;

/** `scrypt$N$r$p$salt$hash` (salt and hash in hex), with a random 16-byte salt. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('hex')}$${key.toString('hex')}`;
}

function parse(stored: string) {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((x) => Number.isInteger(x) && x > 0) || cost.N > 1 << 20) return null;
  return { cost, salt: Buffer.from(salt, 'hex'), hash: Buffer.from(hash, 'hex') };
}

/** A well-formed hash nobody's password matches: an unknown user costs the same time as a wrong password. */
const DUMMY = hashPassword(randomBytes(18).toString('base64'));

/** Compares in constant time; off the main thread (node's scrypt pool) so a sign-in does not stall other desks. */
export function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = parse(stored ?? DUMMY) ?? parse(DUMMY)!;
  return new Promise((resolve) => {
    scrypt(
      password.normalize('NFC'),
      parsed.salt,
      parsed.hash.length,
      { ...parsed.cost, maxmem: MAXMEM },
      (err, key) => {
        if (err || !stored) return resolve(false);
        resolve(key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash));
      },
    );
  });
}

/** The policy (docs/rules.md §12): at least 10 characters, not the current one, not the person's name or e-mail. */
export function checkPasswordPolicy(next: string, current: string, person: { name: string; email: string | null }) {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, '');
  if ([...next].length < PASSWORD_MIN_LENGTH) throw new AppError('PASSWORD_TOO_WEAK', { field: 'next' });
  if (next === current) throw new AppError('PASSWORD_SAME', { field: 'next' });
  const n = fold(next);
  const own = [person.name, person.email ?? '', (person.email ?? '').split('@')[0] ?? ''].map(fold).filter(Boolean);
  if (own.includes(n)) throw new AppError('PASSWORD_IS_NAME', { field: 'next' });
}

// No look-alike characters (0/o, 1/l/i): read aloud or copied by hand without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A readable temporary password: three groups of four, e.g. `k7mp-x3qa-9tfe` (≈ 59 bits). */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

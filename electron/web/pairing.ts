// Host mode's pairing codes (docs/rules.md §12): 6 digits, valid 10 minutes, one desk each (a new code is made
// after each pairing), and at most 5 wrong codes a minute from one address.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { PairingCode } from '../../shared/contract/host';

export const CODE_TTL_MS = 10 * 60_000;
export const ATTEMPTS_PER_MINUTE = 5;

export interface Pairing {
  /** The valid code (a new one when it expired). */
  current(): PairingCode;
  /** A new code; the previous one stops working. */
  renew(): PairingCode;
  /** 'ok' (the code is used up: a new one is made), 'invalid' or 'limited' (too many wrong codes from `address`). */
  attempt(code: string, address: string): 'ok' | 'invalid' | 'limited';
}

export function createPairing(opts: { now?: () => number; onNewCode?: (c: PairingCode) => void } = {}): Pairing {
  const now = opts.now ?? Date.now;
  let code: PairingCode | null = null;
  const attempts = new Map<string, number[]>();
  const renew = () => {
    code = { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), expiresAt: now() + CODE_TTL_MS };
    opts.onNewCode?.(code);
    return code;
  };
  const current = () => (code && code.expiresAt > now() ? code : renew());
  return {
    current,
    renew,
    attempt(given, address) {
      const t = now();
      const recent = (attempts.get(address) ?? []).filter((at) => t - at < 60_000);
      if (recent.length >= ATTEMPTS_PER_MINUTE) {
        attempts.set(address, recent);
        return 'limited';
      }
      const valid = current();
      const a = Buffer.from(String(given).trim());
      const b = Buffer.from(valid.code);
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        recent.push(t); // only failures count: 5 wrong codes a minute at most
        attempts.set(address, recent);
        if (attempts.size > 10_000) attempts.clear(); // never grows without bound
        return 'invalid';
      }
      renew();
      return 'ok';
    },
  };
}

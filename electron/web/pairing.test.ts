import { describe, expect, it } from 'vitest';
import { toPush } from '../core/host/pushMessage';
import { allowedHostHeaders } from './hostAddresses';
import { ATTEMPTS_PER_MINUTE, CODE_TTL_MS, createPairing } from './pairing';

describe('pairing codes (docs/rules.md §12)', () => {
  it('6 digits, valid 10 minutes, one desk each', () => {
    let now = 1_000_000;
    const p = createPairing({ now: () => now });
    const first = p.current();
    expect(first.code).toMatch(/^\d{6}$/);
    expect(first.expiresAt).toBe(now + CODE_TTL_MS);
    expect(p.attempt(first.code, 'a')).toBe('ok');
    // Used up: a new code (one chance in a million that it draws the same digits).
    if (p.current().code !== first.code) expect(p.attempt(first.code, 'b')).toBe('invalid');
    const second = p.current();
    now += CODE_TTL_MS;
    expect(p.attempt(second.code, 'c')).toBe('invalid'); // expired
  });

  it('five wrong codes a minute from one address, then refused even with the right one', () => {
    let now = 0;
    const p = createPairing({ now: () => now });
    for (let i = 0; i < ATTEMPTS_PER_MINUTE; i++) expect(p.attempt('x', '10.0.0.9')).toBe('invalid');
    expect(p.attempt(p.current().code, '10.0.0.9')).toBe('limited');
    expect(p.attempt(p.current().code, '10.0.0.8')).toBe('ok'); // another address
    now += 60_000;
    expect(p.attempt(p.current().code, '10.0.0.9')).toBe('ok');
  });
});

describe('host names and push messages', () => {
  it('accepts only our own names and addresses, with the port', () => {
    const ok = allowedHostHeaders({ dns: ['desk-pc', 'localhost'], ips: ['192.168.1.20', '::1'] }, 5443);
    expect(ok.has('192.168.1.20:5443')).toBe(true);
    expect(ok.has('[::1]:5443')).toBe(true);
    expect(ok.has('desk-pc:5443')).toBe(true);
    expect(ok.has('evil.example:5443')).toBe(false);
    expect(ok.has('192.168.1.20')).toBe(false);
  });

  it('tells a desk what changed, never who', () => {
    expect(toPush({ type: 'lead.changed', leadId: 7, at: 5, action: 'edit' })).toEqual({
      type: 'lead.changed',
      leadId: 7,
      at: 5,
    });
    expect(toPush({ type: 'outbox.queued', at: 1 })).toBeNull();
    expect(toPush({ type: 'leads.imported', leadIds: [1, 2], at: 3 })).toEqual({ type: 'leads.imported', at: 3 });
  });
});

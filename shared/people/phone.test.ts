import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['+39 333 123 4567', null, 'it', '+393331234567', true],
    ['333 1234567', 'IT', 'en', '+393331234567', true],
    ['0039 333 1234567', null, 'fr', '+393331234567', true],
    ['01 42 68 53 00', 'France', 'en', '+33142685300', true],
    ['030 123456', 'DE', 'de', '+4930123456', true],
    ['12', 'IT', 'it', null, false],
  ] as const)('%s (%s, %s) → %s', (raw, country, lang, e164, valid) => {
    const r = normalizePhone(raw, country, lang)!;
    expect(r.valid).toBe(valid);
    if (valid) expect(r.e164).toBe(e164);
  });
  it('empty → null', () => {
    expect(normalizePhone('  ', 'IT', 'it')).toBeNull();
  });
});

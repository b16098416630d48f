import { describe, expect, it } from 'vitest';
import { isValidVin, normalizeVin } from './vin';

describe('isValidVin (ISO 3779: 17 of A–Z 0–9 without I, O, Q)', () => {
  it.each([
    ['a plain valid VIN', 'ZAM45VLA8J0123456', true],
    ['digits only', '12345678901234567', true],
    ['letters only (no I/O/Q)', 'ABCDEFGHJKLMNPRST', true],
    ['every allowed letter appears somewhere valid', 'UVWXYZ0123456789A', true],
    ['lowercase is normalized', 'zam45vla8j0123456', true],
    ['mixed case', 'ZaM45vLa8J0123456', true],
    ['spaces are ignored', 'ZAM 45VLA8J 0123456', true],
    ['dashes are ignored', 'ZAM-45VLA8J-0123456', true],
    ['leading/trailing whitespace and a tab', ' ZAM45VLA8J\t0123456 ', true],
    ['16 characters', 'ZAM45VLA8J012345', false],
    ['18 characters', 'ZAM45VLA8J01234567', false],
    ['contains I', 'ZAM45VLA8I0123456', false],
    ['contains O', 'ZAM45VLA8O0123456', false],
    ['contains Q', 'ZAM45VLA8Q0123456', false],
    ['contains lowercase i (I after normalization)', 'zam45vla8i0123456', false],
    ['contains lowercase o', 'zam45vla8o0123456', false],
    ['contains lowercase q', 'zam45vla8q0123456', false],
    ['punctuation', 'ZAM45VLA8J012345.', false],
    ['underscore', 'ZAM45VLA8J_012345', false],
    ['accented letter', 'ZAM45VLA8J012345É', false],
    ['16 characters padded with a dash', 'ZAM45VLA8J01234-5', false],
    ['empty', '', false],
    ['only spaces', '                 ', false],
  ])('%s: %j → %s', (_what, vin, valid) => {
    expect(isValidVin(vin)).toBe(valid);
  });

  it.each([[null], [undefined]])('%s is not a valid VIN', (v) => {
    expect(isValidVin(v)).toBe(false);
  });
});

describe('normalizeVin', () => {
  it.each([
    ['zam45vla8j0123456', 'ZAM45VLA8J0123456'],
    ['ZAM 45VLA8J 0123456', 'ZAM45VLA8J0123456'],
    ['zam-45vla8j-0123456', 'ZAM45VLA8J0123456'],
    [' ZAM45VLA8J0123456\n', 'ZAM45VLA8J0123456'],
    ['ZAM45VLA8J0123456', 'ZAM45VLA8J0123456'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeVin(raw)).toBe(expected);
  });
});

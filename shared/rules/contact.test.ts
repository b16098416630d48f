import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, isValidEmail, nameProblem, phoneProblem } from './contact';

describe("phone numbers (the import's rule, for every way a lead comes in)", () => {
  it.each([
    ['+39 333 123 4567', null],
    ['0039 333 1234567', null],
    ['333-1234567', null],
    ['+41 (0)44 123 45 67', null],
    ['02/1234567', null],
    ['+39 333 1234567 x12', null],
    ['', null],
    [null, null],
    ['abc', 'PHONE_INVALID'],
    ['+', 'PHONE_INVALID'],
    ['0', 'PHONE_INVALID'],
    ['12345', 'PHONE_INVALID'],
    ['📞📞📞📞📞📞', 'PHONE_INVALID'],
    ['+39 333 123 4567 📞', 'PHONE_INVALID'],
    ['+39 333\u0000123 4567', 'PHONE_INVALID'],
    ['call me 333 1234567', 'PHONE_INVALID'],
    ['+39 333 1234567\u202e', 'PHONE_INVALID'],
    ['333;1234567', 'PHONE_INVALID'],
  ])('%j → %s', (phone, problem) => expect(phoneProblem(phone)).toBe(problem));
});

describe('e-mail addresses', () => {
  it.each([
    ['mario.rossi@example.it', true],
    ['a@b.co', true],
    ['m+tag@sub.example.com', true],
    ['jürgen@müller.de', true],
    ['x@xn--mller-kva.de', true],
    ['a@b.co.', false],
    ['.a@b.co', false],
    ['a.@b.co', false],
    ['a..b@c.it', false],
    ['a@b', false],
    ['a@.b.co', false],
    ['a@b..co', false],
    ['a@-b.co', false],
    ['a@b.c', false],
    ['a@b.c0', false],
    ['@b.co', false],
    ['a b@c.it', false],
    ['a@b@c.it', false],
    ['a\u0000@b.co', false],
    ['"a"@b.co', false],
    ['a@b.co\u202e', false],
  ])('%j → %s', (email, valid) => expect(isValidEmail(email)).toBe(valid));
});

describe('names', () => {
  it.each([
    ['Mario', null],
    ['De Luca', null],
    ["D'Angelo", null],
    ['Müller-Lüdenscheidt', null],
    ['李', null],
    ['', null],
    ['Mario\u200d', null],
    ['\u200b', 'NAME_INVALID'],
    ['\u200b\u200c\u200d\u2060', 'NAME_INVALID'],
    ['\u202e\u202d', 'NAME_INVALID'],
    ['\u2066\u2069', 'NAME_INVALID'],
    ['Mario\u202e', 'NAME_INVALID'],
    ['Ma\u0000rio', 'NAME_INVALID'],
    ['---', 'NAME_INVALID'],
    ['\ud800', 'NAME_INVALID'],
  ])('%j → %s', (name, problem) => expect(nameProblem(name)).toBe(problem));
  it('lone surrogates are told from pairs', () => {
    expect([
      hasLoneSurrogate('\ud800'),
      hasLoneSurrogate('a\udc00'),
      hasLoneSurrogate('😀'),
      hasLoneSurrogate('ok'),
    ]).toEqual([true, true, false, false]);
  });
});

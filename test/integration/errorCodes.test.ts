// Every code an error crossing the contract can carry is in the closed list (shared/rules/errors.ts) and is
// translated in the four languages under errors:code.<CODE>.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../shared/rules/errors';

const root = join(__dirname, '..', '..');
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'locales', lang, 'errors.json'), 'utf8')) as { code: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('error codes', () => {
  it.each(['en', 'fr', 'de', 'it'])('every code of the closed list is translated in %s', (lang) => {
    const code = locale(lang).code;
    const missing = ERROR_CODES.filter((c) => typeof code[c] !== 'string' || code[c]!.trim() === '');
    expect(missing).toEqual([]);
  });

  it('the list has no duplicates and isErrorCode tells a code from any other string', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(isErrorCode('VERSION_CONFLICT')).toBe(true);
    expect(isErrorCode('NOT_A_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('every code thrown or returned by the core (electron/) is in the list', () => {
    const found = new Set<string>();
    for (const f of [
      ...sources(join(root, 'electron', 'core')),
      ...sources(join(root, 'electron', 'main')),
      join(root, 'electron', 'web', 'server.ts'),
    ]) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/new AppError\('([A-Z_]+)'/g)) found.add(m[1]!);
      for (const m of text.matchAll(/error: \{ code: '([A-Z_]+)'/g)) found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((c) => !isErrorCode(c))).toEqual([]);
  });
});

// "Repositories own the SQL" (issue 15): statements are prepared only under electron/store/ (repos/, db.ts); services,
// handlers and jobs call the repositories of electron/store/repos/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** Files outside electron/store/ that still hold SQL (to be moved into electron/store/repos/). */
/** A prepared statement, a raw exec on the connection, or drizzle's query builder on the store. */
const SQL = [/\.prepare\s*[<(]/, /\bsqlite\.exec\s*\(/, /\bstore\.db\b/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [relative(ROOT, p).replace(/\\/g, '/')] : [];
  });
}

describe('repositories own the SQL', () => {
  it('no statement, raw exec or query builder outside electron/store/', () => {
    const withSql = sourceFiles(join(ROOT, 'electron'))
      .filter((f) => !f.startsWith('electron/store/'))
      .filter((f) => SQL.some((re) => re.test(readFileSync(join(ROOT, f), 'utf8'))));
    expect(withSql).toEqual([]);
  });

  it('the check finds what it looks for', () => {
    expect(SQL.some((re) => re.test("const s = sqlite.prepare('SELECT 1');"))).toBe(true);
    expect(SQL.some((re) => re.test('const s = db.prepare<[number]>(sql);'))).toBe(true);
    expect(SQL.some((re) => re.test("store.sqlite.exec('VACUUM');"))).toBe(true);
    expect(SQL.some((re) => re.test('const r = repo.prepared();'))).toBe(false);
  });
});

// "Repositories own the SQL" (issue 15): statements are prepared only under electron/store/ (repos/, db.ts). The
// files not moved yet are listed below; the list only shrinks — a file that no longer prepares a statement must leave it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** Files outside electron/store/ that still hold SQL (to be moved into electron/store/repos/). */
const NOT_MOVED_YET: string[] = ['electron/core/kpi/kpiReportService.ts'];
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
  const withSql = sourceFiles(join(ROOT, 'electron'))
    .filter((f) => !f.startsWith('electron/store/'))
    .filter((f) => SQL.some((re) => re.test(readFileSync(join(ROOT, f), 'utf8'))))
    .sort();

  it('no statement outside electron/store/ but in the files not moved yet', () => {
    expect(withSql.filter((f) => !NOT_MOVED_YET.includes(f))).toEqual([]);
  });

  it('the list of files not moved yet only names files that still hold SQL', () => {
    expect(NOT_MOVED_YET.filter((f) => !withSql.includes(f))).toEqual([]);
  });
});

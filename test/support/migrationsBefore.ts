// A copy of a migrations folder as it was before one migration: drizzle's journal cut there, so that migrating with it
// applies only the migrations of before (a database "of before" for the migration tests, SQLite's and PostgreSQL's).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `folder` copied to `out` with its journal ending just before `tag` (which must exist and not be the first). */
export function migrationsBefore(folder: string, tag: string, out: string): string {
  cpSync(folder, out, { recursive: true });
  const path = join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 1) throw new Error(`no migration ${tag} after the first in ${folder}`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(path, JSON.stringify(journal));
  return out;
}

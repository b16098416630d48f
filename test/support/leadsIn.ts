// The leads a database file holds, read from the file itself by another connection (what is committed): the tests'
// check of what a restore, an export or a copy contains. (The app's own `app.info` only says whether there is any.)
import Database from 'better-sqlite3';

export function leadsIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

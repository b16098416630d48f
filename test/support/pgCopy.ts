// Copies tables of a SQLite store into a migrated PostgreSQL store, row for row (the same ids): SQLite's 0/1
// booleans become PostgreSQL booleans, generated columns are left to PostgreSQL, identities continue after the
// copied ids. For the tests that compare the two stores on the same data.
import type Database from 'better-sqlite3';
import type pg from 'pg';

export async function copySqliteTables(sqlite: Database.Database, pool: pg.Pool, tables: string[]): Promise<void> {
  for (const table of tables) {
    const cols = (
      await pool.query<{ column_name: string; data_type: string; is_generated: string }>(
        `SELECT column_name, data_type, is_generated FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
    ).rows.filter((c) => c.is_generated !== 'ALWAYS');
    if (cols.length === 0) throw new Error(`no table ${table} in PostgreSQL`);
    const rows = sqlite.prepare(`SELECT ${cols.map((c) => `"${c.column_name}"`).join(', ')} FROM "${table}"`).all();
    const names = cols.map((c) => `"${c.column_name}"`).join(', ');
    const marks = cols.map((_, i) => `$${i + 1}`).join(', ');
    for (const row of rows as Record<string, unknown>[]) {
      const values = cols.map((c) => {
        const v = row[c.column_name];
        return c.data_type === 'boolean' && v !== null ? v === 1 : v;
      });
      await pool.query(`INSERT INTO "${table}" (${names}) OVERRIDING SYSTEM VALUE VALUES (${marks})`, values);
    }
    if (cols.some((c) => c.column_name === 'id'))
      await pool.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`,
        [table],
      );
  }
}

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

/**
 * The same copy in batches (one INSERT … SELECT FROM json_populate_recordset per `batch` rows): ~100× quicker than
 * row by row, for the read-side tests and the benchmark's database. The JSON's 0/1 read as booleans where the column
 * is one (boolean input accepts '1' / '0').
 */
export async function bulkCopySqliteTables(
  sqlite: Database.Database,
  pool: pg.Pool,
  tables: string[],
  batch = 5000,
  onProgress?: (table: string, rows: number) => void,
): Promise<void> {
  for (const table of tables) {
    const cols = (
      await pool.query<{ column_name: string; is_generated: string }>(
        `SELECT column_name, is_generated FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
    ).rows.filter((c) => c.is_generated !== 'ALWAYS');
    if (cols.length === 0) throw new Error(`no table ${table} in PostgreSQL`);
    const names = cols.map((c) => `"${c.column_name}"`).join(', ');
    const insert = `INSERT INTO "${table}" (${names}) OVERRIDING SYSTEM VALUE
      SELECT ${names} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
    let rows: unknown[] = [];
    let done = 0;
    const flush = async () => {
      if (rows.length === 0) return;
      await pool.query(insert, [JSON.stringify(rows)]);
      done += rows.length;
      onProgress?.(table, done);
      rows = [];
    };
    for (const row of sqlite.prepare(`SELECT ${names} FROM "${table}"`).iterate()) {
      rows.push(row);
      if (rows.length >= batch) await flush();
    }
    await flush();
    if (cols.some((c) => c.column_name === 'id'))
      await pool.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`,
        [table],
      );
  }
}

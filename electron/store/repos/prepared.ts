// Statements prepared once, on first use: a repository is created with its connection (read-only for the host's
// readers, where a write statement is never used), and a statement costs nothing until a method needs it.
import type Database from 'better-sqlite3';

export type Sqlite = Database.Database;
export type Statement<P extends unknown[], R> = Database.Statement<P, R>;

/** `once(() => sqlite.prepare(...))`: the statement, prepared the first time it is asked for, then reused. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

// Column types of the PostgreSQL schema, chosen so that the values the app reads and writes through drizzle are the
// same as on SQLite (electron/store/schema): times stay epoch milliseconds (bigint read as a JS number: every value
// the app stores is below 2^53), booleans are PostgreSQL booleans (drizzle gives true/false on both stores), JSON
// stays text (parsed and serialized as SQLite's `text(…, { mode: 'json' })` does).
import { bigint, boolean, customType } from 'drizzle-orm/pg-core';

export const ms = (name: string) => bigint(name, { mode: 'number' });
export const bool = (name: string) => boolean(name);
/** A 64-bit integer that is not a time (counters): a JS number, as on SQLite. */
export const int64 = (name: string) => bigint(name, { mode: 'number' });

/** JSON kept as text, as SQLite's json mode keeps it. */
export const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
});

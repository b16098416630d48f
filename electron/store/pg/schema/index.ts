// Every table of the PostgreSQL store: the same tables and columns as the SQLite schema (../../schema), one file per
// area. Generate the migrations with `npx drizzle-kit generate --config electron/store/pg/drizzle.config.ts`.
export * from './people';
export * from './leads';
export * from './activity';
export * from './config';

// The integration test files that run on both stores (issue 15): as they are on SQLite (the 'sqlite' vitest project),
// and again with their app cores on PostgreSQL (the 'postgres' project, test/support/pgStoreSetup.ts). A file joins
// once it reads the data only through the app core's channels or the asynchronous store (no `core.store.sqlite`).
export const BOTH_STORES = [
  'appointmentKept',
  'background',
  'contactFix',
  'edgeTimes',
  'listPrefs',
  'reportAsOf',
  'rulesPrint',
  'shellBoot',
  'web',
  'webEvents',
].map((name) => `test/integration/${name}.test.ts`);

// The integration test files that run on both stores (issue 15): as they are on SQLite (the 'sqlite' vitest project),
// and again with their app cores on PostgreSQL (the 'postgres' project, test/support/pgStoreSetup.ts). A file joins
// once it reads the data only through the app core's channels, the asynchronous store or sqlAll/sqlGet/sqlRun
// (helpers.ts); a check about one store's internals branches on `core.data.kind` for that check only.
//
// Every other file of test/integration, and why it is not here:
// - SQLite by nature: backup (the file backups, rotation, restore), writeLock (SQLite's write lock between
//   processes), searchDoc (the FTS documents built in JS against SQLite's SQL view), readers (worker threads on
//   read-only SQLite connections), recovery and hostRecovery (a damaged file's start-up check and recovery mode),
//   networkDrive (a SQLite file on a network share), packaging (the installer).
// - Both stores already inside the file: asyncStore (describe.each over SQLite and PostgreSQL), and the pg*.test.ts
//   files (PostgreSQL's repositories, triggers and search against SQLite's, on their own databases).
// - No store at all (locale and vocabulary checks, no app core): closeReasons, errorCodes, helpGlossary.
export const BOTH_STORES = [
  'appointmentKept',
  'assignmentAlerts',
  'background',
  'catchUp',
  'cli',
  'contactFix',
  'contract',
  'customerLink',
  'customers',
  'demo',
  'desk',
  'deskConnect',
  'edgeTimes',
  'globalSearch',
  'hostKill',
  'hostMode',
  'hostSignIn',
  'import',
  'importClassify',
  'importCli',
  'importLimits',
  'importReuse',
  'kpi',
  'kpiReport',
  'kpiSites',
  'leadDayCounts',
  'listPrefs',
  'listPrint',
  'lists',
  'mail',
  'mailSafety',
  'newLeadChecks',
  'notifications',
  'people',
  'playbook',
  'reportAsOf',
  'rulesPrint',
  'settings',
  'shellBoot',
  'signIn',
  'sites',
  'sitesGaps',
  'sitesGroup',
  'store',
  'viewCounts',
  'web',
  'webEvents',
].map((name) => `test/integration/${name}.test.ts`);

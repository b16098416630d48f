// Bundles the Electron main process, its phone and table workers and the preload (esbuild, CommonJS) into dist/electron, with the
// migrations beside them. better-sqlite3 and electron stay external (native / provided at run time).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const out = 'dist/electron';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // import.meta.url is the bundle's own file URL: a dependency that resolves a file at load time (pdfkit's ICC profile:
  // `new URL('./data/…', import.meta.url)`) would otherwise throw "Invalid URL" as the bundle loads.
  banner: { js: "const __aslmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__aslmImportMetaUrl' },
};
// __ASLM_BUNDLE__: the main process finds its worker threads beside it (electron/core/people/phonePool.ts).
await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: `${out}/main.cjs`,
  define: { ...common.define, __ASLM_BUNDLE__: 'true' },
});
// The phone worker thread of the file import (unpacked from the asar archive: electron-builder.yml asarUnpack).
await build({ ...common, entryPoints: ['electron/core/people/phoneWorker.ts'], outfile: `${out}/phoneWorker.cjs` });
// The table worker: XLSX and large CSV import files read off the main thread (unpacked too).
await build({ ...common, entryPoints: ['electron/core/import/tableWorker.ts'], outfile: `${out}/tableWorker.cjs` });
// The readers: worker threads answering the read channels on their own read-only connections (unpacked too).
await build({ ...common, entryPoints: ['electron/core/readers/readerWorker.ts'], outfile: `${out}/readerWorker.cjs` });
// The preload runs sandboxed: it may only require 'electron'.
await build({
  ...common,
  entryPoints: ['electron/main/preload.ts'],
  outfile: `${out}/preload.cjs`,
  external: ['electron'],
});
cpSync('electron/store/migrations', `${out}/migrations`, { recursive: true });
// PostgreSQL's (issue 15), found by electron/store/pg/migrate.ts beside the bundle.
cpSync('electron/store/pg/migrations', `${out}/pg-migrations`, { recursive: true });
console.log(
  `built ${out}/main.cjs, ${out}/phoneWorker.cjs, ${out}/tableWorker.cjs, ${out}/readerWorker.cjs, ${out}/preload.cjs, ${out}/migrations and ${out}/pg-migrations`,
);

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
  logOverride: { 'empty-import-meta': 'silent' },
  external: ['electron', 'better-sqlite3'],
};
// __ASLM_BUNDLE__: the main process finds its worker threads beside it (electron/core/people/phonePool.ts).
await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: `${out}/main.cjs`,
  define: { __ASLM_BUNDLE__: 'true' },
});
// The phone worker thread of the file import (unpacked from the asar archive: electron-builder.yml asarUnpack).
await build({ ...common, entryPoints: ['electron/core/people/phoneWorker.ts'], outfile: `${out}/phoneWorker.cjs` });
// The table worker: XLSX and large CSV import files read off the main thread (unpacked too).
await build({ ...common, entryPoints: ['electron/core/import/tableWorker.ts'], outfile: `${out}/tableWorker.cjs` });
// The preload runs sandboxed: it may only require 'electron'.
await build({
  ...common,
  entryPoints: ['electron/main/preload.ts'],
  outfile: `${out}/preload.cjs`,
  external: ['electron'],
});
cpSync('electron/store/migrations', `${out}/migrations`, { recursive: true });
console.log(
  `built ${out}/main.cjs, ${out}/phoneWorker.cjs, ${out}/tableWorker.cjs, ${out}/preload.cjs and ${out}/migrations`,
);

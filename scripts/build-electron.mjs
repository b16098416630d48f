// Bundles the Electron main process and preload (esbuild, CommonJS) into dist/electron, with the
// migrations beside them. better-sqlite3 and electron stay external (native / provided at run time).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const out = 'dist/electron';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }, external: ['electron', 'better-sqlite3'] };
await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: `${out}/main.cjs` });
// The preload runs sandboxed: it may only require 'electron'.
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: `${out}/preload.cjs`, external: ['electron'] });
cpSync('electron/store/migrations', `${out}/migrations`, { recursive: true });
console.log(`built ${out}/main.cjs, ${out}/preload.cjs and ${out}/migrations`);

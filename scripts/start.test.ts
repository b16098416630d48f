// `npm start` where Electron's binary cannot be fetched or run (as here, offline): one clear message, then
// browser mode (`npm run start:web`). npm is replaced by a stand-in on PATH that records what it was asked.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'aslm-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it.skipIf(process.platform === 'win32')(
    'falls back to browser mode with one clear message when Electron cannot run',
    () => {
      const log = join(dir, 'npm-calls.txt');
      writeFileSync(join(dir, 'npm'), `#!/bin/sh\necho "$@" >> "${log}"\nexit 0\n`);
      chmodSync(join(dir, 'npm'), 0o755);
      const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
        encoding: 'utf8',
        timeout: 150_000,
        // ASLM_FORCE_BROWSER stands for a machine without the binary (the real probe would launch Electron where it works).
        env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH}`, ASLM_FORCE_BROWSER: '1' },
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('the Electron runtime is not available on this machine');
      expect(r.stdout).toContain('browser mode');
      expect(readFileSync(log, 'utf8').trim()).toBe('run start:web');
    },
  );
});

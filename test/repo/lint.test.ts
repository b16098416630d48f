// The import boundaries of eslint.config.js fire where they must and stay quiet where the code is allowed to import:
// small snippets linted as if they were files of each folder.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** What this test uses of ESLint's Node API (loaded by name so that the typecheck does not depend on the devDependency). */
interface EslintApi {
  lintText(
    code: string,
    o: { filePath: string },
  ): Promise<{ messages: { ruleId: string | null; message: string }[] }[]>;
}
const ESLINT_MODULE = 'eslint';
const { ESLint } = (await import(ESLINT_MODULE)) as {
  ESLint: new (o: { cwd: string; overrideConfigFile: string }) => EslintApi;
};

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });

/** The rule ids reported (each once) for `code` as the file `path` (relative to the repository). */
async function rulesFor(path: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return [...new Set((r?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`))];
}

describe('import boundaries', () => {
  it.each([
    ['shared/rules/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/rules/x.ts', "import { join } from 'path';\nexport const a = join;"],
    ['shared/domain/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['shared/domain/x.ts', "import { eq } from 'drizzle-orm';\nexport const a = eq;"],
    ['shared/contract/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/rules/x.ts', "import { x } from '../../electron/core/x';\nexport const a = x;"],
    ['shared/rules/x.ts', "import { x } from '../../renderer/app/x';\nexport const a = x;"],
  ])('%s: %s is refused (no-restricted-imports)', async (path, code) => {
    expect(await rulesFor(path, code)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['window.location.hash'],
    ['document.title'],
    ['localStorage.getItem("k")'],
    ['process.env.TZ'],
    ['Buffer.from("x")'],
  ])('shared/: the global in %s is refused (no-restricted-globals)', async (expr) => {
    expect(await rulesFor('shared/rules/x.ts', `export const a = () => ${expr};`)).toEqual(['no-restricted-globals']);
  });

  it.each([
    ["import { createAppCore } from '../../electron/core/appCore';\nexport const a = createAppCore;"],
    ["import { openStore } from '../../../electron/store/db';\nexport const a = openStore;"],
    ["import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
  ])('renderer/: %s is refused', async (code) => {
    expect(await rulesFor('renderer/features/x/x.ts', code)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['electron/core/x.ts'],
    ['electron/core/kpi/x.ts'],
    ['electron/store/x.ts'],
    ['electron/web/x.ts'],
    ['electron/cli/x.ts'],
  ])('%s may not import Electron', async (path) => {
    expect(await rulesFor(path, "import { app } from 'electron';\nexport const a = app;")).toEqual([
      'no-restricted-imports',
    ]);
  });

  it('the core may not import the Electron glue (electron/main)', async () => {
    expect(
      await rulesFor('electron/core/x.ts', "import { buildMenu } from '../main/menu';\nexport const a = buildMenu;"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await rulesFor(
        'electron/core/kpi/x.ts',
        "import { IPC_CHANNEL } from '../../main/ipc';\nexport const a = IPC_CHANNEL;",
      ),
    ).toEqual(['no-restricted-imports']);
  });

  it('what each folder is allowed to import passes', async () => {
    expect(
      await rulesFor(
        'shared/rules/x.ts',
        "import { z } from 'zod';\nimport { LANGUAGES } from '../domain/vocabulary';\nexport const a = [z, LANGUAGES];",
      ),
    ).toEqual([]);
    expect(
      await rulesFor(
        'renderer/features/x/x.ts',
        "import { LANGUAGES } from '../../../shared/domain/vocabulary';\nexport const a = () => [LANGUAGES, window.location.hash];",
      ),
    ).toEqual([]);
    expect(
      await rulesFor(
        'electron/main/x.ts',
        "import { app } from 'electron';\nimport { createAppCore } from '../core/appCore';\nexport const a = [app, createAppCore];",
      ),
    ).toEqual([]);
    expect(
      await rulesFor(
        'electron/core/x.ts',
        "import { readFileSync } from 'node:fs';\nimport Database from 'better-sqlite3';\nexport const a = [readFileSync, Database, process.env.TZ];",
      ),
    ).toEqual([]);
    expect(await rulesFor('electron/cli/x.ts', "import { main } from './main';\nexport const a = main;")).toEqual([]);
  });
});

describe('one translation mechanism in the main process', () => {
  it.each([
    ['electron/core/mail/x.ts', "import i18next from 'i18next';\nexport const a = i18next;"],
    ['electron/core/kpi/x.ts', "import en from '../../../locales/en/kpi.json';\nexport const a = en;"],
    ['electron/main/x.ts', "import en from '../../locales/en/shell.json';\nexport const a = en;"],
    ['electron/cli/x.ts', "import i18next from 'i18next';\nexport const a = i18next;"],
  ])('%s: %s is refused', async (path, code) => {
    expect(await rulesFor(path, code)).toEqual(['no-restricted-imports']);
  });

  it('electron/core/i18n.ts may use i18next; type imports stay allowed elsewhere', async () => {
    expect(
      await rulesFor('electron/core/i18n.ts', "import i18next from 'i18next';\nexport const a = i18next;"),
    ).toEqual([]);
    expect(
      await rulesFor('electron/core/kpi/x.ts', "import type { TFunction } from 'i18next';\nexport type A = TFunction;"),
    ).toEqual([]);
    expect(
      await rulesFor(
        'electron/main/x.ts',
        "import type en from '../../locales/en/shell.json';\nexport type A = typeof en;",
      ),
    ).toEqual([]);
  });
});

// When the start-up integrity check runs (table) and how its state file is read back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, mustCheck, readCheckState, statePath, writeCheckState, type CheckState } from './startupCheck';

const NOW = Date.parse('2026-11-30T08:00:00Z');
const FILE = { size: 4096 * 100, mtimeMs: NOW - 3_600_000 };
const CLEAN: CheckState = {
  clean: true,
  size: FILE.size,
  mtimeMs: FILE.mtimeMs,
  lastOkAt: NOW - 86_400_000,
  suspect: false,
};

describe('mustCheck', () => {
  it.each<[string, CheckState | null, typeof FILE, boolean, ReturnType<typeof mustCheck>]>([
    ['no state (first start, or unreadable)', null, FILE, false, 'first'],
    ['the last session did not close cleanly', { ...CLEAN, clean: false }, FILE, false, 'unclean'],
    ['a write-ahead log was left behind', CLEAN, FILE, true, 'unclean'],
    ['a backup copy failed its check since', { ...CLEAN, suspect: true }, FILE, false, 'suspect'],
    ['the file grew since the clean close', CLEAN, { ...FILE, size: FILE.size + 4096 }, false, 'changed'],
    ['the file was written since (same size)', CLEAN, { ...FILE, mtimeMs: FILE.mtimeMs + 1 }, false, 'changed'],
    ['the last passed check is 7 days old', { ...CLEAN, lastOkAt: NOW - CHECK_EVERY_MS }, FILE, false, 'due'],
    ['never checked', { ...CLEAN, lastOkAt: 0 }, FILE, false, 'due'],
    ['a check "in the future" (clock moved back)', { ...CLEAN, lastOkAt: NOW + 60_000 }, FILE, false, 'due'],
    ['clean, unchanged, checked 6 days ago', { ...CLEAN, lastOkAt: NOW - CHECK_EVERY_MS + 60_000 }, FILE, false, null],
    ['clean, unchanged, checked yesterday', CLEAN, FILE, false, null],
  ])('%s', (_name, state, file, wal, want) => expect(mustCheck(state, file, wal, NOW)).toBe(want));
});

describe('the state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'aslm.sqlite');
  it('reads back what was written; anything else reads as no state', () => {
    expect(readCheckState(db)).toBeNull();
    writeCheckState(db, CLEAN);
    expect(readCheckState(db)).toEqual(CLEAN);
    for (const bad of [
      '',
      '{',
      '[]',
      '{"clean":"yes","size":1,"mtimeMs":1,"lastOkAt":1}',
      '{"clean":true,"size":null,"mtimeMs":1,"lastOkAt":1}',
    ]) {
      writeFileSync(statePath(db), bad);
      expect([bad, readCheckState(db)]).toEqual([bad, null]);
    }
  });
});

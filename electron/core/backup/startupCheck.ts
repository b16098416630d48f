// When the start-up integrity check (PRAGMA quick_check, ≈ 3 s on 250,000 leads) runs. It always runs after a
// session that did not end with a clean close (a crash, a power cut, a kill), when the file changed since that
// close (copied over, restored, touched by another program), when a daily backup's copy failed its check
// (a disk damaging pages silently), and at least every 7 days; otherwise the app opens at once.
// The state is a small JSON beside the database (`<db>.state.json`); missing or unreadable → the check runs.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

export const CHECK_EVERY_MS = 7 * 24 * 3_600_000;

export interface CheckState {
  /** The last session closed the database cleanly. */
  clean: boolean;
  /** The file as that clean close left it. */
  size: number;
  mtimeMs: number;
  /** The last passed check (start-up or a backup's copy), epoch ms; 0 = never. */
  lastOkAt: number;
  /** A backup's copy failed its integrity check since. */
  suspect: boolean;
}

export type CheckReason = 'first' | 'unclean' | 'changed' | 'suspect' | 'due' | null;

/** Why the start-up check must run, or null when it may be skipped. Pure. */
export function mustCheck(
  state: CheckState | null,
  file: { size: number; mtimeMs: number },
  walLeft: boolean,
  now: number,
): CheckReason {
  if (!state) return 'first';
  if (!state.clean || walLeft) return 'unclean';
  if (state.suspect) return 'suspect';
  if (state.size !== file.size || state.mtimeMs !== file.mtimeMs) return 'changed';
  if (!(now - state.lastOkAt < CHECK_EVERY_MS) || state.lastOkAt > now) return 'due';
  return null;
}

export const statePath = (dbPath: string) => `${dbPath}.state.json`;

export function readCheckState(dbPath: string): CheckState | null {
  try {
    const s = JSON.parse(readFileSync(statePath(dbPath), 'utf8')) as Partial<CheckState>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const size = num(s.size),
      mtimeMs = num(s.mtimeMs),
      lastOkAt = num(s.lastOkAt);
    if (typeof s.clean !== 'boolean' || size === null || mtimeMs === null || lastOkAt === null) return null;
    return { clean: s.clean, size, mtimeMs, lastOkAt, suspect: s.suspect === true };
  } catch {
    return null;
  }
}

/** Written whole then renamed: a crash leaves the old state or the new one, never half of it. */
export function writeCheckState(dbPath: string, state: CheckState): void {
  const tmp = `${statePath(dbPath)}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, statePath(dbPath));
}

/** The file's size and modification time, as compared at the next start. */
export function fileStamp(dbPath: string): { size: number; mtimeMs: number } {
  const st = statSync(dbPath);
  return { size: st.size, mtimeMs: st.mtimeMs };
}

/** A write-ahead log with frames in it (a reader may leave an empty one behind; that is not a crash). */
export function walLeft(dbPath: string): boolean {
  try {
    return statSync(`${dbPath}-wal`).size > 0;
  } catch {
    return false;
  }
}

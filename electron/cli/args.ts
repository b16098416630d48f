// Small argument helpers shared by the CLI commands.
import { homedir } from 'node:os';
import { join } from 'node:path';

export class UsageError extends Error {}

export const defaultDbPath = (): string => process.env.ASLM_DB ?? join(homedir(), '.aslm-desk', 'aslm.sqlite');

export function parseIso(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(v))
    throw new UsageError(`--${name} must be an ISO date-time (e.g. 2026-11-23T09:00:00Z), got "${v}"`);
  return ms;
}

export function parseIntArg(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${v}"`);
  return n;
}

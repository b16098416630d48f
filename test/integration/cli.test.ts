import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, testDbPath } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'aslm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const run = (...args: string[]) =>
  spawnSync(TSX, ['electron/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

describe('the CLI', () => {
  it('demo then kpi --json prints the three SLAs', () => {
    const db = testDbPath(dir, 'demo.sqlite');
    const demo = run('demo', '--leads', '300', '--db', db, '--at', '2026-11-20T10:00:00Z');
    expect(demo.status).toBe(0);
    // The managers' temporary passwords, printed once (docs/rules.md §12).
    expect(demo.stdout).toMatch(
      /Giulia Ferretti {2}user name: giulia\.ferretti@dealer\.example {2}password: [a-z2-9-]{14}/,
    );
    const r = run('kpi', '--json', '--db', db, '--at', '2026-11-20T10:00:00Z');
    expect(r.status).toBe(0);
    const k = JSON.parse(r.stdout);
    expect(k.at).toBe('2026-11-20T10:00:00.000Z');
    for (const s of ['sla1', 'sla2', 'sla3']) {
      expect(Object.keys(k[s]).sort()).toEqual(['met', 'missed', 'pending', 'rate', 'target']);
      expect(k[s].met + k[s].missed + k[s].pending).toBeGreaterThan(0);
    }
    expect(k.sla3.pending).toBe(0);
  }, 180_000); // two processes, a 300-lead demo: on PostgreSQL a round trip per statement

  it('replay applies a hand-written timeline and carries on after refusals', () => {
    const file = join(dir, 't.jsonl');
    const lines = [
      {
        at: '2026-03-02T09:00:00Z',
        action: 'create',
        ref: 'L1',
        lead: {
          firstName: 'Mario',
          lastName: 'Rossi',
          leadType: 'customer_driven',
          source: 'web',
          campaign: 'service_reminder',
          email: 'm@x.it',
        },
      },
      {
        at: '2026-03-02T10:00:00Z',
        action: 'appointment',
        ref: 'L1',
        input: { appointmentAt: '2026-03-05T09:00:00Z', sendEmail: true },
      },
      {
        at: '2026-03-03T09:00:00Z',
        action: 'contact',
        ref: 'L1',
        input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
      },
      { at: '2026-03-03T09:05:00Z', action: 'closedInSale', ref: 'L1', input: {} },
      {
        at: '2026-03-03T09:06:00Z',
        action: 'appointment',
        ref: 'L1',
        input: { appointmentAt: '2026-03-05T09:00:00Z', sendEmail: false },
      },
      { at: '2026-03-06T09:00:00Z', action: 'closedInSale', ref: 'L1', input: { vin: 'ZAM12345678901234' } },
      {
        at: '2026-03-06T09:01:00Z',
        action: 'contact',
        ref: 'L1',
        input: { direction: 'inbound', channel: 'phone', outcome: 'reached' },
      },
      {
        at: '2026-03-06T09:00:00Z',
        action: 'create',
        ref: 'L2',
        lead: {
          firstName: 'Anna',
          lastName: 'Keller',
          leadType: 'hq_driven',
          source: 'hq_campaign',
          campaign: 'seasonal_promo',
        },
      },
      { at: '2026-05-05T08:59:59Z', action: 'sweep' },
      { at: '2026-05-05T09:00:00Z', action: 'sweep' },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    // In memory by default; on a fresh PostgreSQL database in the 'postgres' project.
    const r = run('replay', file, ...(ON_POSTGRES ? ['--db', testDbPath(dir)] : []));
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.line, o.ok, o.code ?? o.status ?? null])).toEqual([
      [1, true, 'assigned'],
      [2, false, 'CONTACT_ATTEMPT_REQUIRED'],
      [3, true, 'assigned'],
      [4, false, 'VIN_REQUIRED'],
      [5, true, 'appointment'],
      [6, true, 'closed_sale'],
      [7, false, 'LEAD_IS_FINAL'],
      [8, true, 'assigned'],
      [9, true, null],
      [10, true, null],
    ]);
    expect(out[8].changes).toEqual([]);
    expect(out[9].changes).toEqual([
      { ref: 'L2', number: 'ASL-2026-000002', change: 'lost', effectiveAt: '2026-05-05T09:00:00.000Z' },
    ]);
  });

  it('bad arguments and unreadable files get a clear message and a non-zero exit', () => {
    const a = run('kpi', '--at', 'yesterday');
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('--at must be an ISO date-time');
    expect(run('frobnicate').status).toBe(2);
    const b = run('replay', join(dir, 'missing.jsonl'));
    expect(b.status).not.toBe(0);
    expect(b.stderr).toContain('cannot read');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"at":"2026-03-02T09:00:00Z","action":"sweep"}\nnot json\n');
    const c = run('replay', bad);
    expect(c.status).toBe(1);
    expect(
      c.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { line: 1, ok: true, action: 'sweep', changes: [] },
      { line: 2, ok: false, code: 'INVALID_JSON' },
    ]);
  });
});

// The core host on a real file: a damaged database starts in recovery mode (start-up quick_check), only the
// data-safety channels answer, a checked backup is restored while running and the app is back with its data.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreHost, type CoreHost } from '../../electron/core/backup/host';
import { backupDir } from '../../electron/core/backup/backups';
import { testClock } from '../../electron/core/clock';
import { baseLead, versionOf } from './helpers';
import Database from 'better-sqlite3';
import { damage, damagePage } from '../fixtures/damage';
import { fileStamp, readCheckState, writeCheckState } from '../../electron/core/backup/startupCheck';
import { startSmtp } from './smtpServer';
import { leadsIn } from '../support/leadsIn';

const dirs: string[] = [];
const hosts: CoreHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(extra: Partial<Parameters<typeof createCoreHost>[0]> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-recovery-'));
  dirs.push(dir);
  const dbPath = join(dir, 'aslm.sqlite');
  const open = () => {
    const h = createCoreHost({
      dbPath,
      clock: testClock(Date.parse('2026-03-02T09:00:00Z')),
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      ...extra,
    });
    hosts.push(h);
    return h;
  };
  return { dir, dbPath, open };
}
const call = async (h: CoreHost, channel: string, input: unknown) => h.dispatch(channel, input, { transport: 'test' });
async function ok<T = any>(h: CoreHost, channel: string, input: unknown): Promise<T> {
  const r = await call(h, channel, input);
  if (!r.ok) throw new Error(`${channel} → ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('recovery mode and restore while running', () => {
  it('a damaged file starts in recovery mode; restoring a checked backup brings the data back', async () => {
    const { dir, dbPath, open } = setup();
    let h = open();
    expect((await ok(h, 'shell.status', {})).problem).toBeNull();
    for (let i = 0; i < 60; i++)
      await ok(h, 'leads.create', baseLead({ lastName: `Rossi${i}`, email: `r${i}@example.it` }));
    const backup = await ok(h, 'backup.create', {});
    expect(backup.check).toBe('ok');
    await ok(h, 'leads.create', baseLead({ lastName: 'AfterBackup', email: 'after@example.it' }));
    h.close();
    damage(dbPath);

    h = open();
    const st = await ok(h, 'shell.status', {});
    expect(st.mode).toBe('recovery');
    expect(st.problem.kind).toBe('damaged');
    expect(h.core()).toBeNull();
    expect(await call(h, 'leads.counts', {})).toEqual({ ok: false, error: { code: 'RECOVERY_MODE' } });
    expect(await call(h, 'leads.drop', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect((await call(h, 'backup.create', {})).ok).toBe(false);
    const list = await ok(h, 'backup.list', { check: true });
    expect(list.backups).toEqual([expect.objectContaining({ file: backup.file, check: 'ok' })]);

    // The damaged file can be exported for support, as it is.
    const raw = await ok(h, 'backup.export', { target: join(dir, 'support', 'damaged.sqlite') });
    expect(raw.size).toBe(statSync(dbPath).size);

    const after = await ok(h, 'backup.restore', { file: backup.file });
    expect(after.mode).toBe('normal');
    expect(existsSync(`${dbPath}.before-restore`)).toBe(true);
    const counts = await ok(h, 'leads.counts', {});
    expect(Object.values(counts.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
      60,
    );
    expect((await ok(h, 'app.info', {})).hasLeads).toBe(true);
    expect(leadsIn(dbPath)).toBe(60);
  });

  it('with the database open, restore, export and back up now need the manager (a desk user is refused)', async () => {
    const { dir, open } = setup();
    const h = open();
    const backup = await ok(h, 'backup.create', {});
    const desk = await ok(h, 'people.save', { name: 'Dora', roles: ['booking_operator'] });
    await ok(h, 'people.switch', { userId: desk.id });
    for (const [ch, input] of [
      ['backup.restore', { file: backup.file }],
      ['backup.export', { target: join(dir, 'copy.sqlite') }],
      ['backup.create', {}],
    ] as const) {
      const r = await call(h, ch, input);
      expect(r.ok ? 'ok' : r.error.code, ch).toBe('FORBIDDEN');
    }
    expect(existsSync(join(dir, 'copy.sqlite'))).toBe(false);
    expect((await ok(h, 'backup.list', {})).backups.length).toBe(1); // reading the list stays open
  });

  it('a file that is not a database at all also starts in recovery mode', async () => {
    const { dbPath, open } = setup();
    writeFileSync(dbPath, 'this is not an SQLite file, just text that someone saved over it'.repeat(100));
    const h = open();
    const st = await ok(h, 'shell.status', {});
    expect(st.mode).toBe('recovery');
    expect(st.problem.detail).toMatch(/not a database/);
    expect((await ok(h, 'backup.list', { check: true })).backups).toEqual([]);
  });

  it('restores while running, refuses a damaged or unknown backup without touching the open data', async () => {
    const { dbPath, open } = setup();
    const h = open();
    await ok(h, 'leads.create', baseLead());
    const one = await ok(h, 'backup.create', {});
    await ok(h, 'leads.create', baseLead({ lastName: 'Bianchi', email: 'b@example.it' }));
    expect(leadsIn(dbPath)).toBe(2);

    const bad = 'aslm-20200101T000000000Z.sqlite';
    writeFileSync(join(backupDir(dbPath), bad), Buffer.alloc(8192, 0x41));
    expect(((await call(h, 'backup.restore', { file: bad })) as any).error.code).toBe('BACKUP_DAMAGED');
    expect(((await call(h, 'backup.restore', { file: 'aslm-20990101T000000000Z.sqlite' })) as any).error.code).toBe(
      'BACKUP_NOT_FOUND',
    );
    expect(((await call(h, 'backup.restore', { file: '../aslm.sqlite' })) as any).error.code).toBe('INVALID_INPUT');
    expect(leadsIn(dbPath)).toBe(2);

    // A call running while the restore starts finishes on the old file; the next sees the restored one.
    const [during, restored] = await Promise.all([
      ok(h, 'leads.counts', {}),
      ok(h, 'backup.restore', { file: one.file }),
    ]);
    expect(during.counts).toBeTruthy();
    expect(restored.mode).toBe('normal');
    expect(leadsIn(dbPath)).toBe(1);
    expect((await ok(h, 'leads.counts', {})).counts.assigned).toBe(1); // the core reads the restored file
    expect(statSync(dbPath).size).toBeGreaterThan(0);
  });

  it('exports a consistent copy to a typed path; refuses relative paths, the database itself and existing files', async () => {
    const { dir, dbPath, open } = setup();
    const h = open();
    await ok(h, 'leads.create', baseLead());
    const target = join(dir, 'out', 'copy.sqlite');
    const r = await ok(h, 'backup.export', { target });
    expect(r.path).toBe(target);
    const copy = createCoreHost({ dbPath: target, log: () => undefined });
    hosts.push(copy);
    expect(leadsIn(target)).toBe(1);
    expect((await ok(copy, 'app.info', {})).hasLeads).toBe(true);
    for (const [t, code] of [
      ['copy.sqlite', 'EXPORT_TARGET_INVALID'],
      [dbPath, 'EXPORT_TARGET_INVALID'],
      [`${dbPath}-wal`, 'EXPORT_TARGET_INVALID'],
      [join(dir, 'backups', 'x.sqlite'), 'EXPORT_TARGET_INVALID'],
      [target, 'EXPORT_TARGET_EXISTS'],
    ] as const) {
      const e = await call(h, 'backup.export', { target: t });
      expect(e.ok ? null : e.error.code).toBe(code);
    }
    // No save dialog here: a null target is refused; with one, the chosen path is used and a cancel is no error.
    expect(((await call(h, 'backup.export', { target: null })) as any).error.code).toBe('EXPORT_TARGET_REQUIRED');
  });

  it('uses the save dialog when given one, and makes the daily backup at start-up', async () => {
    let answer: string | null = null;
    const { dir, open } = setup({ dailyBackups: true, chooseExportPath: async () => answer });
    const h2 = open();
    for (let i = 0; i < 50 && (await ok(h2, 'backup.list', {})).backups.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await ok(h2, 'backup.list', {})).backups.length).toBeGreaterThanOrEqual(1);
    expect((await ok(h2, 'shell.status', {})).saveDialog).toBe(true);
    expect(await ok(h2, 'backup.export', { target: null })).toEqual({ path: null, size: 0 });
    answer = join(dir, 'chosen.sqlite');
    writeFileSync(answer, 'old'); // the dialog already asked whether to replace it
    const r = await ok(h2, 'backup.export', { target: null });
    expect(r.path).toBe(answer);
    expect(r.size).toBeGreaterThan(1000);
  });

  it('after a restore, the e-mails the backup holds as due and unsent (sent since) are held for "send again"; nothing is sent twice', async () => {
    const smtp = await startSmtp();
    try {
      const { open } = setup();
      const h = open();
      await ok(h, 'mail.settings.set', {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: '',
        from: 'service@dealer.example',
        dealerMailbox: '',
      });
      const d = await ok(h, 'leads.create', baseLead());
      await ok(h, 'leads.recordContact', {
        id: d.lead.id,
        version: d.lead.version,
        input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
      });
      await ok(h, 'leads.makeAppointment', {
        id: d.lead.id,
        version: await versionOf(h.core()!, d.lead.id),
        input: { appointmentAt: Date.parse('2026-03-09T10:00:00+01:00'), sendEmail: true },
      });
      const backup = await ok(h, 'backup.create', {}); // the confirmation is queued in the backup…
      const deliver = () => h.core()!.outbox.deliverDue(h.core()!.clock.now());
      expect(await deliver()).toMatchObject({ sent: 1 }); // …and sent since
      await ok(h, 'backup.restore', { file: backup.file });
      const rows = () =>
        h.core()!.store!.sqlite.prepare('SELECT id, kind, state, last_error AS e FROM outbox ORDER BY id').all() as {
          id: number;
          kind: string;
          state: string;
          e: string | null;
        }[];
      expect(rows().map((r) => [r.kind, r.state, r.e])).toEqual([
        ['appointment_confirmation', 'failed', 'reason:restored'],
        ['appointment_reminder', 'queued', null], // the reminder is not due yet: it stays
      ]);
      expect(await deliver()).toMatchObject({ sent: 0 });
      expect(smtp.received).toHaveLength(1);
      const hist = (await ok(h, 'leads.get', { id: d.lead.id })).history as {
        field: string;
        oldValue: string;
        newValue: string;
      }[];
      expect(
        hist.some(
          (x) =>
            x.field === 'emailDelivery' &&
            x.oldValue === 'queued' &&
            x.newValue.startsWith('failed:') &&
            x.newValue.includes('reason:restored'),
        ),
      ).toBe(true);
      // The manager decides: send again.
      await ok(h, 'mail.outbox.retry', { id: rows()[0]!.id });
      expect(await deliver()).toMatchObject({ sent: 1 });
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it('opens at once after a clean close; checks after a crash, a changed file, or a backup that failed its check', async () => {
    const { dbPath, open } = setup();
    let h = open();
    expect(h.startupCheck()).toEqual({ reason: null, ran: false }); // a new database
    for (let i = 0; i < 120; i++)
      await ok(h, 'leads.create', baseLead({ lastName: `Bianchi${i}`, email: `b${i}@example.it` }));
    h.close();
    h = open();
    expect(h.startupCheck()).toEqual({ reason: null, ran: false }); // closed cleanly, unchanged, checked recently
    expect(readCheckState(dbPath)?.clean).toBe(false); // while it runs, a crash would be seen at the next start
    // A second process opening while the first still runs (or after it crashed) checks.
    const crashed = open();
    expect(crashed.startupCheck()).toEqual({ reason: 'unclean', ran: true });
    crashed.close();
    h.close();
    await ok((h = open()), 'leads.create', baseLead({ lastName: 'Verdi', email: 'v@example.it' }));
    h.close();
    // Another program wrote the file after the clean close.
    writeCheckState(dbPath, { ...readCheckState(dbPath)!, size: 1 });
    h = open();
    expect(h.startupCheck()).toEqual({ reason: 'changed', ran: true });
    h.close();

    // A disk damaging a page silently (the file's size and time unchanged): the start does not see it…
    const ro = new Database(dbPath, { readonly: true });
    // A page of the history's rows in the middle (the first and last are read to estimate row counts at start-up).
    const pages = (
      ro.prepare("SELECT pageno FROM dbstat WHERE name = 'history' AND pagetype = 'leaf' ORDER BY path").all() as {
        pageno: number;
      }[]
    ).map((r) => r.pageno);
    expect(pages.length).toBeGreaterThan(2);
    const pageno = pages[Math.floor(pages.length / 2)]!;
    ro.close();
    damagePage(dbPath, pageno);
    writeCheckState(dbPath, { ...readCheckState(dbPath)!, ...fileStamp(dbPath) });
    h = open();
    expect(h.startupCheck()).toEqual({ reason: null, ran: false });
    expect((await ok(h, 'shell.status', {})).problem).toBeNull();
    // …the daily backup's check of its copy does, and the next start checks the file: recovery mode.
    expect(await call(h, 'backup.create', {})).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED' } });
    h.close();
    expect(readCheckState(dbPath)).toMatchObject({ clean: true, suspect: true });
    h = open();
    expect(h.startupCheck()).toEqual({ reason: 'suspect', ran: true });
    const st = await ok(h, 'shell.status', {});
    expect(st.mode).toBe('recovery');
  });
});

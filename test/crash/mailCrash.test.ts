// A process killed during e-mail delivery loses nothing: 24 e-mails in the outbox, a child process
// delivering them to a real SMTP server on loopback (slow to answer, to widen the window), killed with
// SIGKILL again and again. After the last restart every e-mail has arrived — at least once, with its
// stable Message-ID — and every row is 'sent'. A duplicate is possible only for a kill between the
// server's acceptance and the commit: never more duplicates than kills (README "E-mail delivery guarantee").
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/core/appCore';
import { startSmtp, type TestSmtp } from '../integration/smtpServer';

const root = resolve(__dirname, '../..');
let dir = '';
let bundle = '';
let smtp: TestSmtp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aslm-mailcrash-'));
  bundle = join(dir, 'mailChild.cjs');
  await build({
    entryPoints: [join(root, 'test/crash/mailChild.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  smtp = await startSmtp({ delayMs: 40 });
});
afterAll(async () => {
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(dbPath: string, killAfterMs: number | null): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundle, dbPath], {
      env: {
        ...process.env,
        NODE_PATH: join(root, 'node_modules'),
        ASLM_MIGRATIONS: join(root, 'electron/store/migrations'),
        ASLM_LOCALES: join(root, 'locales'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let errText = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && !timer && out.includes('READY'))
        timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => {
      errText += d.toString();
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!killed && code !== 0) return fail(new Error(`child failed (${code}): ${errText}`));
      const lines = out.split('\n');
      lines.pop();
      done({ lines, killed });
    });
  });
}

describe('outbox crash safety', () => {
  it('SIGKILL during delivery, again and again: every e-mail arrives, every row ends sent', async () => {
    const dbPath = join(dir, 'aslm.sqlite');
    const core = createAppCore({ dbPath, mode: 'browser', log: () => undefined });
    await core.smtp.set({
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: '',
      from: 'service@dealer.example',
      dealerMailbox: '',
    });
    const now = Date.now();
    await core.data.tx(async (r) => {
      for (let i = 0; i < 24; i++) {
        await core.outbox.enqueue(
          r,
          {
            dedupeKey: `crash:${i}`,
            leadId: null,
            kind: 'test',
            to: `c${i}@example.com`,
            language: 'en',
            subject: `Mail ${i}`,
            text: `Body ${i}`,
            dueAt: now,
          },
          now,
        );
      }
    });
    const ids = new Map(
      (
        core.store!.sqlite.prepare('SELECT message_id AS m, dedupe_key AS k FROM outbox').all() as {
          m: string;
          k: string;
        }[]
      ).map((r) => [r.m, r.k]),
    );
    core.close();

    let kills = 0;
    let rnd = 4242;
    const next = () => {
      rnd = (rnd * 1103515245 + 12345) % 2147483648;
      return rnd / 2147483648;
    };
    for (let i = 0; i < 12; i++) {
      const r = await run(dbPath, 60 + Math.floor(next() * 300));
      if (r.killed) kills++;
      if (r.lines.includes('DONE')) break;
      const db = new Database(dbPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    // The last start, not killed: it finishes whatever is left.
    const last = await run(dbPath, null);
    expect(last.lines).toContain('DONE');
    expect(kills).toBeGreaterThan(3);

    const db = new Database(dbPath, { readonly: true });
    const states = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
    db.close();
    expect(states).toEqual([{ state: 'sent', n: 24 }]);
    const byKey = new Map<string, number>();
    for (const m of smtp.received) {
      const key = ids.get(m.messageId);
      expect(key, `unknown Message-ID ${m.messageId}`).toBeDefined();
      byKey.set(key!, (byKey.get(key!) ?? 0) + 1);
    }
    expect(byKey.size).toBe(24); // nothing lost
    const duplicates = [...byKey.values()].reduce((s, n) => s + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(kills); // at-least-once: a duplicate only for a kill in the window
  }, 120_000);
});

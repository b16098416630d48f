// The LAN host killed (SIGKILL, no goodbye) while a desk writes, then started again on the same database
// (docs/rules.md §12.1): every lead whose creation the host acknowledged is there; the desk reconnects by itself —
// same certificate, same desk token, same session — and its live updates resume. The real `npm run host` entry
// (electron/web/host.ts) in a child process; the desk is the pinned Node client the desktop app uses.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeskLink } from '../../electron/core/desk/deskDispatch';
import { createHostClient, type PushState } from '../../electron/core/desk/hostClient';
import { baseLead, testDbPath } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'aslm-host-kill-'));
const dbPath = testDbPath(dir);
const staticDir = join(dir, 'static');
mkdirSync(staticDir);
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
let child: ChildProcess | null = null;

/** Starts `electron/web/host.ts`; resolves with what its console said once it is ready. */
function startHost(listen: string): Promise<{ out: string; proc: ChildProcess }> {
  return new Promise((ok, fail) => {
    // One process (node with tsx's loader, not the tsx launcher, which would leave its child running after a kill).
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/web/host.ts', '--db', dbPath, '--listen', listen, '--static', staticDir],
      {
        env: { ...process.env, TZ: 'UTC' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(() => fail(new Error(`the host did not start: ${out}`)), 60_000);
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (c: string) => {
      out += c;
      if (out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        ok({ out, proc });
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the host exited (${code}): ${out}`));
    });
  });
}
const grab = (out: string, re: RegExp) => {
  const m = re.exec(out);
  if (!m?.[1]) throw new Error(`not in the host's output (${re}): ${out}`);
  return m[1];
};
const waitFor = async (cond: () => boolean, ms: number) => {
  for (let t = 0; t < ms && !cond(); t += 50) await new Promise((r) => setTimeout(r, 50));
  return cond();
};

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the host killed and started again', () => {
  it('loses nothing it acknowledged; the desk reconnects with its pairing and session', async () => {
    const first = await startHost('127.0.0.1:0');
    child = first.proc;
    const url = grab(first.out, /(https:\/\/127\.0\.0\.1:\d+\/)/);
    const port = new URL(url).port;
    const code = grab(first.out, /Pairing code for the next desk: (\d{6})/);
    const password = grab(first.out, /temporary password: (\S+)/);
    const login = grab(first.out, /user name: (.+?)\s{2}/);
    const fingerprint = grab(first.out, /fingerprint \(SHA-256\), to check on each desk: (\S+)/);

    const paired = await createHostClient({ url }).pair(code, 'Desk K', fingerprint);
    expect(paired.ok).toBe(true);
    if (!paired.ok) return;
    const desk = createDeskLink({
      hostUrl: url,
      fingerprint,
      deskToken: paired.value.token,
      deskId: paired.value.deskId,
      deskName: 'Desk K',
      pairedAt: Date.now(),
    });
    const ctx = { transport: 'ipc' as const };
    expect((await desk.dispatch('auth.signIn', { login, password }, ctx)).ok).toBe(true);
    const changed = await desk.dispatch(
      'auth.changePassword',
      { current: password, next: 'Kill test manager 2026' },
      ctx,
    );
    expect(changed.ok).toBe(true);
    const states: PushState[] = [];
    const stop = desk.subscribe(
      () => undefined,
      (s) => states.push(s),
    );
    expect(await waitFor(() => states.includes('connected'), 10_000)).toBe(true);

    // The desk creates leads one after another; the host is killed while they flow.
    const acknowledged: number[] = [];
    let failures = 0;
    let killed = false;
    for (let i = 0; i < 400 && failures < 3; i++) {
      if (i === 25) {
        child.kill('SIGKILL'); // the next replies fail: never acknowledged
        killed = true;
      }
      const r = await desk.dispatch('leads.create', baseLead({ lastName: `Kill${i}` }), ctx);
      if (r.ok) acknowledged.push((r.value as { lead: { id: number } }).lead.id);
      else {
        expect(r.error.code).toBe('NETWORK');
        failures++;
      }
    }
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect(await waitFor(() => states.at(-1) === 'reconnecting', 10_000)).toBe(true);

    // Started again on the same database and port: same certificate; the desk's token and session still valid.
    const again = await startHost(`127.0.0.1:${port}`);
    child = again.proc;
    expect(again.out).toContain(fingerprint);
    expect(await waitFor(() => states.at(-1) === 'connected', 20_000)).toBe(true);
    for (const id of acknowledged) {
      const r = await desk.dispatch('leads.get', { id }, ctx);
      expect(r.ok, `lead ${id} acknowledged before the kill`).toBe(true);
    }
    stop();
  }, 180_000);
});

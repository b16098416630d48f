// Electron desk mode (docs/rules.md §12): with `desk.json` in the user-data folder (written by pairing:
// `ASLM Desk --host https://HOST:5443 --pair CODE --desk-name NAME`), this app opens no database and runs no
// background work; main forwards the renderer's calls to the host (pinned certificate) and its live updates to
// the window. Without it, the app is the local single-PC app.
import { rmSync } from 'node:fs';
import { AppError } from '../../shared/contract/errors';
import { isErrorCode } from '../../shared/rules/errors';
import { deskConfigPath, pairDesk, readDeskConfig, type DeskConfig } from '../core/desk/deskConfig';
import { createDeskLink, type DeskLink } from '../core/desk/deskDispatch';
import type { DeskControl } from '../core/host/deskControl';

export const PUSH_CHANNEL = 'aslm:push';
export const PUSH_STATE_CHANNEL = 'aslm:pushState';

export interface PairArgs {
  hostUrl: string;
  code: string;
  deskName: string;
  fingerprint?: string;
}

/** `--host URL --pair CODE --desk-name NAME [--fingerprint AB:CD:…]` from the command line, or null. */
export function pairArgs(argv: string[]): PairArgs | null {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const hostUrl = get('--host');
  const code = get('--pair');
  const deskName = get('--desk-name');
  if (!hostUrl || !code || !deskName) return null;
  const fingerprint = get('--fingerprint');
  return { hostUrl, code, deskName, ...(fingerprint ? { fingerprint } : {}) };
}

/** The desk's configuration: paired now if asked on the command line, else as stored; null = local app. */
export async function deskConfig(userData: string, argv: string[], now: number): Promise<DeskConfig | null> {
  const p = pairArgs(argv);
  if (p) {
    const r = await pairDesk(userData, {
      hostUrl: p.hostUrl,
      code: p.code,
      deskName: p.deskName,
      expectFingerprint: p.fingerprint,
      now,
    });
    if (!r.ok) throw new Error(`pairing with ${p.hostUrl} failed: ${r.error.code}`);
    return r.value;
  }
  return readDeskConfig(userData);
}

/**
 * Settings → Host & desks in the local app: pairs with the host, keeps the link in desk.json, then `restart` (Electron:
 * relaunch) once the answer has reached the window — the app comes back as a desk.
 */
export function createDeskControl(o: { userData: string; now: () => number; restart: () => void }): DeskControl {
  return {
    async connect(input) {
      const r = await pairDesk(o.userData, {
        hostUrl: input.hostUrl,
        code: input.code,
        deskName: input.deskName,
        ...(input.fingerprint ? { expectFingerprint: input.fingerprint } : {}),
        now: o.now(),
      });
      if (!r.ok) {
        const { code, ...rest } = r.error;
        throw new AppError(isErrorCode(code) ? code : 'NETWORK', rest.field ? { field: String(rest.field) } : {});
      }
      setTimeout(o.restart, 1500);
      return { hostUrl: r.value.hostUrl, deskName: r.value.deskName, fingerprint: r.value.fingerprint };
    },
  };
}

/** A desk leaving its host: desk.json removed, then `restart` — the app comes back as the local single-PC app. */
export function leaveHost(userData: string, restart: () => void): void {
  rmSync(deskConfigPath(userData), { force: true });
  setTimeout(restart, 1500);
}

/** The desk link, with its live updates sent to the window (`send`) from the start. */
export function startDeskMode(
  cfg: DeskConfig,
  send: (channel: string, payload: unknown) => void,
  leave?: () => void,
): DeskLink & { stop(): void } {
  const link = createDeskLink(cfg, leave ? { leave } : {});
  const stop = link.subscribe(
    (m) => send(PUSH_CHANNEL, m),
    (s) => send(PUSH_STATE_CHANNEL, s),
  );
  return { ...link, stop };
}

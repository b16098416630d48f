// The Electron desk's link to its host (docs/rules.md §12): the host's address, the certificate fingerprint pinned
// at pairing and the desk token, in `desk.json` in the app's user-data folder (readable by this user only).
// A desk with this file opens no database: every call goes to the host.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Reply } from '../../../shared/contract/errors';
import { createHostClient } from './hostClient';

export const deskConfigSchema = z.object({
  hostUrl: z.url({ protocol: /^https$/ }),
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  deskToken: z.string().min(20).max(200),
  deskId: z.number().int().positive(),
  deskName: z.string().min(1).max(60),
  pairedAt: z.number(),
});
export type DeskConfig = z.infer<typeof deskConfigSchema>;

export const deskConfigPath = (userData: string) => join(userData, 'desk.json');

/** The desk's configuration, or null (this PC is not a desk; an unreadable file is reported as such). */
export function readDeskConfig(userData: string): DeskConfig | null {
  const file = deskConfigPath(userData);
  if (!existsSync(file)) return null;
  const parsed = deskConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid desk configuration: pair this desk again`);
  return parsed.data;
}

export function writeDeskConfig(userData: string, cfg: DeskConfig): void {
  const file = deskConfigPath(userData);
  writeFileSync(`${file}.tmp`, JSON.stringify(deskConfigSchema.parse(cfg), null, 2), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** Pairs this PC with the host (the code shown on the host) and keeps the result in `desk.json`. */
export async function pairDesk(
  userData: string,
  o: { hostUrl: string; code: string; deskName: string; expectFingerprint?: string; now: number },
): Promise<Reply<DeskConfig>> {
  const client = createHostClient({ url: o.hostUrl });
  const r = await client.pair(o.code, o.deskName, o.expectFingerprint);
  if (!r.ok) return r;
  const cfg: DeskConfig = {
    hostUrl: new URL(o.hostUrl).toString(),
    fingerprint: r.value.fingerprint,
    deskToken: r.value.token,
    deskId: r.value.deskId,
    deskName: o.deskName,
    pairedAt: o.now,
  };
  writeDeskConfig(userData, cfg);
  return { ok: true, value: cfg };
}

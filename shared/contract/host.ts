// Host mode (docs/rules.md §12): one PC serves the contract to the dealership's desks over HTTPS on the LAN.
import { z } from 'zod';

export const hostRoleSchema = z.enum(['host', 'local', 'desk']);
export const deskInfoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  pairedAt: z.number(),
  lastSeenAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  /** Connected to the live updates right now, from which address and since when. */
  connected: z.boolean(),
  address: z.string().nullable(),
  since: z.number().nullable(),
});
export const hostStatusSchema = z.object({
  role: hostRoleSchema,
  /** The addresses a desk can use (https://address:port/), the host's name first. */
  addresses: z.array(z.string()),
  port: z.number().int().nullable(),
  /** SHA-256 of the host's certificate, "AB:CD:…" (what a desk checks at pairing). */
  fingerprint: z.string().nullable(),
  desks: z.array(deskInfoSchema),
  /** This app can connect this PC to a host from Settings (the desktop app in its local mode). */
  canConnect: z.boolean().default(false),
});
export type HostStatus = z.infer<typeof hostStatusSchema>;
export type DeskInfo = z.infer<typeof deskInfoSchema>;

export const pairingCodeSchema = z.object({ code: z.string(), expiresAt: z.number() });
export type PairingCode = z.infer<typeof pairingCodeSchema>;

/** What a desk is told about a change (after the commit): no personal data, the desk re-reads what it shows. */
export const PUSH_TYPES = [
  'lead.created',
  'lead.changed',
  'lead.assigned',
  'leads.imported',
  'sweep.done',
  'notifications.new',
  'settings.changed',
] as const;
export type PushType = (typeof PUSH_TYPES)[number];
export interface PushMessage {
  type: PushType;
  leadId?: number;
  at: number;
}

/** https://NAME-OR-ADDRESS[:PORT][/] — how the host prints its addresses. */
const hostAddress = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (
        u.protocol === 'https:' &&
        u.hostname !== '' &&
        !u.username &&
        !u.password &&
        (u.pathname === '/' || u.pathname === '')
      );
    } catch {
      return false;
    }
  }, 'HOST_ADDRESS_INVALID');

/** Connecting this PC (the desktop app) to a host with the code the host shows (docs/rules.md §12.1). */
export const connectToHostInput = z.object({
  hostUrl: hostAddress,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'PAIRING_CODE_INVALID'),
  deskName: z.string().trim().min(1).max(60),
  /** The host's certificate fingerprint (SHA-256) as its console or Settings shows it; optional. */
  fingerprint: z
    .string()
    .trim()
    .max(200)
    .transform((v) => v.replace(/[^0-9a-f]/gi, '').toUpperCase())
    .refine((v) => v === '' || v.length === 64, 'FINGERPRINT_INVALID')
    .optional(),
});
export type ConnectToHostInput = z.infer<typeof connectToHostInput>;

export const hostChannels = {
  /** This app's role (host / local single PC), its addresses, certificate fingerprint and paired desks. */
  'host.status': { input: z.object({}), output: hostStatusSchema },
  /** A new pairing code (6 digits, valid 10 minutes, one desk): host only, managers only. */
  'host.pairingCode': { input: z.object({}).strict(), output: pairingCodeSchema },
  /** Removes a paired desk: its token is refused from now on (managers only). */
  'host.revokeDesk': { input: z.object({ id: z.number().int().positive() }), output: hostStatusSchema },
  /**
   * The desktop app in its local mode becomes a desk of that host (pairs, keeps the link, restarts as a desk; its own
   * database stays on this PC, unused). Managers only.
   */
  'desk.connectToHost': {
    input: connectToHostInput,
    output: z.object({ hostUrl: z.string(), deskName: z.string(), fingerprint: z.string() }),
  },
  /** The desktop app as a desk forgets its host and restarts as the local single-PC app. Managers only. */
  'desk.leaveHost': { input: z.object({}).strict(), output: z.object({ left: z.literal(true) }) },
};

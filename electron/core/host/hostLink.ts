// What the core asks the transport that serves it about host mode (docs/rules.md §12). The HTTPS host server
// provides one; without it the app is the local single-PC app (no pairing, no desks).
import type { PairingCode } from '../../../shared/contract/host';

export interface ConnectedDesk {
  deskId: number;
  address: string;
  since: number;
  lastSeen: number;
}

export interface HostLink {
  addresses(): string[];
  port(): number | null;
  fingerprint(): string | null;
  /** The desks connected to the live updates right now. */
  connected(): ConnectedDesk[];
  /** A new pairing code (the previous one stops working). */
  newPairingCode(): PairingCode;
  /** A revoked desk's live updates are cut at once. */
  disconnect(deskId: number): void;
}

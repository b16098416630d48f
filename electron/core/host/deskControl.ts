// Connecting the desktop app to a host from Settings (docs/rules.md §12.1): what the platform provides to the core
// for `desk.connectToHost` (Electron's main: electron/main/deskMode.ts). Errors are AppErrors with their codes
// (PAIRING_CODE_INVALID, HOST_FINGERPRINT_MISMATCH, NETWORK…).
import type { ConnectToHostInput } from '../../../shared/contract/host';

export interface DeskControl {
  /** Pairs with the host and keeps the link; the app restarts as a desk once the answer is sent. */
  connect(input: ConnectToHostInput): Promise<{ hostUrl: string; deskName: string; fingerprint: string }>;
}

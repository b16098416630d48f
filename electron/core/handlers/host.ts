// Host mode channels (docs/rules.md §12): status, pairing code, removing a desk; the desktop app connecting to a host.
import type { HostStatus } from '../../../shared/contract/host';
import { AppError } from '../../../shared/contract/errors';
import type { hostChannels } from '../../../shared/contract/host';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export async function hostStatus(c: CoreServices): Promise<HostStatus> {
  const link = c.options.hostLink;
  const canConnect = Boolean(c.options.deskControl);
  if (!link) return { role: 'local', addresses: [], port: null, fingerprint: null, desks: [], canConnect };
  const live = new Map(link.connected().map((d) => [d.deskId, d]));
  const desks = await c.desks.list();
  return {
    canConnect: false,
    role: 'host',
    addresses: link.addresses(),
    port: link.port(),
    fingerprint: link.fingerprint(),
    desks: desks.map((d) => {
      const on = d.revokedAt === null ? live.get(d.id) : undefined;
      return {
        ...d,
        lastSeenAt: Math.max(d.lastSeenAt ?? 0, on?.lastSeen ?? 0) || null,
        connected: Boolean(on),
        address: on?.address ?? null,
        since: on?.since ?? null,
      };
    }),
  };
}

export function hostHandlers(c: CoreServices): HandlerMap<typeof hostChannels> {
  return {
    'host.status': () => hostStatus(c),
    'host.pairingCode': () => {
      if (!c.options.hostLink) throw new AppError('NOT_HOST');
      return c.options.hostLink.newPairingCode();
    },
    'host.revokeDesk': async ({ id }) => {
      if (!c.options.hostLink) throw new AppError('NOT_HOST');
      if (!(await c.desks.revoke(id, c.clock.now()))) throw new AppError('NOT_FOUND', { field: 'id' });
      c.options.hostLink.disconnect(id);
      return hostStatus(c);
    },
    'desk.connectToHost': (input) => {
      if (!c.options.deskControl || c.options.hostLink) throw new AppError('DESK_CONNECT_UNAVAILABLE');
      return c.options.deskControl.connect(input);
    },
    // A desk leaves its host in its own main process (electron/main/deskMode.ts); a core never is a desk.
    'desk.leaveHost': () => {
      throw new AppError('DESK_CONNECT_UNAVAILABLE');
    },
  };
}

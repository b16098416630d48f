// Which names a desk may use to reach the host (the Host header check, docs/rules.md §12): this PC's own
// addresses and name only — never an arbitrary name, so a DNS-rebinding page cannot talk to the host.
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

export interface HostNames {
  /** DNS names: the PC's name (and name.local), localhost. */
  dns: string[];
  /** IP addresses: every interface's, loopback included. */
  ips: string[];
}

export function hostNames(listen: string): HostNames {
  const name = hostname().toLowerCase();
  const dns = [...new Set([name, `${name}.local`, 'localhost'].filter((n) => n && isIP(n) === 0))];
  const ips = new Set<string>(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) ips.add(a.address.split('%')[0]!);
  if (isIP(listen) && listen !== '0.0.0.0' && listen !== '::') ips.add(listen);
  return { dns, ips: [...ips] };
}

/** The Host header values accepted: every name and address with the port (IPv6 in brackets). */
export function allowedHostHeaders(names: HostNames, port: number): Set<string> {
  const out = new Set<string>();
  for (const n of [...names.dns, ...names.ips]) {
    const h = isIP(n) === 6 ? `[${n}]` : n;
    out.add(`${h}:${port}`);
    if (port === 443) out.add(h);
  }
  return out;
}

/** The addresses shown to the IT person and in Settings: reachable from the LAN first (not loopback). */
export function displayAddresses(names: HostNames, listen: string, port: number): string[] {
  const all = listen === '0.0.0.0' || listen === '::';
  const ips = all ? names.ips.filter((ip) => ip !== '127.0.0.1' && ip !== '::1' && !ip.startsWith('fe80')) : [listen];
  const hosts = all ? [names.dns[0]!, ...ips.filter((ip) => isIP(ip) === 4)] : ips;
  return hosts.map((h) => `https://${isIP(h) === 6 ? `[${h}]` : h}:${port}/`);
}

// Host mode's TLS identity (docs/rules.md §12): a self-signed certificate made at the first start and kept
// beside the database (`<db>.tls/`; for PostgreSQL in ~/.aslm-desk; the key readable by this user only), reused at every later start so the
// fingerprint the desks pinned at pairing stays valid.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { besideDatabase } from '../store/besideDatabase';

export interface HostCert {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by ":" (as browsers show it). */
  fingerprint: string;
  dir: string;
}

/** `<db>.tls/` beside a SQLite file; for a PostgreSQL URL in ~/.aslm-desk (besideDatabase), never a path made of it. */
export const tlsDir = (dbPath: string) => besideDatabase(dbPath, '.tls');
export const fingerprintOf = (certPem: string) => new X509Certificate(certPem).fingerprint256;

/** Reads `<db>.tls/`, or makes the certificate there (names: the host's name and addresses, put in the certificate). */
export async function loadOrCreateCert(dbPath: string, names: { dns: string[]; ips: string[] }): Promise<HostCert> {
  const dir = tlsDir(dbPath);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const key = readFileSync(keyFile, 'utf8');
    const cert = readFileSync(certFile, 'utf8');
    return { key, cert, fingerprint: fingerprintOf(cert), dir };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = new Date();
  const made = await generate(
    [
      { name: 'commonName', value: names.dns[0] ?? 'aslm-desk-host' },
      { name: 'organizationName', value: 'ASLM Desk host' },
    ],
    {
      keySize: 2048,
      notBeforeDate: new Date(now.getTime() - 24 * 3600_000),
      notAfterDate: new Date(now.getTime() + 3650 * 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...names.dns.map((value) => ({ type: 2 as const, value })),
            ...names.ips.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  );
  // Written under temporary names, then renamed: a crash never leaves a key without its certificate.
  writeFileSync(`${keyFile}.tmp`, made.private, { mode: 0o600 });
  writeFileSync(`${certFile}.tmp`, made.cert, { mode: 0o644 });
  renameSync(`${keyFile}.tmp`, keyFile);
  renameSync(`${certFile}.tmp`, certFile);
  return { key: made.private, cert: made.cert, fingerprint: fingerprintOf(made.cert), dir };
}

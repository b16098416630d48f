// Where a file that belongs to one database is kept (the SMTP password's key, host mode's TLS identity): beside a
// SQLite file (`<file><suffix>`); a PostgreSQL URL has no folder, so one per server and database in ~/.aslm-desk
// (`pg-<host>-<port>-<database><suffix>`, never the user or the password in the name).
import { homedir } from 'node:os';
import { join } from 'node:path';

const isPg = (dbPath: string) => /^postgres(?:ql)?:\/\//i.test(dbPath);

export function besideDatabase(dbPath: string, suffix: string, home = homedir()): string {
  if (!isPg(dbPath)) return `${dbPath}${suffix}`;
  const u = new URL(dbPath);
  const name = [u.hostname || 'localhost', u.port || '5432', decodeURIComponent(u.pathname.slice(1)) || 'postgres']
    .join('-')
    .replace(/[^\w.-]/g, '_');
  return join(home, '.aslm-desk', `pg-${name}${suffix}`);
}

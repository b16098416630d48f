import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { besideDatabase } from './besideDatabase';

describe('besideDatabase', () => {
  it('beside a SQLite file; for PostgreSQL one per server and database in ~/.aslm-desk, without the credentials', () => {
    expect(besideDatabase('/data/aslm.sqlite', '.tls', '/home/u')).toBe('/data/aslm.sqlite.tls');
    const pg = besideDatabase('postgres://desk:s3cret@db.dealer.lan:5433/aslm_group', '.tls', '/home/u');
    expect(pg).toBe(join('/home/u', '.aslm-desk', 'pg-db.dealer.lan-5433-aslm_group.tls'));
    expect(pg).not.toContain('s3cret');
    expect(besideDatabase('postgresql://other@db.dealer.lan:5433/aslm_group', '.tls', '/home/u')).toBe(pg);
    expect(besideDatabase('postgres://localhost/x', '.key', '/h')).toBe(
      join('/h', '.aslm-desk', 'pg-localhost-5432-x.key'),
    );
  });
});

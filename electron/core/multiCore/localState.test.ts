import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalState, localStatePath } from './localState';

describe('local state (per-PC values of a core on PostgreSQL)', () => {
  let dir: string;
  const logged: string[] = [];
  const log = (msg: string) => logged.push(msg);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aslm-local-'));
    logged.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('no file: nothing set, nothing logged; a value written whole (0600, no temporary file left) and read back', () => {
    const path = join(dir, 'sub', 'pc.local.json');
    const s = createLocalState(path, log);
    expect([s.get('desk.currentUser'), s.get('language')]).toEqual([undefined, undefined]);
    s.set('desk.currentUser', 7);
    s.set('language', 'it');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ 'desk.currentUser': 7, language: 'it' });
    expect(readdirSync(join(dir, 'sub'))).toEqual(['pc.local.json']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = createLocalState(path, log);
    expect([again.get('desk.currentUser'), again.get('language')]).toEqual([7, 'it']);
    expect(logged).toEqual([]);
  });

  it('a key written over what the file holds then (another core of this PC wrote the other key)', () => {
    const path = join(dir, 'pc.local.json');
    const mine = createLocalState(path, log);
    createLocalState(path, log).set('desk.currentUser', 4);
    mine.set('language', 'de');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ 'desk.currentUser': 4, language: 'de' });
    expect(mine.get('desk.currentUser')).toBeUndefined(); // this core's own, as read at its start
  });

  it('a file that is not JSON, does not fit, or cannot be read: the defaults, logged', () => {
    const cases: [string, (p: string) => void][] = [
      ['not JSON', (p) => writeFileSync(p, '{"language": "it"')],
      ['wrong value', (p) => writeFileSync(p, JSON.stringify({ language: 'xx', 'desk.currentUser': 3 }))],
      ['not an object', (p) => writeFileSync(p, '[1]')],
      ['a folder', (p) => mkdirSync(p)],
    ];
    for (const [name, make] of cases) {
      const path = join(dir, `${name}.json`);
      make(path);
      logged.length = 0;
      const s = createLocalState(path, log);
      expect([name, s.get('desk.currentUser'), s.get('language')]).toEqual([name, undefined, undefined]);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(path);
    }
  });

  it('the default file is beside the database’s other files on this PC, one per server and database', () => {
    expect(localStatePath('postgres://u:secret@db.local:5433/group')).toMatch(
      /\.aslm-desk[\\/]pg-db\.local-5433-group\.local\.json$/,
    );
  });
});

// leads_search_words (migration 0008: each document's kept lexemes with its scope; 0011: its site) stays what
// leads_search says after inserts, updates of the search fields, of the scope and of the site, and deletes: compared
// with the documents' own lexemes and scope; and a search through it finds the leads the GIN documents find, in each
// view and in the header, group-wide and on one site, on a small
// dataset made by the app core on SQLite and copied into a throwaway PostgreSQL database.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery } from '../../electron/store/repos/leadList';
import {
  GLOBAL_SEARCH_RANKED_SQL,
  SEARCH_VIEW_BIT,
  globalSearchRankedSql,
  searchIdsInViewSql,
  globalSearchWordSql,
  searchWord,
  searchWordSql,
  tsqueryFromFts,
} from '../../electron/store/pg/search';
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { insertAndDelete, pgLeadsCopy, viewMoves, type PgLeadsCopy } from '../support/pgLeadsCopy';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const SEARCHES = [
  'ros',
  'rossi',
  'mar',
  'bian',
  'tem',
  'lea',
  'Rössi',
  'ex',
  'm',
  'zz',
  'zfa',
  'zfa312',
  'σοφ',
  'ΣΟΦΊΑ',
  'σο',
  'ива',
  'Иванова',
  'müll',
  'Mül',
];

describe.skipIf(SKIP_PG)('PostgreSQL search words: kept equal to the documents by the triggers', () => {
  let env: PgLeadsCopy | undefined;
  let pool: pg.Pool;
  const ids: number[] = [];

  /** The words as stored and as the documents say; each search's leads by the words and by the documents. */
  async function expectWordsKept(): Promise<void> {
    const stored = await pool.query(
      'SELECT id, pre, words, views, status, assigned_at, site_id FROM leads_search_words ORDER BY id, pre',
    );
    const computed = await pool.query(`SELECT s.id, left(w, 3) AS pre,
        ' ' || string_agg(w, ' ' ORDER BY w COLLATE "C") AS words, s.views, s.status, s.assigned_at, s.site_id
      FROM leads_search s, unnest(tsvector_to_array(s.doc)) w WHERE w !~ '^r?[0-9]'
      GROUP BY s.id, left(w, 3), s.views, s.status, s.assigned_at, s.site_id ORDER BY s.id, left(w, 3) COLLATE "C"`);
    expect(stored.rows).toEqual(computed.rows);
    for (const q of SEARCHES) {
      const tsq = tsqueryFromFts(ftsQuery(q)!);
      const word = searchWord(tsq)!;
      for (const view of [undefined, ...LIST_VIEWS]) {
        const inView = view ? ` AND (views & ${SEARCH_VIEW_BIT[view]}) <> 0` : '';
        const byDoc = await pool.query(
          `SELECT id FROM leads_search WHERE doc @@ aslm_search_query($1)${inView} ORDER BY id`,
          [tsq],
        );
        const byWords = await pool.query(`SELECT id FROM (${searchWordSql(word, '$1', view)}) m ORDER BY id`, [word]);
        expect(byWords.rows, `${q} in ${view ?? 'all'}`).toEqual(byDoc.rows);
      }
      // The header's ranking: the same leads, statuses and counts (the first 2 of each status by assignment).
      const sorted = (r: pg.QueryResult) =>
        r.rows.map((x) => `${x.status} ${x.n} ${x.id}`).sort((x, y) => (x < y ? -1 : 1));
      const ranked = await pool.query(globalSearchWordSql(word), [word, 2]);
      expect(sorted(ranked), q).toEqual(sorted(await pool.query(GLOBAL_SEARCH_RANKED_SQL, [tsq, 2])));
      // One site's (0011): its view searches and its header search, by the words and by the documents.
      for (const site of [1, 2]) {
        for (const view of LIST_VIEWS) {
          const byDoc = await pool.query(`SELECT id FROM (${searchIdsInViewSql(view, '$1', site)}) m ORDER BY id`, [
            tsq,
          ]);
          const byWords = await pool.query(
            `SELECT id FROM (${searchWordSql(word, '$1', view, 'id', site)}) m ORDER BY id`,
            [word],
          );
          expect(byWords.rows, `${q} in ${view} at site ${site}`).toEqual(byDoc.rows);
        }
        const siteRanked = await pool.query(globalSearchWordSql(word, site), [word, 2]);
        expect(sorted(siteRanked), `${q} at site ${site}`).toEqual(
          sorted(await pool.query(globalSearchRankedSql(site), [tsq, 2])),
        );
      }
    }
  }

  beforeAll(async () => {
    env = await pgLeadsCopy('search-words', { leads: 12, firstName: 'Marco', lastName: 'Rossi', everyMs: 3_600_000 });
    pool = env.pool;
    ids.push(...env.ids);
    await pool.query("INSERT INTO sites (code, name, created_at) VALUES ('S2', 'Second site', 0)");
  });
  afterAll(() => env?.close());

  it('routes one prefix word to the table; several words, phones, numbers and r-digit words to the documents', () => {
    const words = (q: string) => searchWord(tsqueryFromFts(ftsQuery(q)!));
    expect(words('Mario Rossi')).toBeNull();
    expect(words('mül')).toBe('mül');
    expect(words('  Rössi ')).toBe('Rössi');
    expect(words('0333 1234567')).toBeNull();
    expect(words('702')).toBeNull();
    expect(words('ASL-2026-702')).toBeNull();
    expect(words('ZFA3120')).toBe('ZFA3120');
    expect(words('r2')).toBeNull();
    expect(words('ŕ')).toBeNull();
    expect(words('r')).toBeNull();
    expect(words('4567')).toBeNull();
  });

  it('after the copy (inserts), updates of search fields, scope and site, and deletes', async () => {
    await expectWordsKept();
    const [a, b, c, d, e, f, g] = ids;
    const writes = [
      ...viewMoves(ids),
      ['UPDATE leads SET site_id = 2 WHERE id = $1', [c]],
      ["UPDATE leads SET site_id = 2, last_name = 'Rossini' WHERE id = $1", [e]],
      ["UPDATE leads SET first_name = 'Marco Rosa', email = 'marco.rosa@example.com' WHERE id = $1", [d]],
      ["UPDATE leads SET email = NULL, vin = 'ZFA31200000123456' WHERE id = $1", [d]],
      ["UPDATE leads SET phone = '+39 333 1234567' WHERE id = $1", [e]],
      ["UPDATE leads SET first_name = 'Σοφία', last_name = 'Иванова' WHERE id = $1", [f]],
      [
        "UPDATE leads SET first_name = 'Jürgen', last_name = 'Müller', email = 'j.mueller@example.de' WHERE id = $1",
        [b],
      ],
      ['UPDATE leads SET first_name = first_name WHERE id = $1', [a]],
      ...insertAndDelete(a!, g!),
    ] as [string, unknown[]][];
    for (const [sql, params] of writes) {
      await pool.query(sql, params);
      await expectWordsKept();
    }
    // Not vacuous: words for every lead, and a row holding two of a lead's words.
    const n = (await pool.query('SELECT count(DISTINCT id)::int AS n FROM leads_search_words')).rows[0]!.n;
    expect(n).toBe(ids.length);
    const two = await pool.query("SELECT 1 FROM leads_search_words WHERE words ~ '^ \\S+ \\S+'");
    expect(two.rowCount).toBeGreaterThan(0);
    const sites = await pool.query('SELECT DISTINCT site_id FROM leads_search_words ORDER BY 1');
    expect(sites.rows).toEqual([{ site_id: 1 }, { site_id: 2 }]);
  });
});

// PostgreSQL repositories (electron/store/pg/repos) against SQLite's, same calls, same results (issue 15): the
// import's block of 60 leads (numbers from the counter, history, counts, search rows), two blocks at once on
// PostgreSQL, My day's playbook reads and templates, the import's presets and keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgWriteRepos } from '../../electron/store/pg/repos/index';
import { withTransaction } from '../../electron/store/pg/tx';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { openParity, type Parity, steps, T0, THREE_PEOPLE } from '../support/pgRepoParity';
import { leadColumns, newLeadRow, RULES } from '../support/pgRepoLeads';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const DAY = 86_400_000;
const ACTOR = { id: 1, name: 'Front desk' };

describe.skipIf(SKIP_PG)('PostgreSQL repositories: import block, playbook, imports as SQLite', () => {
  let p: Parity;
  beforeAll(async () => {
    p = await openParity('repos_import');
    await steps(p, THREE_PEOPLE);
    // Three leads before the block (the year's counter at 3), the first with an external id and two contacts.
    const rows = [
      newLeadRow({ assigneeId: 2, consents: { email: true } }, T0),
      newLeadRow({ firstName: 'Anna', lastName: 'Weiß', assigneeId: 3 }, T0 + 1),
      newLeadRow({ firstName: 'Luca', lastName: 'Neri', assigneeId: null }, T0 + 2),
    ];
    for (const [i, row] of rows.entries()) {
      const seq = await p.same(`nextSeq ${i}`, (r) => r.leads.nextSeq('lead:2026'));
      await p.same(`insert ${i}`, (r) => r.leads.insert(leadColumns(row, seq, i === 0 ? 'ext-1' : null)));
    }
    for (const at of [T0 + 60_000, T0 + 30_000])
      await p.same('contact', (r) =>
        r.contacts.insert(1, {
          at,
          userId: 2,
          direction: 'outbound',
          channel: 'phone',
          outcome: 'no_answer',
          verbatim: null,
          answer: null,
        }),
      );
  });
  afterAll(async () => {
    await p?.close();
  });

  it("an import's block of 60 leads: numbers from the counter, ids, creation history, counts and search rows", async () => {
    const block = Array.from({ length: 60 }, (_, i) => ({
      lead: newLeadRow(
        {
          firstName: `Giulia${i}`,
          lastName: i % 2 ? 'Ferrari' : 'Conti',
          leadType: i % 3 ? 'customer_driven' : 'hq_driven',
          assigneeId: i % 4 === 0 ? null : 2 + (i % 2),
          email: i % 5 ? `g${i}@example.it` : null,
          consents: { email: i % 2 === 0, phone: i % 3 === 0 },
        },
        T0 + DAY,
        T0 + DAY - (i % 7) * DAY - i * 1001,
      ),
      key: `file.csv:${i}`,
    }));
    const out = await p.sameInTx('block', (r) => r.leadBlock.insert(RULES, block, ACTOR, T0 + DAY));
    expect(out.ids).toHaveLength(60);
    expect(out.numbers[0]).toBe('ASL-2026-000004');
    await p.same('empty block', (r) => r.leadBlock.insert(RULES, [], ACTOR, T0 + DAY));
    await p.sameInTx('block 2', (r) =>
      r.leadBlock.insert(
        RULES,
        block.slice(0, 3).map((b, i) => ({ ...b, key: `more:${i}` })),
        ACTOR,
        T0 + DAY,
      ),
    );
    for (const id of [out.ids[0]!, out.ids[31]!, out.ids[59]!]) await p.same(`get ${id}`, (r) => r.leads.get(id));
    await p.same('count', (r) => r.leads.count());
    await p.sameRows({
      leads: 'id',
      history: 'id',
      counters: 'name',
      lead_day_counts: 'day, status',
      lead_view_counts: 'view',
    });
    // The search rows (PostgreSQL triggers) exist for every lead, with SQLite's documents.
    const n = (await p.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM leads_search')).rows[0]!.n;
    expect(n).toBe(66);
    expect((await p.pool.query('SELECT * FROM leads_search_doc ORDER BY id')).rows).toEqual(
      p.store.sqlite.prepare('SELECT * FROM leads_search_doc ORDER BY id').all(),
    );
  });

  // The second block waits at the year's counter row until the first commits (as SQLite's one writer would): numbers
  // and ids do not interleave; the ids are read back with RETURNING all the same.
  it('two blocks imported at once by two PostgreSQL transactions: distinct numbers, each id its own lead', async () => {
    const block = (tag: string) =>
      Array.from({ length: 40 }, (_, i) => ({
        lead: newLeadRow({ firstName: `${tag}${i}`, assigneeId: 2 }, T0 + 2 * DAY),
        key: `${tag}:${i}`,
      }));
    const [a, b] = await Promise.all(
      ['Alfa', 'Beta'].map((tag) =>
        withTransaction(p.pool, (c) => pgWriteRepos(c).leadBlock.insert(RULES, block(tag), ACTOR, T0 + 2 * DAY)),
      ),
    );
    expect(new Set([...a!.numbers, ...b!.numbers]).size).toBe(80);
    const [lo, hi] = a!.ids[0]! < b!.ids[0]! ? [a!, b!] : [b!, a!];
    expect(Math.max(...lo.ids)).toBeLessThan(Math.min(...hi.ids));
    for (const [out, tag] of [
      [a!, 'Alfa'],
      [b!, 'Beta'],
    ] as const) {
      const got = await p.pool.query<{ id: number; number: string; first_name: string }>(
        'SELECT id, number, first_name FROM leads WHERE id = ANY($1::int[]) ORDER BY id',
        [out.ids],
      );
      const byId = new Map(got.rows.map((r) => [r.id, r]));
      out.ids.forEach((id, i) => {
        expect(byId.get(id)?.number).toBe(out.numbers[i]);
        expect(byId.get(id)?.first_name).toBe(`${tag}${i}`);
      });
    }
    // The blocks' creation history: three lines per lead.
    const h = await p.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM history WHERE lead_id = ANY($1::int[])',
      [[...a!.ids, ...b!.ids]],
    );
    expect(h.rows[0]!.n).toBe(240);
    // The PostgreSQL store only: the SQLite one gets the same 80 leads, so the stores stay comparable afterwards.
    for (const tag of ['Alfa', 'Beta']) await p.sq.leadBlock.insert(RULES, block(tag), ACTOR, T0 + 2 * DAY);
    await p.same('count', (r) => r.leads.count());
  });

  it("playbook: My day's open leads and contacts (three shapes), templates, the playbook e-mail", async () => {
    const byId = <T extends { id: number }>(xs: T[]) => [...xs].sort((a, b) => a.id - b.id);
    const byLead = <T extends { leadId: number; at: number }>(xs: Iterable<T>) =>
      [...xs].sort((a, b) => a.leadId - b.leadId || a.at - b.at);
    await steps(p, [
      [
        'contact',
        (r) =>
          r.contacts.insert(5, {
            at: T0 + DAY,
            userId: 2,
            direction: 'outbound',
            channel: 'phone',
            outcome: 'no_answer',
            verbatim: null,
            answer: null,
          }),
      ],
      ['freeze', (r) => r.leads.update(6, { status: 'appointment', frozen: 1, appointment_at: T0 + 2 * DAY }, 1)],
      ['appointment', (r) => r.leads.update(7, { status: 'appointment', appointment_at: T0 + 2 * DAY }, 1)],
      ['consents', (r) => r.leads.update(8, { consent_email: 1, consent_sms: 1, consent_fax: 1 }, 1)],
      ['openLeads all', async (r) => byId(await r.playbook.openLeads({}))],
      ['openLeads of', async (r) => byId(await r.playbook.openLeads({ assigneeId: 2 }))],
      [
        'openLeads of and unassigned',
        async (r) => byId(await r.playbook.openLeads({ assigneeId: 3, includeUnassigned: true })),
      ],
      ['openLeadContacts all', async (r) => byLead(await r.playbook.openLeadContacts({}))],
      ['openLeadContacts of', async (r) => byLead(await r.playbook.openLeadContacts({ assigneeId: 3 }))],
      ['contactsOf', (r) => r.playbook.contactsOf(1)],
      ['leads', async (r) => byId(await r.playbook.leads([8, 1, 999, 5]))],
      ['leads none', (r) => r.playbook.leads([])],
      ['contactsOfLeads', (r) => r.playbook.contactsOfLeads([1, 2, 5])],
      ['template none', (r) => r.playbook.template('playbook_email', 'it')],
      ['saveTemplate', (r) => r.playbook.saveTemplate('playbook_email', 'it', 'Ciao', 'Body {{name}}', T0)],
      ['saveTemplate replace', (r) => r.playbook.saveTemplate('playbook_email', 'it', '', 'Body 2', T0 + 1)],
      ['saveTemplate other', (r) => r.playbook.saveTemplate('playbook_email', 'de', 'Hallo', 'Text', T0 + 2)],
      ['template', (r) => r.playbook.template('playbook_email', 'it')],
      ['templateText', (r) => r.playbook.templateText('playbook_email', 'it')],
      ['deleteTemplate', (r) => r.playbook.deleteTemplate('playbook_email', 'de')],
      ['templateText gone', (r) => r.playbook.templateText('playbook_email', 'de')],
      ['isManager', (r) => r.playbook.isManager(1)],
      ['isManager not', (r) => r.playbook.isManager(2)],
      [
        'queueEmail',
        (r) =>
          r.playbook.queueEmail(
            { key: 'pb:1', leadId: 1, to: 'mario.rossi@example.it', language: 'it', subject: 'Ciao', body: 'B' },
            T0 + 3,
          ),
      ],
    ]);
    expect((await p.sq.playbook.openLeads({})).length).toBeGreaterThan(40);
    expect([...(await p.pg.playbook.openLeadContacts({}))].length).toBeGreaterThan(1);
    await p.sameRows({ templates: 'kind, language', outbox: 'id', leads: 'id', lead_view_counts: 'view' });
  });

  it('imports: presets, known external ids, open leads', async () => {
    await steps(p, [
      ['presets none', (r) => r.imports.presets()],
      ['savePreset', (r) => r.imports.savePreset('Web', 'web', '{"a":1}', T0)],
      ['savePreset 2', (r) => r.imports.savePreset('dealer', null, '{"b":2}', T0)],
      ['savePreset replace', (r) => r.imports.savePreset('Web', 'event', '{"a":2}', T0 + 1)],
      ['presets', (r) => r.imports.presets()],
      ['deletePreset', (r) => r.imports.deletePreset('dealer')],
      ['deletePreset missing', (r) => r.imports.deletePreset('dealer')],
      ['openLeadKeys', async (r) => [...(await r.imports.openLeadKeys())].sort((a, b) => a.id - b.id)],
    ]);
    const keys = [
      ...Array.from({ length: 1200 }, (_, i) => `nope:${i}`),
      'file.csv:3',
      'ext-1',
      'more:2',
      'file.csv:59',
    ];
    const { s, p: pg } = await p.both(async (r) => {
      const seen: string[] = [];
      await r.imports.knownExternalIds(keys, (k) => seen.push(k));
      return seen;
    });
    expect(pg.sort()).toEqual(s.sort());
    expect(s).toHaveLength(4);
    await p.sameRows({ import_presets: 'id' });
  });
});

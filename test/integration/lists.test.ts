import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_VIEWS, type ListView } from '../../shared/domain/vocabulary';
import { aggregateSla, rowToLeadForTest } from './support';
import { ok, openTestApp, sqlAll, sqlRun, type TestApp } from './helpers';
import type { Lead } from '../../shared/domain/lead';

let app: TestApp;
let all: Lead[];
const NOW = Date.parse('2026-11-18T09:30:00Z');

beforeAll(async () => {
  app = openTestApp(NOW);
  await ok(app.core, 'demo.load', { leads: 1500, seed: 7 });
  all = await rowToLeadForTest(app.core);
}, 180_000); // a demo database: on PostgreSQL a round trip per statement, over a minute on a busy machine
afterAll(() => app.close());

/** docs/rules.md §5, written again independently of the SQL. */
const IN_VIEW: Record<ListView, (l: Lead) => boolean> = {
  assigned: (l) => l.status === 'assigned',
  not_managed: (l) => l.status === 'assigned' && l.contactAttempts === 0,
  in_progress: (l) => (l.status === 'assigned' && l.contactAttempts > 0) || (l.status === 'appointment' && !l.frozen),
  closed_sale: (l) => l.status === 'closed_sale' || l.status === 'appointment',
  closed_no_sale: (l) => l.closeReason !== null,
  lost: (l) => l.status === 'lost',
};

describe('list views (docs/rules.md §5)', () => {
  it.each(LIST_VIEWS)('%s holds exactly the leads §5 says, customer-driven first', async (view) => {
    const expected = all
      .filter(IN_VIEW[view])
      .map((l) => l.id)
      .sort((a, b) => a - b);
    const got: number[] = [];
    let page = 0;
    let firstTypes: string[] = [];
    for (;;) {
      const p = await ok(app.core, 'leads.list', { view, page, pageSize: 500 });
      if (page === 0) {
        expect(p.total).toBe(expected.length);
        firstTypes = p.rows.map((r: { leadType: string }) => r.leadType);
      }
      got.push(...p.rows.map((r: { id: number }) => r.id));
      if (p.rows.length < 500) break;
      page++;
    }
    expect(got.sort((a, b) => a - b)).toEqual(expected);
    const firstHq = firstTypes.indexOf('hq_driven');
    if (firstHq >= 0) expect(firstTypes.slice(firstHq)).not.toContain('customer_driven');
  });

  it('counts match the views', async () => {
    const c = await ok(app.core, 'leads.counts', {});
    for (const v of LIST_VIEWS) expect(c.counts[v]).toBe(all.filter(IN_VIEW[v]).length);
    expect(all.some((l) => l.status === 'lost')).toBe(true);
    expect(all.some((l) => l.status === 'appointment')).toBe(true);
  });

  it('sorts by any column, both ways', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const p = await ok(app.core, 'leads.list', {
        view: 'closed_no_sale',
        sort: 'contactAttempts',
        dir,
        pageSize: 200,
      });
      const xs = p.rows.map((r: { contactAttempts: number }) => r.contactAttempts);
      expect(xs).toEqual([...xs].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
    }
    const byName = await ok(app.core, 'leads.list', { view: 'assigned', sort: 'name', pageSize: 100 });
    expect(byName.rows.length).toBeGreaterThan(0);
    for (const s of ['createdAt', 'status', 'source', 'campaign', 'daysFromCreation', 'assignee', 'sla']) {
      const p = await ok(app.core, 'leads.list', { view: 'in_progress', sort: s, dir: 'desc' });
      expect(p.total).toBe(all.filter(IN_VIEW.in_progress).length);
    }
  });

  it('an open view in any order holds the same leads as in its own order (the open leads’ sort indexes)', async () => {
    for (const view of ['assigned', 'not_managed', 'in_progress'] as const) {
      const expected = all
        .filter(IN_VIEW[view])
        .map((l) => l.id)
        .sort((a, b) => a - b);
      for (const sort of ['name', 'createdAt', 'contactAttempts', 'sla', 'assignee', 'daysFromCreation'] as const)
        for (const dir of ['asc', 'desc'] as const) {
          const got: number[] = [];
          let attempts: number[] = [];
          for (let page = 0; ; page++) {
            const p = await ok(app.core, 'leads.list', { view, sort, dir, page, pageSize: 500 });
            if (p.rows.length === 0) break;
            got.push(...p.rows.map((r: { id: number }) => r.id));
            attempts.push(...p.rows.map((r: { contactAttempts: number }) => r.contactAttempts));
          }
          expect(
            [...got].sort((a, b) => a - b),
            `${view} ${sort} ${dir}`,
          ).toEqual(expected);
          if (sort === 'contactAttempts') {
            const s = dir === 'asc' ? 1 : -1;
            expect(attempts).toEqual([...attempts].sort((a, b) => s * (a - b)));
          }
          attempts = [];
        }
    }
  });

  it('sorts by SLA deadline both ways, the leads without one last by lead (whole view, every page)', async () => {
    type Row = { id: number; first: number | null; qualified: number | null; sla1: number; sla2: number };
    const rows = await sqlAll<Row>(
      app.core,
      'SELECT id, first_contact_at AS first, qualified_at AS qualified, sla1_due_at AS sla1, sla2_due_at AS sla2 FROM leads',
    );
    const due = new Map(rows.map((r) => [r.id, r.first === null ? r.sla1 : r.qualified === null ? r.sla2 : null]));
    const leads = await rowToLeadForTest(app.core);
    for (const view of ['in_progress', 'closed_sale'] as const)
      for (const dir of ['asc', 'desc'] as const) {
        const s = dir === 'asc' ? 1 : -1;
        const expected = leads
          .filter(IN_VIEW[view])
          .map((l) => l.id)
          .sort((a, b) => {
            const x = due.get(a)!;
            const y = due.get(b)!;
            if (x === null || y === null) return x === y ? s * (a - b) : x === null ? 1 : -1;
            return s * (x - y) || s * (a - b);
          });
        const got: number[] = [];
        for (let page = 0; got.length < expected.length; page++) {
          const p = await ok(app.core, 'leads.list', { view, sort: 'sla', dir, page, pageSize: 100 });
          if (p.rows.length === 0) break;
          got.push(...p.rows.map((r: { id: number }) => r.id));
        }
        if (view === 'in_progress') {
          expect(expected.some((id) => due.get(id) === null)).toBe(true);
          expect(expected.some((id) => due.get(id) !== null)).toBe(true);
        }
        expect(got).toEqual(expected);
      }
  });

  it('sorts by assignee both ways, the unassigned last by lead; a person renamed or a lead reassigned moves', async () => {
    // A few leads without an assignee (the trigger clears the name kept on the lead too).
    await sqlRun(
      app.core,
      'UPDATE leads SET assignee_id = NULL WHERE id IN (SELECT id FROM leads WHERE close_reason IS NOT NULL ORDER BY id LIMIT 7)',
    );
    // SQLite's NOCASE: ASCII letters folded, then byte order (= code point order here).
    const fold = (x: string) => x.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const cmp = (a: string, b: string) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0);
    const check = async () => {
      const names = new Map(
        (await sqlAll<{ id: number; name: string }>(app.core, 'SELECT id, name FROM users')).map((u) => [u.id, u.name]),
      );
      const leads = (await rowToLeadForTest(app.core)).filter(IN_VIEW.closed_no_sale);
      for (const dir of ['asc', 'desc'] as const) {
        const s = dir === 'asc' ? 1 : -1;
        const expected = leads
          .sort((a, b) => {
            const x = a.assigneeId === null ? null : names.get(a.assigneeId)!;
            const y = b.assigneeId === null ? null : names.get(b.assigneeId)!;
            if (x === null || y === null) return x === y ? s * (a.id - b.id) : x === null ? 1 : -1;
            return s * cmp(x, y) || s * (a.id - b.id);
          })
          .map((l) => l.id);
        const got: number[] = [];
        for (let page = 0; got.length < expected.length; page++) {
          const p = await ok(app.core, 'leads.list', {
            view: 'closed_no_sale',
            sort: 'assignee',
            dir,
            page,
            pageSize: 100,
          });
          if (p.rows.length === 0) break;
          got.push(...p.rows.map((r: { id: number }) => r.id));
        }
        expect(got).toEqual(expected);
      }
      return leads;
    };
    const before = await check();
    expect(before.filter((l) => l.assigneeId === null)).toHaveLength(7);
    // The person whose name sorts last is renamed to come first; a lead of another goes to them.
    const users = (await ok(app.core, 'people.list', {})).users as { id: number; name: string }[];
    const last = [...users].sort((a, b) => cmp(b.name, a.name))[0]!;
    const full = (await ok(app.core, 'people.list', {})).users.find((u: { id: number }) => u.id === last.id);
    await ok(app.core, 'people.save', { ...full, name: 'Aaron Abate' });
    const other = before.find((l) => l.assigneeId !== null && l.assigneeId !== last.id)!;
    await sqlRun(app.core, 'UPDATE leads SET assignee_id = ? WHERE id = ?', last.id, other.id);
    await check();
    const first = await ok(app.core, 'leads.list', { view: 'closed_no_sale', sort: 'assignee', pageSize: 500 });
    expect(first.rows[0].assigneeName).toBe('Aaron Abate');
    expect(first.rows.map((r: { id: number }) => r.id)).toContain(other.id);
  });

  it('searches name, e-mail, phone in any format, VIN and lead number', async () => {
    const l = all.find((x) => x.email && x.phone && x.vin && x.status === 'assigned')!;
    const find = async (q: string) =>
      (await ok(app.core, 'leads.list', { view: 'assigned', search: q, pageSize: 500 })).rows.map(
        (r: { id: number }) => r.id,
      );
    expect(await find(l.lastName)).toContain(l.id);
    expect(await find(`${l.firstName} ${l.lastName.slice(0, 3)}`)).toContain(l.id);
    expect(await find(l.email!)).toContain(l.id);
    expect(await find(l.phone!)).toContain(l.id);
    expect(await find(l.phone!.replace(/^\+\d\d\s*/, ''))).toContain(l.id);
    expect(await find(l.phone!.replace(/\s/g, ''))).toContain(l.id);
    expect(await find(l.vin!)).toContain(l.id);
    expect(await find(l.vin!.slice(0, 9).toLowerCase())).toContain(l.id);
    expect(await find(l.number)).toContain(l.id);
    expect(await find('zzzqqq')).toEqual([]);
    expect(await find('"); DROP TABLE leads; --')).toEqual([]);
  });

  it('the SLA figures in SQL equal the pure rule over the same leads', async () => {
    const settings = app.core.settings.rules();
    for (const at of [NOW, NOW - 5 * 86_400_000, NOW - 30 * 86_400_000]) {
      const sql = await ok(app.core, 'kpi.sla', { at });
      const pure = aggregateSla(all, at, settings);
      expect(sql).toEqual(pure);
      expect(sql.sla1.met + sql.sla1.missed + sql.sla1.pending).toBe(sql.sla3.met + sql.sla3.missed);
    }
  });
});

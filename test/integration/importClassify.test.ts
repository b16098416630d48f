// Duplicate detection of the import (already imported, duplicates of open leads, duplicates in the file) against
// a reference: the analysis as it was written before the import was made faster, on a file full of collisions
// (shared VINs, e-mails and phones written differently, repeated ids, several open leads with the same values).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../../electron/core/import/readTable';
import {
  compilePick,
  importMappingSchema,
  mapRow,
  phoneKey,
  rowKeyText,
  suggestMapping,
  type MappedRow,
} from '../../shared/import/mapping';
import { csv, utf8, vinFor } from '../fixtures/importCorpus';
import { baseLead, openTestApp, sqlAll, sqlGet, sqlRun, type TestApp } from './helpers';
import { rng } from '../fixtures/rng';

let app: TestApp;
afterEach(() => app?.close());

const HEADERS = ['Lead ID', 'Last Name', 'Email', 'Phone', 'Other phone', 'VIN', 'Campaign', 'Lead Type'];
const CAMPAIGNS = ['Service Reminder', 'Seasonal Promo', 'Warranty End Reminder'];
const phoneVariants = (n: number) => [
  `+39 333 ${String(1000000 + n).slice(-7)}`,
  `0039 333 ${String(1000000 + n).slice(-7)}`,
  `333-${String(1000000 + n).slice(-7)}`,
  `333${String(1000000 + n).slice(-7)}`,
];

type Ref = MappedRow & {
  key?: string;
  state: string;
  firstLine?: number;
  dup?: { line: number; by: string; leadId: number };
};
const OPEN = "(status = 'assigned' OR (status = 'appointment' AND frozen = false))";
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** The import's analysis as it was (importService.analyze before the parse/classify split), for the default mapping. */
async function reference(a: TestApp, name: string, data: Buffer): Promise<Ref[]> {
  const table = await readTable(name, data);
  const mapping = importMappingSchema.parse({ columns: suggestMapping(table.headers) });
  const ctx = { now: a.clock.now(), settings: a.core.settings.rules(), campaigns: a.core.settings.campaigns() };
  const pick = compilePick(table.headers, mapping);
  const rows = table.rows.map((r) => {
    const m = mapRow(r.line, pick(r.cells), mapping, ctx) as Ref;
    m.state = m.error ? 'rejected' : 'new';
    return m;
  });
  for (const r of rows) {
    if (r.state === 'rejected') continue;
    r.key = r.values.externalId
      ? `ext:${r.input!.source}:${r.values.externalId}`
      : `row:${sha1(`${rowKeyText(r.values)}\u001e${r.lead!.campaign}\u001e${r.lead!.source}\u001e${r.lead!.leadType}`)}`;
  }
  const keys = rows.filter((r) => r.key).map((r) => r.key!);
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    for (const k of await sqlAll<{ k: string }>(
      a.core,
      `SELECT external_id AS k FROM leads WHERE external_id IN (${chunk.map(() => '?').join(',')})`,
      ...chunk,
    ))
      known.add(k.k);
  }
  const open = new Map<string, { id: number }>();
  for (const l of await sqlAll<{
    id: number;
    vin: string | null;
    email: string | null;
    phone: string | null;
    p2: string | null;
    campaign: string;
  }>(
    a.core,
    `SELECT id, number, first_name AS f, last_name AS l, vin, email, phone, other_phone AS p2, campaign FROM leads
      WHERE ${OPEN} ORDER BY id`,
  )) {
    const info = { id: l.id };
    if (l.vin) open.set(`vin|${l.vin}|${l.campaign}`, info);
    if (l.email) open.set(`email|${l.email.toLowerCase()}|${l.campaign}`, info);
    for (const p of [l.phone, l.p2]) {
      const k = phoneKey(p);
      if (k) open.set(`phone|${k}|${l.campaign}`, info);
    }
  }
  const inFile = new Map<string, number>();
  for (const r of rows) {
    if (r.state === 'rejected') continue;
    if (known.has(r.key!)) {
      r.state = 'already';
      continue;
    }
    const lead = r.lead!;
    const probes: [string, string | null][] = [
      ['vin', lead.vin ? `vin|${lead.vin}|${lead.campaign}` : null],
      ['email', lead.email ? `email|${lead.email}|${lead.campaign}` : null],
      ['phone', phoneKey(lead.phone) ? `phone|${phoneKey(lead.phone)}|${lead.campaign}` : null],
      ['phone', phoneKey(lead.otherPhone) ? `phone|${phoneKey(lead.otherPhone)}|${lead.campaign}` : null],
    ];
    const firstSeen = [r.key!, ...probes.map((p) => p[1])]
      .map((k) => (k ? inFile.get(k) : undefined))
      .find((x) => x !== undefined);
    if (firstSeen !== undefined) {
      r.state = 'rejected';
      r.error = { code: 'DUPLICATE_IN_FILE' };
      r.firstLine = firstSeen;
      continue;
    }
    inFile.set(r.key!, r.line);
    for (const [, k] of probes) if (k) inFile.set(k, r.line);
    const hit = probes.find(([, k]) => k && open.has(k));
    if (hit) {
      r.state = 'duplicate';
      r.dup = { line: r.line, by: hit[0], leadId: open.get(hit[1]!)!.id };
    }
  }
  return rows;
}

function collisionFile(seed: number, n: number): Buffer {
  const r = rng(seed);
  const rows = [HEADERS];
  for (let i = 0; i < n; i++) {
    const p = Math.floor(r.next() * 30);
    rows.push([
      r.chance(0.15) ? '' : `HQ-${Math.floor(r.next() * 260)}`,
      r.pick(['Rossi', 'Müller', 'Dubois', 'Bianchi']) + (r.chance(0.5) ? '' : ` ${p}`),
      r.chance(0.2)
        ? ''
        : r.chance(0.05)
          ? 'not-an-email'
          : `${r.chance(0.3) ? 'Cust' : 'cust'}${Math.floor(r.next() * 30)}@example.eu`,
      r.chance(0.2) ? '' : r.pick(phoneVariants(Math.floor(r.next() * 30))),
      r.chance(0.7) ? '' : r.pick(phoneVariants(Math.floor(r.next() * 30))),
      r.chance(0.1) ? '' : vinFor(Math.floor(r.next() * 30)),
      r.pick(CAMPAIGNS),
      r.pick(['HQ Driven', 'Customer Driven']),
    ]);
  }
  return utf8(csv(rows, ';'));
}

describe('import duplicate detection = the analysis as it was', () => {
  for (const seed of [1, 2, 3]) {
    it(`a file full of collisions (seed ${seed}): preview and commit give the reference's states, lines and leads`, async () => {
      app = openTestApp();
      const r = rng(seed * 7919);
      // Open and not-open leads sharing the file's values, several with the same value in the same campaign.
      const campaigns = ['service_reminder', 'seasonal_promo', 'warranty_end_reminder', 'extended_warranty_web'];
      const few = () => Math.floor(r.next() * 10);
      for (let i = 0; i < 60; i++) {
        const l = await app.core.leads.create(
          baseLead({
            lastName: `Open ${i}`,
            campaign: r.pick(campaigns),
            email: r.chance(0.5) ? `cust${few()}@example.eu` : null,
            phone: r.chance(0.5) ? r.pick(phoneVariants(few())) : null,
            otherPhone: r.chance(0.3) ? r.pick(phoneVariants(few())) : null,
            vin: r.chance(0.5) ? vinFor(few()) : null,
          }),
          await app.core.resolveActor(),
        );
        const status = r.pick(['assigned', 'assigned', 'appointment', 'appointment', 'closed_sale', 'lost']);
        await sqlRun(
          app.core,
          'UPDATE leads SET status = ?, frozen = ?, assigned_at = ? WHERE id = ?',
          status,
          r.chance(0.5) ? 1 : 0,
          app.clock.now() - Math.floor(r.next() * 1e9),
          l.id,
        );
      }
      // Several open leads share a key (the last one read is the one reported).
      const shared = async (col: string) =>
        (await sqlGet<{ n: number }>(
          app.core,
          `SELECT count(*) AS n FROM (SELECT ${col}, campaign FROM leads
        WHERE ${OPEN} AND ${col} IS NOT NULL GROUP BY ${col}, campaign HAVING count(*) > 1) AS s`,
        ))!.n;
      expect((await shared('vin')) + (await shared('email'))).toBeGreaterThan(0);
      // Part of the file imported before: "already", and open leads with its values.
      expect(
        (
          await app.core.importer.commit(
            { name: 'first.csv', data: collisionFile(seed + 100, 40) },
            { decisions: [] },
            await app.core.resolveActor(),
          )
        ).imported,
      ).toBeGreaterThan(0);
      const data = collisionFile(seed, 300);
      const ref = await reference(app, 'big.csv', data);
      const states = (xs: { state: string }[]) =>
        xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x.state]: (m[x.state] ?? 0) + 1 }), {});
      const refStates = states(ref);
      // The file does collide in every way.
      expect(refStates.duplicate).toBeGreaterThan(5);
      expect(refStates.already).toBeGreaterThan(5);
      expect(ref.filter((x) => x.error?.code === 'DUPLICATE_IN_FILE').length).toBeGreaterThan(20);
      expect(refStates.new).toBeGreaterThan(5);

      const p = await app.core.importer.preview({ name: 'big.csv', data }, {});
      expect(p.summary).toEqual({
        total: ref.length,
        valid: refStates.new ?? 0,
        already: refStates.already ?? 0,
        duplicates: refStates.duplicate ?? 0,
        rejected: refStates.rejected ?? 0,
      });
      expect(p.duplicates.map((d) => ({ line: d.line, by: d.by, leadId: d.leadId }))).toEqual(
        ref.filter((x) => x.dup).map((x) => x.dup),
      );
      expect(p.rejected.map((x) => [x.line, x.code, x.firstLine])).toEqual(
        ref.filter((x) => x.state === 'rejected').map((x) => [x.line, x.error!.code, x.firstLine]),
      );
      expect(p.rows.map((x) => x.state)).toEqual(ref.slice(0, 20).map((x) => x.state));

      const c = await app.core.importer.commit(
        { name: 'big.csv', data },
        { decisions: [], duplicateDefault: 'skip' },
        await app.core.resolveActor(),
      );
      expect({ imported: c.imported, already: c.already, skipped: c.skippedDuplicates }).toEqual({
        imported: refStates.new,
        already: refStates.already,
        skipped: refStates.duplicate,
      });
      expect(c.duplicates.map((d) => [d.line, d.by, d.leadId])).toEqual(
        ref.filter((x) => x.dup).map((x) => [x.dup!.line, x.dup!.by, x.dup!.leadId]),
      );
      const names = (
        await sqlAll<{ n: string }>(
          app.core,
          `SELECT last_name AS n FROM leads WHERE id IN (${c.leadIds.join(',')}) ORDER BY id`,
        )
      ).map((x) => x.n);
      expect(names).toEqual(ref.filter((x) => x.state === 'new').map((x) => x.lead!.lastName));
    });
  }
});

// Customer linking of a batch (an import's rows, new leads with DMS ids) against a reference: the linking as it
// was written before it was made faster (one INSERT per customer, every phone parsed, a vehicle UPDATE per row),
// on batches full of shared e-mails, phones (written differently, for other countries), DMS ids and VINs.
import { afterEach, describe, expect, it } from 'vitest';
import { consentColumn } from '../../electron/core/people/customerService';
import { createPhonePool } from '../../electron/core/people/phonePool';
import { CONSENTS, type Consents, type Language } from '../../shared/domain/vocabulary';
import { normalizePhone } from '../../shared/people/phone';
import { vinFor } from '../fixtures/importCorpus';
import type { AppCore } from '../../electron/core/appCore';
import { openTestApp, sqlAll, sqlGet, sqlRun, type TestApp } from './helpers';
import { rng } from '../fixtures/rng';

let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

type Row = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  otherPhone: string | null;
  language: Language;
  country: string | null;
  state: string | null;
  city: string | null;
  zip: string | null;
  vin: string | null;
  customerId: number | null;
  consents: Consents;
};

/** The linking as it was (customerService.resolve before the batch INSERTs): the reference. */
async function reference(
  core: AppCore,
  now: number,
  rows: Row[],
  dmsOf: (i: number) => string | null,
): Promise<(number | null)[]> {
  const insert = `INSERT INTO customers (dms_id, first_name, last_name, email, phone, phone_e164, phone_valid, other_phone, language, country, state, city, zip,
    ${CONSENTS.map(consentColumn).join(', ')}, created_at, updated_at) VALUES (${Array(13 + CONSENTS.length + 2)
      .fill('?')
      .join(', ')}) RETURNING id`;
  const fill = `UPDATE customers SET email = coalesce(email, ?), phone = coalesce(phone, ?), phone_e164 = CASE WHEN phone IS NULL THEN ? ELSE phone_e164 END,
    phone_valid = CASE WHEN phone IS NULL THEN ? ELSE phone_valid END, dms_id = coalesce(dms_id, ?), updated_at = ? WHERE id = ?`;
  const owner = 'UPDATE vehicles SET owner_customer_id = ? WHERE vin = ? AND owner_customer_id IS NULL';
  const preload = async (column: string, values: string[], into: Map<string, number>) => {
    const extra = column === 'phone_e164' ? ' AND phone_valid = true' : '';
    const uniq = [...new Set(values)];
    for (let i = 0; i < uniq.length; i += 500) {
      const chunk = uniq.slice(i, i + 500);
      const found = await sqlAll<{ id: number; k: string }>(
        core,
        `SELECT id, ${column} AS k FROM customers WHERE anonymized_at IS NULL${extra} AND ${column} IN (${chunk.map(() => '?').join(',')}) ORDER BY id`,
        ...chunk,
      );
      for (const r of found) if (!into.has(r.k)) into.set(r.k, r.id);
    }
  };
  const todo = rows.flatMap((l, i) => {
    if (l.customerId !== null) return [];
    const phone = normalizePhone(l.phone, l.country, l.language);
    return [
      { i, l, phone, e164: phone?.valid ? phone.e164 : null, email: l.email?.toLowerCase() ?? null, dms: dmsOf(i) },
    ];
  });
  const out: (number | null)[] = rows.map((l) => l.customerId);
  if (todo.length === 0) return out;
  const byDms = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byPhone = new Map<string, number>();
  await preload(
    'dms_id',
    todo.flatMap((x) => (x.dms ? [x.dms] : [])),
    byDms,
  );
  await preload(
    'email',
    todo.flatMap((x) => (x.email ? [x.email] : [])),
    byEmail,
  );
  await preload(
    'phone_e164',
    todo.flatMap((x) => (x.e164 ? [x.e164] : [])),
    byPhone,
  );
  for (const { i, l, phone, e164, email, dms } of todo) {
    let cid =
      (dms ? byDms.get(dms) : undefined) ??
      (email ? byEmail.get(email) : undefined) ??
      (e164 ? byPhone.get(e164) : undefined);
    if (cid !== undefined) {
      await sqlRun(
        core,
        fill,
        email,
        l.phone,
        phone?.e164 ?? null,
        phone ? (phone.valid ? 1 : 0) : null,
        dms,
        now,
        cid,
      );
    } else {
      cid = (await sqlGet<{ id: number }>(
        core,
        insert,
        dms,
        l.firstName,
        l.lastName,
        email,
        l.phone,
        phone?.e164 ?? null,
        phone ? (phone.valid ? 1 : 0) : null,
        l.otherPhone,
        l.language,
        l.country,
        l.state,
        l.city,
        l.zip,
        ...CONSENTS.map((k) => (l.consents[k] ? 1 : 0)),
        now,
        now,
      ))!.id;
    }
    if (dms && !byDms.has(dms)) byDms.set(dms, cid);
    if (email && !byEmail.has(email)) byEmail.set(email, cid);
    if (e164 && !byPhone.has(e164)) byPhone.set(e164, cid);
    out[i] = cid;
    if (l.vin) await sqlRun(core, owner, cid, l.vin);
  }
  return out;
}

const PHONES = (n: number) => [
  `+39 333 ${1000000 + n}`,
  `0039 333 ${1000000 + n}`,
  `333 ${1000000 + n}`,
  `06 ${1000000 + n}`,
  `+33 6 12 34 ${String(10 + n).slice(-2)} 00`,
  '12',
  'call me',
];
function batch(seed: number, n: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    firstName: `F${i}`,
    lastName: r.pick(['Rossi', 'Müller', 'Dubois']),
    email: r.chance(0.3) ? null : `${r.chance(0.2) ? 'Cust' : 'cust'}${Math.floor(r.next() * 40)}@example.eu`,
    phone: r.chance(0.3) ? null : r.pick(PHONES(Math.floor(r.next() * 40))),
    otherPhone: r.chance(0.8) ? null : '+39 02 1234567',
    language: r.pick(['it', 'fr', 'de', 'en'] as const),
    country: r.pick([null, 'IT', 'Italia', 'FR', 'de', 'Schweiz', '']),
    state: null,
    city: r.chance(0.5) ? 'Modena' : null,
    zip: null,
    vin: r.chance(0.4) ? vinFor(Math.floor(r.next() * 30)) : null,
    customerId: r.chance(0.05) ? 1 : null,
    consents: Object.fromEntries(CONSENTS.map((k) => [k, r.chance(0.3)])) as Consents,
  }));
}

/** The same database on two apps: customers (one erased), vehicles with and without an owner. */
async function seeded(seed: number): Promise<TestApp> {
  const a = openTestApp();
  apps.push(a);
  const r = rng(seed);
  const ins = `INSERT INTO customers (dms_id, first_name, last_name, email, phone, phone_e164, phone_valid, language, created_at, updated_at, anonymized_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'it', 0, 0, ?)`;
  for (let i = 0; i < 30; i++) {
    const p = r.chance(0.5) ? normalizePhone(r.pick(PHONES(Math.floor(r.next() * 40))), 'IT', 'it') : null;
    await sqlRun(
      a.core,
      ins,
      r.chance(0.3) ? `DMS-${Math.floor(r.next() * 20)}-${i}` : null,
      `C${i}`,
      'Old',
      r.chance(0.5) ? `cust${Math.floor(r.next() * 40)}@example.eu` : null,
      p ? 'x' : null,
      p?.e164 ?? null,
      p ? (p.valid ? 1 : 0) : null,
      i === 3 ? 1 : null,
    );
  }
  const veh = 'INSERT INTO vehicles (vin, owner_customer_id, updated_at) VALUES (?, ?, 0)';
  for (let i = 0; i < 30; i += 2) await sqlRun(a.core, veh, vinFor(i), r.chance(0.3) ? 2 : null);
  return a;
}
const dump = async (a: TestApp) => ({
  customers: await sqlAll(a.core, 'SELECT * FROM customers ORDER BY id'),
  vehicles: await sqlAll(a.core, 'SELECT * FROM vehicles ORDER BY id'),
});
/** The reference in one transaction (on the test's own connection to the store, as sqlAll runs). */
async function referenceTx(...args: Parameters<typeof reference>): Promise<(number | null)[]> {
  await sqlRun(args[0], 'BEGIN');
  try {
    const out = await reference(...args);
    await sqlRun(args[0], 'COMMIT');
    return out;
  } catch (e) {
    await sqlRun(args[0], 'ROLLBACK');
    throw e;
  }
}

describe('customer linking = the linking as it was', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`a batch full of shared contacts (seed ${seed}): the same customers, fills and vehicle owners`, async () => {
      const [fast, ref] = [await seeded(seed), await seeded(seed)];
      expect(await dump(fast)).toEqual(await dump(ref));
      const rows = batch(seed, 400);
      const dms = (i: number) => (i % 7 === 0 ? `DMS-${i % 20}-${i % 3}` : null);
      // The import's path (no DMS id) and the new-lead path (with DMS ids), each twice: the second batch meets the first's customers.
      const fastRows = structuredClone(rows);
      await fast.core.data.tx((r) => fast.core.customers.assignCustomers(r, fastRows));
      const refIds = await referenceTx(ref.core, ref.clock.now(), structuredClone(rows), () => null);
      expect(fastRows.map((x) => x.customerId)).toEqual(refIds);
      const again = batch(seed + 10, 200);
      const fastAgain = structuredClone(again);
      // As the import calls it: half the rows' numbers normalized by the phone worker beforehand, the others not.
      const pool = createPhonePool(() => undefined);
      const pre = pool.batch();
      for (const l of again.slice(0, 100)) if (l.phone) pre.add(l.phone, l.country, l.language);
      const known = pre.wait();
      pool.close();
      expect(known.size).toBeGreaterThan(10);
      await fast.core.data.tx((r) => fast.core.customers.assignCustomers(r, fastAgain, known));
      const refAgain = await referenceTx(ref.core, ref.clock.now(), structuredClone(again), () => null);
      expect(fastAgain.map((x) => x.customerId)).toEqual(refAgain);
      expect(await dump(fast)).toEqual(await dump(ref));
      // With DMS ids (resolve as linkNew uses it): compared through the customers the rows get.
      const withDms = batch(seed + 20, 150);
      const fastDms = structuredClone(withDms);
      // assignCustomers has no DMS ids: run linkNew's resolve through leads created without a customer.
      const lead = async (a: TestApp, l: Row, i: number) =>
        (await sqlGet<{ id: number }>(
          a.core,
          `INSERT INTO leads (number, status, lead_type, type_rank, source, campaign,
        created_at, assigned_at, updated_at, first_name, last_name, email, phone, other_phone, language, country, city, vin, sla1_due_at, sla2_due_at)
        VALUES (?, 'assigned', 'customer_driven', 0, 'web', 'service_reminder', 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0) RETURNING id`,
          `N-${i}`,
          l.firstName,
          l.lastName,
          l.email,
          l.phone,
          l.otherPhone,
          l.language,
          l.country,
          l.city,
          l.vin,
        ))!.id;
      const leads = async (a: TestApp, rows: Row[]) => {
        const ids: number[] = [];
        for (const [i, l] of rows.entries()) ids.push(await lead(a, l, i));
        return ids;
      };
      const fastIds = await leads(fast, fastDms);
      await fast.core.data.tx((r) =>
        fast.core.customers.linkNew(r, fastIds, new Map(fastIds.map((id, i) => [id, dms(i)]))),
      );
      const refLeadIds = await leads(ref, withDms);
      const refDms = await referenceTx(
        ref.core,
        ref.clock.now(),
        withDms.map((l) => ({
          ...l,
          customerId: null,
          consents: Object.fromEntries(CONSENTS.map((k) => [k, false])) as Consents,
        })),
        dms,
      );
      const linked = (
        await sqlAll<{ c: number | null }>(
          fast.core,
          `SELECT customer_id AS c FROM leads WHERE id IN (${fastIds.join(',')}) ORDER BY id`,
        )
      ).map((x) => x.c);
      expect(linked).toEqual(refDms);
      expect(refLeadIds).toEqual(fastIds);
      expect(await dump(fast)).toEqual(await dump(ref));
    });
  }
});

// Customers (docs/rules.md §1, §8): find-or-create on every new lead by DMS id, e-mail or phone (E.164 via
// libphonenumber for the customer's country), the customer's history (leads, vehicles), consents with
// their changes in history.
import type { Actor } from '../../../shared/domain/lead';
import { CONSENTS, type Consents } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import type { CustomerDetail } from '../../../shared/contract/people';
import { normalizePhone, phoneMemoKey, type NormalizedPhone } from '../../../shared/people/phone';
import type { CustomerRow, LeadForLinkRow } from '../../store/repos/customers';
import type { AsyncStore } from '../../store/repos/index';
import type { TxRepos } from '../leadService';
import type { Clock } from '../clock';

export { consentColumn, VEHICLE_SELECT } from '../../store/repos/customers';

export function rowToCustomer(r: CustomerRow): CustomerDetail['customer'] {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!k.startsWith('consent.')) out[k] = v;
  out.phoneValid = r.phoneValid === null ? null : r.phoneValid === 1;
  out.consents = Object.fromEntries(CONSENTS.map((k) => [k, r[`consent.${k}`] === 1]));
  return out as CustomerDetail['customer'];
}

/** What linking reads of a lead (a stored one has its id; an import's row before insertion has none). */
type CustomerFields = Omit<LeadForLinkRow, 'id'>;
type NewLeadRow = LeadForLinkRow;

export interface CustomerService {
  /** Links new leads to their customer (found by DMS id, e-mail or phone, else created). Inside the caller's transaction. */
  linkNew(r: TxRepos, leadIds: number[], dmsIds?: Map<number, string | null>): Promise<void>;
  /**
   * A file import's rows before they are inserted (inside its transaction): sets each row's customerId. `phones`:
   * numbers already normalized (by `phoneMemoKey`; the import's worker thread), the others are normalized here.
   */
  assignCustomers(
    r: TxRepos,
    rows: CustomerFields[],
    phones?: ReadonlyMap<string, NormalizedPhone | null>,
  ): Promise<void>;
  get(id: number): Promise<CustomerDetail>;
  /** The customer as the transaction `r` sees it. */
  getIn(r: TxRepos, id: number): Promise<CustomerDetail>;
  setConsents(id: number, leadId: number | null, consents: Partial<Consents>, actor: Actor): Promise<CustomerDetail>;
}

/** Where a new customer's values (CUSTOMER_INSERT_COLUMNS order) hold the keys a later row of the batch may fill. */
const NEW = { dms: 0, email: 3, phone: 4, e164: 5, valid: 6 } as const;

export function createCustomerService(data: AsyncStore, clock: Clock): CustomerService {
  /** Looks the keys of a batch up in one query per 500 values (an import links 10,000 leads at once). */
  async function preload(
    tx: TxRepos,
    column: 'dms_id' | 'email' | 'phone_e164',
    values: string[],
    into: Map<string, number>,
  ): Promise<void> {
    await tx.customers.byKey(column, [...new Set(values)], (r) => {
      if (!into.has(r.k)) into.set(r.k, r.id);
    });
  }

  /**
   * The customer of each row (found by DMS id, e-mail or valid phone, else created), in row order; rows that
   * already have one keep it. Rows of one batch that share a key share the customer.
   */
  async function resolve(
    tx: TxRepos,
    rows: CustomerFields[],
    dmsOf: (i: number) => string | null,
    known?: ReadonlyMap<string, NormalizedPhone | null>,
  ): Promise<(number | null)[]> {
    // libphonenumber is slow: each distinct number (for its country and language) is parsed once per batch,
    // and not at all when the caller has it already (`known`).
    const phones = new Map<string, NormalizedPhone | null>();
    const phoneOf = (l: CustomerFields) => {
      const k = phoneMemoKey(l.phone, l.country, l.language);
      let p = known?.has(k) ? known.get(k) : phones.get(k);
      if (p === undefined) {
        p = normalizePhone(l.phone, l.country, l.language);
        phones.set(k, p);
      }
      return p;
    };
    const todo = rows.flatMap((l, i) => {
      if (l.customerId !== null) return [];
      const phone = phoneOf(l);
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
      tx,
      'dms_id',
      todo.flatMap((x) => (x.dms ? [x.dms] : [])),
      byDms,
    );
    await preload(
      tx,
      'email',
      todo.flatMap((x) => (x.email ? [x.email] : [])),
      byEmail,
    );
    await preload(
      tx,
      'phone_e164',
      todo.flatMap((x) => (x.e164 ? [x.e164] : [])),
      byPhone,
    );
    // The vehicles of these VINs that have no owner yet (the only ones `owner` changes): no UPDATE for the others.
    const ownerless = new Set<string>();
    await tx.customers.ownerlessVins([...new Set(todo.flatMap((x) => (x.l.vin ? [x.l.vin] : [])))], (vin) =>
      ownerless.add(vin),
    );
    const now = clock.now();
    // New customers are inserted together after the loop (INSERT_BATCH rows per statement, consecutive ids); until
    // then a row refers to the k-th new one as -(k + 1), and a later row of the batch that finds it fills its
    // empty contact fields in memory (what `fill` does to a stored one).
    const created: { v: unknown[]; rows: number[]; vins: string[] }[] = [];
    for (const { i, l, phone, e164, email, dms } of todo) {
      let cid =
        (dms ? byDms.get(dms) : undefined) ??
        (email ? byEmail.get(email) : undefined) ??
        (e164 ? byPhone.get(e164) : undefined);
      const valid = phone ? (phone.valid ? 1 : 0) : null;
      if (cid === undefined) {
        cid = -(created.length + 1);
        created.push({
          v: [
            dms,
            l.firstName,
            l.lastName,
            email,
            l.phone,
            phone?.e164 ?? null,
            valid,
            l.otherPhone,
            l.language,
            l.country,
            l.state,
            l.city,
            l.zip,
            ...CONSENTS.map((k) => (l.consents[k] ? 1 : 0)),
            now,
            now,
          ],
          rows: [],
          vins: [],
        });
      } else if (cid > 0) {
        await tx.customers.fill(cid, { email, phone: l.phone, e164: phone?.e164 ?? null, valid, dms }, now);
      } else {
        const v = created[-cid - 1]!.v;
        v[NEW.email] ??= email;
        if (v[NEW.phone] === null) {
          v[NEW.phone] = l.phone;
          v[NEW.e164] = phone?.e164 ?? null;
          v[NEW.valid] = valid;
        }
        v[NEW.dms] ??= dms;
      }
      if (dms && !byDms.has(dms)) byDms.set(dms, cid);
      if (email && !byEmail.has(email)) byEmail.set(email, cid);
      if (e164 && !byPhone.has(e164)) byPhone.set(e164, cid);
      if (cid > 0) {
        out[i] = cid;
        if (l.vin && ownerless.delete(l.vin)) await tx.customers.setVehicleOwner(cid, l.vin);
      } else {
        const c = created[-cid - 1]!;
        c.rows.push(i);
        if (l.vin && ownerless.delete(l.vin)) c.vins.push(l.vin);
      }
    }
    const ids = await tx.customers.insertMany(created.map((c) => c.v));
    for (const [k, c] of created.entries()) {
      for (const i of c.rows) out[i] = ids[k]!;
      for (const vin of c.vins) await tx.customers.setVehicleOwner(ids[k]!, vin);
    }
    return out;
  }

  async function link(tx: TxRepos, rows: NewLeadRow[], dmsIds?: Map<number, string | null>): Promise<void> {
    const cids = await resolve(tx, rows, (i) => dmsIds?.get(rows[i]!.id) ?? null);
    for (const [i, l] of rows.entries()) {
      const cid = cids[i];
      if (l.customerId === null && cid != null) await tx.customers.linkLead(cid, l.id);
    }
  }

  async function getIn(tx: TxRepos, id: number): Promise<CustomerDetail> {
    const r = await tx.customers.customer(id);
    if (!r) throw new AppError('NOT_FOUND', { params: { id } });
    return {
      customer: rowToCustomer(r),
      leads: await tx.customers.leads(id),
      vehicles: await tx.customers.vehicles(id),
      history: await tx.customers.history(id),
    };
  }

  const svc: CustomerService = {
    async assignCustomers(tx, rows, phones) {
      const cids = await resolve(tx, rows, () => null, phones);
      rows.forEach((l, i) => {
        l.customerId = cids[i] ?? null;
      });
    },
    async linkNew(tx, leadIds, dmsIds) {
      const rows: NewLeadRow[] = [];
      for (let i = 0; i < leadIds.length; i += 500) {
        const chunk = leadIds.slice(i, i + 500);
        for (const r of await tx.customers.leadsForLinking(chunk)) rows.push(r);
      }
      await link(tx, rows, dmsIds);
    },
    get: (id) => getIn(data.repos, id),
    getIn,
    async setConsents(id, leadId, consents, actor) {
      await data.tx(async (tx) => {
        const cur = (await getIn(tx, id)).customer;
        if (cur.anonymizedAt !== null) throw new AppError('CUSTOMER_ERASED');
        if (leadId !== null) {
          const l = await tx.customers.leadCustomer(leadId);
          if (!l || l.c !== id) throw new AppError('NOT_FOUND', { field: 'leadId' });
        }
        const now = clock.now();
        const rows: { at: number; field: string; oldValue: string | null; newValue: string | null }[] = [];
        for (const k of CONSENTS) {
          const v = consents[k];
          if (v === undefined || v === cur.consents[k]) continue;
          await tx.customers.setConsent(id, k, v, now);
          // The lead the change was made from shows the customer's current consents too.
          if (leadId !== null) await tx.customers.setLeadConsent(leadId, k, v, now);
          rows.push({ at: now, field: `consents.${k}`, oldValue: String(cur.consents[k]), newValue: String(v) });
        }
        await tx.history.insert(leadId, id, actor, rows);
      });
      return svc.get(id);
    },
  };
  return svc;
}

// Customers on PostgreSQL (electron/store/repos/customers.ts): find-or-create by key, the batch insert, the
// customer's page, consents. Rows read as SQLite's: consents and phone_valid 0/1.
import type { CustomerDetail } from '../../../../shared/contract/people';
import { CONSENTS, type ConsentKey, type Consents } from '../../../../shared/domain/vocabulary';
import {
  consentColumn,
  CUSTOMER_INSERT_COLUMNS,
  type CustomerRow,
  type CustomersRepo,
  type LeadForLinkRow,
} from '../../repos/customers';
import type { Async } from '../../repos/index';
import { PG_VEHICLE_SELECT } from './leads';
import { PG_CONSENT_SELECT, row, rows, run, type Queryable } from './query';

const CUSTOMER_SELECT = `id, dms_id AS "dmsId", first_name AS "firstName", last_name AS "lastName", email, phone,
  phone_e164 AS "phoneE164", phone_valid::int AS "phoneValid", other_phone AS "otherPhone", language, country, state, city, zip,
  created_at AS "createdAt", updated_at AS "updatedAt", anonymized_at AS "anonymizedAt", ${PG_CONSENT_SELECT}`;
const INSERT_BATCH = 25;
/** SQLite reads the keys 500 at a time, each chunk by id: the same chunks give the same order of calls. */
const CHUNK = 500;
const KEY_COLUMNS = new Set(['dms_id', 'email', 'phone_e164']);

export function customersRepoPg(q: Queryable): Async<CustomersRepo> {
  async function chunked<T>(values: string[], sql: string, each: (row: T) => void): Promise<void> {
    for (let i = 0; i < values.length; i += CHUNK)
      for (const r of await rows<T>(q, sql, [values.slice(i, i + CHUNK)])) each(r);
  }
  return {
    leadsForLinking: async (ids) =>
      (
        await rows<Omit<LeadForLinkRow, 'consents'> & Record<`consent.${ConsentKey}`, number>>(
          q,
          `SELECT id, first_name AS "firstName", last_name AS "lastName", email, phone, other_phone AS "otherPhone", language,
            country, state, city, zip, vin, customer_id AS "customerId", ${PG_CONSENT_SELECT}
            FROM leads WHERE id = ANY($1::int[]) ORDER BY id`,
          [ids],
        )
      ).map((r): LeadForLinkRow => ({
        ...r,
        consents: Object.fromEntries(CONSENTS.map((k) => [k, r[`consent.${k}`] === 1])) as Consents,
      })),
    async byKey(column, values, each) {
      if (!KEY_COLUMNS.has(column)) throw new Error(`customers: not a key column: ${column}`);
      const extra = column === 'phone_e164' ? ' AND phone_valid' : '';
      await chunked(
        values,
        `SELECT id, ${column} AS k FROM customers WHERE anonymized_at IS NULL${extra} AND ${column} = ANY($1::text[]) ORDER BY id`,
        each,
      );
    },
    async ownerlessVins(vins, each) {
      await chunked<{ vin: string }>(
        vins,
        'SELECT vin FROM vehicles WHERE owner_customer_id IS NULL AND vin = ANY($1::text[]) ORDER BY vin COLLATE "C"',
        (r) => each(r.vin),
      );
    },
    fill: async (id, f, now) =>
      void (await run(
        q,
        `UPDATE customers SET email = coalesce(email, $1), phone = coalesce(phone, $2),
          phone_e164 = CASE WHEN phone IS NULL THEN $3 ELSE phone_e164 END,
          phone_valid = CASE WHEN phone IS NULL THEN $4::boolean ELSE phone_valid END, dms_id = coalesce(dms_id, $5),
          updated_at = $6 WHERE id = $7`,
        [f.email, f.phone, f.e164, f.valid === null ? null : f.valid !== 0, f.dms, now, id],
      )),
    setVehicleOwner: async (customerId, vin) =>
      void (await run(q, 'UPDATE vehicles SET owner_customer_id = $1 WHERE vin = $2 AND owner_customer_id IS NULL', [
        customerId,
        vin,
      ])),
    async insertMany(values) {
      const ids: number[] = [];
      const n = CUSTOMER_INSERT_COLUMNS.length;
      for (let at = 0; at < values.length; at += INSERT_BATCH) {
        const part = values.slice(at, at + INSERT_BATCH);
        const args: unknown[] = [];
        for (const v of part) {
          if (v.length !== n) throw new Error('customers: a row has not the columns of CUSTOMER_INSERT_COLUMNS');
          args.push(...v);
        }
        // The identity is drawn row after row in the order of VALUES, increasing within this session: the ids sorted
        // are the rows' (RETURNING's order is not promised).
        const out = await rows<{ id: number }>(
          q,
          `INSERT INTO customers (${CUSTOMER_INSERT_COLUMNS.join(', ')}) VALUES ${part
            .map((_, k) => `(${CUSTOMER_INSERT_COLUMNS.map((__, j) => `$${k * n + j + 1}`).join(', ')})`)
            .join(', ')} RETURNING id`,
          args,
        );
        if (out.length !== part.length) throw new Error('customers: a customer was not inserted');
        ids.push(...out.map((r) => r.id).sort((a, b) => a - b));
      }
      return ids;
    },
    linkLead: async (customerId, leadId) =>
      void (await run(q, 'UPDATE leads SET customer_id = $1 WHERE id = $2', [customerId, leadId])),
    customer: (id) => row<CustomerRow>(q, `SELECT ${CUSTOMER_SELECT} FROM customers WHERE id = $1`, [id]),
    leads: (id) =>
      rows<CustomerDetail['leads'][number]>(
        q,
        `SELECT l.id, l.number, l.status, l.campaign, l.source, l.assigned_at AS "assignedAt", l.request_for AS "requestFor", l.vin,
          u.name AS "assigneeName" FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE l.customer_id = $1
          ORDER BY l.assigned_at DESC, l.id DESC`,
        [id],
      ),
    vehicles: (id) =>
      rows<CustomerDetail['vehicles'][number]>(
        q,
        `SELECT ${PG_VEHICLE_SELECT} FROM vehicles WHERE owner_customer_id = $1
          OR vin IN (SELECT vin FROM leads WHERE customer_id = $1 AND vin IS NOT NULL) ORDER BY vin COLLATE "C"`,
        [id],
      ),
    history: (id) =>
      rows<CustomerDetail['history'][number]>(
        q,
        `SELECT id, at, user_id AS "userId", user_name AS "userName", field, old_value AS "oldValue", new_value AS "newValue"
          FROM history WHERE customer_id = $1 ORDER BY id DESC`,
        [id],
      ),
    leadCustomer: (leadId) => row(q, 'SELECT customer_id AS c FROM leads WHERE id = $1', [leadId]),
    setConsent: async (id, k, value, now) =>
      void (await run(q, `UPDATE customers SET ${consentColumn(k)} = $1, updated_at = $2 WHERE id = $3`, [
        value,
        now,
        id,
      ])),
    setLeadConsent: async (leadId, k, value, now) =>
      void (await run(
        q,
        `UPDATE leads SET ${consentColumn(k)} = $1, updated_at = $2, version = version + 1 WHERE id = $3`,
        [value, now, leadId],
      )),
  };
}

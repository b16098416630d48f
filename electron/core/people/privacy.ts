// Privacy (GDPR) on a customer's request: everything held on them (JSON, XLSX, PDF), and erasure that
// scrubs every personal value (customer, leads, contacts, history, vehicles, outbox, notifications,
// search index) while the anonymous lead statistics stay (status, dates, campaign, source, type,
// assignee, SLA flags and deadlines, close reason).
import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR, type Actor } from '../../../shared/domain/lead';
import type { Language } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import type { Store } from '../../store/db';
import type { Clock } from '../clock';
import { fixedT } from '../i18n';
import { LEAD_SELECT } from '../../store/leadRow';
import type { CustomerService } from './customerService';
import { VEHICLE_SELECT } from './customerService';
import { xlsxDate, xlsxDateFormat } from '../xlsxDates';

export const ERASED = '*****';
type Sections = Record<string, Record<string, unknown>[]>;

/** History fields whose values are statistics, not personal data: kept by an erasure. */
const KEEP_HISTORY = new Set([
  'created',
  'assignedAt',
  'status',
  'frozen',
  'closeReason',
  'closeCategory',
  'qualifiedAt',
  'firstContactAt',
  'closedAt',
  'appointmentAt',
  'recontactAt',
  'sla1Met',
  'sla2Met',
  'assigneeId',
  'campaign',
  'source',
  'leadType',
  'followUpLeadId',
  'masterLeadId',
  'recontacted',
  'appointmentEmail',
  'appointmentKept',
  'appointmentKeptAt',
  'language',
  'preferredAt1',
  'preferredAt2',
  'preferredAt3',
  'endOfOwnership',
  'businessDueAt',
]);

export interface PrivacyService {
  collect(customerId: number): Sections;
  exportFile(
    customerId: number,
    format: 'json' | 'xlsx' | 'pdf',
    lang: Language,
  ): Promise<{ fileName: string; mime: string; data: Buffer }>;
  erase(customerId: number, actor: Actor): { customerId: number; leads: number; at: number };
}

function labels(lang: Language): Record<string, string> {
  const pt = fixedT(lang, 'people');
  const sections: unknown = pt('privacy.sections', { returnObjects: true });
  return {
    title: String(pt('privacy.title', { defaultValue: 'Customer data' })),
    ...(sections && typeof sections === 'object' ? (sections as Record<string, string>) : {}),
  };
}

/** Columns holding an instant (epoch ms): date cells in the XLSX export. */
const INSTANT = /^at$|At\d?$|^endOfOwnership$|^(current)?[wW]arranty(Start|End)$|Expiry$/;

export function createPrivacyService(
  store: Store,
  clock: Clock,
  customers: CustomerService,
  timeZone: () => string = () => 'UTC',
): PrivacyService {
  const { sqlite } = store;
  const all = (sql: string, ...p: unknown[]) => sqlite.prepare(sql).all(...p) as Record<string, unknown>[];

  const svc: PrivacyService = {
    collect(id) {
      const c = customers.get(id);
      const leadIds = c.leads.map((l) => l.id);
      const inLeads = `(${leadIds.map(() => '?').join(',') || 'NULL'})`;
      return {
        customer: [
          {
            ...c.customer,
            consents: undefined,
            ...Object.fromEntries(Object.entries(c.customer.consents).map(([k, v]) => [`consent.${k}`, v])),
          },
        ],
        leads: all(`SELECT ${LEAD_SELECT} FROM leads WHERE id IN ${inLeads} ORDER BY id`, ...leadIds),
        contacts: all(
          `SELECT id, lead_id AS leadId, at, direction, channel, outcome, verbatim, answer FROM contacts WHERE lead_id IN ${inLeads} ORDER BY at, id`,
          ...leadIds,
        ),
        vehicles: c.vehicles as unknown as Record<string, unknown>[],
        history: all(
          `SELECT id, lead_id AS leadId, at, user_name AS userName, field, old_value AS oldValue, new_value AS newValue FROM history
          WHERE customer_id = ? OR lead_id IN ${inLeads} ORDER BY id`,
          id,
          ...leadIds,
        ),
        emails: all(
          `SELECT id, lead_id AS leadId, kind, to_address AS toAddress, subject, text_body AS textBody, state, due_at AS dueAt, sent_at AS sentAt
          FROM outbox WHERE lead_id IN ${inLeads} ORDER BY id`,
          ...leadIds,
        ),
      };
    },
    async exportFile(id, format, lang) {
      const data = svc.collect(id);
      const base = `customer-${id}-${new Date(clock.now()).toISOString().slice(0, 10)}`;
      if (format === 'json') {
        return {
          fileName: `${base}.json`,
          mime: 'application/json',
          data: Buffer.from(JSON.stringify({ exportedAt: new Date(clock.now()).toISOString(), ...data }, null, 2)),
        };
      }
      const L = labels(lang);
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        for (const [name, rows] of Object.entries(data)) {
          const ws = wb.addWorksheet((L[name] ?? name).slice(0, 31));
          const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) =>
            rows.some((r) => r[k] !== undefined),
          );
          ws.addRow(cols).font = { bold: true };
          const tz = timeZone();
          const dateFormat = xlsxDateFormat(lang);
          for (const r of rows) {
            const row = ws.addRow(
              cols.map((k) => {
                const v = r[k];
                return INSTANT.test(k) && typeof v === 'number' ? xlsxDate(v, tz) : cell(v);
              }),
            );
            cols.forEach((k, i) => {
              if (INSTANT.test(k) && typeof r[k] === 'number') row.getCell(i + 1).numFmt = dateFormat;
            });
          }
        }
        return {
          fileName: `${base}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          data: Buffer.from(await wb.xlsx.writeBuffer()),
        };
      }
      const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: L.title, Author: 'ASLM Desk' } });
      const chunks: Buffer[] = [];
      doc.on('data', (b: Buffer) => chunks.push(b));
      const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
      doc.font('Helvetica-Bold').fontSize(14).text(`${L.title} #${id}`);
      for (const [name, rows] of Object.entries(data)) {
        doc
          .moveDown(0.6)
          .font('Helvetica-Bold')
          .fontSize(11)
          .text(`${L[name] ?? name} (${rows.length})`);
        doc.font('Helvetica').fontSize(8);
        for (const r of rows) {
          doc.moveDown(0.2).text(
            Object.entries(r)
              .filter(([, v]) => v !== null && v !== undefined && v !== '')
              .map(([k, v]) => `${k}: ${String(cell(v))}`)
              .join('   ·   '),
          );
        }
      }
      doc.end();
      return { fileName: `${base}.pdf`, mime: 'application/pdf', data: await done };
    },
    erase(id, actor) {
      const now = clock.now();
      const n = sqlite.transaction(() => {
        const c = customers.get(id);
        if (c.customer.anonymizedAt !== null) throw new AppError('CUSTOMER_ERASED');
        const leadIds = c.leads.map((l) => l.id);
        const inLeads = `(${leadIds.map(() => '?').join(',') || 'NULL'})`;
        // Every string that identifies the customer, to scrub wherever it was copied (history, notes, e-mails).
        const vins = new Set<string>([
          ...c.vehicles.map((v) => v.vin),
          ...c.leads.map((l) => l.vin).filter((v): v is string => !!v),
        ]);
        const leadRows = all(
          `SELECT first_name AS f, last_name AS l, email AS e, phone AS p, other_phone AS o FROM leads WHERE id IN ${inLeads}`,
          ...leadIds,
        );
        const needles = new Set<string>();
        const add = (v: unknown) => {
          if (typeof v === 'string' && v.trim().length >= 3) needles.add(v.trim());
        };
        // (A first or last name alone is not searched outside their own rows: another customer may share it.)
        for (const v of [
          `${c.customer.firstName} ${c.customer.lastName}`,
          c.customer.email,
          c.customer.phone,
          c.customer.phoneE164,
          c.customer.otherPhone,
          c.customer.dmsId,
          ...vins,
        ])
          add(v);
        for (const r of leadRows) {
          add(r.e);
          add(r.p);
          add(r.o);
          add(`${r.f} ${r.l}`);
        }

        sqlite.prepare('INSERT INTO erasure_guard (customer_id) VALUES (?)').run(id);
        sqlite
          .prepare(
            `UPDATE customers SET dms_id = NULL, first_name = '', last_name = ?, email = NULL, phone = NULL, phone_e164 = NULL, phone_valid = NULL,
          other_phone = NULL, state = NULL, city = NULL, zip = NULL, updated_at = ?, anonymized_at = ? WHERE id = ?`,
          )
          .run(ERASED, now, now, id);
        sqlite
          .prepare(
            `UPDATE leads SET first_name = '', last_name = ?, email = NULL, phone = NULL, other_phone = NULL, state = NULL, city = NULL, zip = NULL,
          request_for = NULL, request_details = NULL, customer_notes = NULL, campaign_notes = NULL, additional_services = NULL, management_notes = NULL,
          vin = NULL, external_id = NULL, updated_at = ?, version = version + 1 WHERE id IN ${inLeads}`,
          )
          .run(ERASED, now, ...leadIds);
        sqlite
          .prepare(`UPDATE contacts SET verbatim = NULL, answer = NULL WHERE lead_id IN ${inLeads}`)
          .run(...leadIds);
        sqlite
          .prepare(
            `UPDATE history SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE ? END, new_value = CASE WHEN new_value IS NULL THEN NULL ELSE ? END
          WHERE (customer_id = ? OR lead_id IN ${inLeads}) AND field NOT IN (${[...KEEP_HISTORY].map(() => '?').join(',')})`,
          )
          .run(ERASED, ERASED, id, ...leadIds, ...KEEP_HISTORY);
        // Their e-mails not sent yet (queued, or being sent right now) are cancelled: there is nobody to send them to
        // any more, and a row without an address must never wait in the outbox (nor hold up the others).
        const pending = (where: string, ...args: unknown[]) =>
          all(
            `SELECT id, lead_id AS leadId, state FROM outbox WHERE state IN ('queued', 'sending') AND (${where})`,
            ...args,
          ).map((r) => ({
            id: Number(r.id),
            leadId: r.leadId === null ? null : Number(r.leadId),
            state: String(r.state),
          }));
        const cancelled = new Map<number, { leadId: number | null; state: string }>();
        const cancel = (rows: { id: number; leadId: number | null; state: string }[]) => {
          for (const r of rows) {
            if (cancelled.has(r.id)) continue;
            cancelled.set(r.id, r);
            sqlite
              .prepare(
                `UPDATE outbox SET state = 'cancelled', last_error = 'reason:erased' WHERE id = ? AND state IN ('queued', 'sending')`,
              )
              .run(r.id);
          }
        };
        cancel(pending(`lead_id IN ${inLeads}`, ...leadIds));
        sqlite
          .prepare(
            `UPDATE outbox SET to_address = '', subject = ?, text_body = ?, html_body = NULL, ics = NULL,
          last_error = CASE WHEN state = 'cancelled' AND last_error LIKE 'reason:%' THEN last_error ELSE NULL END WHERE lead_id IN ${inLeads}`,
          )
          .run(ERASED, ERASED, ...leadIds);
        sqlite.prepare(`UPDATE notifications SET params = NULL WHERE lead_id IN ${inLeads}`).run(...leadIds);
        for (const vin of vins) sqlite.prepare('DELETE FROM vehicles WHERE vin = ?').run(vin);
        sqlite.prepare('DELETE FROM vehicles WHERE owner_customer_id = ?').run(id);
        // Anything else that quoted them (a history value, an e-mail, a note on another lead).
        for (const s of needles) {
          const like = `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
          sqlite
            .prepare(
              `UPDATE history SET old_value = CASE WHEN old_value LIKE ? ESCAPE '\\' THEN ? ELSE old_value END,
            new_value = CASE WHEN new_value LIKE ? ESCAPE '\\' THEN ? ELSE new_value END WHERE old_value LIKE ? ESCAPE '\\' OR new_value LIKE ? ESCAPE '\\'`,
            )
            .run(like, ERASED, like, ERASED, like, like);
          const quoting = `to_address LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\' OR text_body LIKE ? ESCAPE '\\' OR html_body LIKE ? ESCAPE '\\'`;
          cancel(pending(quoting, like, like, like, like));
          sqlite
            .prepare(
              `UPDATE outbox SET to_address = '', subject = ?, text_body = ?, html_body = NULL, ics = NULL WHERE ${quoting}`,
            )
            .run(ERASED, ERASED, like, like, like, like);
        }
        sqlite
          .prepare(
            'INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value) VALUES (NULL, ?, ?, ?, ?, ?, NULL, ?)',
          )
          .run(id, now, actor.id, actor.name, 'customer.erased', String(leadIds.length));
        // The cancelled e-mails in their leads' history, as the outbox records a cancellation (System), without any personal data.
        const mailRow = sqlite.prepare(
          'INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)',
        );
        for (const r of cancelled.values()) {
          if (r.leadId !== null)
            mailRow.run(
              r.leadId,
              now,
              SYSTEM_ACTOR.id,
              SYSTEM_ACTOR.name,
              'emailDelivery',
              r.state,
              `cancelled: ${ERASED} → ${ERASED} (reason:erased)`,
            );
        }
        sqlite.prepare('DELETE FROM erasure_guard WHERE customer_id = ?').run(id);
        return leadIds.length;
      })();
      // The search index merges its segments, so that no deleted token stays on disk.
      sqlite.exec("INSERT INTO leads_fts(leads_fts) VALUES ('optimize')");
      return { customerId: id, leads: n, at: now };
    },
  };
  return svc;
}

const cell = (v: unknown): string | number | boolean | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);

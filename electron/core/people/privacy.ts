// Privacy (GDPR) on a customer's request: everything held on them (JSON, XLSX, PDF), and erasure that
// scrubs every personal value (customer, leads, contacts, history, vehicles, outbox, notifications,
// search index) while the anonymous lead statistics stay (status, dates, campaign, source, type,
// assignee, SLA flags and deadlines, close reason).
import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR, type Actor } from '../../../shared/domain/lead';
import type { Language } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import type { AsyncStore } from '../../store/repos/index';
import type { PendingMail } from '../../store/repos/privacy';
import type { Clock } from '../clock';
import { fixedT } from '../i18n';
import type { CustomerService } from './customerService';
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
  collect(customerId: number): Promise<Sections>;
  exportFile(
    customerId: number,
    format: 'json' | 'xlsx' | 'pdf',
    lang: Language,
  ): Promise<{ fileName: string; mime: string; data: Buffer }>;
  erase(customerId: number, actor: Actor): Promise<{ customerId: number; leads: number; at: number }>;
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
  data: AsyncStore,
  clock: Clock,
  customers: CustomerService,
  timeZone: () => string = () => 'UTC',
): PrivacyService {
  const svc: PrivacyService = {
    async collect(id) {
      const repo = data.repos.privacy;
      const c = await customers.get(id);
      const leadIds = c.leads.map((l) => l.id);
      return {
        customer: [
          {
            ...c.customer,
            consents: undefined,
            ...Object.fromEntries(Object.entries(c.customer.consents).map(([k, v]) => [`consent.${k}`, v])),
          },
        ],
        leads: await repo.leads(leadIds),
        contacts: await repo.contacts(leadIds),
        vehicles: c.vehicles as unknown as Record<string, unknown>[],
        history: await repo.history(id, leadIds),
        emails: await repo.emails(leadIds),
      };
    },
    async exportFile(id, format, lang) {
      const data = await svc.collect(id);
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
    async erase(id, actor) {
      const now = clock.now();
      const n = await data.tx(async (tx) => {
        const repo = tx.privacy;
        const c = await customers.getIn(tx, id);
        if (c.customer.anonymizedAt !== null) throw new AppError('CUSTOMER_ERASED');
        const leadIds = c.leads.map((l) => l.id);
        // Every string that identifies the customer, to scrub wherever it was copied (history, notes, e-mails).
        const vins = new Set<string>([
          ...c.vehicles.map((v) => v.vin),
          ...c.leads.map((l) => l.vin).filter((v): v is string => !!v),
        ]);
        const leadRows = await repo.leadIdentities(leadIds);
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

        await repo.guard(id);
        await repo.scrubCustomer(id, ERASED, now);
        await repo.scrubLeads(leadIds, ERASED, now);
        await repo.scrubContacts(leadIds);
        await repo.scrubHistory(id, leadIds, ERASED, KEEP_HISTORY);
        // Their e-mails not sent yet (queued, or being sent right now) are cancelled: there is nobody to send them to
        // any more, and a row without an address must never wait in the outbox (nor hold up the others).
        const cancelled = new Map<number, { leadId: number | null; state: string }>();
        const cancel = async (rows: PendingMail[]) => {
          for (const r of rows) {
            if (cancelled.has(r.id)) continue;
            cancelled.set(r.id, r);
            await repo.cancelMail(r.id);
          }
        };
        await cancel(await repo.pendingOfLeads(leadIds));
        await repo.scrubLeadMails(leadIds, ERASED);
        await repo.scrubNotifications(leadIds);
        for (const vin of vins) await repo.deleteVehicle(vin);
        await repo.deleteOwnedVehicles(id);
        // Anything else that quoted them (a history value, an e-mail, a note on another lead).
        for (const s of needles) {
          const like = `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
          await repo.scrubHistoryQuoting(like, ERASED);
          await cancel(await repo.pendingQuoting(like));
          await repo.scrubMailsQuoting(like, ERASED);
        }
        await repo.insertHistory([
          {
            leadId: null,
            customerId: id,
            at: now,
            userId: actor.id,
            userName: actor.name,
            field: 'customer.erased',
            oldValue: null,
            newValue: String(leadIds.length),
          },
        ]);
        // The cancelled e-mails in their leads' history, as the outbox records a cancellation (System), without any personal data.
        await repo.insertHistory(
          [...cancelled.values()].flatMap((r) =>
            r.leadId === null
              ? []
              : [
                  {
                    leadId: r.leadId,
                    customerId: null,
                    at: now,
                    userId: SYSTEM_ACTOR.id,
                    userName: SYSTEM_ACTOR.name,
                    field: 'emailDelivery',
                    oldValue: r.state,
                    newValue: `cancelled: ${ERASED} → ${ERASED} (reason:erased)`,
                  },
                ],
          ),
        );
        await repo.unguard(id);
        return leadIds.length;
      });
      // The search index merges its segments, so that no deleted token stays on disk (outside the transaction).
      await data.repos.privacy.optimizeSearch();
      return { customerId: id, leads: n, at: now };
    },
  };
  return svc;
}

const cell = (v: unknown): string | number | boolean | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);

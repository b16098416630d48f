// Channels of the SLA & KPI dashboard, its click-through, the weekly/monthly report and the daily digest.
import { z } from 'zod';
import { CHANNELS, CLOSE_REASONS, LANGUAGES, LEAD_TYPES, OUTCOMES, SOURCES } from '../domain/vocabulary';
import { AS_OF, periodProblem } from '../rules/kpi/period';
import { listPage } from './leads';
import { instant } from './time';

/**
 * What a figure counts. Period metrics count leads assigned in [from, to) as of `at`; sla3_* use
 * SLA 3's window ([at − 60 days, at)); now_* count open leads as of `at` (= the dashboard's "now").
 */
export const KPI_METRICS = [
  'assigned',
  'sla1_met',
  'sla1_missed',
  'sla1_pending',
  'sla2_met',
  'sla2_missed',
  'sla2_pending',
  'sla3_met',
  'sla3_missed',
  'bd_met',
  'bd_missed',
  'bd_pending',
  'contacted',
  'appointment',
  'appointment_kept',
  'appointment_no_show',
  'closed_sale',
  'closed_no_sale',
  'lost',
  'attention',
  'contacts',
  'now_unmanaged',
  'now_at_risk',
  'now_overdue',
  'now_appointments_today',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export const kpiFilterSchema = z.object({
  metric: z.enum(KPI_METRICS),
  from: instant,
  to: instant,
  at: instant,
  /** null = leads without an assignee; absent = any. */
  assigneeId: z.number().int().positive().nullable().optional(),
  campaign: z.string().max(48).optional(),
  source: z.enum(SOURCES).optional(),
  leadType: z.enum(LEAD_TYPES).optional(),
  closeReason: z.enum(CLOSE_REASONS).optional(),
  channel: z.enum(CHANNELS).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  /** One site's leads (docs/rules.md §11); absent or null = every site the person sees. */
  siteId: z.number().int().positive().nullable().optional(),
});
export type KpiFilter = z.infer<typeof kpiFilterSchema>;

/** A period spec or preset; a year outside 2000–2100 is DATE_OUT_OF_RANGE, a day that does not exist DATE_INVALID. */
export const periodInput = z
  .string()
  .trim()
  .max(40)
  .superRefine((spec, ctx) => {
    const problem = periodProblem(spec);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message:
          problem === 'INVALID_INPUT'
            ? 'period: 2026-W47, 2026-11, 2026-11-01..2026-11-15, this-week, last-week, this-month or last-month'
            : problem,
      });
  });

const tri = z.object({ met: z.number(), missed: z.number(), pending: z.number() });
export const kpiCountsSchema = z.object({
  assigned: z.number(),
  sla1: tri,
  sla2: tri,
  bd: tri,
  contacted: z.number(),
  appointment: z.number(),
  closedSale: z.number(),
  closedNoSale: z.number(),
  lost: z.number(),
  /** Contacts recorded on these leads up to the report date. */
  contacts: z.number(),
  /** Overdue or unmanaged as of the report date: SLA 1 or SLA 2 missed, or no contact yet (metric 'attention'). */
  attention: z.number(),
  /** "Was the appointment kept" (docs/rules.md §6), as recorded by the report date: arrived / no-show. */
  kept: z.number(),
  noShow: z.number(),
});
export type KpiCounts = z.infer<typeof kpiCountsSchema>;
const breakdownRow = kpiCountsSchema.extend({ key: z.string().nullable(), label: z.string().nullable() });
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const periodSchema = z.object({
  spec: z.string(),
  kind: z.enum(['week', 'month', 'custom']),
  firstDay: z.string(),
  lastDay: z.string(),
  from: z.number(),
  to: z.number(),
  at: z.number(),
  asOf: z.enum(AS_OF),
  sla3From: z.number(),
});

export const dashboardSchema = z.object({
  period: periodSchema,
  now: z.number(),
  targets: z.object({ sla1: z.number(), sla2: z.number(), sla3: z.number() }),
  totals: kpiCountsSchema,
  sla3: z.object({ met: z.number(), missed: z.number(), pending: z.number(), from: z.number(), at: z.number() }),
  byAssignee: z.array(breakdownRow),
  byCampaign: z.array(breakdownRow),
  bySource: z.array(breakdownRow),
  byLeadType: z.array(breakdownRow),
  contactsByType: z.array(
    z.object({ channel: z.enum(CHANNELS), outcome: z.enum(OUTCOMES), contacts: z.number(), leads: z.number() }),
  ),
  closeReasons: z.array(z.object({ reason: z.enum(CLOSE_REASONS), count: z.number() })),
  /**
   * Several sites only (docs/rules.md §11): the site the figures are of (null = all sites, rolled up), the sites, and
   * with all sites each site's figures (their sum is `totals`). Absent with one site.
   */
  sites: z
    .object({
      siteId: z.number().nullable(),
      /** The person works at one site: the figures are that site's, no choice. */
      fixed: z.boolean(),
      list: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
      bySite: z.array(breakdownRow),
    })
    .optional(),
  today: z.object({
    unmanaged: z.number(),
    atRisk: z.number(),
    overdue: z.number(),
    appointmentsToday: z.number(),
    dayFrom: z.number(),
    dayTo: z.number(),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const trendSchema = z.object({
  weeks: z.array(
    z.object({
      spec: z.string(),
      from: z.number(),
      to: z.number(),
      at: z.number(),
      assigned: z.number(),
      sla1: tri,
      sla2: tri,
    }),
  ),
});
export type Trend = z.infer<typeof trendSchema>;

const digestLead = z.object({
  id: z.number(),
  number: z.string(),
  name: z.string(),
  status: z.string(),
  assigneeName: z.string().nullable(),
  assignedAt: z.number(),
  dueAt: z.number().nullable(),
  appointmentAt: z.number().nullable(),
  campaign: z.string(),
});
export const digestSchema = z.object({
  at: z.number(),
  dayFrom: z.number(),
  dayTo: z.number(),
  notProcessed: z.object({ count: z.number(), leads: z.array(digestLead) }),
  atRisk: z.object({ count: z.number(), leads: z.array(digestLead) }),
  overdue: z.object({ count: z.number(), leads: z.array(digestLead) }),
  appointmentsToday: z.object({ count: z.number(), leads: z.array(digestLead) }),
});
export type Digest = z.infer<typeof digestSchema>;
export const digestSettingsSchema = z.object({ enabled: z.boolean(), hour: z.number().int().min(0).max(23) });
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
/** When the figures are evaluated: as at the end of the period (default) or as of now (shared/rules/kpi/period.ts). */
const asOfInput = z.enum(AS_OF).default('end');
/**
 * Which site's figures (docs/rules.md §11): a site id, null = all sites (a group-wide person), absent = the person's
 * choice in the header (sites.choose; all sites until chosen); an unknown id is SITE_UNKNOWN. A person working at one site always gets that site's, whatever asked.
 */
const siteInput = z.number().int().positive().nullable().optional();

export const kpiChannels = {
  'kpi.dashboard': {
    input: z
      .object({ period: periodInput.default('this-week'), asOf: asOfInput, siteId: siteInput })
      .default({ period: 'this-week', asOf: 'end' }),
    output: dashboardSchema,
  },
  'kpi.trend': {
    input: z
      .object({
        period: periodInput.default('this-week'),
        weeks: z.number().int().min(1).max(52).default(12),
        asOf: asOfInput,
        siteId: siteInput,
      })
      .default({ period: 'this-week', weeks: 12, asOf: 'end' }),
    output: trendSchema,
  },
  'kpi.leads': {
    input: z.object({
      filter: kpiFilterSchema,
      page: z.number().int().min(0).max(1_000_000).default(0),
      pageSize: z.number().int().min(1).max(500).default(50),
    }),
    output: listPage,
  },
  /** The weekly/monthly report as a file: A4 PDF, XLSX (figures + contact tracking table) or CSV (contact tracking table). */
  'kpi.report': {
    input: z.object({
      period: periodInput,
      format: z.enum(REPORT_FORMATS).default('pdf'),
      language: z.enum(LANGUAGES).optional(),
      asOf: asOfInput,
      siteId: siteInput,
    }),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number() }),
  },
  'kpi.digest': { input: z.object({}).default({}), output: digestSchema },
  'kpi.digestSettings': { input: z.object({}).default({}), output: digestSettingsSchema },
  'kpi.setDigestSettings': { input: digestSettingsSchema, output: digestSettingsSchema },
};

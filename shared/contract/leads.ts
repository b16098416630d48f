// Channels of the lead lists and the lead page.
import { z } from 'zod';
import { SORT_KEYS, type SortKey } from '../domain/listLayout';
import { LIST_VIEWS, STATUSES, LEAD_TYPES, SOURCES } from '../domain/vocabulary';
import {
  closedInSaleInput,
  closedNoSaleInput,
  contactAgainInput,
  editInput,
  makeAppointmentInput,
  newLeadInput,
  recordContactInput,
} from './inputs';
import { leadDetailSchema } from './models';

export { SORT_KEYS };
export type { SortKey };

export const listQuery = z.object({
  view: z.enum(LIST_VIEWS),
  search: z.string().trim().max(200).optional(),
  sort: z.enum(SORT_KEYS).default('default'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.number().int().min(1).max(500).default(50),
  assigneeId: z.number().int().positive().nullish(),
  /** Only the unassigned leads (the manager's queue); with `assigneeId`: that person's leads plus the queue. */
  unassigned: z.boolean().optional(),
});
export type ListQuery = z.input<typeof listQuery>;

export const listRowSchema = z.object({
  id: z.number(),
  /** The lead's site (docs/rules.md §11.8): present only when the installation has more than one site. */
  siteId: z.number().optional(),
  number: z.string(),
  name: z.string(),
  createdAt: z.number(),
  assignedAt: z.number(),
  status: z.enum(STATUSES),
  frozen: z.boolean(),
  leadType: z.enum(LEAD_TYPES),
  source: z.enum(SOURCES),
  campaign: z.string(),
  contactAttempts: z.number(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  firstContactAt: z.number().nullable(),
  qualifiedAt: z.number().nullable(),
  sla1DueAt: z.number(),
  sla2DueAt: z.number(),
});
export type ListRow = z.infer<typeof listRowSchema>;

export const listPage = z.object({
  rows: z.array(listRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  at: z.number(),
});
export type ListPage = z.infer<typeof listPage>;

/** The header's search across every list: the matching leads grouped by status (domain order), each group's count and its most recent leads. */
export const globalSearchInput = z.object({
  q: z.string().trim().max(200),
  /** Leads shown per status group. */
  limit: z.number().int().min(1).max(50).default(5),
});
export const globalSearchResult = z.object({
  q: z.string(),
  total: z.number(),
  groups: z.array(z.object({ status: z.enum(STATUSES), count: z.number(), rows: z.array(listRowSchema) })),
  /** A text query (no digit) under 3 letters: not searched (too broad), the box asks for more letters. */
  tooShort: z.boolean().optional(),
  at: z.number(),
});
export type GlobalSearchResult = z.infer<typeof globalSearchResult>;

const id = z.number().int().positive();
/**
 * An action on a lead carries the version the user saw (required: a write without it would bypass the check):
 * a stale one is refused (VERSION_CONFLICT).
 */
export const leadVersion = z.number().int().positive();
const act = <T extends z.ZodType>(input: T) => z.object({ id, version: leadVersion, input });

export const leadChannels = {
  'leads.list': { input: listQuery, output: listPage },
  'leads.counts': {
    input: z.object({}).default({}),
    output: z.object({ counts: z.record(z.enum(LIST_VIEWS), z.number()), at: z.number() }),
  },
  'leads.globalSearch': { input: globalSearchInput, output: globalSearchResult },
  'leads.get': { input: z.object({ id }), output: leadDetailSchema },
  'leads.create': { input: newLeadInput, output: leadDetailSchema },
  'leads.edit': { input: act(editInput), output: leadDetailSchema },
  'leads.recordContact': { input: act(recordContactInput), output: leadDetailSchema },
  'leads.makeAppointment': { input: act(makeAppointmentInput), output: leadDetailSchema },
  'leads.closedInSale': { input: act(closedInSaleInput), output: leadDetailSchema },
  'leads.closedNoSale': { input: act(closedNoSaleInput), output: leadDetailSchema },
  'leads.contactAgain': { input: act(contactAgainInput), output: leadDetailSchema },
  /** Whether the customer came to the appointment (docs/rules.md §6): an indicator, allowed once its time has passed. */
  'leads.recordAppointmentKept': {
    input: z.object({ id, version: z.number().int().positive(), kept: z.boolean() }),
    output: leadDetailSchema,
  },
  /** Undo of the caller's just-recorded contact (a one-click outcome), while nothing else happened (same version). */
  'leads.undoContact': {
    input: z.object({ id, version: z.number().int().positive(), contactId: id }),
    output: leadDetailSchema,
  },
  /** The manager corrects a contact recorded by mistake (direction, channel, outcome, notes); history keeps old → new. */
  'leads.correctContact': {
    input: z.object({ id, version: z.number().int().positive(), contactId: id, input: recordContactInput }),
    output: leadDetailSchema,
  },
};

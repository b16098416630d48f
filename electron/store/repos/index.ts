// Every repository of a store, by area, and the asynchronous form the PostgreSQL store implements (issue 15).
// The SQLite repositories stay synchronous underneath (better-sqlite3); `Async<…>` is the same methods answering
// promises, so one service code path can run on either store.
import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain/lead';
import type { RuleSettings } from '../../../shared/domain/settings';
import type { NewLeadRow } from '../../../shared/rules';
import { assignmentRepo, type AssignmentRepo } from './assignment';
import { authRepo, type AuthRepo } from './auth';
import { contactsRepo, type ContactsRepo } from './contacts';
import { customersRepo, type CustomersRepo } from './customers';
import { desksRepo, type DesksRepo } from './desks';
import { historyRepo, type HistoryRepo } from './history';
import { importsRepo, type ImportsRepo } from './imports';
import { kpiRepo, type KpiRepo } from './kpi';
import { kpiReportRepo, type KpiReportRepo } from './kpiReport';
import { insertLeadBlock } from './leadBlock';
import { leadListRepo, type LeadListRepo } from './leadList';
import { leadsRepo, type LeadsRepo } from './leads';
import { notificationsRepo, type NotificationsRepo } from './notifications';
import { outboxRepo, type OutboxRepo } from './outbox';
import { playbookRepo, type PlaybookRepo } from './playbook';
import { privacyRepo, type PrivacyRepo } from './privacy';
import { settingsRepo, type SettingsRepo } from './settings';
import { sitesRepo, type SitesRepo } from './sites';
import { usersRepo, type UsersRepo } from './users';
import { vehiclesRepo, type VehiclesRepo } from './vehicles';

/** The import's block of new leads (leadBlock.ts), inside the caller's transaction. */
export interface LeadBlockRepo {
  insert(
    s: RuleSettings,
    rows: { lead: NewLeadRow; key: string }[],
    actor: Actor,
    now: number,
  ): { ids: number[]; numbers: string[] };
}

export interface Repos {
  settings: SettingsRepo;
  sites: SitesRepo;
  users: UsersRepo;
  auth: AuthRepo;
  customers: CustomersRepo;
  privacy: PrivacyRepo;
  vehicles: VehiclesRepo;
  leads: LeadsRepo;
  leadBlock: LeadBlockRepo;
  contacts: ContactsRepo;
  history: HistoryRepo;
  assignment: AssignmentRepo;
  playbook: PlaybookRepo;
  imports: ImportsRepo;
  leadList: LeadListRepo;
  kpi: KpiRepo;
  kpiReport: KpiReportRepo;
  notifications: NotificationsRepo;
  outbox: OutboxRepo;
  desks: DesksRepo;
}

/** A repository's methods answering promises (the values are the synchronous ones', awaited). */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};
export type AsyncRepos = { [K in keyof Repos]: Async<Repos[K]> };

/** The SQLite repositories on one connection (each prepares its statements on first use). */
export function sqliteRepos(sqlite: Database): Repos {
  return {
    settings: settingsRepo(sqlite),
    sites: sitesRepo(sqlite),
    users: usersRepo(sqlite),
    auth: authRepo(sqlite),
    customers: customersRepo(sqlite),
    privacy: privacyRepo(sqlite),
    vehicles: vehiclesRepo(sqlite),
    leads: leadsRepo(sqlite),
    leadBlock: { insert: (s, rows, actor, now) => insertLeadBlock(sqlite, s, rows, actor, now) },
    contacts: contactsRepo(sqlite),
    history: historyRepo(sqlite),
    assignment: assignmentRepo(sqlite),
    playbook: playbookRepo(sqlite),
    imports: importsRepo(sqlite),
    leadList: leadListRepo(sqlite),
    kpi: kpiRepo(sqlite),
    kpiReport: kpiReportRepo(sqlite),
    notifications: notificationsRepo(sqlite),
    outbox: outboxRepo(sqlite),
    desks: desksRepo(sqlite),
  };
}

/**
 * A store the core runs on, SQLite or PostgreSQL: its repositories outside any transaction (each call reads committed
 * data) and one write transaction at a time per call of `tx`.
 */
export interface AsyncStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly repos: AsyncRepos;
  /**
   * One transaction: every repository call of `fn` runs in it; committed when `fn` resolves, rolled back when it
   * throws. SQLite serializes these in-process (one connection); PostgreSQL gives each its pooled connection.
   */
  tx<T>(fn: (r: AsyncRepos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

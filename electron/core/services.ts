// What handlers and background jobs get from the core.
import type { Actor } from '../../shared/domain/lead';
import type { Store } from '../store/db';
import type { AsyncStore } from '../store/repos/index';
import type { AppCoreOptions } from './appCore';
import type { Clock } from './clock';
import type { CallContext } from './dispatch';
import type { Events } from './events';
import type { KpiService } from './kpiService';
import type { KpiReportService } from './kpi/kpiReportService';
import type { LeadService, TxRepos } from './leadService';
import type { ListService } from './listService';
import type { SiteService } from './sites/siteService';
import type { SettingsService } from './settingsService';
import type { SweepService } from './sweepService';
import type { ImportService } from './import/importService';
import type { WatchFolder } from './import/watchFolder';
import type { PlaybookService } from './playbook/playbookService';
import type { PeopleService } from './people/peopleService';
import type { AssignmentService } from './people/assignmentService';
import type { CustomerService } from './people/customerService';
import type { PrivacyService } from './people/privacy';
import type { SmtpService } from './mail/smtp';
import type { OutboxService } from './mail/outbox';
import type { NotificationService } from './notify/notificationService';
import type { BackupApi } from './backup/api';
import type { AuthService } from './auth/authService';
import type { DeskService } from './host/deskService';

export interface CoreServices {
  options: AppCoreOptions;
  /**
   * The SQLite connection, null on PostgreSQL: what stays SQLite-only (readers, backups and restore, the search
   * index's upkeep, the planner's statistics). Every service runs on `data`.
   */
  store: Store | null;
  /** The store the converted services run on (issue 15): repositories answering promises, one `tx` per write. */
  data: AsyncStore;
  clock: Clock;
  events: Events;
  settings: SettingsService;
  leads: LeadService;
  lists: ListService;
  /** Sites (docs/rules.md §11): what the acting person sees, the sites and their own settings. */
  sites: SiteService;
  kpi: KpiService;
  /** The SLA & KPI dashboard, click-through, reports and daily digest (issue #7). */
  kpiReports: KpiReportService;
  sweeps: SweepService;
  importer: ImportService;
  watchFolder: WatchFolder;
  playbook: PlaybookService;
  /** Users, roles, absences, who is at the desk, permissions (issue 5). */
  people: PeopleService;
  /** Sign-in: passwords, sessions, the lock, the manager's reset (docs/rules.md §12). */
  auth: AuthService;
  assignment: AssignmentService;
  customers: CustomerService;
  privacy: PrivacyService;
  /** The SMTP account (password encrypted at rest) and sending (issue 4). */
  smtp: SmtpService;
  /** The durable outbox: enqueue inside the action's transaction, deliverDue() with retries. */
  outbox: OutboxService;
  /** The notification scheduler and the bell's rows. */
  notifications: NotificationService;
  /** Backups, restore, export and the database's state (normal / recovery). */
  backups: BackupApi;
  /** Host mode: the paired desks (docs/rules.md §12). */
  desks: DeskService;
  /** Assignment rules (issue 5) set this; the import calls it inside its transaction with the new lead ids. */
  assign?: (r: TxRepos, leadIds: number[], actor: Actor) => Promise<void>;
  log: (msg: string, err?: unknown) => void;
  /**
   * Who acts in this call (recorded in history): resolved once by dispatch after the session check (`ctx.actor`),
   * so a synchronous read for the handlers. Outside dispatch (the CLI, background jobs, tests): `resolveActor`.
   */
  actor(ctx: CallContext): Actor;
  /**
   * Who acts for a caller outside dispatch: its user (`ctx.userId`), the CLI's default manager, else the person at
   * the desk; a deactivated user stays who acts (the permission check refuses them), an unknown id falls back to the
   * default manager.
   */
  resolveActor(ctx?: CallContext): Promise<Actor>;
}

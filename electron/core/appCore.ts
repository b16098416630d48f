// The app core: everything the app does, with no Electron import. Electron's main, browser mode,
// the CLI and the tests all start it.
import { contract } from '../../shared/contract';
import { AppError } from '../../shared/contract/errors';
import { sla1DueAt, sla2DueAt } from '../../shared/rules/sla';
import { openStore, type Store } from '../store/db';
import { sqliteAsyncStore } from '../store/sqliteAsync';
import type { AsyncStore } from '../store/repos/index';
import { afterReady } from '../store/afterReady';
import { isPgUrl, migratePg, pgStoreOf } from '../store/pg/migrate';
import { pgAsyncStore } from '../store/pg/asyncStore';
import { systemClock, type Clock } from './clock';
import { createDispatcher, toErrorShape, type CallContext, type Dispatch } from './dispatch';
import { allHandlers } from './handlers';
import type { CoreServices } from './services';
import { createEvents } from './events';
import { createKpiService } from './kpiService';
import { createKpiReportService } from './kpi/kpiReportService';
import { watchBusinessDue } from './kpi/businessDue';
import { leadsWithOwnRules, writeDeadlines } from './sites/siteDeadlines';
import { createLeadService, type TxRepos } from './leadService';
import { createListService } from './listService';
import { createSiteService } from './sites/siteService';
import { leadIdsOf } from './sites/leadChannels';
import { createSettingsService } from './settingsService';
import { createSweepService } from './sweepService';
import { createImportService } from './import/importService';
import { createWatchFolder } from './import/watchFolder';
import { createPlaybookService } from './playbook/playbookService';
import { createPeopleService } from './people/peopleService';
import { createAssignmentService } from './people/assignmentService';
import { createCustomerService } from './people/customerService';
import { createPhonePool } from './people/phonePool';
import { createPrivacyService } from './people/privacy';
import { keyFileSecrets, type Secrets } from './mail/secrets';
import { createSmtpService } from './mail/smtp';
import { createOutbox } from './mail/outbox';
import { wireAppointmentMails } from './mail/appointmentMails';
import { createNotificationService } from './notify/notificationService';
import { wireAssignedAlerts } from './notify/assignedAlerts';
import { postgresBackupApi, standaloneBackupApi, type BackupApi } from './backup/api';
import { startCore } from './coreStart';
import { createAuthService, type SignInMode } from './auth/authService';
import type { TemporaryPassword } from '../../shared/contract/auth';
import { createDeskService } from './host/deskService';
import type { HostLink } from './host/hostLink';
import type { DeskControl } from './host/deskControl';
import { createReaderPool, type ReaderPool } from './readers/readerPool';
import { forReader } from './readers/readChannels';
import { startPgCoordination, type PgCoordination, type PgCoreOptions } from './multiCore/pgCoordination';
import { createLocalState, localStatePath } from './multiCore/localState';
import { pgSweepService, type PgSweepService } from './multiCore/pgSweeps';
import { pgDelivery } from './multiCore/pgDelivery';

export interface AppCoreOptions {
  /** The SQLite file (or ':memory:'), or a PostgreSQL server's database: `postgres://…` / `postgresql://…`. */
  dbPath: string;
  clock?: Clock;
  /** The dealer's zone for a new database (default: this PC's zone). */
  timeZone?: string;
  mode?: 'electron' | 'browser';
  version?: string;
  /** Check every reply against the contract's output schema (on in tests). */
  validateOutput?: boolean;
  log?: (msg: string, err?: unknown) => void;
  /**
   * How secrets (the SMTP password) are kept. Electron's main passes one built on safeStorage; the default
   * is AES-256-GCM with a random key in `<dbPath>.key` (0600) beside the database, never in it.
   */
  secrets?: Secrets;
  /** Backups, restore and export (the core host's, which can close and reopen the database); default: a bare core's. */
  backups?: BackupApi;
  /**
   * Sign-in (docs/rules.md §12). 'off' (default): the local single-PC mode — whoever is at the desk acts (setting
   * desk.currentUser). 'required' (host mode): every call but the public few needs a valid session (ctx.sessionToken).
   */
  signIn?: SignInMode;
  /** Host mode (docs/rules.md §12): the HTTPS host server's addresses, pairing codes and connected desks. */
  hostLink?: HostLink;
  /**
   * Readers (docs/rules.md §12.3): worker threads with their own read-only connections answering the long reads (My
   * day, searches, KPIs), so they never hold up another desk's call (the host: several desks call at once). Default 0:
   * the main connection answers everything.
   */
  readers?: number;
  /**
   * The desktop app in its local mode: connects this PC to a host as a desk (`desk.connectToHost`: pairs, keeps the
   * link, restarts as a desk). Absent elsewhere: the channel answers DESK_CONNECT_UNAVAILABLE.
   */
  deskControl?: DeskControl;
  /** A reader's own core: the database opened read-only (no migration, nothing written), sign-in checked by the main core. */
  readOnly?: boolean;
  /** PostgreSQL: the leader's poll, the outbox lease, the listener's retry (electron/core/multiCore; tests shorten them). */
  pg?: PgCoreOptions;
}

/** PostgreSQL (issue 15): what lets several cores share the database (electron/core/multiCore/README.md). */
export interface MultiCore {
  coordination: PgCoordination;
  /** The sweeps with the leader's run (`runWith`), which the background timer uses. */
  sweeps: PgSweepService;
}

export interface AppCore extends CoreServices {
  /**
   * Resolves once the core can answer: the settings loaded, (PostgreSQL) the migrations applied, the first user
   * and the first rules stored. `dispatch` waits for it (cheap once resolved); the background jobs start after it.
   */
  ready: Promise<void>;
  dispatch: Dispatch;
  /**
   * The session check alone (for channels served outside dispatch, e.g. the backup host's): the call's context with
   * who acts resolved (`ctx.actor`), as dispatch gives the handlers.
   */
  authenticate(channel: string, ctx: CallContext): Promise<CallContext>;
  /** A host's first start: a temporary password for the default manager when no active manager has one. */
  ensureFirstSignIn(): Promise<TemporaryPassword | null>;
  /** Resolves once the alerts started by events so far are written (a call's reply already waits for them). */
  settled(): Promise<void>;
  /** The readers (absent when `readers` is 0). */
  readerPool?: ReaderPool;
  /** PostgreSQL only: the coordination with the other cores on the database. */
  multiCore?: MultiCore;
  close(): void;
  /** Resolves once closed (PostgreSQL: the leader released, the listener and the pool closed). */
  closed?: Promise<void>;
}

/** The channels that write shared settings (the desks re-read them on `settings.changed`; the language is personal). */
const SETTINGS_WRITES =
  /^(settings\.set(Rules|Dealer|SetupDone|Campaigns)|\w+\.settings\.set|kpi\.setDigestSettings|assignment\.rules\.set|templates\.(save|reset)|people\.save|workshop\.setCapacity|import\.watchFolder\.set)$/;

/** A core on a SQLite file: its connection at hand (the tools and tests that read the file directly). */
export type SqliteAppCore = AppCore & { store: Store };
export const isSqliteCore = (core: AppCore): core is SqliteAppCore => core.store !== null;
/** The core as a SQLite one; throws for a core on PostgreSQL. */
export function sqliteCore(core: AppCore): SqliteAppCore {
  if (!isSqliteCore(core)) throw new Error('This core runs on PostgreSQL: it has no SQLite connection');
  return core;
}

const defaultLog = (msg: string, err?: unknown) => console.error(`[aslm] ${msg}`, err ?? '');

/**
 * The app core on a SQLite file or, for `postgres://…` (`postgresql://…`), on a PostgreSQL database (issue 15): the
 * same services on the AsyncStore. Synchronous (the CLI, Electron and the tests call it so): await `core.ready`
 * (dispatch does) before reading through the services directly.
 */
export function createAppCore(opts: AppCoreOptions): AppCore {
  const log = opts.log ?? defaultLog;
  if (isPgUrl(opts.dbPath)) {
    if (opts.readOnly) throw new Error('A read-only core (a reader) opens a SQLite file only');
    const pg = pgStoreOf(opts.dbPath);
    // An idle pooled connection that the server ends (a restart, pg_terminate_backend) is logged and replaced by the
    // pool, never an unhandled 'error' event that would end the process.
    pg.pool.on('error', (e) => log('PostgreSQL: an idle connection was closed by the server', e));
    // The same for a connection in use (a transaction between two statements): its next statement fails with the
    // error, which the call answers; the event itself is logged, not left to end the process.
    pg.pool.on('connect', (client) => client.on('error', (e) => log('PostgreSQL: a connection in use was closed', e)));
    // The pool connects on the first query: the migrations first (under their advisory lock), every call after them.
    const migrated = migratePg(pg.pool);
    migrated.catch((e: unknown) => log('PostgreSQL: applying the migrations failed', e));
    const inner = pgAsyncStore(pg);
    const coordination = startPgCoordination({ url: opts.dbPath, data: inner, opts: opts.pg ?? {}, log });
    try {
      return buildCore(opts, null, afterReady(inner, migrated), migrated, log, coordination);
    } catch (e) {
      void coordination.close().finally(() => pg.close());
      throw e;
    }
  }
  const store = openStore(opts.dbPath, { readonly: opts.readOnly ?? false });
  try {
    return buildCore(opts, store, sqliteAsyncStore(store), Promise.resolve(), log);
  } catch (e) {
    store.sqlite.close(); // a core that cannot start must not keep the file open (restore replaces it)
    throw e;
  }
}

/** `store`: SQLite's (null on PostgreSQL); `data`: the AsyncStore every service runs on; `opened`: its start-up. */
function buildCore(
  opts: AppCoreOptions,
  store: Store | null,
  data: AsyncStore,
  opened: Promise<void>,
  log: (msg: string, err?: unknown) => void,
  coordination: PgCoordination | null = null,
): AppCore {
  const clock = opts.clock ?? systemClock;
  // PostgreSQL: this core's events also go to the other cores on the database (multiCore/pgCoordination.ts).
  const events = createEvents(log, coordination?.publish);
  const tz = opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  // On SQLite the stored settings are read synchronously at once; on PostgreSQL through `data` (settings.ready).
  // PostgreSQL: who is at this PC's desk and its language are this core's own (multiCore/localState.ts).
  const local = coordination ? createLocalState(opts.pg?.localStatePath ?? localStatePath(opts.dbPath), log) : null;
  const settings = createSettingsService(store, data, clock, tz, log, local);
  // A site's rule figures saved: its leads' stored deadlines follow them (docs/rules.md §11.8).
  const sites = createSiteService(data, clock, settings, async (siteId, rules, r) =>
    writeDeadlines(r, await r.sites.assignedAtsAt(siteId), rules),
  );
  const leads = createLeadService(data, clock, settings, events, sites);
  const lists = createListService(data, clock, settings, sites);
  const kpi = createKpiService(data, settings, clock);
  const localSweeps = createSweepService(data, leads, settings, events, sites);
  const multiCore: MultiCore | undefined = coordination
    ? {
        coordination,
        sweeps: pgSweepService(localSweeps, {
          settings,
          origin: coordination.origin,
          onPool: coordination.onPool,
          data: coordination.data,
          events,
          log,
          sites,
        }),
      }
    : undefined;
  const sweeps = multiCore?.sweeps ?? localSweeps;
  coordination?.hear(events, settings, () => clock.now());
  const kpiReports = createKpiReportService(data, settings);
  // The stored deadlines follow the group's figures, except at the sites that have their own.
  const ownRules = (tx: TxRepos) => leadsWithOwnRules(sites, tx);
  watchBusinessDue(settings.onRulesChanged, settings.rules, settings.ready, ownRules);
  settings.onRulesChanged(async (rules, tx) => {
    const skip = await ownRules(tx);
    for (const r of await tx.leads.assignedAts())
      if (!skip.has(r.id)) await tx.leads.setSlaDue({ d1: sla1DueAt(r.a, rules), d2: sla2DueAt(r.a, rules), id: r.id });
  });

  // Closed No Sale → Not current owner: the end-of-ownership date is written to the vehicle too.
  leads.onEffect('vehicleEndOfOwnership', async (r, e) => {
    if (e.kind === 'vehicleEndOfOwnership') await r.vehicles.setEndOfOwnership(e.vin, e.date, clock.now());
  });

  const people = createPeopleService(data, clock, settings, sites);
  const auth = createAuthService(data, clock, settings, opts.signIn ?? 'off');
  const { ready, resolveActor, actor, authenticate } = startCore({
    store,
    data,
    opened,
    settings,
    people,
    auth,
    clock,
    opts,
    log,
    firstStart: coordination?.firstStart,
  });
  const assignment = createAssignmentService(data, clock, settings, events, leads, people, sites);
  const customers = createCustomerService(data, clock);
  const privacy = createPrivacyService(data, clock, customers, () => settings.rules().timeZone);
  // Every new lead: linked to its customer, then routed by the assignment rules — unless it was created
  // with an assignee, or is a Contact Again follow-up (it keeps the master's assignee, even none).
  leads.onCreate(async (r, lead, who, opts, input) => {
    await customers.linkNew(r, [lead.id], new Map([[lead.id, input.customerDmsId ?? null]]));
    if (lead.assigneeId === null && (opts.masterLeadId ?? null) === null) await assignment.routeNew(r, [lead.id], who);
  });
  const playbook = createPlaybookService(
    data,
    clock,
    settings,
    leads,
    events,
    (id, r) => sites.dealerOfLead(id, r),
    sites,
  );

  // E-mail: the SMTP account, the durable outbox, appointment e-mails from the rule effects; notifications.
  const secrets = opts.secrets ?? keyFileSecrets(opts.dbPath);
  const smtp = createSmtpService(settings, secrets, () => settings.all().dealer.email);
  const localOutbox = createOutbox(data, smtp, log, () => events.emit({ type: 'outbox.queued', at: clock.now() }));
  // PostgreSQL: rows claimed with SKIP LOCKED and a lease (every core delivers, none sends a row twice).
  const outbox = coordination
    ? pgDelivery(localOutbox, data, coordination.pool, smtp, log, opts.pg?.outboxLeaseMs)
    : localOutbox;
  wireAppointmentMails({ clock, settings, leads, outbox, smtp });
  const notifications = createNotificationService({
    data,
    clock,
    settings,
    outbox,
    onNew: (count) => events.emit({ type: 'notifications.new', at: clock.now(), count }),
  });
  // The alerts' transactions, started by the events of a call: its reply waits for them (as when they were written
  // synchronously inside emit), so a caller reading afterwards sees them.
  const settling = new Set<Promise<unknown>>();
  const settle = (p: Promise<unknown>, what: string) => {
    const done = p.catch((err: unknown) => log(what, err)).finally(() => settling.delete(done));
    settling.add(done);
  };
  const settled = async () => {
    while (settling.size > 0) await Promise.all(settling);
  };
  wireAssignedAlerts({ data, events, notifications, settle });
  // `services.assign` is read at call time, so whoever sets it later (assignment rules) is used.
  let core: AppCore | null = null;
  const phones = createPhonePool(log);
  const importer = createImportService(data, clock, settings, leads, events, () => ({
    assign: core?.assign ?? services.assign,
    linkCustomers: (r, rows, known) => customers.assignCustomers(r, rows, known),
    phones,
    log,
    // Several sites: an import naming no site (watched folder, CLI) goes to the first one (the column's default).
    defaultSite: async () => ((await sites.multi()) ? (await sites.list())[0]!.id : undefined),
    rulesAt: (siteId, r) => sites.rulesOf(siteId, r),
  }));
  const watchFolder = createWatchFolder(importer, settings, clock, log, () => resolveActor());
  const backups = opts.backups ?? (store ? standaloneBackupApi(store, log) : postgresBackupApi(opts.dbPath));
  const services: CoreServices = {
    options: opts,
    store,
    data,
    clock,
    events,
    settings,
    leads,
    lists,
    sites,
    kpi,
    kpiReports,
    sweeps,
    importer,
    watchFolder,
    playbook,
    log,
    actor,
    resolveActor,
    people,
    auth,
    assignment,
    customers,
    privacy,
    smtp,
    outbox,
    notifications,
    backups,
    desks: createDeskService(data),
    // The file import calls this inside its transaction with the new leads (already linked to their customers).
    assign: (r, ids, who) => assignment.routeNew(r, ids, who),
  };
  const inner = createDispatcher(
    contract,
    allHandlers(services, () => dispatch),
    {
      validateOutput: opts.validateOutput ?? false,
      log,
      authenticate,
      authorize: async (channel, input, ctx) => {
        // Another site's lead first: for this person it is not there at all (docs/rules.md §11).
        await sites.checkLeads(leadIdsOf(channel, input), actor(ctx));
        await people.authorize(channel, input, actor(ctx));
      },
    },
  );
  // Readers: worker threads with their own read-only SQLite connections (SQLite only).
  const readerPool =
    store && (opts.readers ?? 0) > 0 && !opts.readOnly && opts.dbPath !== ':memory:'
      ? createReaderPool({
          size: opts.readers!,
          data: { dbPath: store.path, timeZone: opts.timeZone, validateOutput: opts.validateOutput ?? false },
          log,
        })
      : undefined;
  // `settings.changed` after a successful settings write (its transaction is committed by then).
  let started = false;
  void ready.then(
    () => (started = true),
    () => undefined,
  );
  const dispatch: Dispatch = async (channel, input, ctx) => {
    if (!started) {
      try {
        await ready;
      } catch (e) {
        return { ok: false, error: toErrorShape(e, log) };
      }
    }
    if (readerPool && forReader(channel, input)) {
      // The session is checked here (it may be touched: a write); the reader is told who acts.
      let who: CallContext;
      try {
        who = await authenticate(channel, ctx);
      } catch (e) {
        return { ok: false, error: toErrorShape(e, log) };
      }
      const r = await readerPool.dispatch(
        channel,
        input,
        { transport: who.transport, userId: actor(who).id, deskId: who.deskId ?? null },
        clock.now(),
      );
      if (r) return r;
    }
    const reply = await inner(channel, input, ctx);
    await settled();
    if (reply.ok && SETTINGS_WRITES.test(channel)) events.emit({ type: 'settings.changed', at: clock.now(), channel });
    return reply;
  };

  core = {
    ...services,
    ready,
    dispatch,
    authenticate: async (channel, ctx) => {
      await ready;
      return authenticate(channel, ctx);
    },
    settled,
    ensureFirstSignIn: async () => {
      await ready;
      return auth.ensureFirstSignIn(await people.defaultManager());
    },
    ...(readerPool ? { readerPool } : {}),
    ...(multiCore ? { multiCore } : {}),
    close: () => {
      void readerPool?.close();
      phones.close();
      if (store) store.sqlite.close();
      else {
        // The leader's and the listener's connections stop at once (no reconnect), then the pool closes.
        const coordinated = coordination?.close() ?? Promise.resolve();
        core!.closed = coordinated
          .then(() => data.close())
          .catch((e: unknown) => log('closing the PostgreSQL pool failed', e));
      }
    },
  };
  return core;
}

export { AppError };

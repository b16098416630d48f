// The app core: everything the app does, with no Electron import. Electron's main, browser mode,
// the CLI and the tests all start it.
import type { Actor } from '../../shared/domain/lead';
import { contract } from '../../shared/contract';
import { AppError } from '../../shared/contract/errors';
import { sla1DueAt, sla2DueAt } from '../../shared/rules/sla';
import { openStore, type Store } from '../store/db';
import { systemClock, type Clock } from './clock';
import { createDispatcher, type CallContext, type Dispatch } from './dispatch';
import { allHandlers } from './handlers';
import type { CoreServices } from './services';
import { createEvents } from './events';
import { createKpiService } from './kpiService';
import { createKpiReportService } from './kpi/kpiReportService';
import { watchBusinessDue } from './kpi/businessDue';
import { createLeadService } from './leadService';
import { createListService } from './listService';
import { createSettingsService } from './settingsService';
import { createSweepService } from './sweepService';
import { createImportService } from './import/importService';
import { createWatchFolder } from './import/watchFolder';
import { createPlaybookService } from './playbook/playbookService';
import { standaloneBackupApi, type BackupApi } from './backup/api';

export interface AppCoreOptions {
  dbPath: string;
  clock?: Clock;
  /** The dealer's zone for a new database (default: this PC's zone). */
  timeZone?: string;
  mode?: 'electron' | 'browser';
  version?: string;
  /** Check every reply against the contract's output schema (on in tests). */
  validateOutput?: boolean;
  log?: (msg: string, err?: unknown) => void;
  /** Backups, restore and export (the core host's, which can close and reopen the database); default: a bare core's. */
  backups?: BackupApi;
}

export interface AppCore extends CoreServices {
  dispatch: Dispatch;
  close(): void;
}

const defaultLog = (msg: string, err?: unknown) => console.error(`[aslm] ${msg}`, err ?? '');

export function createAppCore(opts: AppCoreOptions): AppCore {
  const log = opts.log ?? defaultLog;
  const store = openStore(opts.dbPath);
  try {
    return buildCore(opts, store, log);
  } catch (e) {
    store.sqlite.close(); // a core that cannot start must not keep the file open (restore replaces it)
    throw e;
  }
}

function buildCore(opts: AppCoreOptions, store: Store, log: (msg: string, err?: unknown) => void): AppCore {
  const clock = opts.clock ?? systemClock;
  const events = createEvents(log);
  const tz = opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const settings = createSettingsService(store, clock, tz);
  if (settings.get('rules', undefined) === undefined) settings.set('rules', settings.rules());
  const leads = createLeadService(store, clock, settings, events);
  const lists = createListService(store, clock);
  const kpi = createKpiService(store, settings, clock);
  const sweeps = createSweepService(store, leads, settings);
  const kpiReports = createKpiReportService(store, settings);
  watchBusinessDue(store, settings.onRulesChanged, settings.rules);

  // The stored SLA deadlines follow the settings.
  settings.onRulesChanged((rules) => {
    const upd = store.sqlite.prepare(`UPDATE leads SET sla1_due_at = @d1, sla2_due_at = @d2,
      sla1_met = CASE WHEN first_contact_at IS NULL THEN NULL ELSE first_contact_at <= @d1 END,
      sla2_met = CASE WHEN qualified_at IS NULL THEN NULL ELSE qualified_at <= @d2 END WHERE id = @id`);
    const rows = store.sqlite.prepare('SELECT id, assigned_at AS a FROM leads').all() as { id: number; a: number }[];
    for (const r of rows) upd.run({ d1: sla1DueAt(r.a, rules), d2: sla2DueAt(r.a, rules), id: r.id });
  });

  // Closed No Sale → Not current owner: the end-of-ownership date is written to the vehicle too.
  const setEndOfOwnership = store.sqlite.prepare('UPDATE vehicles SET end_of_ownership = ?, updated_at = ? WHERE vin = ?');
  leads.onEffect('vehicleEndOfOwnership', (e) => {
    if (e.kind === 'vehicleEndOfOwnership') setEndOfOwnership.run(e.date, clock.now(), e.vin);
  });

  const defaultUser = ensureDefaultUser(store, clock.now());
  const actor = (ctx?: CallContext): Actor => {
    const id = ctx?.userId ?? settings.get<number | null>('desk.currentUser', null) ?? defaultUser;
    const u = store.sqlite.prepare('SELECT id, name FROM users WHERE id = ? AND active = 1').get(id) as Actor | undefined;
    return u ?? { id: defaultUser, name: 'Front desk' };
  };

  const playbook = createPlaybookService(store, clock, settings, leads);
  // `services.assign` is read at call time, so whoever sets it later (assignment rules) is used.
  let core: AppCore | null = null;
  const importer = createImportService(store, clock, settings, leads, events, () => ({ assign: core?.assign ?? services.assign }));
  const watchFolder = createWatchFolder(importer, settings, clock, log, () => actor());
  const backups = opts.backups ?? standaloneBackupApi(store, log);
  const services: CoreServices = { options: opts, store, clock, events, settings, leads, lists, kpi, kpiReports, sweeps, importer, watchFolder, playbook, backups, log, actor };
  const dispatch = createDispatcher(contract, allHandlers(services), { validateOutput: opts.validateOutput ?? false, log });

  core = {
    ...services, dispatch,
    close: () => store.sqlite.close(),
  };
  return core;
}

function ensureDefaultUser(store: Store, now: number): number {
  const row = store.sqlite.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  if (row) return row.id;
  return store.sqlite.transaction(() => {
    const id = Number(store.sqlite.prepare("INSERT INTO users (name, email, language, active, created_at) VALUES ('Front desk', NULL, 'en', 1, ?)").run(now).lastInsertRowid);
    store.sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'manager')").run(id);
    return id;
  })();
}

export { AppError };

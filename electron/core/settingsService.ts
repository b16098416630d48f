// Settings stored as JSON per key. Which keys exist, their schema and default: settingsRegistry.ts; get/set are typed
// from it and validate every value written and read (a stored value that does not fit → the default, logged).
import type { RuleSettings } from '../../shared/domain/settings';
import { DEFAULT_CAMPAIGNS, type Language } from '../../shared/domain/vocabulary';
import { appSettingsSchema, type AppSettings } from '../../shared/contract/app';
import { AppError } from '../../shared/contract/errors';
import { isValidTimeZone } from '../../shared/rules/time';
import { inYearRange } from '../../shared/domain/timeBounds';
import type { Store } from '../store/db';
import { settingsRepo } from '../store/repos/settings';
import type { Clock } from './clock';
import type { AsyncStore } from '../store/repos/index';
import type { TxRepos } from './leadService';
import { isEmail } from './mail/smtp';
import { isLocalKey, type LocalState } from './multiCore/localState';
import {
  isSettingKey,
  SETTINGS,
  type SettingInput,
  type SettingKey,
  type SettingValue,
  type SettingsContext,
} from './settingsRegistry';

export type Dealer = AppSettings['dealer'];
/** The settings holding one entry per person (by user id, or 'desk'). */
export type PerPersonKey = 'desk.listPrefs' | 'sites.choice';
const UNREADABLE = Symbol('unreadable');
const DEFAULT_SET = new Set<string>(DEFAULT_CAMPAIGNS);
/** Settings key: the first-run setup was finished or skipped. */
export const SETUP_DONE_KEY = 'setup.done' as const;

/** A campaign id (CAMPAIGN_ID: a–z, 0–9, _) made from a name: "Tyre hotel" → tyre_hotel, "Révision été" → revision_ete. */
export function campaignSlug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (s.length < 2) return 'campaign';
  return /^[a-z]/.test(s) ? s : `c_${s}`.slice(0, 40);
}

export interface SettingsService {
  all(): AppSettings;
  rules(): RuleSettings;
  campaigns(): string[];
  /** The stored value of `key`, validated by its schema; its default when unset or when the stored value does not fit. */
  get<K extends SettingKey>(key: K): SettingValue<K>;
  /** Validates and stores `value` in its own transaction (AppError INVALID_INPUT with the field when it does not fit). */
  set<K extends SettingKey>(key: K, value: SettingInput<K>): Promise<void>;
  /** The same inside the caller's transaction `r` (the cache is dropped if that transaction fails). */
  setIn<K extends SettingKey>(r: TxRepos, key: K, value: SettingInput<K>): Promise<void>;
  /**
   * One person's entry of a per-person setting (`desk.listPrefs`, `sites.choice`: one entry per user id) written in its
   * own transaction, the other entries as the database holds them (another app core may have written one since this
   * one cached the key); the key's cached value becomes the stored one.
   */
  setEntry<K extends PerPersonKey>(key: K, entry: string, input: SettingValue<K>[string]): Promise<void>;
  /** `key` read again from the database (PostgreSQL: another core may have written it; SQLite: the same value). */
  reload(key: SettingKey): Promise<void>;
  /** Whether `key` has a stored value (PostgreSQL: a per-PC key, this PC's or, for the language, the group's). */
  isSet(key: SettingKey): boolean;
  /**
   * The group's language: the `language` stored in the database (what a PC shows until it chooses its own, and the
   * language of what the group sends whichever core queues it: the dealer's copies of appointment e-mails). SQLite:
   * the desk's language, `get('language')`.
   */
  groupLanguage(): Language;
  setLanguage(language: Language): Promise<AppSettings>;
  setRules(rules: RuleSettings): Promise<AppSettings>;
  /** The dealer's identity (name, e-mail, phone, address); the e-mail is checked when not empty. */
  setDealer(dealer: Dealer): Promise<AppSettings>;
  /**
   * The extra campaigns (beyond DEFAULT_CAMPAIGNS) by name as typed: 2–60 characters, unique case-insensitively, not a
   * default campaign. Each gets a stable id (leads store it: CAMPAIGN_ID, made from the name when it is added, kept while
   * the name stays); removing one that a lead or an assignment rule uses is refused (CAMPAIGN_IN_USE).
   */
  setCampaigns(extra: string[]): Promise<AppSettings>;
  /** The dealership's campaigns: id → the name as typed. */
  campaignLabels(): Record<string, string>;
  /** Runs inside the rules' write transaction (`r`), e.g. the stored deadlines recomputed. */
  onRulesChanged(fn: (rules: RuleSettings, r: TxRepos) => void | Promise<void>): void;
  /**
   * Loads the stored values again through the AsyncStore (every read answers from the loaded values; they are loaded
   * at creation: synchronously on SQLite, else `ready` tells when).
   */
  load(): Promise<void>;
  /** Settled once the stored values are loaded (at once on SQLite). */
  readonly ready: Promise<void>;
  /**
   * Another connection wrote the settings (a read-only reader after another's write): loaded again, synchronously on
   * SQLite; else `ready` is the new load.
   */
  invalidate(): void;
}

/**
 * `store`: SQLite's connection, where the stored values are loaded synchronously at creation (and again after a
 * failed write or `invalidate`), so that a SQLite core is ready at once; null (PostgreSQL): await `ready`.
 * `local` (PostgreSQL, multiCore/localState.ts): this PC's own values of the per-PC keys (`desk.currentUser`,
 * `language`), read and written there, never in the table the other cores share — except the language chosen while
 * the first-run setup is not done, which is also the group's (`groupLanguage`). A PC that never chose: nobody at the
 * desk (the first user acts), the group's language.
 */
export function createSettingsService(
  store: Pick<Store, 'sqlite'> | null,
  data: AsyncStore,
  clock: Clock,
  defaultTimeZone: string,
  log: (msg: string, err?: unknown) => void = console.warn,
  local: LocalState | null = null,
): SettingsService {
  const ctx: SettingsContext = { defaultTimeZone };
  /** Parsed values (absent: not read yet). */
  const cache = new Map<SettingKey, unknown>();
  const listeners: ((rules: RuleSettings, r: TxRepos) => void | Promise<void>)[] = [];
  const known = <K extends SettingKey>(key: K): K => {
    if (!isSettingKey(key)) throw new Error(`Unknown setting "${key}" (settingsRegistry.ts lists the settings)`);
    return key;
  };
  const sync = store ? settingsRepo(store.sqlite) : null;
  /** The stored JSON texts by key, and whether the database held leads, as loaded (null: not loaded). */
  let loaded: { texts: Map<string, string>; hasLeads: boolean } | null = null;
  const fill = (rows: { key: string; value: string }[], hasLeads: boolean) => {
    loaded = { texts: new Map(rows.map((r) => [r.key, r.value])), hasLeads };
    cache.clear();
  };
  let ready: Promise<void> = Promise.resolve();
  const loadSync = () => sync && fill(sync.rows(), sync.hasLeads());
  const load = async (): Promise<void> => {
    const [rows, hasLeads] = await Promise.all([data.repos.settings.rows(), data.repos.settings.hasLeads()]);
    fill(rows, hasLeads);
  };
  /** The load `ready` tells of (its failure logged here; whoever awaits `ready` sees it too). */
  const startLoad = () => {
    ready = load();
    ready.catch((e: unknown) => log('settings: loading the stored values failed', e));
  };
  const texts = (): Map<string, string> => {
    if (!loaded) loadSync();
    if (!loaded) throw new Error('The settings are not loaded yet (await settings.ready)');
    return loaded.texts;
  };
  const hadLeads = (): boolean => {
    texts();
    return loaded!.hasLeads;
  };
  /**
   * After a failed write, the committed values are loaded again through the AsyncStore (after its own transaction's
   * rollback). Inside a caller's still open SQLite transaction (its one connection would show that transaction's
   * writes): on the next read.
   */
  const drop = async (inCallersTx: boolean): Promise<void> => {
    const later = () => {
      loaded = null;
      cache.clear();
    };
    if (inCallersTx) {
      // PostgreSQL: the failed upsert changed nothing cached (it is cached once written), and that transaction's
      // connection is aborted: nothing to read.
      if (sync) later();
      return;
    }
    await load().catch((e: unknown) => {
      log('settings: loading them again failed', e);
      if (sync) later();
    });
  };
  /** The stored JSON value; undefined when unset; UNREADABLE when the text is not JSON. */
  const stored = (key: SettingKey): unknown => {
    const text = texts().get(key);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return UNREADABLE;
    }
  };
  /** The stored value in the table (PostgreSQL: for a per-PC key, the group's). */
  const readStored = <K extends SettingKey>(key: K): SettingValue<K> => {
    if (cache.has(key)) return cache.get(key) as SettingValue<K>;
    const e = SETTINGS[key];
    const raw = stored(key);
    let value: unknown = e.default(ctx);
    if (raw === UNREADABLE) log(`settings: the stored value of "${key}" is not JSON; the default is used`);
    else if (raw !== undefined) {
      const candidate =
        e.merge && raw !== null && typeof raw === 'object' && !Array.isArray(raw)
          ? { ...(value as object), ...raw }
          : raw;
      const parsed = e.schema.safeParse(candidate);
      if (parsed.success) value = parsed.data;
      else log(`settings: the stored value of "${key}" does not fit its schema; the default is used`, parsed.error);
    }
    cache.set(key, value);
    return value as SettingValue<K>;
  };
  /** PostgreSQL: a per-PC key answered from this PC's local state (the language: else the group's). */
  const read = <K extends SettingKey>(key: K): SettingValue<K> => {
    if (!local || !isLocalKey(key)) return readStored(key);
    const own = local.get(key);
    if (own !== undefined) return own as SettingValue<K>;
    return key === 'language' ? readStored(key) : (SETTINGS[key].default(ctx) as SettingValue<K>);
  };
  const setupDone = (): boolean => (texts().has(SETUP_DONE_KEY) ? readStored(SETUP_DONE_KEY) : hadLeads());
  /** One transaction; on failure the cache is dropped so nothing half-written is seen. */
  const write = async (fn: (r: TxRepos) => Promise<void>) => {
    // PostgreSQL: a write made before the stored values are loaded waits for them (its cache update needs them).
    if (!loaded && !sync) await ready;
    try {
      await data.tx(fn);
    } catch (e) {
      await drop(false);
      throw e;
    }
  };
  /** The value as stored: validated by its schema (thrown at once: before any transaction). */
  const valid = <K extends SettingKey>(key: K, input: SettingInput<K>): unknown => {
    const parsed = SETTINGS[known(key)].schema.safeParse(input);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path.map(String).join('.');
      throw new AppError('INVALID_INPUT', { field: path ? `${key}.${path}` : key });
    }
    return parsed.data;
  };
  /** Written in `r`, cached (the caller's failure clears the cache: `write`, or its own catch). */
  const store1 = async (r: TxRepos, key: SettingKey, value: unknown): Promise<void> => {
    const inTable = async () => {
      await r.settings.upsert(key, value, clock.now());
      texts().set(key, JSON.stringify(value));
      cache.set(key, value);
    };
    if (!local || !isLocalKey(key)) return inTable();
    // PostgreSQL: this PC's value (after the table's write, if any: the language chosen during the first-run setup is
    // the group's too).
    if (key === 'language' && !setupDone()) await inTable();
    local.set(key, value as never);
  };
  const setIn = <K extends SettingKey>(r: TxRepos, key: K, input: SettingInput<K>): Promise<void> =>
    store1(r, key, valid(key, input));
  const svc: SettingsService = {
    get(key) {
      return read(known(key));
    },
    set: (key, input) => {
      const value = valid(key, input);
      return write((r) => store1(r, key, value));
    },
    setIn: async (r, key, input) => {
      try {
        await setIn(r, key, input);
      } catch (e) {
        await drop(true);
        throw e;
      }
    },
    setEntry: (key, entry, input) => {
      const value = (valid(key, { [entry]: input } as SettingInput<typeof key>) as Record<string, unknown>)[entry];
      return write(async (r) => {
        const text = await r.settings.setEntry(key, entry, value, clock.now());
        texts().set(key, text);
        cache.delete(key);
      });
    },
    async reload(key) {
      if (!loaded && !sync) await ready;
      const text = await data.repos.settings.value(known(key));
      if (text === undefined) texts().delete(key);
      else texts().set(key, text);
      cache.delete(key);
    },
    isSet(key) {
      if (local && isLocalKey(key) && local.get(key) !== undefined) return true;
      if (local && key === 'desk.currentUser') return false;
      return texts().has(known(key));
    },
    groupLanguage() {
      return readStored('language');
    },
    rules() {
      return read('rules');
    },
    load,
    get ready() {
      return ready;
    },
    invalidate() {
      if (sync) loadSync();
      else startLoad();
    },
    campaigns() {
      const extra = svc.get('campaigns');
      return [...DEFAULT_CAMPAIGNS, ...extra.filter((c) => !(DEFAULT_CAMPAIGNS as readonly string[]).includes(c))];
    },
    all() {
      return appSettingsSchema.parse({
        language: svc.get('language'),
        rules: svc.rules(),
        dealer: svc.get('dealer'),
        campaigns: svc.campaigns(),
        campaignLabels: svc.campaignLabels(),
        // A database that already holds leads (opened by a version before the setup existed) is not a new one.
        // (Whether it held leads when the settings were loaded.)
        setupDone: setupDone(),
      });
    },
    async setLanguage(language) {
      await svc.set('language', language);
      return svc.all();
    },
    async setRules(rules) {
      if (!isValidTimeZone(rules.timeZone)) throw new AppError('INVALID_INPUT', { field: 'timeZone' });
      rules.openingHours.forEach((span, i) => {
        if (span && span.open >= span.close)
          throw new AppError('OPENING_HOURS_INVALID', { field: `openingHours.${i}` });
      });
      rules.holidays.forEach((d, i) => {
        const t = new Date(`${d}T00:00:00Z`);
        if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d || !inYearRange(t.getUTCFullYear()))
          throw new AppError('HOLIDAY_INVALID', { field: `holidays.${i}`, params: { date: d } });
      });
      rules = { ...rules, holidays: [...new Set(rules.holidays)].sort() };
      const next = rules;
      await write(async (r) => {
        await setIn(r, 'rules', next);
        for (const l of listeners) await l(next, r);
      });
      return svc.all();
    },
    async setDealer(input) {
      const dealer = {
        name: input.name.trim(),
        email: input.email.trim(),
        phone: input.phone.trim(),
        address: input.address.trim(),
      };
      if (dealer.email !== '' && !isEmail(dealer.email)) throw new AppError('EMAIL_INVALID', { field: 'email' });
      await write((r) => setIn(r, 'dealer', dealer));
      return svc.all();
    },
    campaignLabels() {
      const labels = svc.get('campaignLabels');
      return Object.fromEntries(
        svc
          .campaigns()
          .filter((c) => !DEFAULT_SET.has(c))
          .map((c) => [c, labels[c] ?? c.replace(/_/g, ' ')]),
      );
    },
    async setCampaigns(input) {
      const names = input.map((n) => n.trim().replace(/\s+/g, ' '));
      const before = svc.campaignLabels();
      const byLabel = new Map(Object.entries(before).map(([id, label]) => [label.toLowerCase(), id]));
      const taken = new Set<string>([...DEFAULT_SET, ...Object.keys(before)]);
      const seen = new Set<string>();
      const next: [string, string][] = [];
      names.forEach((n, i) => {
        const field = `campaigns.${i}`;
        if (n.length < 2 || n.length > 60 || /[\u0000-\u001f]/.test(n))
          throw new AppError('CAMPAIGN_NAME_INVALID', { field, params: { campaign: n } });
        const key = n.toLowerCase();
        if (seen.has(key) || DEFAULT_SET.has(campaignSlug(n)))
          throw new AppError('CAMPAIGN_DUPLICATE', { field, params: { campaign: n } });
        seen.add(key);
        let id = byLabel.get(key);
        if (!id) {
          const base = campaignSlug(n);
          id = base;
          for (let k = 2; taken.has(id); k++) id = `${base.slice(0, 44)}_${k}`;
          taken.add(id);
        }
        next.push([id, n]);
      });
      await write(async (r) => {
        const kept = new Set(next.map(([id]) => id));
        for (const [old, label] of Object.entries(before)) {
          if (kept.has(old)) continue;
          if ((await r.settings.campaignUses(old)) > 0)
            throw new AppError('CAMPAIGN_IN_USE', { field: 'campaigns', params: { campaign: label } });
        }
        await setIn(
          r,
          'campaigns',
          next.map(([id]) => id),
        );
        await setIn(r, 'campaignLabels', Object.fromEntries(next));
      });
      return svc.all();
    },
    onRulesChanged(fn) {
      listeners.push(fn);
    },
  };
  if (sync) loadSync();
  else startLoad();
  return svc;
}

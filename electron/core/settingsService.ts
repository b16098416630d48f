// Settings stored as JSON per key, validated by the contract's schemas; defaults where unset.
import { eq } from 'drizzle-orm';
import { defaultRuleSettings, type RuleSettings } from '../../shared/domain/settings';
import { DEFAULT_CAMPAIGNS, type Language } from '../../shared/domain/vocabulary';
import { appSettingsSchema, dealerSchema, ruleSettingsSchema, type AppSettings } from '../../shared/contract/app';
import { AppError } from '../../shared/contract/errors';
import { isValidTimeZone } from '../../shared/rules/time';
import type { Store } from '../store/db';
import { settings } from '../store/schema';
import type { Clock } from './clock';
import { isEmail } from './mail/smtp';

export type Dealer = AppSettings['dealer'];
const EMPTY_DEALER: Dealer = { name: '', email: '', phone: '', address: '' };
const DEFAULT_SET = new Set<string>(DEFAULT_CAMPAIGNS);
/** Settings key: the first-run setup was finished or skipped. */
export const SETUP_DONE_KEY = 'setup.done';

/** A campaign id (CAMPAIGN_ID: a–z, 0–9, _) made from a name: "Tyre hotel" → tyre_hotel, "Révision été" → revision_ete. */
export function campaignSlug(name: string): string {
  const s = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  if (s.length < 2) return 'campaign';
  return /^[a-z]/.test(s) ? s : `c_${s}`.slice(0, 40);
}

export interface SettingsService {
  all(): AppSettings;
  rules(): RuleSettings;
  campaigns(): string[];
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
  setLanguage(language: Language): AppSettings;
  setRules(rules: RuleSettings): AppSettings;
  /** The dealer's identity (name, e-mail, phone, address); the e-mail is checked when not empty. */
  setDealer(dealer: Dealer): AppSettings;
  /**
   * The extra campaigns (beyond DEFAULT_CAMPAIGNS) by name as typed: 2–60 characters, unique case-insensitively, not a
   * default campaign. Each gets a stable id (leads store it: CAMPAIGN_ID, made from the name when it is added, kept while
   * the name stays); removing one that a lead or an assignment rule uses is refused (CAMPAIGN_IN_USE).
   */
  setCampaigns(extra: string[]): AppSettings;
  /** The dealership's campaigns: id → the name as typed. */
  campaignLabels(): Record<string, string>;
  onRulesChanged(fn: (rules: RuleSettings) => void): void;
}

export function createSettingsService(store: Store, clock: Clock, defaultTimeZone: string): SettingsService {
  const cache = new Map<string, unknown>();
  const listeners: ((r: RuleSettings) => void)[] = [];
  const read = (key: string): unknown => {
    if (cache.has(key)) return cache.get(key);
    const row = store.db.select().from(settings).where(eq(settings.key, key)).get();
    const v = row ? row.value : undefined;
    cache.set(key, v);
    return v;
  };
  /** One transaction; on failure the cache is dropped so nothing half-written is seen. */
  const write = (fn: () => void) => {
    try { store.sqlite.transaction(fn)(); } catch (e) { cache.clear(); throw e; }
  };
  const svc: SettingsService = {
    get<T>(key: string, fallback: T): T {
      const v = read(key);
      return v === undefined ? fallback : (v as T);
    },
    set(key, value) {
      store.db.insert(settings).values({ key, value, updatedAt: clock.now() })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: clock.now() } }).run();
      cache.set(key, value);
    },
    rules() {
      const stored = ruleSettingsSchema.safeParse(read('rules'));
      return stored.success ? stored.data as RuleSettings : defaultRuleSettings(defaultTimeZone);
    },
    campaigns() {
      const extra = svc.get<string[]>('campaigns', []);
      return [...DEFAULT_CAMPAIGNS, ...extra.filter((c) => !(DEFAULT_CAMPAIGNS as readonly string[]).includes(c))];
    },
    all() {
      const dealer = dealerSchema.safeParse(read('dealer') ?? EMPTY_DEALER);
      return appSettingsSchema.parse({
        language: svc.get('language', 'en'),
        rules: svc.rules(),
        dealer: dealer.success ? dealer.data : EMPTY_DEALER,
        campaigns: svc.campaigns(),
        campaignLabels: svc.campaignLabels(),
        setupDone: svc.get<boolean>(SETUP_DONE_KEY, false) === true,
      });
    },
    setLanguage(language) {
      svc.set('language', language);
      return svc.all();
    },
    setRules(rules) {
      if (!isValidTimeZone(rules.timeZone)) throw new AppError('INVALID_INPUT', { field: 'timeZone' });
      rules.openingHours.forEach((span, i) => {
        if (span && span.open >= span.close) throw new AppError('OPENING_HOURS_INVALID', { field: `openingHours.${i}` });
      });
      rules.holidays.forEach((d, i) => {
        const t = new Date(`${d}T00:00:00Z`);
        if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d) throw new AppError('HOLIDAY_INVALID', { field: `holidays.${i}`, params: { date: d } });
      });
      rules = { ...rules, holidays: [...new Set(rules.holidays)].sort() };
      try {
        store.sqlite.transaction(() => {
          svc.set('rules', rules);
          for (const l of listeners) l(rules);
        })();
      } catch (e) {
        cache.clear();
        throw e;
      }
      return svc.all();
    },
    setDealer(input) {
      const dealer = { name: input.name.trim(), email: input.email.trim(), phone: input.phone.trim(), address: input.address.trim() };
      if (dealer.email !== '' && !isEmail(dealer.email)) throw new AppError('EMAIL_INVALID', { field: 'email' });
      write(() => svc.set('dealer', dealer));
      return svc.all();
    },
    campaignLabels() {
      const labels = svc.get<Record<string, string>>('campaignLabels', {});
      return Object.fromEntries(svc.campaigns().filter((c) => !DEFAULT_SET.has(c)).map((c) => [c, labels[c] ?? c.replace(/_/g, ' ')]));
    },
    setCampaigns(input) {
      const names = input.map((n) => n.trim().replace(/\s+/g, ' '));
      const before = svc.campaignLabels();
      const byLabel = new Map(Object.entries(before).map(([id, label]) => [label.toLowerCase(), id]));
      const taken = new Set<string>([...DEFAULT_SET, ...Object.keys(before)]);
      const seen = new Set<string>();
      const next: [string, string][] = [];
      names.forEach((n, i) => {
        const field = `campaigns.${i}`;
        if (n.length < 2 || n.length > 60 || /[\u0000-\u001f]/.test(n)) throw new AppError('CAMPAIGN_NAME_INVALID', { field, params: { campaign: n } });
        const key = n.toLowerCase();
        if (seen.has(key) || DEFAULT_SET.has(campaignSlug(n))) throw new AppError('CAMPAIGN_DUPLICATE', { field, params: { campaign: n } });
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
      write(() => {
        const kept = new Set(next.map(([id]) => id));
        for (const [old, label] of Object.entries(before)) {
          if (kept.has(old)) continue;
          const used = store.sqlite.prepare('SELECT (SELECT count(*) FROM leads WHERE campaign = ?) + (SELECT count(*) FROM assignment_rules WHERE campaign = ?) AS n')
            .get(old, old) as { n: number };
          if (used.n > 0) throw new AppError('CAMPAIGN_IN_USE', { field: 'campaigns', params: { campaign: label } });
        }
        svc.set('campaigns', next.map(([id]) => id));
        svc.set('campaignLabels', Object.fromEntries(next));
      });
      return svc.all();
    },
    onRulesChanged(fn) { listeners.push(fn); },
  };
  return svc;
}

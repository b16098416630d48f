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

export interface SettingsService {
  all(): AppSettings;
  rules(): RuleSettings;
  campaigns(): string[];
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
  setLanguage(language: Language): AppSettings;
  setRules(rules: RuleSettings): AppSettings;
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
      const dealer = dealerSchema.safeParse(read('dealer'));
      return appSettingsSchema.parse({
        language: svc.get('language', 'en'),
        rules: svc.rules(),
        dealer: dealer.success ? dealer.data : { name: '', email: '', phone: '', address: '' },
        campaigns: svc.campaigns(),
      });
    },
    setLanguage(language) {
      svc.set('language', language);
      return svc.all();
    },
    setRules(rules) {
      if (!isValidTimeZone(rules.timeZone)) throw new AppError('INVALID_INPUT', { field: 'timeZone' });
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
    onRulesChanged(fn) { listeners.push(fn); },
  };
  return svc;
}

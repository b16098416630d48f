// Sites (issue 15, docs/rules.md §11): which leads the acting person sees, the refusal of another site's lead, a new
// lead's site, the group-wide person's choice in the header (remembered per person, as the list layout), the sites
// themselves and each site's own dealership settings. With one site, every answer is "no site": no query is
// filtered, no reply mentions sites.
import { AppError } from '../../../shared/contract/errors';
import {
  SITE_SETTING_KEYS,
  type SiteInput,
  type SiteScope,
  type SiteSettings,
  type SitesInfo,
} from '../../../shared/contract/sites';
import type { Actor } from '../../../shared/domain/lead';
import type { RuleSettings } from '../../../shared/domain/settings';
import type { z } from 'zod';
import type { dealerSchema } from '../../../shared/contract/app';
import type { AsyncRepos, AsyncStore } from '../../store/repos/index';
import type { SiteRow } from '../../store/repos/sites';
import type { Clock } from '../clock';
import type { SettingsService } from '../settingsService';

type DealerSettings = z.output<typeof dealerSchema>;

export const SITE_CHOICE_KEY = 'sites.choice';
/** How long a PostgreSQL core trusts its list of sites (another core may add one). */
const PG_SITES_TTL_MS = 30_000;

export interface SiteService {
  /** Every site (by id). */
  list(): Promise<SiteRow[]>;
  /** More than one site. */
  multi(): Promise<boolean>;
  /** The site whose leads `actor` sees: null = every site (one site; a group-wide person's "All sites"). */
  scope(actor: Actor): Promise<number | null>;
  /** The person's own site: null = group-wide (or one site: nobody is limited). */
  ownSite(actor: Actor): Promise<number | null>;
  /** LEAD_OTHER_SITE when a lead of `ids` belongs to another site than the person's own. */
  checkLeads(ids: readonly number[], actor: Actor): Promise<void>;
  /** The site of a lead `actor` creates (undefined: one site, the column's default), `requested` a group-wide choice. */
  forNewLead(actor: Actor, requested: number | undefined): Promise<number | undefined>;
  /** A lead's site when there are several (for the lead page), else undefined. */
  leadSite(id: number): Promise<number | undefined>;
  /**
   * The rows (a page: a few) each with its lead's site when there are several (`site`: the one in view, all rows are
   * of it; null: read by the leads' ids); one site: as they are.
   */
  withLeadSites<R extends { leadId: number }>(rows: R[], site: number | null | undefined): Promise<R[]>;
  info(actor: Actor): Promise<SitesInfo>;
  save(input: SiteInput): Promise<void>;
  choose(actor: Actor, siteId: number | null): Promise<void>;
  /** A site's own settings (null = the group-wide value). */
  settingsOf(siteId: number): Promise<SiteSettings>;
  saveSettings(siteId: number, patch: Partial<SiteSettings>): Promise<SiteSettings>;
  /**
   * The rule figures that apply at a site: its own, else the group-wide ones (`undefined`: the first site, the
   * column's default). One site: always the group's. Kept per site until `saveSettings` (PostgreSQL: 30 s at most).
   */
  rulesOf(siteId: number | undefined, r?: AsyncRepos): Promise<RuleSettings>;
  /** The rule figures at a lead's site (`r`: the caller's transaction's repositories). */
  rulesOfLead(leadId: number, r?: AsyncRepos): Promise<RuleSettings>;
  /** The sites with their own rule figures (none with one site). */
  sitesWithOwnRules(): Promise<number[]>;
  /** The dealer identity that applies at a site: its own, else the group-wide one. */
  dealerOf(siteId: number | undefined, r?: AsyncRepos): Promise<DealerSettings>;
  /** The dealer identity at a lead's site (`r`: the caller's transaction's repositories). */
  dealerOfLead(leadId: number, r: AsyncRepos): Promise<DealerSettings>;
  /** Checks a site id exists (SITE_UNKNOWN). */
  ensure(siteId: number, field?: string): Promise<void>;
}

/** Recomputes a site's leads' stored deadlines with the figures that now apply there (inside the saving transaction). */
export type SiteRulesListener = (siteId: number, rules: RuleSettings, r: AsyncRepos) => Promise<void>;

export function createSiteService(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  onSiteRules?: SiteRulesListener,
): SiteService {
  let cached: { at: number; sites: SiteRow[] } | null = null;
  const list = async (): Promise<SiteRow[]> => {
    const t = performance.now();
    // SQLite reads its few rows each time (microseconds, and another process may add a site); PostgreSQL keeps them a
    // little while.
    if (data.kind === 'postgres' && cached && t - cached.at < PG_SITES_TTL_MS) return cached.sites;
    const sites = await data.repos.sites.list();
    // The people's site choices with them: one made through another core is seen as soon as a new site is.
    if (data.kind === 'postgres') await settings.reload(SITE_CHOICE_KEY);
    cached = { at: t, sites };
    return sites;
  };
  const multi = async () => (await list()).length > 1;
  const ensure = async (siteId: number, field = 'siteId') => {
    if (!(await list()).some((s) => s.id === siteId)) throw new AppError('SITE_UNKNOWN', { field });
  };
  const ownSite = async (actor: Actor): Promise<number | null> => {
    if (actor.id === null || !(await multi())) return null;
    return (await data.repos.sites.userSite(actor.id)) ?? null;
  };
  const choiceOf = async (actor: Actor): Promise<number | null> => {
    const chosen = settings.get(SITE_CHOICE_KEY)[String(actor.id ?? 'desk')] ?? null;
    return chosen !== null && (await list()).some((s) => s.id === chosen) ? chosen : null;
  };
  const scope = async (actor: Actor): Promise<number | null> => {
    if (!(await multi())) return null;
    return (await ownSite(actor)) ?? (await choiceOf(actor));
  };
  const overrides = async (siteId: number, r: AsyncRepos = data.repos) =>
    new Map((await r.sites.settings(siteId)).map((x) => [x.key, JSON.parse(x.value) as unknown]));
  // A site's own rule figures (null: none), read once per site.
  let ownRules: { at: number; bySite: Map<number, RuleSettings | null> } = { at: performance.now(), bySite: new Map() };
  const ownRulesOf = async (siteId: number, r: AsyncRepos = data.repos): Promise<RuleSettings | null> => {
    if (data.kind === 'postgres' && performance.now() - ownRules.at >= PG_SITES_TTL_MS)
      ownRules = { at: performance.now(), bySite: new Map() };
    const known = ownRules.bySite.get(siteId);
    if (known !== undefined) return known;
    const own = ((await overrides(siteId, r)).get('rules') as RuleSettings | undefined) ?? null;
    // Read inside a transaction that may still roll back: not kept.
    if (r === data.repos) ownRules.bySite.set(siteId, own);
    return own;
  };
  const settingsOf = async (siteId: number): Promise<SiteSettings> => {
    await ensure(siteId);
    const o = await overrides(siteId);
    return {
      dealer: (o.get('dealer') as DealerSettings | undefined) ?? null,
      rules: (o.get('rules') as RuleSettings | undefined) ?? null,
      capacity: (o.get('workshop.capacity') as number | undefined) ?? null,
    };
  };

  const svc: SiteService = {
    list,
    multi,
    scope,
    ownSite,
    ensure,
    async checkLeads(ids, actor) {
      if (ids.length === 0) return;
      const own = await ownSite(actor);
      if (own === null) return;
      for (const id of ids) {
        const site = await data.repos.sites.leadSite(id);
        if (site !== undefined && site !== own) throw new AppError('LEAD_OTHER_SITE', { params: { id } });
      }
    },
    async forNewLead(actor, requested) {
      if (!(await multi())) {
        if (requested !== undefined) await ensure(requested);
        return requested;
      }
      const own = await ownSite(actor);
      if (own !== null) {
        if (requested !== undefined && requested !== own) throw new AppError('LEAD_OTHER_SITE', { field: 'siteId' });
        return own;
      }
      if (requested !== undefined) {
        await ensure(requested);
        return requested;
      }
      // A group-wide person without a choice of site: the one in view, else the first.
      return (await choiceOf(actor)) ?? (await list())[0]!.id;
    },
    async leadSite(id) {
      return (await multi()) ? data.repos.sites.leadSite(id) : undefined;
    },
    async withLeadSites(rows, site) {
      if (rows.length === 0 || !(await multi())) return rows;
      if (site != null) return rows.map((r) => ({ ...r, siteId: site }));
      const of = new Map((await data.repos.sites.leadSites(rows.map((r) => r.leadId))).map((x) => [x.id, x.siteId]));
      return rows.map((r) => ({ ...r, siteId: of.get(r.leadId) }));
    },
    async info(actor) {
      const sites = await list();
      const own = await ownSite(actor);
      return {
        sites: sites.map((s) => ({ id: s.id, code: s.code, name: s.name })),
        multi: sites.length > 1,
        scope: { siteId: await scope(actor), fixed: own !== null } satisfies SiteScope,
      };
    },
    async save(input) {
      const code = input.code.trim();
      const name = input.name.trim();
      await data.tx(async (r) => {
        const holder = await r.sites.byCode(code);
        if (holder !== undefined && holder !== input.id) throw new AppError('SITE_CODE_TAKEN', { field: 'code' });
        if (input.id == null) {
          // The group's second site: the people without a site who are not managers work at the first one (a
          // person added while there was one site, by the demo data or an older version); the managers become
          // group-wide, as at the migration (with one site nobody chose: docs/rules.md §11.8).
          const before = await r.sites.list();
          if (before.length === 1) {
            const managers = new Set((await r.users.roles()).filter((x) => x.role === 'manager').map((x) => x.userId));
            for (const u of await r.users.all())
              if (u.siteId === null && !managers.has(u.id)) await r.sites.setUserSite(u.id, before[0]!.id);
              else if (u.siteId !== null && managers.has(u.id)) await r.sites.setUserSite(u.id, null);
          }
          await r.sites.insert(code, name, clock.now());
        } else if ((await r.sites.rename(input.id, code, name)) === 0)
          throw new AppError('SITE_UNKNOWN', { field: 'id' });
      });
      cached = null;
    },
    async choose(actor, siteId) {
      if (siteId !== null) await ensure(siteId);
      if ((await ownSite(actor)) !== null) throw new AppError('FORBIDDEN', { field: 'siteId' });
      const key = String(actor.id ?? 'desk');
      await settings.setEntry(SITE_CHOICE_KEY, key, siteId);
    },
    settingsOf,
    async saveSettings(siteId, patch) {
      await ensure(siteId);
      const now = clock.now();
      const values: Record<(typeof SITE_SETTING_KEYS)[number], unknown> = {
        dealer: patch.dealer,
        rules: patch.rules,
        'workshop.capacity': patch.capacity,
      };
      await data.tx(async (r) => {
        for (const key of SITE_SETTING_KEYS) {
          const v = values[key];
          if (v !== undefined) await r.sites.setSetting(siteId, key, v === null ? undefined : v, now);
        }
        // The site's leads' stored deadlines follow its figures (its own, or the group's again).
        if (patch.rules !== undefined && (await multi()))
          await onSiteRules?.(siteId, patch.rules ?? settings.rules(), r);
      });
      ownRules = { at: performance.now(), bySite: new Map() };
      return settingsOf(siteId);
    },
    async rulesOf(siteId, r) {
      if (!(await multi())) return settings.rules();
      return (await ownRulesOf(siteId ?? (await list())[0]!.id, r)) ?? settings.rules();
    },
    async rulesOfLead(leadId, r = data.repos) {
      if (!(await multi())) return settings.rules();
      return svc.rulesOf(await r.sites.leadSite(leadId), r);
    },
    async sitesWithOwnRules() {
      if (!(await multi())) return [];
      const out: number[] = [];
      for (const s of await list()) if ((await ownRulesOf(s.id)) !== null) out.push(s.id);
      return out;
    },
    async dealerOfLead(leadId, r) {
      if (!(await multi())) return settings.get('dealer');
      return svc.dealerOf(await r.sites.leadSite(leadId), r);
    },
    async dealerOf(siteId, r) {
      const group = settings.get('dealer');
      if (siteId === undefined || !(await multi())) return group;
      return ((await overrides(siteId, r)).get('dealer') as DealerSettings | undefined) ?? group;
    },
  };
  return svc;
}

// Handlers of the SLA & KPI channels (shared/contract/kpi.ts).
import type { Contract } from '../../../shared/contract';
import type { kpiChannels } from '../../../shared/contract/kpi';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { DIGEST_SETTINGS_KEY, digestSettings } from '../kpi/digest';
import { makeReport } from '../kpi/report';
import { kpiSites } from '../kpi/sites';

export const kpiHandlers = (c: CoreServices) =>
  ({
    // Which site's figures: the person's own site, else the one asked, else all sites (kpi/sites.ts).
    'kpi.dashboard': async ({ period, asOf, siteId }, ctx) =>
      c.kpiReports.dashboard(period, c.clock.now(), asOf, await kpiSites(c.sites, c.actor(ctx), siteId)),
    'kpi.trend': async ({ period, weeks, asOf, siteId }, ctx) => {
      const sites = await kpiSites(c.sites, c.actor(ctx), siteId);
      return c.kpiReports.trend(period, c.clock.now(), weeks, asOf, sites?.siteId ?? null);
    },
    'kpi.leads': async ({ filter, page, pageSize }, ctx) => {
      const sites = await kpiSites(c.sites, c.actor(ctx), filter.siteId);
      const found = await c.kpiReports.leads(
        { ...filter, siteId: sites?.siteId ?? null },
        page,
        pageSize,
        c.clock.now(),
      );
      // Each row's site with several sites (the Site column under "All sites"); one site: no reply carries a site.
      return sites ? found : { ...found, rows: found.rows.map(({ siteId: _s, ...r }) => r) };
    },
    'kpi.report': async ({ period, format, language, asOf, siteId }, ctx) => {
      const sites = await kpiSites(c.sites, c.actor(ctx), siteId);
      const r = await makeReport(c, { period, format, asOf, sites, ...(language ? { language } : {}) }, c.clock.now());
      return { fileName: r.fileName, mime: r.mime, base64: r.data.toString('base64'), bytes: r.data.length };
    },
    'kpi.digest': () => c.kpiReports.digest(c.clock.now()),
    'kpi.digestSettings': () => digestSettings(c),
    'kpi.setDigestSettings': async (s) => {
      await c.settings.set(DIGEST_SETTINGS_KEY, s);
      return digestSettings(c);
    },
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof kpiChannels>;

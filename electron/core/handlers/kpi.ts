// Handlers of the SLA & KPI channels (shared/contract/kpi.ts).
import type { Contract } from '../../../shared/contract';
import type { kpiChannels } from '../../../shared/contract/kpi';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { DIGEST_SETTINGS_KEY, digestSettings } from '../kpi/digest';
import { makeReport } from '../kpi/report';

export const kpiHandlers = (c: CoreServices) =>
  ({
    'kpi.dashboard': ({ period, asOf }) => c.kpiReports.dashboard(period, c.clock.now(), asOf),
    'kpi.trend': ({ period, weeks, asOf }) => c.kpiReports.trend(period, c.clock.now(), weeks, asOf),
    'kpi.leads': ({ filter, page, pageSize }) => c.kpiReports.leads(filter, page, pageSize, c.clock.now()),
    'kpi.report': async ({ period, format, language, asOf }) => {
      const r = await makeReport(c, { period, format, asOf, ...(language ? { language } : {}) }, c.clock.now());
      return { fileName: r.fileName, mime: r.mime, base64: r.data.toString('base64'), bytes: r.data.length };
    },
    'kpi.digest': () => c.kpiReports.digest(c.clock.now()),
    'kpi.digestSettings': () => digestSettings(c),
    'kpi.setDigestSettings': async (s) => {
      await c.settings.set(DIGEST_SETTINGS_KEY, s);
      return digestSettings(c);
    },
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof kpiChannels>;

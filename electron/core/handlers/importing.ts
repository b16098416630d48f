// Handlers of the lead import (shared/contract/import.ts).
import type { Contract } from '../../../shared/contract';
import type { importChannels } from '../../../shared/contract/import';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

const file = (i: { name: string; base64: string }) => ({ name: i.name, data: Buffer.from(i.base64, 'base64') });

export const importHandlers = (c: CoreServices) =>
  ({
    // The duplicates are looked for among the importing site's open leads only.
    'import.preview': async (i, ctx) =>
      c.importer.preview(
        file(i),
        { preset: i.preset, mapping: i.mapping },
        await c.sites.forNewLead(c.actor(ctx), undefined),
      ),
    // The new leads go to the importing person's site (a group-wide person's: the site in view, else the first).
    'import.commit': async (i, ctx) =>
      c.importer.commit(
        file(i),
        {
          preset: i.preset,
          mapping: i.mapping,
          decisions: i.decisions,
          duplicateDefault: i.duplicateDefault,
          saveAsPreset: i.saveAsPreset,
        },
        c.actor(ctx),
        await c.sites.forNewLead(c.actor(ctx), undefined),
      ),
    'import.rejectedCsv': (i) =>
      c.importer.rejectedCsv(file(i), { preset: i.preset, mapping: i.mapping, language: i.language }),
    'import.presets.list': () => c.importer.presets.list(),
    'import.presets.save': (p) => c.importer.presets.save(p),
    'import.presets.delete': async ({ name }) => ({ deleted: await c.importer.presets.delete(name) }),
    'import.watchFolder.get': () => c.watchFolder.settings(),
    'import.watchFolder.set': (v) => c.watchFolder.set(v),
    'import.watchFolder.scan': () => c.watchFolder.scan({ settle: false }),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof importChannels>;

// Handler of the list views' Print action (shared/contract/listPrint.ts).
import type { Contract } from '../../../shared/contract';
import type { listPrintChannels } from '../../../shared/contract/listPrint';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { listPdf } from '../listPrint/listPdf';

export const listPrintHandlers = (c: CoreServices) =>
  ({
    // The list as the person sees it: their site's, or the site in view (docs/rules.md §11).
    'lists.print': async (input, ctx) => {
      const r = await listPdf(c, input, await c.sites.scope(c.actor(ctx)));
      return {
        fileName: r.fileName,
        mime: r.mime,
        base64: r.data.toString('base64'),
        bytes: r.data.length,
        rows: r.rows,
        total: r.total,
      };
    },
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof listPrintChannels>;

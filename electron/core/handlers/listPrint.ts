// Handler of the list views' Print action (shared/contract/listPrint.ts).
import type { Contract } from '../../../shared/contract';
import type { listPrintChannels } from '../../../shared/contract/listPrint';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { listPdf } from '../listPrint/listPdf';

export const listPrintHandlers = (c: CoreServices) =>
  ({
    'lists.print': async (input) => {
      const r = await listPdf(c, input);
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

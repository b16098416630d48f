// Every channel's handler: one group per contract file. The merged map must cover the contract.
import type { Contract } from '../../../shared/contract';
import type { Dispatch, HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { appHandlers } from './app';
import { leadHandlers } from './leads';
import { importHandlers } from './importing';
import { playbookHandlers } from './playbook';
import { kpiHandlers } from './kpi';
import { deskHandlers } from './desk';
import { peopleHandlers } from './people';
import { mailHandlers, notificationHandlers } from './mail';
import { backupHandlers } from './backup';
import { listPrintHandlers } from './listPrint';
import { listHandlers } from './lists';
import { authHandlers } from './auth';
import { hostHandlers } from './host';
import { bootHandlers } from './boot';
import { siteHandlers } from './sites';

/** `dispatch`: the core's own, for the handlers that compose calls (shell.boot). */
export function allHandlers(c: CoreServices, dispatch: () => Dispatch): HandlerMap<Contract> {
  return {
    ...appHandlers(c),
    ...leadHandlers(c),
    ...importHandlers(c),
    ...playbookHandlers(c),
    ...kpiHandlers(c),
    ...deskHandlers(c),
    ...peopleHandlers(c),
    ...mailHandlers(c),
    ...notificationHandlers(c),
    ...backupHandlers(c.backups),
    ...listPrintHandlers(c),
    ...listHandlers(c),
    ...authHandlers(c),
    ...hostHandlers(c),
    ...bootHandlers(dispatch),
    ...siteHandlers(c),
  } satisfies HandlerMap<Contract>;
}

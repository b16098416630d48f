// Every channel's handler: one group per contract file. The merged map must cover the contract.
import type { Contract } from '../../../shared/contract';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { appHandlers } from './app';
import { leadHandlers } from './leads';
import { deskHandlers } from './desk';

export function allHandlers(c: CoreServices): HandlerMap<Contract> {
  return {
    ...appHandlers(c),
    ...leadHandlers(c),
    ...deskHandlers(c),
  } satisfies HandlerMap<Contract>;
}

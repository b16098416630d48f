// Handlers of the desk screens (shared/contract/desk.ts).
import type { Contract } from '../../../shared/contract';
import type { deskChannels } from '../../../shared/contract/desk';
import { isValidVin, normalizeVin } from '../../../shared/rules/vin';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { leadsRepo } from '../../store/repos/leads';

export const deskHandlers = (c: CoreServices) => {
  const leads = leadsRepo(c.store.sqlite);
  return {
    'desk.vehicleLookup': ({ vin }) => {
      const v = normalizeVin(vin);
      const valid = isValidVin(v);
      return { vin: v, valid, vehicle: valid ? (leads.vehicle(v) ?? null) : null };
    },
  } satisfies Pick<HandlerMap<Contract>, keyof typeof deskChannels>;
};

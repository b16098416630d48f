// Handlers of the desk screens (shared/contract/desk.ts).
import type { Contract } from '../../../shared/contract';
import type { deskChannels } from '../../../shared/contract/desk';
import { isValidVin, normalizeVin } from '../../../shared/rules/vin';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export const deskHandlers = (c: CoreServices) => {
  return {
    'desk.vehicleLookup': async ({ vin }) => {
      const v = normalizeVin(vin);
      const valid = isValidVin(v);
      return { vin: v, valid, vehicle: valid ? ((await c.data.repos.leads.vehicle(v)) ?? null) : null };
    },
  } satisfies Pick<HandlerMap<Contract>, keyof typeof deskChannels>;
};

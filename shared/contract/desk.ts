// Channels of the desk screens beyond the lead actions: the registry lookup of a VIN while typing.
import { z } from 'zod';
import { vehicleSchema } from './models';

export const deskChannels = {
  /** What the local vehicle registry knows about a VIN (read-only; nothing is written). */
  'desk.vehicleLookup': {
    input: z.object({ vin: z.string().trim().max(32) }),
    output: z.object({ vin: z.string(), valid: z.boolean(), vehicle: vehicleSchema.nullable() }),
  },
};

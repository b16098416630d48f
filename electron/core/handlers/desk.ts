// Handlers of the desk screens (shared/contract/desk.ts).
import type { Contract } from '../../../shared/contract';
import type { deskChannels } from '../../../shared/contract/desk';
import type { LeadDetail } from '../../../shared/contract/models';
import { isValidVin, normalizeVin } from '../../../shared/rules/vin';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export const deskHandlers = (c: CoreServices) => {
  const vehicle = c.store.sqlite.prepare(
    `SELECT id, vin, model, warranty_start AS warrantyStart, warranty_end AS warrantyEnd, current_warranty AS currentWarranty,
      current_warranty_start AS currentWarrantyStart, current_warranty_end AS currentWarrantyEnd, average_km AS averageKm,
      mileage, end_of_ownership AS endOfOwnership, owner_customer_id AS ownerCustomerId, owner_name AS ownerName,
      service_contract AS serviceContract, service_contract_expiry AS serviceContractExpiry
     FROM vehicles WHERE vin = ?`,
  );
  return {
    'desk.vehicleLookup': ({ vin }) => {
      const v = normalizeVin(vin);
      const valid = isValidVin(v);
      return { vin: v, valid, vehicle: valid ? ((vehicle.get(v) as LeadDetail['vehicle'] | undefined) ?? null) : null };
    },
  } satisfies Pick<HandlerMap<Contract>, keyof typeof deskChannels>;
};

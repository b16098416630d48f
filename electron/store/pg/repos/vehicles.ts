// The vehicles table on PostgreSQL (electron/store/repos/vehicles.ts): the registry's upsert by VIN, the owner link.
import type { RegistryVehicle } from '../../../../shared/people/registry';
import type { Async } from '../../repos/index';
import type { VehiclesRepo } from '../../repos/vehicles';
import { row, run, type Queryable } from './query';

const COLUMNS = `vin, model, warranty_start, warranty_end, current_warranty, current_warranty_start, current_warranty_end,
  average_km, mileage, owner_name, service_contract, service_contract_expiry, updated_at`;
const values = (v: RegistryVehicle, now: number) => [
  v.vin,
  v.model,
  v.warrantyStart,
  v.warrantyEnd,
  v.currentWarranty,
  v.currentWarrantyStart,
  v.currentWarrantyEnd,
  v.averageKm,
  v.mileage,
  v.ownerName,
  v.serviceContract,
  v.serviceContractExpiry,
  now,
];
const VALUES = '($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)';

export function vehiclesRepoPg(q: Queryable): Async<VehiclesRepo> {
  return {
    exists: async (vin) => (await row(q, 'SELECT 1 FROM vehicles WHERE vin = $1', [vin])) !== undefined,
    upsert: async (v, now) =>
      void (await run(
        q,
        `INSERT INTO vehicles (${COLUMNS}) VALUES ${VALUES}
          ON CONFLICT (vin) DO UPDATE SET model = excluded.model, warranty_start = excluded.warranty_start,
          warranty_end = excluded.warranty_end, current_warranty = excluded.current_warranty,
          current_warranty_start = excluded.current_warranty_start, current_warranty_end = excluded.current_warranty_end,
          average_km = excluded.average_km, mileage = excluded.mileage, owner_name = excluded.owner_name,
          service_contract = excluded.service_contract, service_contract_expiry = excluded.service_contract_expiry,
          updated_at = excluded.updated_at`,
        values(v, now),
      )),
    linkOwnerFromLeads: async (vin) =>
      void (await run(
        q,
        `UPDATE vehicles SET owner_customer_id = (SELECT customer_id FROM leads WHERE vin = $1 AND customer_id IS NOT NULL
          ORDER BY id DESC LIMIT 1) WHERE vin = $1 AND owner_customer_id IS NULL`,
        [vin],
      )),
    setEndOfOwnership: async (vin, date, now) =>
      void (await run(q, 'UPDATE vehicles SET end_of_ownership = $1, updated_at = $2 WHERE vin = $3', [
        date,
        now,
        vin,
      ])),
    insertIfMissing: async (v, now) =>
      void (await run(
        q,
        `INSERT INTO vehicles (${COLUMNS}) VALUES ${VALUES} ON CONFLICT (vin) DO NOTHING`,
        values(v, now),
      )),
  };
}

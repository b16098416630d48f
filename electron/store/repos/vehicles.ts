// The vehicles table: the registry import's upsert by VIN and owner link, the end of ownership a closing writes.
import type { RegistryVehicle } from '../../../shared/people/registry';
import { once, type Sqlite } from './prepared';

export interface VehiclesRepo {
  exists(vin: string): boolean;
  /** Inserts the vehicle or replaces its registry fields. */
  upsert(v: RegistryVehicle, now: number): void;
  /** A vehicle without an owner gets the customer of the latest lead with its VIN. */
  linkOwnerFromLeads(vin: string): void;
  setEndOfOwnership(vin: string, date: number, now: number): void;
  /** Inserts the vehicle unless its VIN is known (demo data). */
  insertIfMissing(v: RegistryVehicle, now: number): void;
}

export function vehiclesRepo(sqlite: Sqlite): VehiclesRepo {
  const exists = once(() => sqlite.prepare<[string]>('SELECT 1 FROM vehicles WHERE vin = ?'));
  const upsert = once(() =>
    sqlite.prepare<
      [RegistryVehicle & { now: number }]
    >(`INSERT INTO vehicles (vin, model, warranty_start, warranty_end, current_warranty, current_warranty_start, current_warranty_end,
      average_km, mileage, owner_name, service_contract, service_contract_expiry, updated_at)
    VALUES (@vin, @model, @warrantyStart, @warrantyEnd, @currentWarranty, @currentWarrantyStart, @currentWarrantyEnd, @averageKm, @mileage, @ownerName,
      @serviceContract, @serviceContractExpiry, @now)
    ON CONFLICT(vin) DO UPDATE SET model = excluded.model, warranty_start = excluded.warranty_start, warranty_end = excluded.warranty_end,
      current_warranty = excluded.current_warranty, current_warranty_start = excluded.current_warranty_start, current_warranty_end = excluded.current_warranty_end,
      average_km = excluded.average_km, mileage = excluded.mileage, owner_name = excluded.owner_name, service_contract = excluded.service_contract,
      service_contract_expiry = excluded.service_contract_expiry, updated_at = excluded.updated_at`),
  );
  const owner = once(() =>
    sqlite.prepare<
      [string, string]
    >(`UPDATE vehicles SET owner_customer_id = (SELECT customer_id FROM leads WHERE vin = ? AND customer_id IS NOT NULL ORDER BY id DESC LIMIT 1)
    WHERE vin = ? AND owner_customer_id IS NULL`),
  );
  const endOfOwnership = once(() =>
    sqlite.prepare<[number, number, string]>('UPDATE vehicles SET end_of_ownership = ?, updated_at = ? WHERE vin = ?'),
  );
  const insertIfMissing = once(() =>
    sqlite.prepare<
      [
        string,
        string | null,
        number | null,
        number | null,
        string | null,
        number | null,
        number | null,
        number | null,
        number | null,
        string | null,
        string | null,
        number | null,
        number,
      ]
    >(`INSERT OR IGNORE INTO vehicles (vin, model, warranty_start, warranty_end, current_warranty,
    current_warranty_start, current_warranty_end, average_km, mileage, owner_name, service_contract, service_contract_expiry, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  );
  return {
    insertIfMissing: (v, now) =>
      void insertIfMissing().run(
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
      ),
    exists: (vin) => exists().get(vin) !== undefined,
    upsert: (v, now) => void upsert().run({ ...v, now }),
    linkOwnerFromLeads: (vin) => void owner().run(vin, vin),
    setEndOfOwnership: (vin, date, now) => void endOfOwnership().run(date, now, vin),
  };
}

// The vehicle registry import (a DMS export, CSV or XLSX, read by the lead import's readTable): rows with
// errors are reported by line and reason; the good rows are written in ONE transaction, upserted by VIN.
import { AppError } from '../../../shared/contract/errors';
import type { VehicleImportReport } from '../../../shared/contract/people';
import { mapRegistryHeaders, parseRegistryRow, type RegistryVehicle } from '../../../shared/people/registry';
import type { AsyncStore } from '../../store/repos/index';
import type { Clock } from '../clock';
import { readImportTable } from '../import/tableReader';
import type { SettingsService } from '../settingsService';

export async function importVehicleRegistry(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  file: { name: string; data: Uint8Array },
): Promise<VehicleImportReport> {
  const table = await readImportTable(file.name, file.data);
  const map = mapRegistryHeaders(table.headers);
  if (map.vin === undefined)
    throw new AppError('REGISTRY_NO_VIN_COLUMN', { params: { headers: table.headers.join(', ').slice(0, 200) } });
  const tz = settings.rules().timeZone;
  const rejected: VehicleImportReport['rejected'] = [];
  const good = new Map<string, { line: number; v: RegistryVehicle }>();
  for (const r of table.rows) {
    const p = parseRegistryRow(r.cells, map, tz);
    if (!p.ok) {
      rejected.push({
        line: r.line,
        code: p.code,
        field: p.field,
        ...(p.value !== undefined ? { value: p.value.slice(0, 60) } : {}),
      });
      continue;
    }
    const first = good.get(p.vehicle.vin);
    if (first) {
      rejected.push({ line: r.line, code: 'DUPLICATE_IN_FILE', field: 'vin', value: String(first.line) });
      continue;
    }
    good.set(p.vehicle.vin, { line: r.line, v: p.vehicle });
  }
  const now = clock.now();
  let inserted = 0;
  let updated = 0;
  await data.tx(async ({ vehicles }) => {
    inserted = 0;
    updated = 0;
    for (const { v } of good.values()) {
      if (await vehicles.exists(v.vin)) updated++;
      else inserted++;
      await vehicles.upsert(v, now);
      // Vehicles of customers the desk already knows (a lead with the same VIN) are linked to them.
      await vehicles.linkOwnerFromLeads(v.vin);
    }
  });
  rejected.sort((a, b) => a.line - b.line);
  return { fileName: file.name, format: table.format, total: table.rows.length, inserted, updated, rejected };
}

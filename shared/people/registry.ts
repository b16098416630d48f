// The vehicle registry import's pure part: header aliases (EN/IT/FR/DE DMS exports) and per-row
// validation. Dates are read like the lead import's (dd/mm/yyyy, ISO…, in the dealer's zone).
import { parseDate } from '../import/mapping';
import { isValidVin, normalizeVin } from '../rules/vin';

export const REGISTRY_FIELDS = [
  'vin',
  'model',
  'warrantyStart',
  'warrantyEnd',
  'currentWarranty',
  'currentWarrantyStart',
  'currentWarrantyEnd',
  'averageKm',
  'mileage',
  'ownerName',
  'serviceContract',
  'serviceContractExpiry',
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];
const DATE_FIELDS = new Set<RegistryField>([
  'warrantyStart',
  'warrantyEnd',
  'currentWarrantyStart',
  'currentWarrantyEnd',
  'serviceContractExpiry',
]);
const NUMBER_FIELDS = new Set<RegistryField>(['averageKm', 'mileage']);

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const ALIASES: Record<RegistryField, string[]> = {
  vin: [
    'vin',
    'telaio',
    'numero telaio',
    'chassis',
    'fahrgestellnummer',
    'fin',
    'niv',
    'vehicle identification number',
  ],
  model: ['model', 'model description', 'modello', 'descrizione modello', 'modele', 'modell', 'modellbezeichnung'],
  warrantyStart: ['warranty start', 'warranty start date', 'inizio garanzia', 'debut garantie', 'garantiebeginn'],
  warrantyEnd: ['warranty end', 'warranty end date', 'fine garanzia', 'fin garantie', 'garantieende'],
  currentWarranty: [
    'current warranty',
    'current warranty description',
    'garanzia attuale',
    'garanzia corrente',
    'garantie actuelle',
    'aktuelle garantie',
  ],
  currentWarrantyStart: [
    'current warranty start',
    'current warranty start date',
    'inizio garanzia attuale',
    'debut garantie actuelle',
    'beginn aktuelle garantie',
  ],
  currentWarrantyEnd: [
    'current warranty end',
    'current warranty end date',
    'fine garanzia attuale',
    'fin garantie actuelle',
    'ende aktuelle garantie',
  ],
  averageKm: [
    'average km',
    'average km per year',
    'km medi',
    'km medi annui',
    'km moyen',
    'km moyens par an',
    'durchschnittliche km',
    'km pro jahr',
  ],
  mileage: ['mileage', 'current mileage', 'km', 'chilometraggio', 'kilometrage', 'kilometerstand'],
  ownerName: ['owner', 'owner name', 'proprietario', 'proprietaire', 'halter', 'eigentumer'],
  serviceContract: [
    'service contract',
    'service contract type',
    'contratto di servizio',
    'tipo contratto',
    'contrat de service',
    'servicevertrag',
  ],
  serviceContractExpiry: [
    'service contract expiry',
    'service contract end',
    'scadenza contratto',
    'fin contrat',
    'ablauf servicevertrag',
    'servicevertrag ende',
  ],
};
const LOOKUP = new Map<string, RegistryField>(
  Object.entries(ALIASES).flatMap(([f, as]) => as.map((a) => [fold(a), f as RegistryField])),
);

/** Column index of each known field (first header that matches wins). */
export function mapRegistryHeaders(headers: readonly string[]): Partial<Record<RegistryField, number>> {
  const out: Partial<Record<RegistryField, number>> = {};
  headers.forEach((h, i) => {
    const f =
      LOOKUP.get(fold(h)) ??
      ((REGISTRY_FIELDS as readonly string[]).find((x) => fold(x) === fold(h)) as RegistryField | undefined);
    if (f && out[f] === undefined) out[f] = i;
  });
  return out;
}

export interface RegistryVehicle {
  vin: string;
  model: string | null;
  warrantyStart: number | null;
  warrantyEnd: number | null;
  currentWarranty: string | null;
  currentWarrantyStart: number | null;
  currentWarrantyEnd: number | null;
  averageKm: number | null;
  mileage: number | null;
  ownerName: string | null;
  serviceContract: string | null;
  serviceContractExpiry: number | null;
}
export type RegistryRowResult =
  | { ok: true; vehicle: RegistryVehicle }
  | {
      ok: false;
      code: 'VIN_REQUIRED' | 'VIN_INVALID' | 'DATE_INVALID' | 'NUMBER_INVALID';
      field: RegistryField;
      value?: string;
    };

/** "12.500", "12,500", "12 500 km" → 12500; NaN when unreadable. */
function parseKm(raw: string): number | null {
  const s = raw
    .trim()
    .replace(/\s*km$/i, '')
    .replace(/[\s.,'\u00a0\u202f]/g, '');
  if (!s) return null;
  return /^\d{1,9}$/.test(s) ? Number(s) : NaN;
}

export function parseRegistryRow(
  cells: readonly string[],
  map: Partial<Record<RegistryField, number>>,
  timeZone: string,
): RegistryRowResult {
  const get = (f: RegistryField) => (map[f] === undefined ? '' : (cells[map[f]!] ?? '').trim());
  const rawVin = get('vin');
  if (!rawVin) return { ok: false, code: 'VIN_REQUIRED', field: 'vin' };
  const vin = normalizeVin(rawVin);
  if (!isValidVin(vin)) return { ok: false, code: 'VIN_INVALID', field: 'vin', value: rawVin };
  const v: Record<string, unknown> = { vin };
  for (const f of REGISTRY_FIELDS) {
    if (f === 'vin') continue;
    const raw = get(f);
    if (DATE_FIELDS.has(f)) {
      const t = parseDate(raw, timeZone);
      if (t !== null && Number.isNaN(t)) return { ok: false, code: 'DATE_INVALID', field: f, value: raw };
      v[f] = t;
    } else if (NUMBER_FIELDS.has(f)) {
      const n = parseKm(raw);
      if (n !== null && Number.isNaN(n)) return { ok: false, code: 'NUMBER_INVALID', field: f, value: raw };
      v[f] = n;
    } else v[f] = raw ? raw.slice(0, 200) : null;
  }
  return { ok: true, vehicle: v as unknown as RegistryVehicle };
}

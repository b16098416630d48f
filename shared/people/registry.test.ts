import { describe, expect, it } from 'vitest';
import { mapRegistryHeaders, parseRegistryRow } from './registry';

const headers = [
  'Telaio',
  'Modello',
  'Inizio garanzia',
  'Fine garanzia',
  'Km medi annui',
  'Chilometraggio',
  'Proprietario',
  'Contratto di servizio',
  'Scadenza contratto',
];
const map = mapRegistryHeaders(headers);

describe('registry rows', () => {
  it('maps Italian headers', () => {
    expect(map).toMatchObject({
      vin: 0,
      model: 1,
      warrantyStart: 2,
      warrantyEnd: 3,
      averageKm: 4,
      mileage: 5,
      ownerName: 6,
      serviceContract: 7,
      serviceContractExpiry: 8,
    });
  });
  it.each([
    [
      [
        'ZAMXXXXXXXX000001',
        'Ghibli',
        '01/02/2023',
        '31/01/2026',
        '12.500',
        '30 000 km',
        'Rossi',
        'Premium',
        '2027-01-31',
      ],
      true,
      undefined,
    ],
    [['', 'Ghibli'], false, 'VIN_REQUIRED'],
    [['ZAMIO', 'Ghibli'], false, 'VIN_INVALID'],
    [['ZAMXXXXXXXX000001', 'Ghibli', '31/02/2023'], false, 'DATE_INVALID'],
    [['ZAMXXXXXXXX000001', 'Ghibli', '', '', 'many'], false, 'NUMBER_INVALID'],
  ] as const)('%j → %s %s', (cells, ok, code) => {
    const r = parseRegistryRow(cells, map, 'Europe/Rome');
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.code).toBe(code);
    else
      expect(r.vehicle).toMatchObject({
        vin: 'ZAMXXXXXXXX000001',
        averageKm: 12500,
        mileage: 30000,
        serviceContract: 'Premium',
      });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseLead, ok, openTestApp, sqlGet, type TestApp } from './helpers';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.close());

describe('desk.vehicleLookup', () => {
  it('returns the registry vehicle for a known VIN, normalized', async () => {
    await ok(app.core, 'demo.load', { leads: 60, seed: 7 });
    const row = (await sqlGet<{ vin: string; model: string | null }>(
      app.core,
      'SELECT vin, model FROM vehicles LIMIT 1',
    ))!;
    const spaced = `${row.vin.slice(0, 8).toLowerCase()} ${row.vin.slice(8)}`;
    const r = await ok(app.core, 'desk.vehicleLookup', { vin: spaced });
    expect(r).toMatchObject({ vin: row.vin, valid: true, vehicle: { vin: row.vin, model: row.model } });
  });

  it('says valid but unknown, or invalid, without writing anything', async () => {
    const vehicles = () => sqlGet<{ n: number }>(app.core, 'SELECT count(*) AS n FROM vehicles');
    const before = await vehicles();
    expect(await ok(app.core, 'desk.vehicleLookup', { vin: 'ZAMXX00A000000099' })).toEqual({
      vin: 'ZAMXX00A000000099',
      valid: true,
      vehicle: null,
    });
    expect(await ok(app.core, 'desk.vehicleLookup', { vin: 'ZAMIO00A00000009' })).toMatchObject({
      valid: false,
      vehicle: null,
    });
    expect(await vehicles()).toEqual(before);
  });

  it('agrees with the lead detail: a known VIN fills the vehicle, an unknown one is flagged', async () => {
    const known = (await sqlGet<{ vin: string }>(app.core, 'SELECT vin FROM vehicles LIMIT 1'))!.vin;
    const a = await ok(app.core, 'leads.create', baseLead({ vin: known }));
    expect(a.vinUnknown).toBe(false);
    expect(a.vehicle.vin).toBe(known);
    const b = await ok(app.core, 'leads.create', baseLead({ vin: 'ZAMXX00A000000099' }));
    expect(b.vinUnknown).toBe(true);
    expect(b.vehicle).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, DAY } from '../../shared/rules';
import { baseLead, err, ok, openTestApp, sqlAll, sqlGet, sqlRun, type TestApp, versionOf } from './helpers';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());

const snapshot = async (a: TestApp, id: number) => ({
  lead: await sqlGet(a.core, 'SELECT * FROM leads WHERE id = ?', id),
  history: await sqlAll(a.core, 'SELECT * FROM history WHERE lead_id = ? ORDER BY id', id),
  contacts: await sqlAll(a.core, 'SELECT * FROM contacts WHERE lead_id = ? ORDER BY id', id),
});

describe('lead service on a real database (SQLite file or PostgreSQL)', () => {
  it('creates a lead in Assigned to Dealer with its creation history', async () => {
    const d = await ok(app.core, 'leads.create', baseLead());
    expect(d.lead.status).toBe('assigned');
    expect(d.lead.number).toBe('ASL-2026-000001');
    expect(d.lead.assignedAt).toBe(app.clock.now());
    expect(d.history.map((h: { field: string }) => h.field).sort()).toEqual(['assignedAt', 'created', 'status']);
  });

  it('view counts follow every write', async () => {
    const before = (await ok(app.core, 'leads.counts', {})).counts;
    const d = await ok(app.core, 'leads.create', baseLead());
    const mid = (await ok(app.core, 'leads.counts', {})).counts;
    expect(mid.assigned).toBe(before.assigned + 1);
    expect(mid.not_managed).toBe(before.not_managed + 1);
    expect((await ok(app.core, 'leads.list', { view: 'not_managed' })).total).toBe(mid.not_managed);
    await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'busy' },
    });
    const after = (await ok(app.core, 'leads.counts', {})).counts;
    expect(after.not_managed).toBe(mid.not_managed - 1);
    expect(after.in_progress).toBe(mid.in_progress + 1);
    expect((await ok(app.core, 'leads.list', { view: 'not_managed' })).total).toBe(after.not_managed);
  });

  it('a refused action leaves lead, contacts and history untouched', async () => {
    const d = await ok(app.core, 'leads.create', baseLead());
    const before = await snapshot(app, d.lead.id);
    const e = await err(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: app.clock.now() + DAY, sendEmail: true },
    });
    expect(e.code).toBe('CONTACT_ATTEMPT_REQUIRED');
    await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    });
    const mid = await snapshot(app, d.lead.id);
    const e2 = await err(app.core, 'leads.closedInSale', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { vin: 'ZAM12345678901234' },
    });
    expect(e2).toMatchObject({ code: 'NOTES_REQUIRED', field: 'notes' });
    expect(await snapshot(app, d.lead.id)).toEqual(mid);
    expect(mid.history.length).toBeGreaterThan(before.history.length);
  });

  it('history rows cannot be updated or deleted', async () => {
    const d = await ok(app.core, 'leads.create', baseLead());
    await expect(
      sqlRun(app.core, 'UPDATE history SET new_value = ? WHERE lead_id = ?', 'x', d.lead.id),
    ).rejects.toThrow(/HISTORY_APPEND_ONLY/);
    await expect(sqlRun(app.core, 'DELETE FROM history WHERE lead_id = ?', d.lead.id)).rejects.toThrow(
      /HISTORY_APPEND_ONLY/,
    );
    expect(await sqlGet(app.core, 'SELECT count(*) AS n FROM history WHERE lead_id = ?', d.lead.id)).toEqual({ n: 3 });
  });

  it('a stale version is refused and never overwrites', async () => {
    const d = await ok(app.core, 'leads.create', baseLead());
    const v1 = d.lead.version;
    await ok(app.core, 'leads.edit', { id: d.lead.id, version: v1, input: { requestDetails: 'first edit' } });
    const e = await err(app.core, 'leads.edit', {
      id: d.lead.id,
      version: v1,
      input: { requestDetails: 'stale edit' },
    });
    expect(e.code).toBe('VERSION_CONFLICT');
    const now = await ok(app.core, 'leads.get', { id: d.lead.id });
    expect(now.lead.requestDetails).toBe('first edit');
    expect(now.lead.version).toBe(v1 + 1);
  });

  it('records contacts with the save time, first contact and SLA 1', async () => {
    const d = await ok(app.core, 'leads.create', baseLead());
    app.clock.advance(24 * HOUR);
    const r = await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'no_answer', verbatim: '<b>hi</b>' },
    });
    expect(r.lead.firstContactAt).toBe(app.clock.now());
    expect(r.lead.sla1Met).toBe(true);
    expect(r.contacts).toHaveLength(1);
    expect(r.contacts[0].verbatim).toBe('<b>hi</b>');
    expect(r.sla.sla1).toBe('met');
  });

  it('Not current owner writes the end of ownership to the vehicle', async () => {
    const vin = 'ZAMXX1234567890AB';
    await sqlRun(
      app.core,
      'INSERT INTO vehicles (vin, model, updated_at) VALUES (?, ?, ?)',
      vin,
      'Ghibli',
      app.clock.now(),
    );
    const d = await ok(app.core, 'leads.create', baseLead({ vin }));
    expect(d.vehicle.model).toBe('Ghibli');
    expect(d.vinUnknown).toBe(false);
    await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    });
    const eoo = Date.parse('2026-01-15T00:00:00Z');
    await ok(app.core, 'leads.closedNoSale', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { reason: 'not_current_owner', endOfOwnership: eoo },
    });
    expect(await sqlGet(app.core, 'SELECT end_of_ownership AS e FROM vehicles WHERE vin = ?', vin)).toEqual({ e: eoo });
  });

  it('an unknown but valid VIN is accepted with a warning', async () => {
    const d = await ok(app.core, 'leads.create', baseLead({ vin: 'zam12345678901234' }));
    expect(d.lead.vin).toBe('ZAM12345678901234');
    expect(d.vinUnknown).toBe(true);
    expect((await err(app.core, 'leads.create', baseLead({ vin: 'ZAM1234567890123O' }))).code).toBe('VIN_INVALID');
  });

  it('changing the SLA settings re-evaluates the stored deadlines and flags', async () => {
    const d = await ok(app.core, 'leads.create', baseLead());
    app.clock.advance(2 * HOUR);
    await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    });
    expect((await ok(app.core, 'kpi.sla', {})).sla1).toMatchObject({ met: 1, missed: 0 });
    const settings = await ok(app.core, 'settings.get', {});
    await ok(app.core, 'settings.setRules', { ...settings.rules, sla1Hours: 1 });
    expect((await ok(app.core, 'kpi.sla', {})).sla1).toMatchObject({ met: 0, missed: 1 });
    expect((await ok(app.core, 'leads.get', { id: d.lead.id })).lead.sla1Met).toBe(false);
    expect((await err(app.core, 'settings.setRules', { ...settings.rules, timeZone: 'Mars/Olympus' })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

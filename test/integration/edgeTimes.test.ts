import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseLead, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp;
beforeAll(() => { app = openTestApp(); });
afterAll(() => app.close());

describe('probe', () => {
  it('probe', async () => {
    const lead = await ok(app.core, 'leads.create', baseLead());
    const d = (c: string, i: unknown) => app.core.dispatch(c, i, { transport: 'test' });
    console.log(JSON.stringify(await d('leads.makeAppointment', { id: lead.id, version: lead.version, input: { appointmentAt: 8.64e15 } })));
    for (const v of [8.64e15, 1e308, -1e308]) for (const k of ['at', 'from', 'to']) console.log(k, v, JSON.stringify(await d('kpi.sla', { [k]: v })).slice(0, 200));
    for (const p of ['9999-W52', '0099-W01', '0050-05', '2026-02-31..2026-03-02'])  for (const c of ['kpi.report', 'kpi.dashboard', 'kpi.trend']) console.log(c, p, JSON.stringify(await d(c, { period: p })).slice(0, 200));
    console.log(JSON.stringify(await d('kpi.leads', { filter: { metric: 'assigned', from: 8.64e15, to: 8.64e15, at: 8.64e15 } })).slice(0, 200));
  });
});

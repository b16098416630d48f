import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../shared/rules';
import { startBackground } from '../../electron/core/background';
import { baseLead, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp;
afterEach(() => app.close());

describe('background jobs', () => {
  it('catch up on start-up after the PC was off for 10 days: each change once, by System', async () => {
    app = openTestApp(Date.parse('2026-01-05T09:00:00Z'));
    const d = await ok(app.core, 'leads.create', baseLead());
    app.clock.advance(70 * DAY); // switched off
    const stop = startBackground(app.core);
    stop();
    await stop.caughtUp;
    const again = startBackground(app.core); // a second start changes nothing more
    again();
    await again.caughtUp;
    const got = await ok(app.core, 'leads.get', { id: d.lead.id });
    expect(got.lead.status).toBe('lost');
    const rows = got.history.filter(
      (h: { field: string; newValue: string | null }) => h.field === 'status' && h.newValue === 'lost',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: null, userName: 'System' });
  });
});

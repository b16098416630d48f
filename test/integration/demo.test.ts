// The demo data is dated relative to the clock's now: a desk that works, with the leads still waiting for a
// first contact mostly from the last days — not a list of leads all weeks overdue.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, ok, type TestApp, sqlAll } from './helpers';

const DAY = 86_400_000;
let app: TestApp;
afterEach(() => app?.close());

describe('demo data at now', () => {
  it.each([Date.parse('2026-12-04T09:00:00Z'), Date.parse('2027-05-18T15:30:00Z')])(
    'at %s: the open leads are mostly recent',
    async (now) => {
      app = openTestApp(now);
      await ok(app.core, 'demo.load', { leads: 600, seed: 7 });
      const rows = await sqlAll<{ status: string; assignedAt: number; firstContactAt: number | null }>(
        app.core,
        `SELECT status, assigned_at AS "assignedAt", first_contact_at AS "firstContactAt" FROM leads`,
      );
      expect(rows.every((r) => r.assignedAt <= now && r.assignedAt > now - 91 * DAY)).toBe(true);
      const waiting = rows.filter((r) => r.status === 'assigned' && r.firstContactAt === null);
      const recent = waiting.filter((r) => r.assignedAt > now - 3 * DAY);
      expect(waiting.length).toBeGreaterThan(5);
      expect(recent.length / waiting.length).toBeGreaterThanOrEqual(0.5);
      const weeksOverdue = waiting.filter((r) => r.assignedAt < now - 30 * DAY);
      expect(weeksOverdue.length / waiting.length).toBeLessThanOrEqual(0.2);
      // some leads arrived in the last days, and the day's work is there: assigned today or yesterday
      expect(rows.filter((r) => r.assignedAt > now - 2 * DAY).length).toBeGreaterThan(5);
    },
  );
});

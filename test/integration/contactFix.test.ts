// A contact recorded by mistake (issue 16, item 6): the desk undoes its one-click outcome within a short time
// while nothing else happened; the manager corrects any contact later. History is append-only: both write rows.
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadDetail } from '../../shared/contract/models';
import { baseLead, err, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp;
afterEach(() => app?.close());
const MIN = 60_000;
const call = { direction: 'outbound', channel: 'phone', outcome: 'no_answer', verbatim: null, answer: null } as const;
const record = (d: LeadDetail, input: object = call) =>
  ok<LeadDetail>(app.core, 'leads.recordContact', { id: d.lead.id, version: d.lead.version, input });

describe('undo of a just-recorded contact', () => {
  it('removes the contact, restores attempts / first contact / SLA 1, and writes a history row (nothing deleted)', async () => {
    app = openTestApp();
    const created = await ok<LeadDetail>(app.core, 'leads.create', baseLead());
    app.clock.advance(5 * MIN);
    const d = await record(created);
    expect(d.lead).toMatchObject({ contactAttempts: 1, lastOutcome: 'no_answer', sla1Met: true });
    const historyBefore = d.history.length;
    app.clock.advance(5_000);
    const u = await ok<LeadDetail>(app.core, 'leads.undoContact', {
      id: d.lead.id,
      version: d.lead.version,
      contactId: d.contacts[0]!.id,
    });
    expect(u.contacts).toEqual([]);
    expect(u.lead).toMatchObject({
      contactAttempts: 0,
      firstContactAt: null,
      lastContactAt: null,
      lastOutcome: null,
      sla1Met: null,
    });
    expect(u.history.length).toBeGreaterThan(historyBefore);
    expect(u.history.find((h) => h.field === 'contactUndone')).toMatchObject({
      oldValue: '#1 outbound/phone/no_answer',
      newValue: null,
    });
    expect(u.history.some((h) => h.field === 'contact')).toBe(true);
  });

  it('is refused once something happened since (stale version), too late, or for an earlier contact', async () => {
    app = openTestApp();
    let d = await ok<LeadDetail>(app.core, 'leads.create', baseLead());
    d = await record(d);
    const first = d;
    d = await record(d, { ...call, outcome: 'voicemail' });
    expect(
      (
        await err(app.core, 'leads.undoContact', {
          id: d.lead.id,
          version: first.lead.version,
          contactId: first.contacts[0]!.id,
        })
      ).code,
    ).toBe('VERSION_CONFLICT');
    expect(
      (
        await err(app.core, 'leads.undoContact', {
          id: d.lead.id,
          version: d.lead.version,
          contactId: first.contacts[0]!.id,
        })
      ).code,
    ).toBe('UNDO_EXPIRED');
    app.clock.advance(2 * MIN);
    const last = d.contacts.at(-1)!;
    expect(
      (await err(app.core, 'leads.undoContact', { id: d.lead.id, version: d.lead.version, contactId: last.id })).code,
    ).toBe('UNDO_EXPIRED');
    expect((await err(app.core, 'leads.undoContact', { id: d.lead.id, contactId: last.id })).code).toBe(
      'INVALID_INPUT',
    );
    expect((await ok<LeadDetail>(app.core, 'leads.get', { id: d.lead.id })).contacts).toHaveLength(2);
  });
});

describe('the manager corrects a contact', () => {
  it('changes outcome/channel/direction/notes with old → new in the history and recomputes the bookkeeping', async () => {
    app = openTestApp();
    let d = await ok<LeadDetail>(app.core, 'leads.create', baseLead());
    d = await record(d);
    app.clock.advance(3 * 60 * MIN);
    d = await record(d, { ...call, outcome: 'busy' });
    app.clock.advance(60 * MIN);
    const c = await ok<LeadDetail>(app.core, 'leads.correctContact', {
      id: d.lead.id,
      version: d.lead.version,
      contactId: d.contacts.at(-1)!.id,
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: 'Wants a quote', answer: null },
    });
    expect(c.lead).toMatchObject({ contactAttempts: 2, lastOutcome: 'reached', firstContactAt: d.lead.firstContactAt });
    expect(c.contacts.at(-1)).toMatchObject({
      outcome: 'reached',
      verbatim: 'Wants a quote',
      at: d.contacts.at(-1)!.at,
    });
    expect(c.history.find((h) => h.field === 'contactCorrected')).toMatchObject({
      oldValue: '#2 outbound/phone/busy',
      newValue: '#2 outbound/phone/reached',
    });
    expect(c.history.find((h) => h.field === 'contactVerbatim')).toMatchObject({
      oldValue: null,
      newValue: 'Wants a quote',
    });
    // A stale version is refused; nothing half-written.
    expect(
      (
        await err(app.core, 'leads.correctContact', {
          id: d.lead.id,
          version: d.lead.version,
          contactId: d.contacts[0]!.id,
          input: call,
        })
      ).code,
    ).toBe('VERSION_CONFLICT');
  });

  it("is the manager's: the desk is refused", async () => {
    app = openTestApp();
    let d = await ok<LeadDetail>(app.core, 'leads.create', baseLead());
    d = await record(d);
    const desk = await ok<{ id: number }>(app.core, 'people.save', { name: 'Dora', roles: ['service_advisor'] });
    await ok(app.core, 'leads.reassign', { id: d.lead.id, version: d.lead.version, assigneeId: desk.id }).catch(
      () => undefined,
    );
    await ok(app.core, 'people.switch', { userId: desk.id });
    const fresh = await ok<LeadDetail>(app.core, 'leads.get', { id: d.lead.id });
    const e = await err(app.core, 'leads.correctContact', {
      id: d.lead.id,
      version: fresh.lead.version,
      contactId: d.contacts[0]!.id,
      input: { ...call, outcome: 'reached' },
    });
    expect(e.code).toBe('FORBIDDEN');
  });
});

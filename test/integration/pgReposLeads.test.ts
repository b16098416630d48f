// PostgreSQL repositories (electron/store/pg/repos) against SQLite's, same calls, same results (issue 15): leads
// (insert, versioned update, counters, consents, sweeps), contacts, history, vehicles, and the lead-dependent calls
// of assignment and notifications. The import's block, the playbook and imports: pgReposImport.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '../../shared/domain/lead';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { openParity, type Parity, steps, T0, THREE_PEOPLE } from '../support/pgRepoParity';
import { leadColumns, newLeadRow } from '../support/pgRepoLeads';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACTOR = { id: 1, name: 'Front desk' };

const VEHICLE = {
  vin: 'WVWZZZ1KZAW000123',
  model: 'Golf',
  warrantyStart: T0 - 400 * DAY,
  warrantyEnd: T0 + 300 * DAY,
  currentWarranty: 'extended',
  currentWarrantyStart: null,
  currentWarrantyEnd: null,
  averageKm: 12000,
  mileage: 34567,
  ownerName: 'Mario Rossi',
  serviceContract: null,
  serviceContractExpiry: null,
};

describe.skipIf(SKIP_PG)('PostgreSQL repositories: leads as SQLite', () => {
  let p: Parity;
  beforeAll(async () => {
    p = await openParity('repos_leads');
    await steps(p, THREE_PEOPLE);
  });
  afterAll(async () => {
    await p?.close();
  });

  it('leads: insert with the counter, get (booleans, consents), versioned update and its conflict', async () => {
    const rows = [
      newLeadRow({ assigneeId: 2, consents: { email: true, sms: true } }, T0),
      newLeadRow(
        { firstName: 'Anna', lastName: 'Weiß', leadType: 'hq_driven', assigneeId: 3, vin: VEHICLE.vin },
        T0 + HOUR,
      ),
      newLeadRow(
        { firstName: 'Luca', lastName: 'Neri', campaign: 'winter', assigneeId: null },
        T0 + 2 * HOUR,
        T0 - 40 * DAY,
      ),
    ];
    for (const [i, row] of rows.entries()) {
      const seq = await p.same(`nextSeq ${i}`, (r) => r.leads.nextSeq('lead:2026'));
      await p.same(`insert ${i}`, (r) => r.leads.insert(leadColumns(row, seq, i === 0 ? 'ext-1' : null)));
    }
    const lead = (await p.same('get', (r) => r.leads.get(1))) as Lead;
    expect(lead.consents.email).toBe(true);
    expect(lead.consents.phone).toBe(false);
    expect(lead.frozen).toBe(false);
    await steps(p, [
      ['get missing', (r) => r.leads.get(99)],
      ['nextSeq other', (r) => r.leads.nextSeq('recontact')],
      [
        'update',
        (r) =>
          r.leads.update(
            1,
            {
              status: 'appointment',
              appointment_at: T0 + 2 * DAY,
              frozen: 1,
              contact_attempts: 1,
              first_contact_at: T0 + 60_000,
            },
            1,
          ),
      ],
      ['update stale version', (r) => r.leads.update(1, { status: 'lost' }, 1)],
      ['update unfreeze', (r) => r.leads.update(1, { frozen: 0, sla1_met: 1, appointment_kept: 0 }, 2)],
      [
        'update other',
        (r) =>
          r.leads.update(
            2,
            { status: 'closed_sale', appointment_at: T0 + 3 * DAY, close_reason: 'sold', closed_at: T0 + 4 * DAY },
            1,
          ),
      ],
      [
        'update recontact',
        (r) =>
          r.leads.update(3, { status: 'closed_no_sale', close_reason: 'contact_again', recontact_at: T0 + DAY }, 1),
      ],
      ['get after', (r) => r.leads.get(1)],
      ['get closed', (r) => r.leads.get(2)],
      ['number', (r) => r.leads.number(2)],
      ['number missing', (r) => r.leads.number(20)],
      ['count', (r) => r.leads.count()],
      ['hasAny', (r) => r.leads.hasAny()],
      // unordered on SQLite (its covering index's order): compared by id
      ['assignedAts', async (r) => [...(await r.leads.assignedAts())].sort((a, b) => a.id - b.id)],
      [
        'appointmentsBetween',
        async (r) => [...(await r.leads.appointmentsBetween(T0, T0 + 10 * DAY))].sort((a, b) => a.a - b.a),
      ],
      ['setSlaDue', (r) => r.leads.setSlaDue({ d1: T0 + 30_000, d2: T0 + DAY, id: 1 })],
      ['get sla', (r) => r.leads.get(1)],
      ['assignee', (r) => r.leads.assignee(1)],
      ['assignee none', (r) => r.leads.assignee(3)],
      ['assignee missing', (r) => r.leads.assignee(33)],
      ['assigneesBetween', (r) => r.leads.assigneesBetween(1, 3)],
      ['sweep lost', (r) => r.leads.sweepCandidates('lost', T0)],
      ['sweep expiry', (r) => r.leads.sweepCandidates('expiry', T0 + 5 * DAY)],
      ['sweep recontact', (r) => r.leads.sweepCandidates('recontact', T0 + 2 * DAY)],
      ['userName', (r) => r.leads.userName(2)],
      ['userName missing', (r) => r.leads.userName(22)],
      ['vehicle missing', (r) => r.leads.vehicle(VEHICLE.vin)],
    ]);
    await p.sameRows({ leads: 'id', counters: 'name', lead_day_counts: 'day, status', lead_view_counts: 'view' });
  });

  it('vehicles: upsert, insert if missing, owner from leads, end of ownership', async () => {
    await steps(p, [
      ['exists not', (r) => r.vehicles.exists(VEHICLE.vin)],
      ['upsert', (r) => r.vehicles.upsert(VEHICLE, T0)],
      ['upsert again', (r) => r.vehicles.upsert({ ...VEHICLE, mileage: 40000, model: 'Golf 8' }, T0 + 1)],
      ['insertIfMissing known', (r) => r.vehicles.insertIfMissing({ ...VEHICLE, model: 'ignored' }, T0 + 2)],
      ['insertIfMissing new', (r) => r.vehicles.insertIfMissing({ ...VEHICLE, vin: 'VF1RFB00X12345678' }, T0 + 2)],
      ['exists', (r) => r.vehicles.exists(VEHICLE.vin)],
      ['linkOwnerFromLeads no customer', (r) => r.vehicles.linkOwnerFromLeads(VEHICLE.vin)],
      ['setEndOfOwnership', (r) => r.vehicles.setEndOfOwnership(VEHICLE.vin, T0 + 7 * DAY, T0 + 3)],
      ['leads.vehicle', (r) => r.leads.vehicle(VEHICLE.vin)],
      ['playbook.vehicleModel', (r) => r.playbook.vehicleModel(VEHICLE.vin)],
      ['playbook.vehicleModel missing', (r) => r.playbook.vehicleModel('nope')],
    ]);
    await p.sameRows({ vehicles: 'id' });
  });

  it('contacts and history: insert, list, update, delete', async () => {
    await steps(p, [
      [
        'contact',
        (r) =>
          r.contacts.insert(1, {
            at: T0 + 60_000,
            userId: 2,
            direction: 'outbound',
            channel: 'phone',
            outcome: 'no_answer',
            verbatim: null,
            answer: null,
          }),
      ],
      [
        'contact 2',
        (r) =>
          r.contacts.insert(1, {
            at: T0 + 30_000,
            userId: null,
            direction: 'inbound',
            channel: 'email',
            outcome: 'reached',
            verbatim: 'ciao',
            answer: 'yes',
          }),
      ],
      [
        'contact 3',
        (r) =>
          r.contacts.insert(2, {
            at: T0,
            userId: 3,
            direction: 'outbound',
            channel: 'phone',
            outcome: 'reached',
            verbatim: null,
            answer: null,
          }),
      ],
      ['ofLead', (r) => r.contacts.ofLead(1)],
      [
        'update',
        (r) =>
          r.contacts.update(1, 1, {
            direction: 'outbound',
            channel: 'sms',
            outcome: 'reached',
            verbatim: 'ok',
            answer: null,
          }),
      ],
      [
        'update wrong lead',
        (r) => r.contacts.update(2, 2, { direction: 'x', channel: 'x', outcome: 'x', verbatim: null, answer: null }),
      ],
      ['delete wrong lead', (r) => r.contacts.delete(2, 1)],
      ['delete', (r) => r.contacts.delete(1, 2)],
      ['ofLead after', (r) => r.contacts.ofLead(1)],
      ['history none', (r) => r.history.insert(1, null, ACTOR, [])],
      [
        'history',
        (r) =>
          r.history.insert(1, null, ACTOR, [
            { at: T0, field: 'status', oldValue: 'assigned', newValue: 'appointment' },
            { at: T0, field: 'appointmentAt', oldValue: null, newValue: '2026-03-04T09:00:00.000Z' },
          ]),
      ],
      [
        'history customer',
        (r) =>
          r.history.insert(null, 7, { id: null, name: 'System' }, [
            { at: T0 + 1, field: 'consent.email', oldValue: 'false', newValue: 'true' },
          ]),
      ],
      ['ofLead history', (r) => r.history.ofLead(1)],
    ]);
    await p.sameRows({ contacts: 'id', history: 'id' });
  });

  it('assignment and notifications on leads: routing row, assignee (versioned), history, candidates, lines', async () => {
    await steps(p, [
      ['lead', (r) => r.assignment.lead(1)],
      ['setAssignee', (r) => r.assignment.setAssignee(3, 2, T0 + 5)],
      ['setAssigneeAt', (r) => r.assignment.setAssigneeAt(1, 3, 3, T0 + 6)],
      ['setAssigneeAt stale', (r) => r.assignment.setAssigneeAt(1, 3, 2, T0 + 7)],
      ['setAssignee none', (r) => r.assignment.setAssignee(2, null, T0 + 8)],
      ['history', (r) => r.assignment.history(1, T0 + 6, ACTOR, 'Sara Bianchi', 'Marco Verdi')],
      ['openLeadIds', (r) => r.assignment.openLeadIds(3)],
      ['leads.assignee', (r) => r.leads.assignee(1)],
      ['users.leadAssignee', (r) => r.users.leadAssignee(1)],
      ['users.leadCustomer', (r) => r.users.leadCustomer(1)],
      ['notification', (r) => r.notifications.insert('n1', 2, 3, 'assigned', '{"x":1}', T0)],
      ['notification gone lead', (r) => r.notifications.insert('n2', 2, null, 'digest', '{}', T0 + 1)],
      ['list joined', (r) => r.notifications.list(2, false, 5)],
      ['unshown joined', (r) => r.notifications.unshown(2, 5)],
      ['leadForMail', (r) => r.notifications.leadForMail(2)],
      ['leadLine', (r) => r.notifications.leadLine(3)],
      [
        'dueCandidates',
        (r) =>
          r.notifications.dueCandidates({
            since: T0 - DAY,
            a45lo: T0 - 41 * DAY,
            a45hi: T0 - 39 * DAY,
            a55lo: 0,
            a55hi: 1,
            dayStart: T0,
            dayEnd: T0 + 10 * DAY,
          }),
      ],
    ]);
    await p.sameRows({ leads: 'id', history: 'id', notifications: 'id' });
  });
});

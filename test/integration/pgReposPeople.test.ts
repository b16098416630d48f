// PostgreSQL repositories (electron/store/pg/repos) against SQLite's, same calls, same results (issue 15): settings,
// users, sign-in, desks, assignment rules, notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { openParity, type Call, type Parity, steps, T0 } from '../support/pgRepoParity';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

describe.skipIf(SKIP_PG)('PostgreSQL repositories: people and configuration as SQLite', () => {
  let p: Parity;
  beforeAll(async () => {
    p = await openParity('repos_people');
  });
  afterAll(async () => {
    await p?.close();
  });

  it('settings: values, upsert, fingerprint, campaign uses', async () => {
    await steps(p, [
      ['value unset', (r) => r.settings.value('mail')],
      ['allText empty', (r) => r.settings.allText()],
      ['hasLeads empty', (r) => r.settings.hasLeads()],
      ['upsert', (r) => r.settings.upsert('mail', { host: 'smtp.example.com', port: 587 }, T0)],
      ['upsert 2', (r) => r.settings.upsert('campaigns', ['service_reminder', 'winter'], T0)],
      ['replace', (r) => r.settings.upsert('mail', { host: 'smtp2.example.com', port: 465 }, T0 + 1)],
      ['value', (r) => r.settings.value('mail')],
      ['campaignUses none', (r) => r.settings.campaignUses('winter')],
    ]);
    // The fingerprint: the same lines (PostgreSQL orders them by key, SQLite by insertion).
    const { s, p: pg } = await p.both((r) => r.settings.allText());
    expect(pg!.split('\n').sort()).toEqual(s!.split('\n').sort());
    expect(pg).toBe('campaigns=["service_reminder","winter"]\nmail={"host":"smtp2.example.com","port":465}');
    // Every key with its text (the settings service's cache): the same rows, in no particular order.
    const rows = await p.both((r) => r.settings.rows());
    const byKey = (x: { key: string; value: string }[]) => [...x].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(rows.p)).toEqual(byKey(rows.s));
    expect(byKey(rows.p)).toEqual([
      { key: 'campaigns', value: '["service_reminder","winter"]' },
      { key: 'mail', value: '{"host":"smtp2.example.com","port":465}' },
    ]);
    await p.sameRows({ settings: 'key' });
  });

  it('settings: one entry of a per-person key (created, added, replaced; a value not an object replaced)', async () => {
    // The stored texts differ in spacing (PostgreSQL writes jsonb's text): compared parsed.
    const parsed = async (call: Call<string>) => {
      const { s, p: pg } = await p.both(call);
      expect(JSON.parse(pg)).toEqual(JSON.parse(s));
      return JSON.parse(s) as unknown;
    };
    expect(await parsed((r) => r.settings.setEntry('desk.listPrefs', '3', { pageSize: 25 }, T0))).toEqual({
      3: { pageSize: 25 },
    });
    expect(await parsed((r) => r.settings.setEntry('desk.listPrefs', 'desk', { hidden: ['vin'] }, T0 + 1))).toEqual({
      3: { pageSize: 25 },
      desk: { hidden: ['vin'] },
    });
    expect(await parsed((r) => r.settings.setEntry('desk.listPrefs', '3', { pageSize: 100 }, T0 + 2))).toEqual({
      3: { pageSize: 100 },
      desk: { hidden: ['vin'] },
    });
    await p.same('upsert a list', (r) => r.settings.upsert('sites.choice', [1, 2], T0));
    expect(await parsed((r) => r.settings.setEntry('sites.choice', '12', null, T0 + 3))).toEqual({ 12: null });
    expect(JSON.parse((await p.both((r) => r.settings.value('sites.choice'))).p!)).toEqual({ 12: null });
  });

  it('users: insert, update, roles, absences, pins, actors, default manager', async () => {
    await steps(p, [
      ['firstId none', (r) => r.users.firstId()],
      ['defaultManager none', (r) => r.users.defaultManager()],
      ['createDefaultManager', (r) => r.users.createDefaultManager(T0)],
      [
        'insert',
        (r) => r.users.insert({ name: 'sara Bianchi', email: 'sara@example.it', language: 'it', active: true }, T0),
      ],
      ['insert inactive', (r) => r.users.insert({ name: 'Álvaro', email: null, language: 'en', active: false }, T0)],
      ['insertActive', (r) => r.users.insertActive('Marco Verdi', 'marco@example.it', 'it', T0 + 5)],
      ['insertActive 2', (r) => r.users.insertActive('anna', null, 'de', T0 + 6)],
      ['update', (r) => r.users.update(2, { name: 'Sara Bianchi', email: null, language: 'fr', active: true })],
      ['update missing', (r) => r.users.update(99, { name: 'x', email: null, language: 'en', active: true })],
      ['deactivate', (r) => r.users.update(5, { name: 'Anna', email: null, language: 'de', active: false })],
      ['setRoles', (r) => r.users.setRoles(2, ['manager', 'booking_operator'])],
      ['setRoles replace', (r) => r.users.setRoles(2, ['booking_operator'])],
      ['setRoles none', (r) => r.users.setRoles(3, [])],
      ['addRole', (r) => r.users.addRole(4, 'manager')],
      ['addRole again', (r) => r.users.addRole(4, 'manager')],
      ['addRole inactive', (r) => r.users.addRole(5, 'manager')],
      [
        'setAbsences',
        (r) =>
          r.users.setAbsences(2, [
            { fromAt: T0 + 86_400_000, toAt: T0 + 2 * 86_400_000 },
            { fromAt: T0, toAt: T0 + 1000 },
          ]),
      ],
      ['setAbsences 2', (r) => r.users.setAbsences(4, [{ fromAt: T0 + 500, toAt: T0 + 900 }])],
      ['setAbsences clear', (r) => r.users.setAbsences(4, [])],
      ['setPin', (r) => r.users.setPin(2, 'pin-hash')],
      ['setLanguage', (r) => r.users.setLanguage(3, 'it')],
      ['rename', (r) => r.users.rename(1, 'Reception')],
      ['all', (r) => r.users.all()],
      ['roles', async (r) => sortBy(await r.users.roles(), (x) => `${x.userId}:${x.role}`)],
      ['absences', (r) => r.users.absences()],
      ['activeManagerCount', (r) => r.users.activeManagerCount()],
      ['pin', (r) => r.users.pin(2)],
      ['pin inactive', (r) => r.users.pin(3)],
      ['pin missing', (r) => r.users.pin(42)],
      ['language', (r) => r.users.language(3)],
      ['language missing', (r) => r.users.language(42)],
      ['activeActor', (r) => r.users.activeActor(2)],
      ['activeActor inactive', (r) => r.users.activeActor(3)],
      ['actor inactive', (r) => r.users.actor(3)],
      ['firstId', (r) => r.users.firstId()],
      ['first', (r) => r.users.first()],
      ['activeActors', (r) => r.users.activeActors()],
      ['defaultManager', (r) => r.users.defaultManager()],
      ['leadAssignee missing', (r) => r.users.leadAssignee(1)],
      ['leadCustomer missing', (r) => r.users.leadCustomer(1)],
    ]);
    await p.sameRows({ users: 'id', absences: 'id' });
  });

  it('auth: hashes, lock, sessions', async () => {
    await steps(p, [
      ['users', (r) => r.auth.users()],
      ['user', (r) => r.auth.user(2)],
      ['user missing', (r) => r.auth.user(42)],
      ['roles', async (r) => [...(await r.auth.roles(2))].sort()],
      ['managersWithoutPassword', (r) => r.auth.managersWithoutPassword()],
      ['setPassword', (r) => r.auth.setPassword(1, 'hash-1', true)],
      ['setFailed', (r) => r.auth.setFailed(4, 3, T0 + 60_000)],
      ['user locked', (r) => r.auth.user(4)],
      ['setPassword clears the lock', (r) => r.auth.setPassword(4, 'hash-4', false)],
      ['user after', (r) => r.auth.user(4)],
      ['user must change', (r) => r.auth.user(1)],
      ['managersWithPasswordCount', (r) => r.auth.managersWithPasswordCount()],
      ['managersWithoutPassword after', (r) => r.auth.managersWithoutPassword()],
      ['insertSession', (r) => r.auth.insertSession('tok-a', 1, T0, T0 + 3_600_000, null)],
      ['insertSession 2', (r) => r.auth.insertSession('tok-b', 1, T0 + 1, T0 + 3_600_000, null)],
      ['insertSession 3', (r) => r.auth.insertSession('tok-c', 1, T0 + 2, T0 + 3_600_000, null)],
      ['insertSession other', (r) => r.auth.insertSession('tok-d', 4, T0 + 3, T0 + 3_600_000, null)],
      ['session', (r) => r.auth.session('tok-a')],
      ['session missing', (r) => r.auth.session('nope')],
      ['touchSession', (r) => r.auth.touchSession(1, T0 + 10)],
      ['endSession', (r) => r.auth.endSession(1, T0 + 20)],
      ['endSession again', (r) => r.auth.endSession(1, T0 + 30)],
      ['session ended', (r) => r.auth.session('tok-a')],
      ['endOtherSessionsOf', (r) => r.auth.endOtherSessionsOf(1, T0 + 40, 'tok-c')],
      ['endSessionsOf', (r) => r.auth.endSessionsOf(4, T0 + 50)],
    ]);
    await p.sameRows({ sessions: 'id', users: 'id' });
  });

  it('desks: pairing, seen, order, revoke', async () => {
    await steps(p, [
      ['insert', (r) => r.desks.insert('reception', 'h1', T0)],
      ['insert 2', (r) => r.desks.insert('Atelier', 'h2', T0 + 1)],
      ['insert 3', (r) => r.desks.insert('back office', 'h3', T0 + 2)],
      ['byTokenHash', (r) => r.desks.byTokenHash('h2')],
      ['setSeen', (r) => r.desks.setSeen(2, T0 + 100)],
      ['byTokenHash seen', (r) => r.desks.byTokenHash('h2')],
      ['revoke', (r) => r.desks.revoke(1, T0 + 200)],
      ['revoke again', (r) => r.desks.revoke(1, T0 + 300)],
      ['byTokenHash revoked', (r) => r.desks.byTokenHash('h1')],
      ['all', (r) => r.desks.all()],
      ['exists', (r) => r.desks.exists(3)],
      ['exists missing', (r) => r.desks.exists(9)],
    ]);
    await p.sameRows({ desks: 'id' });
  });

  it('assignment: rules, cursors, assignee (versioned), history, open leads', async () => {
    await steps(p, [
      ['rules none', (r) => r.assignment.rules()],
      [
        'replaceRules',
        (r) =>
          r.assignment.replaceRules([
            {
              campaign: 'winter',
              source: null,
              leadType: null,
              requestFor: 'tyres',
              targetUserId: 2,
              targetRole: null,
              rrCursor: 0,
              active: true,
            },
            {
              campaign: null,
              source: 'web',
              leadType: 'customer_driven',
              requestFor: null,
              targetUserId: null,
              targetRole: 'booking_operator',
              rrCursor: 4,
              active: false,
            },
          ]),
      ],
      ['rules', (r) => r.assignment.rules()],
      ['setCursor', (r) => r.assignment.setCursor(2, 5)],
      ['rules after cursor', (r) => r.assignment.rules()],
      ['campaignUses', (r) => r.settings.campaignUses('winter')],
      ['user', (r) => r.assignment.user(3)],
      ['user missing', (r) => r.assignment.user(30)],
      ['lead missing', (r) => r.assignment.lead(1)],
      ['openLeadIds none', (r) => r.assignment.openLeadIds(2)],
    ]);
    // Replacing the rules again: positions from 1, new ids.
    await p.same('replaceRules again', (r) =>
      r.assignment.replaceRules([
        {
          campaign: null,
          source: null,
          leadType: null,
          requestFor: null,
          targetUserId: 4,
          targetRole: null,
          rrCursor: 0,
          active: true,
        },
      ]),
    );
    await p.same('rules replaced', (r) => r.assignment.rules());
    await p.sameRows({ assignment_rules: 'id' });
  });

  it('notifications: dedupe, unread, shown, read, role lookups', async () => {
    await steps(p, [
      ['insert', (r) => r.notifications.insert('k1', 2, null, 'sla_warning', '{"n":1}', T0)],
      ['insert dup', (r) => r.notifications.insert('k1', 2, null, 'sla_warning', '{"n":2}', T0 + 1)],
      ['insert 2', (r) => r.notifications.insert('k2', 2, null, 'assigned', '{}', T0 + 2)],
      ['insert 3', (r) => r.notifications.insert('k3', 2, null, 'assigned', '{}', T0 + 2)],
      ['insert other', (r) => r.notifications.insert('k4', 4, null, 'assigned', '{}', T0 + 3)],
      ['activeUserIdsWithRole', (r) => r.notifications.activeUserIdsWithRole('manager')],
      ['activeUserIdsWithRole operator', (r) => r.notifications.activeUserIdsWithRole('booking_operator')],
      ['user', (r) => r.notifications.user(3)],
      ['user missing', (r) => r.notifications.user(33)],
      ['leadForMail missing', (r) => r.notifications.leadForMail(1)],
      ['unreadCount', (r) => r.notifications.unreadCount(2)],
      ['list', (r) => r.notifications.list(2, false, 10)],
      ['list limited', (r) => r.notifications.list(2, false, 2)],
      ['unshown', (r) => r.notifications.unshown(2, 2)],
      ['unshownCount', (r) => r.notifications.unshownCount(2)],
      ['markRead', (r) => r.notifications.markRead(2, 2, T0 + 10)],
      ['markRead not theirs', (r) => r.notifications.markRead(4, 3, T0 + 10)],
      ['list unread', (r) => r.notifications.list(2, true, 10)],
      ['unshown after read', (r) => r.notifications.unshown(2, 10)],
      ['markAllShown', (r) => r.notifications.markAllShown(2, T0 + 20)],
      ['unshownCount after', (r) => r.notifications.unshownCount(2)],
      ['markAllRead', (r) => r.notifications.markAllRead(2, T0 + 30)],
      ['unreadCount after', (r) => r.notifications.unreadCount(2)],
      [
        'dueCandidates none',
        (r) =>
          r.notifications.dueCandidates({
            since: T0,
            a45lo: T0,
            a45hi: T0,
            a55lo: T0,
            a55hi: T0,
            dayStart: T0,
            dayEnd: T0,
          }),
      ],
    ]);
    await p.sameRows({ notifications: 'id' });
  });
});

function sortBy<T>(xs: T[], key: (x: T) => string): T[] {
  return [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

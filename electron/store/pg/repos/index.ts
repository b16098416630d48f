// The PostgreSQL repositories of the write side (issue 15): the same interfaces as the SQLite ones
// (electron/store/repos), answering promises, on a Queryable — the pool (each call its own statement) or the client
// of a transaction (electron/store/pg/tx.ts), so that a service's transaction runs every call on one connection.
// The read side (leadList, kpi, kpiReport) is merged beside these.
import type { AsyncRepos } from '../../repos/index';
import { assignmentRepoPg } from './assignment';
import { authRepoPg } from './auth';
import { contactsRepoPg } from './contacts';
import { customersRepoPg } from './customers';
import { desksRepoPg } from './desks';
import { historyRepoPg } from './history';
import { importsRepoPg } from './imports';
import { leadBlockRepoPg } from './leadBlock';
import { leadsRepoPg } from './leads';
import { notificationsRepoPg } from './notifications';
import { outboxRepoPg } from './outbox';
import { playbookRepoPg } from './playbook';
import { privacyRepoPg } from './privacy';
import type { Queryable } from './query';
import { settingsRepoPg } from './settings';
import { sitesRepoPg } from './sites';
import { usersRepoPg } from './users';
import { vehiclesRepoPg } from './vehicles';

export type PgWriteRepos = Omit<AsyncRepos, 'leadList' | 'kpi' | 'kpiReport'>;

export function pgWriteRepos(q: Queryable): PgWriteRepos {
  return {
    settings: settingsRepoPg(q),
    sites: sitesRepoPg(q),
    users: usersRepoPg(q),
    auth: authRepoPg(q),
    customers: customersRepoPg(q),
    privacy: privacyRepoPg(q),
    vehicles: vehiclesRepoPg(q),
    leads: leadsRepoPg(q),
    leadBlock: leadBlockRepoPg(q),
    contacts: contactsRepoPg(q),
    history: historyRepoPg(q),
    assignment: assignmentRepoPg(q),
    playbook: playbookRepoPg(q),
    imports: importsRepoPg(q),
    notifications: notificationsRepoPg(q),
    outbox: outboxRepoPg(q),
    desks: desksRepoPg(q),
  };
}

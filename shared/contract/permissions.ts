// THE permission table: each channel that needs more than "someone is at the desk", checked centrally
// by the core's dispatcher for every transport (IPC, HTTP, CLI, tests) — not only hidden in the UI.
//  - `manage`: the manager, or the alternate while the manager is absent (shared/people/access.ts):
//    assignment, reassignment, assignment rules, users, every setting, registry import, demo data, erasure.
//  - `group`: `manage` for the whole dealer group (docs/rules.md §11.8): with several sites, a group-wide manager
//    (no site of their own) — a site's manager is refused with GROUP_MANAGER_ONLY; with one site, exactly `manage`.
//    The group's settings, templates, presets, campaigns, the playbook's figures, mail, notifications, the digest,
//    sites, backups, host and desks, demo data, the vehicle registry, the watched folder, the group's capacity.
//  - `lead`: acting on a lead (input `id`): own leads and the unassigned queue; someone else's lead only
//    with `manage` (else NOT_YOUR_LEAD).
// Everything else (reading lists and leads, creating a lead, importing leads, the personal language and list layout,
// switching who is at the desk, exporting a customer's data for a request) is open to everyone at the desk.
import type { ChannelName } from './index';

export type Permission = 'manage' | 'group' | 'lead';

export const CHANNEL_PERMISSIONS = {
  'settings.setRules': 'group',
  'settings.setDealer': 'group',
  'settings.setSetupDone': 'group',
  'settings.setCampaigns': 'group',
  'demo.load': 'group',
  'kpi.setDigestSettings': 'group',
  'playbook.settings.set': 'group',
  'templates.save': 'group',
  'templates.reset': 'group',
  'import.presets.save': 'group',
  'import.presets.delete': 'group',
  'import.watchFolder.set': 'group',
  'people.save': 'manage',
  'people.resetPassword': 'manage',
  'assignment.rules.set': 'manage',
  'leads.reassign': 'manage',
  'leads.bulkReassign': 'manage',
  'leads.correctContact': 'manage',
  'customers.erase': 'manage',
  'vehicles.import': 'group',
  'workshop.setCapacity': 'group',
  'mail.settings.set': 'group',
  'mail.test': 'group',
  'mail.outbox.retry': 'group',
  'notifications.settings.set': 'group',
  // The whole database: restoring replaces everyone's data, exporting copies every customer's.
  'backup.restore': 'group',
  'backup.export': 'group',
  'backup.create': 'group',
  // Host mode: who may join the dealership's data, and who is removed from it.
  'host.pairingCode': 'group',
  'host.revokeDesk': 'group',
  'desk.connectToHost': 'group',
  'desk.leaveHost': 'group',
  // Sites (docs/rules.md §11.8): added and renamed by a group manager; a site's own settings by a group manager or
  // that site's manager (another site's: GROUP_MANAGER_ONLY, people/siteLimits.ts).
  'sites.save': 'group',
  'sites.settings.save': 'manage',
  'leads.edit': 'lead',
  'leads.recordContact': 'lead',
  'leads.makeAppointment': 'lead',
  'leads.closedInSale': 'lead',
  'leads.closedNoSale': 'lead',
  'leads.contactAgain': 'lead',
  'leads.recordAppointmentKept': 'lead',
  'leads.undoContact': 'lead',
  'playbook.sendEmail': 'lead',
} as const satisfies Partial<Record<ChannelName, Permission>>;

export const permissionOf = (channel: string): Permission | null =>
  Object.hasOwn(CHANNEL_PERMISSIONS, channel) ? CHANNEL_PERMISSIONS[channel as keyof typeof CHANNEL_PERMISSIONS] : null;

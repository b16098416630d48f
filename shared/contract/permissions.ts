// THE permission table: each channel that needs more than "someone is at the desk", checked centrally
// by the core's dispatcher for every transport (IPC, HTTP, CLI, tests) — not only hidden in the UI.
//  - `manage`: the manager, or the alternate while the manager is absent (shared/people/access.ts):
//    assignment, reassignment, assignment rules, users, every setting, registry import, demo data, erasure.
//  - `lead`: acting on a lead (input `id`): own leads and the unassigned queue; someone else's lead only
//    with `manage` (else NOT_YOUR_LEAD).
// Everything else (reading lists and leads, creating a lead, importing leads, the personal language and list layout,
// switching who is at the desk, exporting a customer's data for a request) is open to everyone at the desk.
import type { ChannelName } from './index';

export type Permission = 'manage' | 'lead';

export const CHANNEL_PERMISSIONS = {
  'settings.setRules': 'manage',
  'settings.setDealer': 'manage',
  'settings.setSetupDone': 'manage',
  'settings.setCampaigns': 'manage',
  'demo.load': 'manage',
  'kpi.setDigestSettings': 'manage',
  'playbook.settings.set': 'manage',
  'templates.save': 'manage',
  'templates.reset': 'manage',
  'import.presets.save': 'manage',
  'import.presets.delete': 'manage',
  'import.watchFolder.set': 'manage',
  'people.save': 'manage',
  'people.resetPassword': 'manage',
  'assignment.rules.set': 'manage',
  'leads.reassign': 'manage',
  'leads.bulkReassign': 'manage',
  'leads.correctContact': 'manage',
  'customers.erase': 'manage',
  'vehicles.import': 'manage',
  'workshop.setCapacity': 'manage',
  'mail.settings.set': 'manage',
  'mail.test': 'manage',
  'mail.outbox.retry': 'manage',
  'notifications.settings.set': 'manage',
  // The whole database: restoring replaces everyone's data, exporting copies every customer's.
  'backup.restore': 'manage',
  'backup.export': 'manage',
  'backup.create': 'manage',
  // Host mode: who may join the dealership's data, and who is removed from it.
  'host.pairingCode': 'manage',
  'host.revokeDesk': 'manage',
  'desk.connectToHost': 'manage',
  'desk.leaveHost': 'manage',
  // Sites (docs/rules.md §11): added, renamed and given their own settings by the manager.
  'sites.save': 'manage',
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

// THE renderer's answer to "may the person at the desk use this channel?", from the one permission table the core
// enforces (shared/contract/permissions.ts): `manage` = the person may manage (people.current's canManage: the manager,
// or the alternate while the manager is away); `group` = with several sites, only someone who works for every site
// (a site's manager is refused GROUP_MANAGER_ONLY, docs/rules.md §11.8). Screens use it to show controls read-only
// with the reason (components/ReadOnlyNote) instead of a refusal on save; the core still checks every call.
import type { ChannelName } from '../../../shared/contract';
import { permissionOf } from '../../../shared/contract/permissions';
import type { ReadOnlyReason } from '../../components/ReadOnlyNote';
import { useSites, type SitesInfo } from '../sites/useSites';
import { useCurrentUser, type Current } from './usePeople';

export interface Can {
  /** The person may use the channel (false until who acts, and for `group` the sites, are known). */
  can: boolean;
  /** Why not, once known: only the manager, or only a group manager. */
  why: ReadOnlyReason | null;
}

/** Pure: `current` and `sites` null while they load. `lead` channels are decided per lead by the core (open here). */
export function canUse(channel: ChannelName, current: Current | null, sites: SitesInfo | null): Can {
  const perm = permissionOf(channel);
  if (perm === null || perm === 'lead') return { can: true, why: null };
  if (current === null) return { can: false, why: null };
  const manage: Can = current.canManage ? { can: true, why: null } : { can: false, why: 'manage' };
  if (perm === 'manage') return manage;
  if (sites === null) return { can: false, why: null };
  // Several sites: a group-wide manager's (a site's manager, or anyone of a site, is told a group manager can).
  if (!sites.multi) return manage;
  return current.canManage && !sites.scope.fixed ? { can: true, why: null } : { can: false, why: 'group' };
}

export function useCan(channel: ChannelName): Can {
  return canUse(channel, useCurrentUser(), useSites().info);
}

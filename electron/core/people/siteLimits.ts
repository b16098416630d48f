// What a person of one site may not do with several sites (docs/rules.md §11.8), beside the permission table: the
// group's things (`group` channels) are a group-wide manager's; a site's own settings, its people and their passwords
// are that site's — another site's, or a group-wide person, answer GROUP_MANAGER_ONLY. Pure: the caller passes
// the acting person (their `siteId` null = group-wide) and the people (to find the site of the person named).
import { AppError } from '../../../shared/contract/errors';
import type { Permission } from '../../../shared/contract/permissions';
import type { Person } from '../../../shared/people/access';

/** An active manager without a site of their own (with several sites: who changes the group's things). */
export const hasGroupManager = (people: readonly Person[]): boolean =>
  people.some((p) => p.active && p.siteId === null && p.roles.includes('manager'));

type Input = { id?: number | null; siteId?: number | null; userId?: number };

/** Throws GROUP_MANAGER_ONLY when `me` works at one site and the call reaches beyond it (several sites only). */
export function checkSiteLimits(
  channel: string,
  perm: Permission | null,
  input: unknown,
  me: Person | undefined,
  people: readonly Person[],
): void {
  const own = me?.siteId ?? null;
  if (own === null) return;
  const inp = (input ?? {}) as Input;
  const refuse = (field?: string) => {
    throw new AppError('GROUP_MANAGER_ONLY', { ...(field ? { field } : {}), params: { channel } });
  };
  if (perm === 'group') refuse();
  const siteOf = (id: number | null | undefined) =>
    id == null ? undefined : (people.find((p) => p.id === id)?.siteId ?? undefined);
  switch (channel) {
    case 'sites.settings.get':
    case 'sites.settings.save':
      if (inp.siteId !== own) refuse('siteId');
      return;
    case 'people.save':
      // Their site's people only, kept at their site (never group-wide, never another site's).
      if (inp.id != null && siteOf(inp.id) !== own) refuse('id');
      if (inp.siteId !== undefined && inp.siteId !== own) refuse('siteId');
      return;
    case 'people.resetPassword':
      if (siteOf(inp.userId) !== own) refuse('userId');
      return;
  }
}

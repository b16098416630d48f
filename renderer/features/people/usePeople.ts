// The person at the desk (and whether they may manage) and the list of people, loaded from the core.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { peekBoot } from '../../app/boot';
import { invoke } from '../../platform';

export type Current = Output<'people.current'>;
export type UserRow = Output<'people.list'>['users'][number];

export function useCurrentUser(): Current | null {
  const [booted] = useState(() => peekBoot('people.current', {}));
  const [cur, setCur] = useState<Current | null>(booted ?? null);
  useEffect(() => {
    if (booted) return;
    void invoke('people.current', {}).then((r) => {
      if (r.ok) setCur(r.value);
    });
  }, [booted]);
  return cur;
}

/** `forSwitch`: everyone one may switch to at the desk (without sign-in), not only one's site's (docs/rules.md §11.8). */
export function usePeople(forSwitch = false): { users: UserRow[]; reload(): Promise<void> } {
  const [booted] = useState(() => peekBoot('people.list', {}));
  const [users, setUsers] = useState<UserRow[]>(booted?.users ?? []);
  const reload = useCallback(async () => {
    const r = await invoke('people.list', forSwitch ? { forSwitch } : {});
    if (r.ok) setUsers(r.value.users);
  }, [forSwitch]);
  useEffect(() => {
    if (!booted) void reload();
  }, [reload, booted]);
  return { users, reload };
}

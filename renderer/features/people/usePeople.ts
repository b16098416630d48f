// The person at the desk (and whether they may manage) and the list of people, loaded from the core.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { invoke } from '../../platform';

export type Current = Output<'people.current'>;
export type UserRow = Output<'people.list'>['users'][number];

export function useCurrentUser(): Current | null {
  const [cur, setCur] = useState<Current | null>(null);
  useEffect(() => {
    void invoke('people.current', {}).then((r) => {
      if (r.ok) setCur(r.value);
    });
  }, []);
  return cur;
}

export function usePeople(): { users: UserRow[]; reload(): Promise<void> } {
  const [users, setUsers] = useState<UserRow[]>([]);
  const reload = useCallback(async () => {
    const r = await invoke('people.list', {});
    if (r.ok) setUsers(r.value.users);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { users, reload };
}

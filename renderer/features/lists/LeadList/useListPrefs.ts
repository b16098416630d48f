// The person's list layout (columns shown, their order and widths, page size), read from and saved to the core
// (desk.listPrefs.*, one per person; switching who is at the desk reloads the page): another layout for a colleague.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_LIST_PREFS, normalizeListPrefs, type ListPrefs } from '../../../../shared/domain/listLayout';
import { peekBoot } from '../../../app/boot';
import { invoke } from '../../../platform';

export function useListPrefs(): { prefs: ListPrefs; ready: boolean; save(next: ListPrefs): void } {
  // Read at start-up (app/boot.ts): ready at once.
  const [booted] = useState(() => peekBoot('desk.listPrefs.get', {}));
  const [prefs, setPrefs] = useState<ListPrefs>(booted ?? DEFAULT_LIST_PREFS);
  const [ready, setReady] = useState(booted !== undefined);
  const seq = useRef(0);
  useEffect(() => {
    if (booted) return;
    const mine = ++seq.current;
    void invoke('desk.listPrefs.get', {}).then((r) => {
      if (mine !== seq.current) return;
      if (r.ok) setPrefs(r.value);
      setReady(true);
    });
  }, [booted]);
  const save = useCallback((next: ListPrefs) => {
    const value = normalizeListPrefs(next);
    ++seq.current; // a late answer of an earlier read must not undo this change
    setPrefs(value);
    void invoke('desk.listPrefs.set', value);
  }, []);
  return { prefs, ready, save };
}

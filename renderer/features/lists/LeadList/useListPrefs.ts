// The person's list layout (columns shown, their order and widths, page size), read from and saved to the core
// (desk.listPrefs.*, one per person; switching who is at the desk reloads the page): another layout for a colleague.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_LIST_PREFS, normalizeListPrefs, type ListPrefs } from '../../../../shared/domain/listLayout';
import { invoke } from '../../../platform';

export function useListPrefs(): { prefs: ListPrefs; ready: boolean; save(next: ListPrefs): void } {
  const [prefs, setPrefs] = useState<ListPrefs>(DEFAULT_LIST_PREFS);
  const [ready, setReady] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    void invoke('desk.listPrefs.get', {}).then((r) => {
      if (mine !== seq.current) return;
      if (r.ok) setPrefs(r.value);
      setReady(true);
    });
  }, []);
  const save = useCallback((next: ListPrefs) => {
    const value = normalizeListPrefs(next);
    ++seq.current; // a late answer of an earlier read must not undo this change
    setPrefs(value);
    void invoke('desk.listPrefs.set', value);
  }, []);
  return { prefs, ready, save };
}

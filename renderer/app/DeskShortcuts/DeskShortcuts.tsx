// The desk's shortcuts (Help → Keyboard shortcuts): N new lead; on a lead page C record contact, J / K the next /
// previous lead of the list it was opened from (the list's address — view, search, sort, page — is remembered
// when the list is shown; without one, the Assigned to Dealer list). `/` and Ctrl+K belong to GlobalSearch.
import { useEffect } from 'react';
import { LIST_VIEWS, type ListView } from '../../../shared/domain/vocabulary';
import type { ListQuery } from '../../../shared/contract/leads';
import { invoke } from '../../platform';
import { navigate, useRoute } from '../router';
import { useShortcuts } from '../shortcuts';

const LAST_LIST = 'aslm.lastList';

/** The list query of a `#/list/<view>?…` address (the lists' URL state: search/q, sort, dir, page, assignee). */
export function listQueryOf(hash: string): ListQuery {
  const [path, qs] = hash.replace(/^#\/?/, '').split('?') as [string, string | undefined];
  const view = path.split('/')[1];
  const p = new URLSearchParams(qs ?? '');
  const q: ListQuery = {
    view: (LIST_VIEWS as readonly string[]).includes(view ?? '') ? (view as ListView) : 'assigned',
  };
  const search = p.get('search') ?? p.get('q');
  if (search) q.search = search;
  const sort = p.get('sort');
  if (sort) q.sort = sort as ListQuery['sort'];
  if (p.get('dir') === 'desc') q.dir = 'desc';
  const page = Number(p.get('page'));
  if (Number.isInteger(page) && page > 0) q.page = page;
  const assignee = Number(p.get('assignee') ?? p.get('assigneeId'));
  if (Number.isInteger(assignee) && assignee > 0) q.assigneeId = assignee;
  if (p.get('unassigned') === '1' || p.get('unassigned') === 'true') q.unassigned = true;
  return q;
}

/** The lead `step` places after `id` in the remembered list (across page ends), or null. */
export async function neighbour(id: number, step: 1 | -1): Promise<number | null> {
  const base = listQueryOf(sessionStorage.getItem(LAST_LIST) ?? '#/list/assigned');
  const pageSize = 50;
  for (let page = base.page ?? 0, tries = 0; page >= 0 && tries < 3; tries++) {
    const r = await invoke('leads.list', { ...base, page, pageSize });
    if (!r.ok) return null;
    const ids = r.value.rows.map((x) => x.id);
    const i = ids.indexOf(id);
    if (i >= 0) {
      if (ids[i + step] !== undefined) return ids[i + step]!;
      if (step === -1 && page === 0) return null;
      const other = await invoke('leads.list', { ...base, page: page + step, pageSize });
      if (!other.ok || other.value.rows.length === 0) return null;
      return step === 1 ? other.value.rows[0]!.id : other.value.rows.at(-1)!.id;
    }
    if (tries === 0 && page !== 0) {
      page = 0;
      continue;
    } // the lead moved: look on the first page
    return null;
  }
  return null;
}

const clickAction = (action: string) => {
  const b = document.querySelector<HTMLButtonElement>(`[data-testid="action-${action}"]`);
  if (b && !b.disabled && b.getAttribute('aria-disabled') !== 'true') b.click();
};

export function DeskShortcuts() {
  const { path } = useRoute();
  const leadId = path[0] === 'lead' ? Number(path[1]) : null;
  useEffect(() => {
    if (path[0] === 'list' || path.length === 0)
      sessionStorage.setItem(LAST_LIST, window.location.hash || '#/list/assigned');
  }, [path]);
  // The lead is read from the address when the key is pressed, not from this render: a key pressed right after
  // the previous J (address already changed, this component not yet re-rendered) moves on from the new lead.
  const go = (step: 1 | -1) => {
    const m = /^#\/lead\/(\d+)/.exec(window.location.hash);
    const current = m ? Number(m[1]) : leadId;
    if (!current) return;
    void neighbour(current, step).then((next) => {
      if (next !== null) navigate(`/lead/${next}`);
    });
  };
  useShortcuts([
    { keys: ['n'], run: () => navigate('/new') },
    { keys: ['c'], run: () => clickAction('recordContact'), disabled: !leadId },
    { keys: ['j'], run: () => go(1), disabled: !leadId },
    { keys: ['k'], run: () => go(-1), disabled: !leadId },
  ]);
  return null;
}

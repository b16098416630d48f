// A list's query as the address states it (#/list/<view>?q=…&sort=…&dir=…&page=…&who=…) and the leads.list input it
// makes: one function for the list screen and for the start-up reads (shell.boot, answered by the core), so that the
// first page read at start-up is exactly the one the list asks for.
import type { SortKey } from '../domain/listLayout';
import type { ListView } from '../domain/vocabulary';
import type { Input } from './index';

export interface ListUrlState {
  q: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  page: number;
  /** The assignee filter: 'all', 'mine', 'queue' or 'u:<id>'. */
  who: string;
}
export const DEFAULT_URL_STATE: ListUrlState = { q: '', sort: 'default', dir: 'asc', page: 0, who: 'all' };

export interface AssigneeChoice {
  assigneeId?: number;
  unassigned?: boolean;
}

/** The list query of a filter value ('all', 'mine', 'queue', 'u:<id>'); 'mine' needs the person at the desk. */
export const assigneeQuery = (v: string, me: number | undefined): AssigneeChoice =>
  v === 'mine' && me
    ? { assigneeId: me, unassigned: true }
    : v === 'queue'
      ? { unassigned: true }
      : v.startsWith('u:')
        ? { assigneeId: Number(v.slice(2)) }
        : {};

/** What a list asks the core for: the address's state, the person's page size, the assignee filter's query. */
export interface ListState {
  search: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
  assigneeId?: number;
  unassigned?: boolean;
}

export function listInput(view: ListView, state: ListState): Input<'leads.list'> {
  return {
    view,
    search: state.search || undefined,
    sort: state.sort,
    dir: state.dir,
    page: state.page,
    pageSize: state.pageSize,
    assigneeId: state.assigneeId,
    unassigned: state.unassigned,
  };
}

/** The first page a list address shows for this person (page size from their layout, 'mine' needs who they are). */
export function firstPageInput(
  view: ListView,
  url: ListUrlState,
  pageSize: number,
  me: number | undefined,
): Input<'leads.list'> {
  return listInput(view, {
    search: url.q,
    sort: url.sort,
    dir: url.dir,
    page: url.page,
    pageSize,
    ...assigneeQuery(url.who, me),
  });
}

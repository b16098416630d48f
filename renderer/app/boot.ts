// Cold start (issue 16, item 10): the reads the first screen needs are fired at once, as the bundle starts — the
// shell's state, the settings, the app info and view counts, the person at the desk and the people, the person's
// list layout — then, for a list route, its first page and that page's next steps. ShellGate waits for them and
// renders the app once, with its data: the providers and the list take their first state from here (peekBoot)
// instead of each asking the core after a first empty render (a waterfall of round trips and re-renders).
// Only the app's first render may use these answers: ShellGate closes the boot after it (closeBoot), so that a
// screen mounted later, or a refresh after a change, always asks the core.
import type { ChannelName, Input, Output, Reply } from '../../shared/contract';
import { LIST_VIEWS, type ListView } from '../../shared/domain/vocabulary';
import { assigneeQuery } from '../features/people/assigneeQuery';
import { listInput, parseListQuery } from '../features/lists/LeadList/listQuery';
import { invoke } from '../platform';
import { currentPath, currentQuery } from './router';

/** Screens that are not a list (routes.tsx: every other address shows a list, `assigned` by default). */
const NOT_LISTS = new Set(['lead', 'new', 'kpi', 'help', 'my-day', 'import', 'settings', 'setup']);

/** The list view an address shows, or null for another screen (the same choice as routes.tsx). */
export function listViewOf(path: string[]): ListView | null {
  const [head, arg] = path;
  if (head !== undefined && NOT_LISTS.has(head)) return null;
  return head === 'list' && (LIST_VIEWS as readonly string[]).includes(arg ?? '') ? (arg as ListView) : 'assigned';
}

/** A call's identity: channel and input, keys sorted, undefined fields left out (as JSON sends them). */
export function callKey(channel: string, input: unknown): string {
  const norm = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(norm)
        : v;
  return `${channel} ${JSON.stringify(norm(input ?? {}))}`;
}

const answers = new Map<string, Reply<unknown>>();
let open = true;
let started: Promise<Reply<Output<'shell.status'>>> | null = null;

function read<C extends ChannelName>(channel: C, input: Input<C>): Promise<Reply<Output<C>>> {
  return invoke(channel, input).then((r) => {
    if (open) answers.set(callKey(channel, input), r);
    return r;
  });
}

/** Fires the start-up reads (once); resolves with the shell's status when all of them are answered. */
export function startBoot(): Promise<Reply<Output<'shell.status'>>> {
  if (started) return started;
  // What the list's first page waits for leaves first (a browser opens 6 connections to a host at a time).
  const status = read('shell.status', {});
  const prefs = read('desk.listPrefs.get', {});
  const me = read('people.current', {});
  const settings = read('settings.get', {});
  const reads: Promise<unknown>[] = [
    settings,
    // The header bell's first list, in the user's language.
    settings.then((s) =>
      s.ok ? read('notifications.list', { unreadOnly: false, limit: 30, language: s.value.language }) : undefined,
    ),
    read('auth.status', {}),
    read('app.info', {}),
    read('leads.counts', {}),
    read('people.list', {}),
  ];
  const view = listViewOf(currentPath());
  if (view) {
    reads.push(
      Promise.all([prefs, me]).then(async ([p, m]) => {
        const url = parseListQuery(currentQuery());
        const myId = m.ok ? m.value.user?.id : undefined;
        if (!p.ok || (url.who === 'mine' && myId === undefined)) return; // the list waits for these itself
        const page = await read(
          'leads.list',
          listInput(view, {
            search: url.q,
            sort: url.sort,
            dir: url.dir,
            page: url.page,
            pageSize: p.value.pageSize,
            ...assigneeQuery(url.who, myId),
          }),
        );
        if (page.ok && page.value.rows.length > 0)
          await read('playbook.steps', { ids: page.value.rows.map((r) => r.id) });
      }),
    );
  } else reads.push(prefs, me);
  // A read that fails is left to its screen, which asks again.
  started = Promise.allSettled(reads).then(() => status);
  return started;
}

/** The start-up answer to this exact call, while the app's first render may still use it; else undefined. */
export function peekBoot<C extends ChannelName>(channel: C, input: Input<C>): Output<C> | undefined {
  if (!open) return undefined;
  const r = answers.get(callKey(channel, input)) as Reply<Output<C>> | undefined;
  return r?.ok ? r.value : undefined;
}

/** After the app's first render: from now on every read asks the core. */
export function closeBoot(): void {
  open = false;
  answers.clear();
}

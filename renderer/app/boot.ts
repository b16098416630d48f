// Cold start (issue 16, item 10): the reads the first screen needs leave at once, from the start-up chunk (main.tsx),
// while the app's code loads — in one call, shell.boot, which the core answers as the calls one by one: the shell's
// state, the settings, the app info and view counts, the person at the desk and the people, the person's list
// layout, then for a list address its first page and that page's next steps. ShellGate waits for them and
// renders the app once, with its data: the providers and the list take their first state from here (peekBoot)
// instead of each asking the core after a first empty render (a waterfall of round trips and re-renders).
// Only the app's first render may use these answers: ShellGate closes the boot after it (closeBoot), so that a
// screen mounted later, or a refresh after a change, always asks the core.
import type { ChannelName, Input, Output, Reply } from '../../shared/contract';
import { LIST_VIEWS, type ListView } from '../../shared/domain/vocabulary';
import { parseListQuery } from '../features/lists/LeadList/listQuery';
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

/** Fires the start-up reads (once): one call, shell.boot; resolves with the shell's status once answered. */
export function startBoot(): Promise<Reply<Output<'shell.status'>>> {
  if (started) return started;
  const view = listViewOf(currentPath());
  const list = view ? { view, ...parseListQuery(currentQuery()) } : null;
  started = invoke('shell.boot', { list }).then((r) => {
    // Refused as a whole (a desk the host does not know, the host in recovery mode, unreachable): the shell's own
    // status says what to show.
    if (!r.ok) return invoke('shell.status', {});
    let status: Reply<Output<'shell.status'>> | undefined;
    for (const c of r.value.calls) {
      if (open) answers.set(callKey(c.channel, c.input), c.reply as Reply<unknown>);
      if (c.channel === 'shell.status') status = c.reply as Reply<Output<'shell.status'>>;
    }
    return status ?? invoke('shell.status', {});
  });
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

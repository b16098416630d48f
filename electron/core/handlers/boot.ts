// shell.boot (shared/contract/boot.ts): the first screen's reads answered in one call, each dispatched as if it had
// come alone — same sign-in check with the caller's session, same permissions, same schemas. A page that starts cold
// sends one request instead of a dozen in two or three waves (a browser opens six connections to a host at a time,
// and each wave waits for the page's main thread, busy loading the app's code).
import type { ChannelName, Contract, Input, Output, ParsedInput, Reply } from '../../../shared/contract';
import { firstPageInput } from '../../../shared/contract/listQuery';
import type { CallContext, Dispatch, HandlerMap } from '../dispatch';

type BootCall = { channel: string; input: unknown; reply: unknown };

/** `dispatch`: the core's (or the core host's) own, asked when the call comes (it is made after the handlers). */
export const bootHandlers = (dispatch: () => Dispatch) =>
  ({
    'shell.boot': (input, ctx) => bootReads(dispatch, input, ctx),
  }) satisfies Pick<HandlerMap<Contract>, 'shell.boot'>;

export async function bootReads(
  dispatch: () => Dispatch,
  { list }: ParsedInput<'shell.boot'>,
  ctx: CallContext,
): Promise<{ calls: BootCall[] }> {
  const calls: BootCall[] = [];
  const call = async <C extends ChannelName>(channel: C, input: Input<C>): Promise<Reply<Output<C>>> => {
    const reply = (await dispatch()(channel, input, ctx)) as Reply<Output<C>>;
    calls.push({ channel, input, reply });
    return reply;
  };
  const status = await call('shell.status', {});
  if (!status.ok || status.value.mode !== 'normal') return { calls };
  const prefs = await call('desk.listPrefs.get', {});
  const me = await call('people.current', {});
  const settings = await call('settings.get', {});
  await call('auth.status', {});
  await call('app.info', {});
  await call('leads.counts', {});
  await call('people.list', {});
  // The header bell's first list, in the user's language.
  if (settings.ok)
    await call('notifications.list', { unreadOnly: false, limit: 30, language: settings.value.language });
  const myId = me.ok ? (me.value.user?.id ?? undefined) : undefined;
  // The list asks for these itself when its page size or (for "mine") the person is unknown.
  if (list && prefs.ok && !(list.who === 'mine' && myId === undefined)) {
    const page = await call('leads.list', firstPageInput(list.view, list, prefs.value.pageSize, myId));
    if (page.ok && page.value.rows.length > 0) await call('playbook.steps', { ids: page.value.rows.map((r) => r.id) });
  }
  return { calls };
}

// Handler registration that loops over the contract: unknown or duplicate channels are refused, the
// input is parsed by its zod schema, and every failure comes back as a typed, translatable error.
import { z } from 'zod';
import { AppError, type AppErrorShape, type Reply } from '../../shared/contract/errors';
import type { ChannelMap } from '../../shared/contract/define';
import { isErrorCode } from '../../shared/rules/errors';
import { isBusyError } from '../store/busy';
import type { Actor } from '../../shared/domain/lead';

export interface CallContext {
  /** `host`: a desk over the LAN (HTTPS host mode, docs/rules.md §12); `http`: this PC's loopback browser mode. */
  transport: 'ipc' | 'http' | 'host' | 'cli' | 'test';
  userId?: number | null;
  /** Host mode: the paired desk the call came from (its token checked by the host server). */
  deskId?: number | null;
  /** The sign-in session (header X-ASLM-Session), passed through untouched by the transports. */
  sessionToken?: string;
  /**
   * Who acts, resolved once per call by the app core's dispatch after the session check (a caller's own value is
   * dropped there): what `services.actor(ctx)` answers to the handlers.
   */
  actor?: Actor;
}
export type HandlerMap<M extends ChannelMap> = {
  [C in keyof M]: (
    input: z.output<M[C]['input']>,
    ctx: CallContext,
  ) => z.input<M[C]['output']> | Promise<z.input<M[C]['output']>>;
};
export type Dispatch = (channel: string, input: unknown, ctx: CallContext) => Promise<Reply<unknown>>;

const issues = (e: z.ZodError) => e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

/**
 * A schema's refusal as a typed error: the first issue names the field; a schema that refuses with an error
 * code as its message (contract/time.ts: DATE_OUT_OF_RANGE, DATE_INVALID…) gives that code, else INVALID_INPUT.
 */
export function zodErrorShape(e: z.ZodError): AppErrorShape {
  const first = e.issues[0];
  const code = first && isErrorCode(first.message) ? first.message : 'INVALID_INPUT';
  return { code, ...(first ? { field: first.path.join('.') } : {}), issues: issues(e) };
}

export function toErrorShape(e: unknown, log: (msg: string, err?: unknown) => void): AppErrorShape {
  if (e instanceof AppError) return e.toJSON();
  if (e instanceof z.ZodError) return zodErrorShape(e);
  // The write lock stayed taken past busy_timeout (a long import by another process): say so, not INTERNAL.
  if (isBusyError(e)) return { code: 'DATABASE_BUSY' };
  log('unexpected error in a handler', e);
  return { code: 'INTERNAL' };
}

export function createDispatcher<M extends ChannelMap>(
  contract: M,
  handlers: HandlerMap<M>,
  opts: {
    validateOutput: boolean;
    log: (msg: string, err?: unknown) => void;
    /**
     * The session check (sign-in, docs/rules.md §12), before the input is even read: answers the context the call
     * runs with (the signed-in user) or throws SIGN_IN_REQUIRED, SESSION_EXPIRED, PASSWORD_CHANGE_REQUIRED.
     */
    authenticate?: (channel: string, ctx: CallContext) => Promise<CallContext>;
    /** The central permission check (shared/contract/permissions.ts), before every handler, whatever the transport. */
    authorize?: (channel: string, input: unknown, ctx: CallContext) => Promise<void>;
  },
): Dispatch {
  const table = new Map<string, { def: M[keyof M]; fn: (i: unknown, c: CallContext) => unknown }>();
  for (const name of Object.keys(contract)) {
    if (table.has(name)) throw new Error(`Duplicate channel: ${name}`);
    const fn = (handlers as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`No handler for channel: ${name}`);
    table.set(name, { def: contract[name] as M[keyof M], fn: fn as (i: unknown, c: CallContext) => unknown });
  }
  for (const name of Object.keys(handlers)) {
    if (!table.has(name)) throw new Error(`Handler for a channel the contract does not have: ${name}`);
  }
  return async (channel, input, callCtx) => {
    const entry = typeof channel === 'string' && Object.hasOwn(contract, channel) ? table.get(channel) : undefined;
    if (!entry) return { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
    let ctx = callCtx;
    try {
      if (opts.authenticate) ctx = await opts.authenticate(channel, callCtx);
    } catch (e) {
      return { ok: false, error: toErrorShape(e, opts.log) };
    }
    const parsed = entry.def.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: zodErrorShape(parsed.error) };
    try {
      await opts.authorize?.(channel, parsed.data, ctx);
      const value = await entry.fn(parsed.data, ctx);
      if (opts.validateOutput) {
        const out = entry.def.output.safeParse(value);
        if (!out.success) {
          opts.log(
            `output of ${channel} does not match the contract: ${JSON.stringify(issues(out.error)).slice(0, 500)}`,
          );
          return { ok: false, error: { code: 'INTERNAL' } };
        }
        return { ok: true, value: out.data };
      }
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorShape(e, opts.log) };
    }
  };
}

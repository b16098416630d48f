// The contract machinery: a channel is a name with a zod input and output schema.
import type { z } from 'zod';
import type { Reply } from './errors';
import type { PushMessage } from './host';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}
export type ChannelMap = Record<string, ChannelDef>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Merges channel groups into one map; a channel defined twice is a programming error. */
export function defineContract<G extends ChannelMap[]>(...groups: G): UnionToIntersection<G[number]> {
  const out: ChannelMap = {};
  for (const g of groups) {
    for (const [name, def] of Object.entries(g)) {
      if (name in out) throw new Error(`Duplicate channel in contract: ${name}`);
      out[name] = def;
    }
  }
  return Object.freeze(out) as UnionToIntersection<G[number]>;
}

export type InputOf<M extends ChannelMap, C extends keyof M> = z.input<M[C]['input']>;
export type ParsedInputOf<M extends ChannelMap, C extends keyof M> = z.output<M[C]['input']>;
export type OutputOf<M extends ChannelMap, C extends keyof M> = z.output<M[C]['output']>;

/** What the renderer calls, whatever the transport (Electron preload or loopback HTTP). */
export interface BridgeOf<M extends ChannelMap> {
  invoke<C extends keyof M & string>(channel: C, input: InputOf<M, C>): Promise<Reply<OutputOf<M, C>>>;
  /**
   * Live updates (docs/rules.md §12): `onMessage` for each change the core committed, `onState` when the
   * stream is (re)connected or dropped (the transport reconnects by itself). Returns the unsubscribe function.
   * Absent: this transport has no live updates.
   */
  subscribe?(onMessage: (m: PushMessage) => void, onState: (s: 'connected' | 'reconnecting') => void): () => void;
}

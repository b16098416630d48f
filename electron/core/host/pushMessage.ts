// What a desk is told about a core event (docs/rules.md §12): `{ type, leadId?, at }`, never personal data.
import { PUSH_TYPES, type PushMessage, type PushType } from '../../../shared/contract/host';
import type { AppEvent } from '../events';

const TYPES = new Set<string>(PUSH_TYPES);

/** The message for a core event, or null (events that change nothing a desk shows). */
export function toPush(e: AppEvent): PushMessage | null {
  if (!TYPES.has(e.type)) return null;
  const msg: PushMessage = { type: e.type as PushType, at: e.at };
  if ('leadId' in e && typeof e.leadId === 'number') msg.leadId = e.leadId;
  return msg;
}

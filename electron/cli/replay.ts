// `aslm replay FILE.jsonl`: applies a timeline, one JSON object per line, through the same rules as
// the app with `now` = the line's `at`. One JSON line out per line in; carries on after a refusal.
import { readFileSync } from 'node:fs';
import type { AppCore } from '../core/appCore';
import type { TestClock } from '../core/clock';
import type { ChannelName } from '../../shared/contract';

const ACTION_CHANNEL: Record<string, ChannelName> = {
  contact: 'leads.recordContact',
  appointment: 'leads.makeAppointment',
  closedInSale: 'leads.closedInSale',
  closedNoSale: 'leads.closedNoSale',
  contactAgain: 'leads.contactAgain',
  edit: 'leads.edit',
};
const INSTANT_KEYS = ['appointmentAt', 'recontactAt', 'endOfOwnership', 'preferredAt1', 'preferredAt2', 'preferredAt3'];

/** ISO strings of the timeline's instants → epoch ms, as the contract takes them. */
function instants(o: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(o ?? {}) };
  for (const k of INSTANT_KEYS) {
    const v = out[k];
    if (typeof v === 'string') out[k] = /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : v;
  }
  return out;
}

export async function replay(
  file: string,
  core: AppCore,
  clock: TestClock,
  print: (line: string) => void,
): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  const refs = new Map<string, number>();
  const refOf = new Map<number, string>();
  let badJson = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    const line = i + 1;
    if (!raw) continue;
    const out = (o: Record<string, unknown>) => print(JSON.stringify({ line, ...o }));
    let ev: Record<string, unknown>;
    try {
      ev = JSON.parse(raw);
    } catch {
      badJson++;
      out({ ok: false, code: 'INVALID_JSON' });
      continue;
    }
    if (!ev || typeof ev !== 'object' || Array.isArray(ev)) {
      out({ ok: false, code: 'INVALID_INPUT' });
      continue;
    }
    const at = typeof ev.at === 'string' ? Date.parse(ev.at) : NaN;
    if (Number.isNaN(at)) {
      out({ ok: false, code: 'INVALID_INPUT', field: 'at' });
      continue;
    }
    clock.set(at);
    const action = ev.action;
    const ref = typeof ev.ref === 'string' ? ev.ref : undefined;
    if (action === 'sweep') {
      const r = await core.sweeps.run(at);
      for (const c of r.changes) {
        if (c.followUpLeadId && !refOf.has(c.followUpLeadId)) {
          const childRef = `${refOf.get(c.leadId) ?? `#${c.leadId}`}+followup`;
          refs.set(childRef, c.followUpLeadId);
          refOf.set(c.followUpLeadId, childRef);
        }
      }
      out({
        ok: true,
        action,
        changes: r.changes.map((c) => ({
          ref: refOf.get(c.leadId) ?? null,
          number: c.number,
          change: c.change,
          effectiveAt: new Date(c.effectiveAt).toISOString(),
          ...(c.followUpLeadId ? { followUpRef: refOf.get(c.followUpLeadId) } : {}),
        })),
      });
      continue;
    }
    if (action === 'create') {
      if (!ref) {
        out({ ok: false, code: 'INVALID_INPUT', field: 'ref' });
        continue;
      }
      if (refs.has(ref)) {
        out({ ok: false, code: 'INVALID_INPUT', field: 'ref', ref });
        continue;
      }
      const r = await core.dispatch('leads.create', instants(ev.lead as Record<string, unknown>), { transport: 'cli' });
      if (!r.ok) {
        out({ ok: false, ref, code: r.error.code, ...(r.error.field ? { field: r.error.field } : {}) });
        continue;
      }
      const lead = (r.value as { lead: { id: number; number: string; status: string } }).lead;
      refs.set(ref, lead.id);
      refOf.set(lead.id, ref);
      out({ ok: true, ref, action, number: lead.number, status: lead.status });
      continue;
    }
    const channel = typeof action === 'string' ? ACTION_CHANNEL[action] : undefined;
    if (!channel) {
      out({ ok: false, ref, code: 'UNKNOWN_ACTION' });
      continue;
    }
    const id = ref ? refs.get(ref) : undefined;
    if (id === undefined) {
      out({ ok: false, ref, code: 'NOT_FOUND' });
      continue;
    }
    // The version the event names, else the lead's current one (the replay is the only writer of its database).
    const version = typeof ev.version === 'number' ? ev.version : (await core.leads.load(id)).version;
    const r = await core.dispatch(
      channel,
      { id, version, input: instants(ev.input as Record<string, unknown>) },
      { transport: 'cli' },
    );
    if (!r.ok) {
      out({ ok: false, ref, action, code: r.error.code, ...(r.error.field ? { field: r.error.field } : {}) });
      continue;
    }
    const lead = (r.value as { lead: { status: string; contactAttempts: number; frozen: boolean } }).lead;
    out({ ok: true, ref, action, status: lead.status, contactAttempts: lead.contactAttempts });
  }
  return badJson;
}

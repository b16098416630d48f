// The desk's mix of calls (test/bench/desks.ts): what a clerk's screens ask the host for, in proportions close to a
// working day — lists (with the counts and the next-step column), searches, a lead opened, an action on one of the
// desk person's own leads (record a contact, make an appointment, contact again, edit), My day.
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import type { Invoke, Reply } from './desks';

export interface Recorder {
  /** One timed call or screen: `action`, `list`, `search`, `leadOpen`, … and `screen:…` for a whole screen. */
  time(kind: string, ms: number): void;
  count(outcome: string): void;
}
export interface MixOptions {
  desks: number;
  seconds: number;
  thinkMs: number;
  /** The host's clock (appointment and recontact times are in its future). */
  hostNow: () => number;
  /** Each desk's own connection (paired, signed in as its person); default: the shared one. */
  perDesk?: (desk: number, personId: number) => Invoke | Promise<Invoke>;
  /**
   * The desks work this long first, unrecorded: a host runs all day, its readers' caches and the code warm (the first
   * seconds after a start are not the desks' day). Default 0.
   */
  warmupSeconds?: number;
  /** Called when the recorded part starts (after the warm-up). */
  onMeasureStart?: () => void;
}

const VIEWS = ['assigned', 'assigned', 'assigned', 'in_progress', 'in_progress', 'not_managed', ...LIST_VIEWS];
const SORTS = ['default', 'default', 'default', 'name', 'createdAt', 'sla', 'contactAttempts', 'assignee'];
const PREFIXES = ['ros', 'mar', 'bia', 'mül', 'fer', 'gio', 'ber', 'lu', 'schm', 'dup'];
const DAY = 86_400_000;

/** A small seeded generator: each desk's sequence is the same from run to run. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

async function timed(rec: Recorder, kind: string, p: Promise<Reply>): Promise<Reply> {
  const t = performance.now();
  const r = await p;
  rec.time(kind, performance.now() - t);
  return r;
}

const must = (channel: string, r: Reply) => {
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value;
};

/**
 * The people with open leads, each with a pool of their own open lead ids: one person per desk, a person given to a
 * second desk when there are fewer people than desks (its own pairing and session, its own share of the leads).
 */
async function deskPeople(invoke: Invoke, desks: number): Promise<{ id: number; pool: number[] }[]> {
  const users = must('people.list', await invoke('people.list', {})).users as { id: number; active: boolean }[];
  const out: { id: number; pool: number[] }[] = [];
  for (const u of users.filter((x) => x.active)) {
    const pool: number[] = [];
    for (const view of ['assigned', 'in_progress'])
      for (const r of must('leads.list', await invoke('leads.list', { view, assigneeId: u.id, pageSize: 150 }))
        .rows as { id: number; assigneeId: number | null }[])
        if (r.assigneeId === u.id) pool.push(r.id);
    if (pool.length >= 10) out.push({ id: u.id, pool });
  }
  if (out.length === 0) throw new Error('no person with open leads in the bench database');
  return Array.from({ length: desks }, (_, i) => out[i % out.length]!);
}

/** Runs `desks` desks at once for `seconds`; every call's latency goes to `rec`. */
export async function deskMix(invoke: Invoke, rec: Recorder, opts: MixOptions): Promise<void> {
  const people = await deskPeople(invoke, opts.desks);
  const invokes = await Promise.all(people.map((p, i) => opts.perDesk?.(i + 1, p.id) ?? invoke));
  const from = performance.now() + (opts.warmupSeconds ?? 0) * 1000;
  const until = from + opts.seconds * 1000;
  const timer = setTimeout(() => opts.onMeasureStart?.(), Math.max(0, from - performance.now()));
  // Only what starts after the warm-up is recorded.
  const recorded: Recorder = {
    time: (kind, ms) => {
      if (performance.now() - ms >= from) rec.time(kind, ms);
    },
    count: (outcome) => {
      if (performance.now() >= from) rec.count(outcome);
    },
  };
  try {
    await Promise.all(people.map((p, i) => desk(invokes[i]!, recorded, opts, p, i + 1, until)));
  } finally {
    clearTimeout(timer);
  }
}

async function desk(
  invoke: Invoke,
  rec: Recorder,
  opts: MixOptions,
  person: { id: number; pool: number[] },
  seed: number,
  until: number,
): Promise<void> {
  const r = rng(seed * 7919);
  // Each desk works a share of its person's leads (two desks of one person would fight over the same ones).
  const pool = person.pool.filter((_, k) => k % opts.desks === (seed - 1) % opts.desks || person.pool.length < 50);
  const versions = new Map<number, number>();
  const think = () => new Promise((ok) => setTimeout(ok, opts.thinkMs * (0.5 + r.next())));
  const screen = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    rec.time(`screen:${name}`, performance.now() - t);
  };
  const openLead = async (id: number) => {
    const [d, step] = await Promise.all([
      timed(rec, 'leadOpen', invoke('leads.get', { id })),
      timed(rec, 'step', invoke('playbook.step', { id })),
    ]);
    must('playbook.step', step);
    const detail = must('leads.get', d) as { lead: { version: number; status: string } };
    versions.set(id, detail.lead.version);
    return detail.lead;
  };
  while (performance.now() < until) {
    const x = r.next();
    if (x < 0.3) {
      await screen('list page', async () => {
        const q = { view: r.pick(VIEWS), sort: r.pick(SORTS), dir: r.next() < 0.7 ? 'asc' : 'desc', page: 0 };
        if (r.next() < 0.2) q.page = 1 + Math.floor(r.next() * 5);
        const [list] = await Promise.all([
          timed(rec, 'list', invoke('leads.list', q)),
          timed(rec, 'counts', invoke('leads.counts', {})),
        ]);
        const ids = (must('leads.list', list).rows as { id: number }[]).map((row) => row.id);
        if (ids.length) must('playbook.steps', await timed(rec, 'steps', invoke('playbook.steps', { ids })));
      });
    } else if (x < 0.4) {
      const q = { view: r.pick(['assigned', 'in_progress', 'closed_no_sale']), search: r.pick(PREFIXES) };
      must('leads.list', await timed(rec, 'search', invoke('leads.list', q)));
    } else if (x < 0.45) {
      const q = r.pick(PREFIXES);
      must('leads.globalSearch', await timed(rec, 'globalSearch', invoke('leads.globalSearch', { q })));
    } else if (x < 0.65) {
      await screen('lead page', () => openLead(r.pick(pool)));
    } else if (x < 0.9) {
      await act(invoke, rec, r, pool, versions, openLead, opts.hostNow);
    } else {
      const q = { dueOnly: r.next() < 0.5, page: 0, pageSize: 50 };
      must('playbook.myDay', await timed(rec, 'myDay', invoke('playbook.myDay', q)));
    }
    await think();
  }
}

/** One action on one of the desk's own leads, opened first (as at the desk); a conflict reloads and tries once more. */
async function act(
  invoke: Invoke,
  rec: Recorder,
  r: ReturnType<typeof rng>,
  pool: number[],
  versions: Map<number, number>,
  openLead: (id: number) => Promise<{ version: number; status: string }>,
  hostNow: () => number,
): Promise<void> {
  if (pool.length === 0) return;
  const id = r.pick(pool);
  if (!versions.has(id)) await openLead(id);
  const k = r.next();
  const at = (days: number) => Math.floor((hostNow() + days * DAY) / 3_600_000) * 3_600_000;
  const [channel, input] =
    k < 0.5
      ? [
          'leads.recordContact',
          { direction: 'outbound', channel: 'phone', outcome: r.pick(['no_answer', 'voicemail', 'reached', 'busy']) },
        ]
      : k < 0.7
        ? ['leads.makeAppointment', { appointmentAt: at(2 + Math.floor(r.next() * 10)) }]
        : k < 0.8
          ? ['leads.contactAgain', { recontactAt: at(30 + Math.floor(r.next() * 60)) }]
          : ['leads.edit', { requestDetails: `Bench note ${Math.floor(r.next() * 1e6)}` }];
  for (let attempt = 0; attempt < 2; attempt++) {
    const reply = await timed(rec, 'action', invoke(channel, { id, version: versions.get(id), input }));
    if (reply.ok) {
      rec.count('done');
      const lead = (reply.value as { lead: { version: number; status: string } }).lead;
      versions.set(id, lead.version);
      if (lead.status !== 'assigned' && lead.status !== 'appointment') pool.splice(pool.indexOf(id), 1);
      return;
    }
    if (reply.error.code === 'VERSION_CONFLICT') {
      rec.count('conflict');
      await openLead(id); // reload, as the desk does
      continue;
    }
    rec.count(`refused ${reply.error.code}`);
    if (reply.error.code === 'LEAD_IS_FINAL' || reply.error.code === 'NOT_FOUND') pool.splice(pool.indexOf(id), 1);
    return;
  }
}

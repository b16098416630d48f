// The demo generator: realistic leads over the last 90 days, each lived through the real rules with
// `now` moved along its own timeline (create → contacts → appointment / close / contact again),
// then the sweeps. Used by the "Load demo data" button, `aslm demo` and the benchmark.
import type { Actor, Lead } from '../../../shared/domain/lead';
import { PICKABLE_CLOSE_REASONS, type ActionId, type Language, type Outcome } from '../../../shared/domain/vocabulary';
import { DAY, HOUR, decide, isValidVin, setAppointmentKept, type ActionInputs } from '../../../shared/rules';
import type { NewLeadInput } from '../../../shared/contract/inputs';
import type { AsyncStore } from '../../store/repos/index';
import { createLeadService, type TxRepos } from '../leadService';
import type { SettingsService } from '../settingsService';
import { createEvents } from '../events';
import { createSweepService } from '../sweepService';
import { FIRST_NAMES, LAST_NAMES, MODELS, PLACES, REQUESTS, STAFF, VERBATIMS } from './names';

/** Small deterministic PRNG (mulberry32) so that a seed gives the same database. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
function makeVin(r: Rng): string {
  let v = 'ZAM';
  while (v.length < 17) v += VIN_CHARS[r.int(0, VIN_CHARS.length - 1)];
  return v;
}

export interface DemoOptions {
  leads: number;
  seed?: number;
  now: number;
  days?: number;
  onProgress?: (done: number) => void;
}

/** Creates the demo staff if the database has no users besides the default one. Returns their actors. */
export async function ensureDemoStaff(data: AsyncStore, now: number): Promise<Actor[]> {
  const existing = await data.repos.users.activeActors();
  if (existing.length >= STAFF.length) return existing;
  await data.tx(async (r) => {
    for (const s of STAFF) {
      if (existing.some((e) => e.name === s.name)) continue;
      const id = await r.users.insertActive(s.name, s.email, s.language, now);
      for (const role of s.roles) await r.users.addRole(id, role);
    }
  });
  return data.repos.users.activeActors();
}

/** Batches of 2000 leads, each one transaction (the leads' actions and sweeps inside it). */
export async function generateDemo(
  data: AsyncStore,
  settings: SettingsService,
  opts: DemoOptions,
): Promise<{ leads: number }> {
  const r = rng(opts.seed ?? 20261123);
  const days = opts.days ?? 90;
  let t = opts.now;
  const clock = { now: () => t };
  const silent = createEvents(() => undefined);
  const leads = createLeadService(data, clock, settings, silent);
  /** A button's action on the lead as the batch's transaction last returned it (leadService.applyOn: not read again). */
  const act = <A extends ActionId>(tx: TxRepos, action: A, lead: Lead, input: ActionInputs[A], actor: Actor) =>
    leads.applyOn(tx, lead, (l, rc) => decide(action, l, input, rc), actor);
  const sweeps = createSweepService(data, leads, settings);
  const staff = await ensureDemoStaff(data, opts.now);
  const desk = staff.filter((s) => s.id !== staff[0]?.id);

  const starts = Array.from({ length: opts.leads }, () => opts.now - Math.floor(r.next() * days * DAY)).sort(
    (a, b) => a - b,
  );
  const batch = 2000;
  for (let b = 0; b < starts.length; b += batch) {
    await data.tx(async (tx) => {
      for (const assignedAt of starts.slice(b, b + batch)) await liveOneLead(tx, assignedAt);
    });
    opts.onProgress?.(Math.min(starts.length, b + batch));
  }
  t = opts.now;
  await sweeps.run(opts.now);
  return { leads: opts.leads };

  async function liveOneLead(tx: TxRepos, assignedAt: number): Promise<void> {
    const lang: Language = r.pick(['it', 'it', 'fr', 'de', 'en'] as const);
    const place = PLACES[lang];
    const [city, state, zip] = r.pick(place.cities);
    const customerDriven = r.chance(0.35);
    const source = customerDriven ? r.pick(['web', 'owner_app', 'spontaneous'] as const) : 'hq_campaign';
    const campaign =
      source === 'spontaneous'
        ? 'spontaneous_dealer'
        : source === 'hq_campaign'
          ? r.pick(['service_reminder', 'warranty_end_reminder', 'seasonal_promo', 'service_reminder'])
          : r.pick(['extended_warranty_web', 'accessories_wheels_tyres', 'service_reminder']);
    const firstName = r.pick(FIRST_NAMES[lang]);
    const lastName = r.pick(LAST_NAMES[lang]);
    const vin = !customerDriven || r.chance(0.5) ? makeVin(r) : null;
    if (vin && isValidVin(vin) && r.chance(0.9)) {
      const ws = assignedAt - r.int(200, 2500) * DAY;
      // The random draws in the order of the columns (the demo data stays the same for a seed).
      await tx.vehicles.insertIfMissing(
        {
          vin,
          model: r.pick(MODELS),
          warrantyStart: ws,
          warrantyEnd: ws + 3 * 365 * DAY,
          currentWarranty: r.pick(['Standard', 'Extended 12m', 'Extended 24m']),
          currentWarrantyStart: ws,
          currentWarrantyEnd: ws + r.int(3, 6) * 365 * DAY,
          averageKm: r.int(8, 30) * 1000,
          mileage: r.int(5, 120) * 1000,
          ownerName: `${firstName} ${lastName}`,
          serviceContract: r.chance(0.3) ? r.pick(['Maserati Care', 'Maserati Care Premium']) : null,
          serviceContractExpiry: r.chance(0.3) ? assignedAt + r.int(30, 700) * DAY : null,
        },
        assignedAt,
      );
    }
    const email = r.chance(0.85)
      ? `${firstName}.${lastName}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z.]/g, '') + `${r.int(1, 999)}@mail.example`
      : null;
    const phone = r.chance(0.9) ? `${place.prefix}${r.int(10, 99)} ${r.int(100000, 999999)}` : null;
    const assignee = desk.length ? r.pick(desk) : null;
    const input: NewLeadInput = {
      firstName,
      lastName,
      leadType: customerDriven ? 'customer_driven' : 'hq_driven',
      source,
      campaign,
      email,
      phone,
      vin,
      language: lang,
      country: place.country,
      state,
      city,
      zip,
      requestFor: r.pick(REQUESTS[campaign] ?? ['Service']),
      requestDetails: customerDriven ? r.pick(VERBATIMS) : null,
      preferredAt1: customerDriven ? assignedAt + r.int(2, 10) * DAY : null,
      assigneeId: assignee?.id ?? null,
      consents: {
        directMarketing: r.chance(0.7),
        profiling: r.chance(0.5),
        email: r.chance(0.8),
        phone: r.chance(0.9),
        post: r.chance(0.4),
        sms: r.chance(0.6),
        fax: false,
        social: r.chance(0.2),
      },
    };
    t = assignedAt;
    const actor: Actor = assignee ?? { id: null, name: 'System' };
    await workLead(tx, await leads.createIn(tx, input, actor), actor, assignedAt);
  }

  /** The desk's work on a lead from `assignedAt` (its clock `t`) up to `opts.now`. */
  async function workLead(tx: TxRepos, first: Lead, actor: Actor, assignedAt: number): Promise<void> {
    let lead = first;
    const at = (dt: number) => {
      t += dt;
      return t <= opts.now;
    };
    // First contact: most within the day, some late, some never. A desk that works keeps few old leads
    // uncontacted: the leads still waiting are mostly the last days' (not a list of leads weeks overdue).
    const age = opts.now - assignedAt;
    if (r.chance(age < 3 * DAY ? 0.3 : age < 10 * DAY ? 0.06 : 0.015)) return;
    if (!at(r.chance(0.72) ? r.int(10, 20 * 60) * 60_000 : r.int(25, 200) * HOUR)) return;
    let reached = false;
    const attempts = r.int(1, 4);
    for (let i = 0; i < attempts && !reached; i++) {
      reached = i === attempts - 1 ? r.chance(0.75) : r.chance(0.4);
      const outcome: Outcome = reached ? 'reached' : r.pick(['no_answer', 'voicemail', 'busy', 'no_answer']);
      lead = await act(
        tx,
        'recordContact',
        lead,
        {
          direction: 'outbound',
          channel: 'phone',
          outcome,
          verbatim: reached ? r.pick(VERBATIMS) : null,
          answer: reached ? 'Explained the offer and next steps' : null,
        },
        actor,
      );
      if (i < attempts - 1 && !at(r.int(3, 30) * HOUR)) return;
    }
    if (!at(r.int(5, 120) * 60_000)) return;
    const roll = r.next();
    if (!reached || roll < 0.25) {
      const reason = reached ? r.pick(PICKABLE_CLOSE_REASONS.filter((x) => x !== 'not_reachable')) : 'not_reachable';
      lead = await act(
        tx,
        'closedNoSale',
        lead,
        {
          reason,
          notes: reason === 'other' ? 'Customer moved abroad' : null,
          endOfOwnership: reason === 'not_current_owner' ? t - r.int(10, 300) * DAY : null,
        },
        actor,
      );
    } else if (roll < 0.35) {
      const recontactAt = t + r.int(7, 60) * DAY;
      lead = await act(tx, 'contactAgain', lead, { recontactAt }, actor);
      // The follow-up reaches the desk at the recontact date and is worked like any lead (not left waiting weeks).
      if (recontactAt <= opts.now) {
        t = recontactAt;
        for (const c of (await sweeps.runIn(tx, recontactAt, { only: ['recontact'] })).changes) {
          if (c.followUpLeadId) await workLead(tx, await leads.loadIn(tx, c.followUpLeadId), actor, recontactAt);
        }
      }
    } else {
      const appointmentAt = t + r.int(1, 12) * DAY;
      lead = await act(tx, 'makeAppointment', lead, { appointmentAt, sendEmail: false }, actor);
      t = appointmentAt;
      if (!at(r.int(1, 6) * HOUR)) return;
      // Whether the customer came (docs/rules.md §6), without drawing from the random stream (same demo otherwise):
      // recorded on four appointments in five, about one no-show in eight.
      if (lead.id % 5 !== 0)
        lead = await leads.applyOn(tx, lead, (l, rc) => setAppointmentKept(l, { kept: lead.id % 8 !== 3 }, rc), actor);
      if (r.chance(0.85)) {
        lead = await act(tx, 'closedInSale', lead, { vin: lead.vin ?? makeVin(r), notes: null }, actor);
      } else {
        lead = await act(
          tx,
          'closedNoSale',
          lead,
          { reason: 'customer_refuses', notes: null, endOfOwnership: null },
          actor,
        );
      }
    }
  }
}

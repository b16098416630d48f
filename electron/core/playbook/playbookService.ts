// The contact playbook in the core: the next step of open leads (pure rule shared/rules/nextStep.ts),
// "My day", the contact templates (stored edits over the locale defaults) and "Send e-mail".
import type { Actor, Lead } from '../../../shared/domain/lead';
import { asLeadName } from '../../../shared/domain/lead';
import type { Language } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import type { PlaybookItem } from '../../../shared/contract/playbook';
import type { dealerSchema } from '../../../shared/contract/app';
import type { z } from 'zod';
import {
  comparePriority,
  emailRefused,
  emailTemplateKind,
  hasUsablePhone,
  isDue,
  nextStep,
  type NextStep,
  type PlaybookSettings,
  type StepKind,
} from '../../../shared/rules/nextStep';
import {
  TEMPLATE_KINDS,
  defaultTemplate,
  renderTemplate,
  type TemplateKind,
  type TemplateText,
  type TemplateValues,
} from '../../../shared/templates/render';
import type { StepContact } from '../../store/repos/playbook';
import type { Clock } from '../clock';
import type { LeadService } from '../leadService';
import type { AsyncRepos, AsyncStore } from '../../store/repos/index';
import type { Events } from '../events';
import type { SettingsService } from '../settingsService';
import type { SiteService } from '../sites/siteService';
import type { RuleSettings } from '../../../shared/domain/settings';
import { campaignLabel, vehicleWord } from './campaignLabel';
import { normalizePhone } from '../../../shared/people/phone';

export interface TemplateRow {
  kind: TemplateKind;
  language: Language;
  subject: string;
  body: string;
  custom: boolean;
  updatedAt: number | null;
}
interface ListOpts {
  due?: boolean;
  assigneeId?: number | null;
  includeUnassigned?: boolean;
  kind?: StepKind | null;
  page?: number;
  pageSize?: number;
  /** One site's leads (docs/rules.md §11); absent or null = every site. */
  site?: number | null;
}

export interface PlaybookService {
  /** The playbook's figures (settings key `playbook`, defaults of the standard). */
  settings(): PlaybookSettings;
  phoneValid(lead: Pick<Lead, 'phone' | 'otherPhone' | 'country' | 'language'>): boolean | undefined;
  step(lead: Lead, contacts?: StepContact[]): Promise<NextStep>;
  steps(ids: number[]): Promise<{ leadId: number; step: NextStep; due: boolean }[]>;
  list(opts: ListOpts): Promise<{
    rows: PlaybookItem[];
    total: number;
    open: number;
    due: number;
    page: number;
    pageSize: number;
    at: number;
  }>;
  myDay(
    actor: Actor,
    opts: { dueOnly?: boolean; page?: number; pageSize?: number; site?: number | null },
  ): ReturnType<PlaybookService['list']>;
  /** `r`: a caller's transaction's repositories (else `data.repos`), as for every read below. */
  templateValues(lead: Lead, actor: Actor, r?: AsyncRepos): Promise<TemplateValues>;
  render(kind: TemplateKind, lead: Lead, actor: Actor, r?: AsyncRepos): Promise<TemplateText>;
  /** The playbook e-mail's kind for the lead: without a usable phone, the text does not say it tried to call. */
  emailKind(lead: Lead, contacts?: StepContact[], r?: AsyncRepos): Promise<'email_no_answer' | 'email_no_phone'>;
  /** The contact templates (stored edits over the locale defaults), on the AsyncStore; a write is one `data.tx`. */
  templates: {
    list(): Promise<TemplateRow[]>;
    get(kind: TemplateKind, language: Language, r?: AsyncRepos): Promise<TemplateRow>;
    save(kind: TemplateKind, language: Language, subject: string, body: string): Promise<TemplateRow>;
    reset(kind: TemplateKind, language: Language): Promise<TemplateRow>;
  };
  sendEmail(
    id: number,
    version: number | null | undefined,
    text: { subject?: string | null; body?: string | null },
    actor: Actor,
  ): Promise<{ leadId: number; outboxId: number; subject: string }>;
}

export function createPlaybookService(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  leads: LeadService,
  events: Events,
  /** The dealer identity of the lead's site (docs/rules.md §11); absent = the group-wide one. */
  dealerOfLead?: (leadId: number, r: AsyncRepos) => Promise<z.output<typeof dealerSchema>>,
  /**
   * The rule figures of a site / a lead's site, and the shown leads' sites (docs/rules.md §11.8); absent = the group's
   * figures, no site.
   */
  siteRules?: Pick<SiteService, 'rulesOf' | 'rulesOfLead' | 'sitesWithOwnRules' | 'withLeadSites'>,
): PlaybookService {
  /**
   * The figures of each lead of a list: one site's (`site`), the group's when no site has its own, else each lead's
   * site's (read once per lead).
   */
  const rulesFor = async (site: number | null | undefined): Promise<(leadId: number) => Promise<RuleSettings>> => {
    if (!siteRules) return async () => settings.rules();
    if (site != null) {
      const s = await siteRules.rulesOf(site);
      return async () => s;
    }
    if ((await siteRules.sitesWithOwnRules()).length === 0) return async () => settings.rules();
    return (id) => siteRules.rulesOfLead(id);
  };
  const phoneCache = new Map<string, boolean>();
  const playbookSettings = (): PlaybookSettings => settings.get('playbook');

  /**
   * A number is checked with libphonenumber in the lead's country (else the language's) — the same check as
   * the customer record's `phone_valid` (shared/people/phone.ts); false only when every number is invalid.
   */
  function phoneValid(l: Pick<Lead, 'phone' | 'otherPhone' | 'country' | 'language'>): boolean | undefined {
    const numbers = [l.phone, l.otherPhone].filter((p): p is string => !!p && p.trim() !== '');
    if (numbers.length === 0) return undefined;
    return numbers.some((p) => {
      const key = `${l.country ?? ''}|${l.language}|${p}`;
      let v = phoneCache.get(key);
      if (v === undefined) {
        v = normalizePhone(p, l.country, l.language)?.valid ?? false;
        if (phoneCache.size > 500_000) phoneCache.clear();
        phoneCache.set(key, v);
      }
      return v;
    });
  }

  async function step(lead: Lead, contacts?: StepContact[]): Promise<NextStep> {
    const cs = contacts ?? (await data.repos.playbook.contactsOf(lead.id));
    return nextStep(lead, cs, {
      now: clock.now(),
      settings: siteRules ? await siteRules.rulesOfLead(lead.id) : settings.rules(),
      playbook: playbookSettings(),
      phoneValid: phoneValid(lead),
      emailAllowed: !emailRefused(lead.consents),
    });
  }
  async function emailKind(
    lead: Lead,
    contacts?: StepContact[],
    r: AsyncRepos = data.repos,
  ): Promise<'email_no_answer' | 'email_no_phone'> {
    const cs = contacts ?? (await r.playbook.contactsOf(lead.id));
    return emailTemplateKind(hasUsablePhone(lead, cs, phoneValid(lead)));
  }

  async function list(opts: ListOpts): ReturnType<PlaybookService['list']> {
    const of = { assigneeId: opts.assigneeId, includeUnassigned: opts.includeUnassigned, site: opts.site };
    // Both read as arrays (SQLite's lazy iterator cannot stay open across an await).
    const rows = await data.repos.playbook.openLeads(of);
    const openContacts = await data.repos.playbook.openLeadContacts(of);
    const now = clock.now();
    const contacts = new Map<number, StepContact[]>();
    for (const c of openContacts) {
      let arr = contacts.get(c.leadId);
      if (!arr) contacts.set(c.leadId, (arr = []));
      arr.push(c);
    }
    const rulesOf = await rulesFor(opts.site);
    const rules = new Map<number, RuleSettings>();
    for (const r of rows) rules.set(r.id, await rulesOf(r.id));
    const pb = playbookSettings();
    let items: PlaybookItem[] = rows.map((r) => {
      const lead = { ...r, frozen: r.frozen === 1 };
      const emailAllowed = !emailRefused({ email: r.consentEmail === 1, other: r.consentOther > 0 });
      const s = nextStep(lead, contacts.get(r.id) ?? [], {
        now,
        settings: rules.get(r.id)!,
        playbook: pb,
        phoneValid: phoneValid(lead),
        emailAllowed,
      });
      return {
        leadId: r.id,
        number: r.number,
        version: r.version,
        name: asLeadName(r),
        leadType: r.leadType,
        status: r.status,
        source: r.source,
        campaign: r.campaign,
        assigneeId: r.assigneeId,
        assigneeName: r.assigneeName,
        assignedAt: r.assignedAt,
        contactAttempts: r.contactAttempts,
        phone: r.phone,
        email: r.email,
        language: r.language,
        step: s,
        due: isDue(s, now),
      };
    });
    if (opts.kind) items = items.filter((i) => i.step.kind === opts.kind);
    const dueCount = items.filter((i) => i.due).length;
    const openCount = items.length;
    if (opts.due) items = items.filter((i) => i.due);
    // Priority: customer-driven first, then the SLA deadline (then when the step fell due, then the lead).
    items.sort((a, b) => comparePriority(a, b) || a.leadId - b.leadId);
    const page = opts.page ?? 0;
    const pageSize = opts.pageSize ?? 50;
    const shown = items.slice(page * pageSize, (page + 1) * pageSize);
    return {
      // The shown leads' sites when there are several: read for the page only (the open leads' read stays on the
      // covering index leads_my_day, which has no site).
      rows: siteRules ? await siteRules.withLeadSites(shown, opts.site) : shown,
      total: items.length,
      open: openCount,
      due: dueCount,
      page,
      pageSize,
      at: now,
    };
  }

  const templates: PlaybookService['templates'] = {
    async get(kind, language, r = data.repos) {
      const t = await r.playbook.template(kind, language);
      if (t) return { kind, language, subject: t.subject ?? '', body: t.body, custom: true, updatedAt: t.updatedAt };
      const d = defaultTemplate(kind, language);
      return { kind, language, subject: d.subject, body: d.body, custom: false, updatedAt: null };
    },
    list: () =>
      Promise.all(TEMPLATE_KINDS.flatMap((k) => (['en', 'fr', 'de', 'it'] as const).map((l) => templates.get(k, l)))),
    // The write and the row it answers: one transaction.
    save: (kind, language, subject, body) =>
      data.tx(async (r) => {
        await r.playbook.saveTemplate(kind, language, subject, body, clock.now());
        return templates.get(kind, language, r);
      }),
    reset: (kind, language) =>
      data.tx(async (r) => {
        await r.playbook.deleteTemplate(kind, language);
        return templates.get(kind, language, r);
      }),
  };

  async function templateValues(lead: Lead, actor: Actor, r: AsyncRepos = data.repos): Promise<TemplateValues> {
    const dealer = dealerOfLead ? await dealerOfLead(lead.id, r) : settings.get('dealer');
    const model = lead.vin ? await r.playbook.vehicleModel(lead.vin) : null;
    const vehicle =
      model && lead.vin
        ? `${model} (${lead.vin})`
        : (model ?? (lead.vin ? `${vehicleWord(lead.language)} (${lead.vin})` : null));
    return {
      customer: asLeadName(lead),
      vehicle,
      campaign: settings.campaignLabels()[lead.campaign] ?? campaignLabel(lead.campaign, lead.language),
      dealer: dealer.name ?? '',
      dealerPhone: dealer.phone ?? '',
      dealerEmail: dealer.email ?? '',
      staff: actor.name,
      leadNumber: lead.number,
    };
  }

  async function render(kind: TemplateKind, lead: Lead, actor: Actor, r?: AsyncRepos): Promise<TemplateText> {
    const [t, values] = await Promise.all([templates.get(kind, lead.language, r), templateValues(lead, actor, r)]);
    return renderTemplate(kind, lead.language, values, t.custom ? t : null);
  }

  async function steps(ids: number[]): Promise<{ leadId: number; step: NextStep; due: boolean }[]> {
    if (ids.length === 0) return [];
    const leadsById = new Map((await data.repos.playbook.leads(ids)).map((l) => [l.id, l] as const));
    const contactsOfLeads = await data.repos.playbook.contactsOfLeads(ids);
    const now = clock.now();
    const cs = new Map<number, StepContact[]>();
    for (const c of contactsOfLeads) {
      let arr = cs.get(c.leadId);
      if (!arr) cs.set(c.leadId, (arr = []));
      arr.push(c);
    }
    const rulesOf = await rulesFor(undefined);
    const rules = new Map<number, RuleSettings>();
    for (const id of leadsById.keys()) rules.set(id, await rulesOf(id));
    const pb = playbookSettings();
    return ids
      .filter((id) => leadsById.has(id))
      .map((id) => {
        const lead = leadsById.get(id)!;
        const s = nextStep(lead, cs.get(id) ?? [], {
          now,
          settings: rules.get(id)!,
          playbook: pb,
          phoneValid: phoneValid(lead),
          emailAllowed: !emailRefused(lead.consents),
        });
        return { leadId: id, step: s, due: isDue(s, now) };
      });
  }

  return {
    settings: playbookSettings,
    phoneValid,
    steps,
    step,
    list,
    async myDay(actor, opts) {
      const isManager = actor.id !== null && (await data.repos.playbook.isManager(actor.id));
      return list({
        due: opts.dueOnly ?? false,
        assigneeId: actor.id ?? -1,
        includeUnassigned: isManager,
        page: opts.page,
        pageSize: opts.pageSize,
        site: opts.site,
      });
    },
    templateValues,
    render,
    emailKind,
    templates,
    async sendEmail(id, version, text, actor) {
      const sent = await data.tx(async (r) => {
        const lead = await leads.loadIn(r, id);
        if (version !== null && version !== undefined && version !== lead.version)
          throw new AppError('VERSION_CONFLICT');
        if (!lead.email) throw new AppError('EMAIL_MISSING', { field: 'email' });
        // A refused e-mail consent is enforced here too, not only by hiding the button (docs/rules.md §8).
        if (emailRefused(lead.consents)) throw new AppError('EMAIL_CONSENT_REFUSED', { field: 'email' });
        const t = await render(await emailKind(lead, undefined, r), lead, actor, r);
        const subject = text.subject ?? t.subject;
        const body = text.body ?? t.body;
        const contactNo = lead.contactAttempts + 1;
        // The contact first: it refuses a final lead (LEAD_IS_FINAL) before anything is queued.
        await leads.actIn(
          r,
          'recordContact',
          id,
          null,
          { direction: 'outbound', channel: 'email', outcome: 'email_sent', verbatim: null, answer: subject },
          actor,
        );
        const now = clock.now();
        const outboxId = await r.playbook.queueEmail(
          {
            key: `lead:${id}:playbook-email:${contactNo}`,
            leadId: id,
            to: lead.email,
            language: lead.language,
            subject,
            body,
          },
          now,
        );
        await leads.writeHistory(r, id, [{ at: now, field: 'email.queued', oldValue: null, newValue: subject }], actor);
        return { leadId: id, outboxId, subject };
      });
      events.emit({ type: 'lead.changed', leadId: id, at: clock.now(), action: 'recordContact' });
      return sent;
    },
  };
}

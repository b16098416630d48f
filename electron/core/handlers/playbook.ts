// Handlers of the contact playbook and templates (shared/contract/playbook.ts).
import type { Contract } from '../../../shared/contract';
import type { playbookChannels } from '../../../shared/contract/playbook';
import { emailRefused, isDue } from '../../../shared/rules/nextStep';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export const playbookHandlers = (c: CoreServices) =>
  ({
    'playbook.step': async ({ id }, ctx) => {
      const lead = await c.leads.load(id);
      const actor = c.actor(ctx);
      const step = await c.playbook.step(lead);
      // The three texts read at once (one round trip each on PostgreSQL, together).
      const [phoneScript, voicemail, email] = await Promise.all([
        c.playbook.render('phone_script', lead, actor),
        c.playbook.render('voicemail', lead, actor),
        // The playbook e-mail: the "no answer" text, or the one without phone when the lead has no usable phone.
        c.playbook.emailKind(lead).then((kind) => c.playbook.render(kind, lead, actor)),
      ]);
      return {
        leadId: id,
        version: lead.version,
        email: lead.email,
        name: `${lead.firstName} ${lead.lastName}`.trim(),
        step,
        due: isDue(step, c.clock.now()),
        phoneValid: c.playbook.phoneValid(lead) ?? null,
        language: lead.language,
        emailRefused: emailRefused(lead.consents),
        scripts: { phone_script: phoneScript, voicemail, email_no_answer: email },
        at: c.clock.now(),
      };
    },
    'playbook.steps': async ({ ids }) => ({ steps: await c.playbook.steps(ids), at: c.clock.now() }),
    // The site in view's leads (docs/rules.md §11).
    'playbook.myDay': async (q, ctx) =>
      c.playbook.myDay(c.actor(ctx), { ...q, site: await c.sites.scope(c.actor(ctx)) }),
    'playbook.list': async (q, ctx) => c.playbook.list({ ...q, site: await c.sites.scope(c.actor(ctx)) }),
    'playbook.sendEmail': async ({ id, version, subject, body }, ctx) => {
      const r = await c.playbook.sendEmail(id, version, { subject, body }, c.actor(ctx));
      return { detail: await c.lists.detail(id), outboxId: r.outboxId, subject: r.subject };
    },
    'playbook.settings.get': () => c.playbook.settings(),
    'playbook.settings.set': async (v) => {
      await c.settings.set('playbook', v);
      return c.playbook.settings();
    },
    'templates.list': () => c.playbook.templates.list(),
    'templates.save': ({ kind, language, subject, body }) => c.playbook.templates.save(kind, language, subject, body),
    'templates.reset': ({ kind, language }) => c.playbook.templates.reset(kind, language),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof playbookChannels>;

// Handlers of e-mail (shared/contract/mail.ts) and of the notification centre (shared/contract/notifications.ts).
import type { Contract } from '../../../shared/contract';
import type { mailChannels } from '../../../shared/contract/mail';
import type { notificationChannels } from '../../../shared/contract/notifications';
import { AppError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { syncT } from '../mail/mailT';
import { SendError, isEmail } from '../mail/smtp';

export const mailHandlers = (c: CoreServices) =>
  ({
    'mail.settings.get': () => c.smtp.get(),
    'mail.settings.set': (input) => c.smtp.set(input),
    'mail.test': async ({ to, account }) => {
      const address = to;
      if (!isEmail(address)) throw new AppError('EMAIL_INVALID', { field: 'to' });
      const lang = c.settings.get('language');
      const t = syncT('mail', lang);
      try {
        if (account?.from && !isEmail(account.from)) throw new AppError('EMAIL_INVALID', { field: 'from' });
        const r = await c.smtp.send(
          {
            to: address,
            subject: t('test.subject'),
            text: t('test.body'),
            messageId: `<test-${c.clock.now()}@aslm-desk.local>`,
          },
          account,
        );
        return { to: address, messageId: r.messageId, response: r.response };
      } catch (e) {
        // A connection that could not be used is explained in words; the server's raw reply stays in `reason`.
        if (e instanceof SendError) {
          const { host, port } = account ?? c.smtp.get();
          throw new AppError(e.connection ? `SMTP_${e.connection}` : 'SMTP_FAILED', {
            params: { reason: e.reason, host, port },
          });
        }
        throw e;
      }
    },
    'mail.outbox.list': ({ leadId, limit }) => c.outbox.list({ leadId, limit }),
    'mail.outbox.retry': ({ id }) => c.outbox.retry(id, c.clock.now()),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof mailChannels>;

export const notificationHandlers = (c: CoreServices) =>
  ({
    'notifications.list': ({ unreadOnly, limit, language }, ctx) =>
      c.notifications.list(c.actor(ctx).id ?? -1, { unreadOnly, limit }, language ?? c.settings.get('language')),
    'notifications.markRead': ({ ids, all }, ctx) => {
      return c.notifications.markRead(c.actor(ctx).id ?? -1, { ids, all }, c.clock.now());
    },
    'notifications.settings.get': () => c.notifications.settings(),
    'notifications.settings.set': (s) => c.notifications.setSettings(s),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof notificationChannels>;

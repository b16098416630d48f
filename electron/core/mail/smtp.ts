// The SMTP account (settings key 'mail.smtp'): the password is kept only encrypted (Secrets), never
// returned, never logged. `send` delivers one message with nodemailer and answers the server's reply.
import nodemailer from 'nodemailer';
import type { SmtpSettings, SmtpSettingsInput } from '../../../shared/contract/mail';
import { AppError } from '../../../shared/contract/errors';
import type { SettingsService } from '../settingsService';
import type { SettingValue } from '../settingsRegistry';
import type { Secrets } from './secrets';

export const SMTP_KEY = 'mail.smtp';
type Stored = SettingValue<typeof SMTP_KEY>;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
export const isEmail = (s: string | null | undefined): s is string => !!s && EMAIL.test(s);

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  ics?: string | null;
  icsMethod?: 'REQUEST' | 'CANCEL' | null;
  /** Stable per outbox row: a resend after a crash carries the same Message-ID. */
  messageId: string;
}

/**
 * A delivery error with the server's reason. `permanent`: the server refused this message or recipient
 * with a 5xx answer (retrying will not help); `transient`: a 4xx answer for this message (retried, a
 * limited number of times); `account`: the server could not be reached or refused the account
 * (connection, TLS, login) — not the message's fault: it waits, however long, and is not counted.
 */
export type SendErrorClass = 'permanent' | 'transient' | 'account';
/** Why the server could not be used at all, in words for the desk (errors:code.SMTP_<problem>). */
export type ConnectionProblem = 'CONNECTION_REFUSED' | 'HOST_NOT_FOUND' | 'TIMEOUT' | 'AUTH_FAILED' | 'TLS_FAILED';
export class SendError extends Error {
  constructor(
    readonly reason: string,
    readonly errorClass: SendErrorClass,
    readonly connection?: ConnectionProblem,
  ) {
    super(reason);
  }
}

export interface SmtpService {
  get(): SmtpSettings;
  set(input: SmtpSettingsInput): Promise<SmtpSettings>;
  configured(): boolean;
  /** The address that gets the dealer's copies ('' = none). */
  dealerMailbox(): string;
  /** `account`: send with these values instead of the stored ones (the test e-mail of the form on screen). */
  send(mail: OutgoingMail, account?: SmtpSettingsInput): Promise<{ messageId: string; response: string }>;
}

export function createSmtpService(settings: SettingsService, secrets: Secrets, dealerEmail: () => string): SmtpService {
  const stored = (): Stored => settings.get(SMTP_KEY);
  const view = (s: Stored): SmtpSettings => ({
    host: s.host,
    port: s.port,
    tls: s.tls,
    user: s.user,
    from: s.from,
    dealerMailbox: s.dealerMailbox,
    passwordSet: s.password !== null,
    secretStore: secrets.kind,
  });
  const svc: SmtpService = {
    get: () => view(stored()),
    async set(input) {
      if (input.from && !isEmail(input.from)) throw new AppError('EMAIL_INVALID', { field: 'from' });
      if (input.dealerMailbox && !isEmail(input.dealerMailbox))
        throw new AppError('EMAIL_INVALID', { field: 'dealerMailbox' });
      if (input.host && /\s/.test(input.host)) throw new AppError('SMTP_HOST_INVALID', { field: 'host' });
      const cur = stored();
      const password =
        input.password === undefined ? cur.password : input.password === '' ? null : secrets.encrypt(input.password);
      const next: Stored = {
        host: input.host,
        port: input.port,
        tls: input.tls,
        user: input.user,
        from: input.from,
        dealerMailbox: input.dealerMailbox,
        password,
      };
      await settings.set(SMTP_KEY, next);
      return view(next);
    },
    configured: () => {
      const s = stored();
      return !!s.host && isEmail(s.from);
    },
    dealerMailbox: () => {
      const s = stored();
      return isEmail(s.dealerMailbox) ? s.dealerMailbox : isEmail(dealerEmail()) ? dealerEmail() : '';
    },
    async send(mail, account) {
      const cur = stored();
      const s = account ? { ...cur, ...account, password: cur.password } : cur;
      if (account?.host && /\s/.test(account.host)) throw new AppError('SMTP_HOST_INVALID', { field: 'host' });
      if (!s.host || !isEmail(s.from)) throw new AppError('SMTP_NOT_CONFIGURED');
      let pass: string | undefined = account?.password ? account.password : undefined;
      if (pass === undefined && s.password !== null) {
        try {
          pass = secrets.decrypt(s.password);
        } catch {
          throw new AppError('SMTP_PASSWORD_UNREADABLE', { field: 'password' });
        }
      }
      const transport = nodemailer.createTransport({
        host: s.host,
        port: s.port,
        secure: s.tls === 'tls',
        requireTLS: s.tls === 'starttls',
        ignoreTLS: s.tls === 'none',
        ...(s.user ? { auth: { user: s.user, pass: pass ?? '' } } : {}),
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
        logger: false,
        debug: false,
      });
      try {
        const info = await transport.sendMail({
          from: s.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          messageId: mail.messageId,
          ...(mail.ics
            ? { icalEvent: { method: mail.icsMethod ?? 'REQUEST', filename: 'invite.ics', content: mail.ics } }
            : {}),
        });
        return { messageId: info.messageId, response: String(info.response ?? '') };
      } catch (e) {
        throw toSendError(e);
      } finally {
        transport.close();
      }
    },
  };
  return svc;
}

/** The server's reason, without anything secret (nodemailer errors never carry the password). */
export function toSendError(e: unknown): SendError {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const reason = (err.response ?? err.message ?? String(e)).replace(/\s+/g, ' ').slice(0, 500);
  const code = err.responseCode ?? 0;
  const aboutMessage = err.code === 'EENVELOPE' || err.code === 'EMESSAGE';
  if (aboutMessage && code >= 500) return new SendError(reason, 'permanent');
  if (aboutMessage && code >= 400) return new SendError(reason, 'transient');
  // Refused by nodemailer itself before any server answer (no recipient, a malformed message): this
  // message will never go, however long it waits — permanent for it, the account is fine.
  if (aboutMessage && code === 0) return new SendError(reason, 'permanent');
  return new SendError(
    reason,
    'account',
    connectionProblem(err.code, (e as { errno?: unknown; message?: string }).message ?? ''),
  );
}

function connectionProblem(code: string | undefined, message: string): ConnectionProblem | undefined {
  if (code === 'EAUTH') return 'AUTH_FAILED';
  if (code === 'ETLS' || /SSL|TLS|certificate/i.test(code === 'ESOCKET' ? message : '')) return 'TLS_FAILED';
  if (/ECONNREFUSED/.test(message)) return 'CONNECTION_REFUSED';
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(message)) return 'HOST_NOT_FOUND';
  if (code === 'ETIMEDOUT' || /ETIMEDOUT|timeout/i.test(message)) return 'TIMEOUT';
  return undefined;
}

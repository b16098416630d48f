// The outbox's stored reasons are translated in every language; a mail server's own reply stays as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { mailReason, mailReasonInText } from './mailReason';

const LANGS = ['en', 'fr', 'de', 'it'] as const;
const load = (lang: string, ns: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../locales', lang, `${ns}.json`), 'utf8')) as object;
async function tOf(lang: string): Promise<TFunction> {
  const i = i18next.createInstance();
  await i.init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { mail: load(lang, 'mail'), domain: load(lang, 'domain'), errors: load(lang, 'errors') } },
  });
  return i.t;
}
/** Every token the core stores (outbox.ts, appointmentMails.ts, privacy.ts, smtp errors as AppError codes). */
const TOKENS = [
  'reason:rescheduled',
  'reason:superseded',
  'reason:contactAgain',
  'reason:erased',
  'reason:restored',
  'status:closed_no_sale',
  'code:EMAIL_INVALID',
  'code:SMTP_NOT_CONFIGURED',
  'code:SMTP_PASSWORD_UNREADABLE',
];

describe('mailReason', () => {
  for (const lang of LANGS) {
    it(`${lang}: every stored token has a real translation`, async () => {
      const t = await tOf(lang);
      for (const tok of TOKENS) {
        const out = mailReason(t, tok);
        expect(out, tok).not.toBe(tok);
        expect(out, tok).not.toBe(tok.split(':')[1]);
        expect(out.length, tok).toBeGreaterThan(3);
      }
    });
  }

  it('translates the token at the end of a history value; server replies and unknown text stay raw', async () => {
    const it_ = await tOf('it');
    expect(mailReason(it_, 'reason:rescheduled')).toBe('appuntamento spostato');
    expect(mailReason(it_, 'status:closed_no_sale')).toBe(it_('domain:status.closed_no_sale'));
    expect(mailReasonInText(it_, 'Conferma → mario@example.it (reason:rescheduled)')).toBe(
      'Conferma → mario@example.it (appuntamento spostato)',
    );
    expect(mailReason(it_, '550 5.1.1 <x@y.z>: no such user')).toBe('550 5.1.1 <x@y.z>: no such user');
    expect(mailReasonInText(it_, 'Subject → a@b.c (250 OK queued)')).toBe('Subject → a@b.c (250 OK queued)');
    expect(mailReason(it_, 'connect ECONNREFUSED 127.0.0.1:25')).toBe('connect ECONNREFUSED 127.0.0.1:25');
  });

  it('rows stored before the tokens (the bare word) are translated too', async () => {
    const it_ = await tOf('it');
    expect(mailReason(it_, 'rescheduled')).toBe('appuntamento spostato');
    expect(mailReason(it_, 'closed_no_sale')).toBe(it_('domain:status.closed_no_sale'));
    expect(mailReasonInText(it_, 'Conferma → mario@example.it (superseded)')).toBe(
      `Conferma → mario@example.it (${it_('mail:cancelReason.superseded')})`,
    );
    expect(mailReasonInText(it_, 'Subject → a@b.c (lost)')).toBe(`Subject → a@b.c (${it_('domain:status.lost')})`);
    expect(mailReasonInText(it_, 'Subject → a@b.c (mostly lost)')).toBe('Subject → a@b.c (mostly lost)');
  });
});

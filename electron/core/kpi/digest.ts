// The Aftersales Manager's daily digest (docs/rules.md §6: every day the manager checks that all leads
// are processed or in progress): leads not yet processed, SLA at risk, overdue, appointments today.
// buildDigest is pure over the database at `now`; runDailyDigest is what a scheduler calls (idempotent
// per local day: an in-app notification per manager, plus an optional e-mail sender hook).
import type { Digest, DigestSettings } from '../../../shared/contract/kpi';
import type { Language } from '../../../shared/domain/vocabulary';
import { localDate, wallTime } from '../../../shared/rules/time';
import type { TxRepos } from '../leadService';
import type { CoreServices } from '../services';
import { localeTag, reportT } from './i18n';

export const DIGEST_SETTINGS_KEY = 'kpi.digest';
const DIGEST_LAST_DAY_KEY = 'kpi.digest.lastDay';
export { DEFAULT_DIGEST } from '../settingsRegistry';

export const digestSettings = (c: CoreServices): DigestSettings => c.settings.get(DIGEST_SETTINGS_KEY);

export function buildDigest(c: CoreServices, now: number): Promise<Digest> {
  return c.kpiReports.digest(now);
}

/** Whether the digest is due at `now`: enabled, the dealer-local hour reached, and not yet run today. */
export function digestDue(c: CoreServices, now: number): boolean {
  const s = digestSettings(c);
  if (!s.enabled) return false;
  const tz = c.settings.rules().timeZone;
  if (wallTime(now, tz).hour < s.hour) return false;
  return c.settings.get(DIGEST_LAST_DAY_KEY) !== localDate(now, tz);
}

/** The digest as an e-mail/notification text in a language. */
export async function renderDigest(
  d: Digest,
  lang: Language,
  timeZone: string,
): Promise<{ subject: string; text: string }> {
  const t = await reportT(lang);
  const date = new Intl.DateTimeFormat(localeTag(lang), { timeZone, dateStyle: 'full' }).format(new Date(d.at));
  const time = new Intl.DateTimeFormat(localeTag(lang), { timeZone, timeStyle: 'short' }).format(new Date(d.at));
  const dt = new Intl.DateTimeFormat(localeTag(lang), { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const lines = [String(t('digest.intro', { date, time })), ''];
  const block = (
    key: string,
    part: Digest['notProcessed'],
    when: (l: Digest['notProcessed']['leads'][number]) => number | null,
  ) => {
    lines.push(String(t(key, { count: part.count })));
    for (const l of part.leads) {
      const w = when(l);
      lines.push(
        `  • ${l.number}  ${l.name}${l.assigneeName ? `  (${l.assigneeName})` : ''}${w ? `  ${dt.format(new Date(w))}` : ''}`,
      );
    }
    if (part.count > part.leads.length) lines.push(`  ${t('list.more', { count: part.count - part.leads.length })}`);
    lines.push('');
  };
  block('digest.notProcessed', d.notProcessed, (l) => l.dueAt);
  block('digest.atRisk', d.atRisk, (l) => l.dueAt);
  block('digest.overdue', d.overdue, (l) => l.dueAt);
  block('digest.appointmentsToday', d.appointmentsToday, (l) => l.appointmentAt);
  if (d.notProcessed.count + d.atRisk.count + d.overdue.count + d.appointmentsToday.count === 0)
    lines.push(String(t('digest.none')));
  return { subject: String(t('digest.subject', { date })), text: lines.join('\n') };
}

export type DigestMailer = (
  to: { userId: number; email: string; language: Language },
  mail: { subject: string; text: string },
  dedupeKey: string,
  /** The digest's transaction: the e-mail is written in it. */
  r: TxRepos,
) => unknown;

/**
 * Runs the daily digest if due: one in-app notification per active manager (kind 'kpi.digest', deduplicated
 * per day), and — when given — one e-mail per manager with an address through `mail` (the outbox).
 * Returns the digest, or null when it was not due.
 */
export async function runDailyDigest(c: CoreServices, now: number, mail?: DigestMailer): Promise<Digest | null> {
  if (!digestDue(c, now)) return null;
  const tz = c.settings.rules().timeZone;
  const day = localDate(now, tz);
  const digest = await buildDigest(c, now);
  const managers = await c.data.repos.kpi.activeManagers();
  const params = {
    day,
    notProcessed: digest.notProcessed.count,
    atRisk: digest.atRisk.count,
    overdue: digest.overdue.count,
    appointmentsToday: digest.appointmentsToday.count,
  };
  // The e-mails are written first (rendering is async), then the notifications, the e-mails and the "done today" marker
  // go in ONE transaction: a crash leaves either all of the day's digest or none of it (and it runs again).
  const mails: {
    to: { userId: number; email: string; language: Language };
    key: string;
    body: { subject: string; text: string };
  }[] = [];
  if (mail) {
    for (const m of managers) {
      if (m.email)
        mails.push({
          to: { userId: m.id, email: m.email, language: m.language },
          key: `kpi.digest.mail:${day}:${m.id}`,
          body: await renderDigest(digest, m.language, tz),
        });
    }
  }
  await c.data.tx(async (r) => {
    for (const m of managers)
      await r.kpi.insertDigestNotification(`kpi.digest:${day}:${m.id}`, m.id, JSON.stringify(params), now);
    if (mail) for (const m of mails) await mail(m.to, m.body, m.key, r);
    await c.settings.setIn(r, DIGEST_LAST_DAY_KEY, day);
  });
  return digest;
}

/**
 * The scheduler wiring: checks every `everyMs` (default 5 minutes) whether the digest is due and runs it.
 * Idempotent per local day, so a PC switched on after the hour still gets that day's digest. Returns stop().
 */
export function scheduleDailyDigest(
  c: CoreServices,
  opts: { mail?: DigestMailer; everyMs?: number; onlyIf?: () => Promise<boolean> } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // `onlyIf`: PostgreSQL's leader (one digest run per database, issue 15).
      if (!opts.onlyIf || (await opts.onlyIf())) await runDailyDigest(c, c.clock.now(), opts.mail);
    } catch (e) {
      c.log('daily digest failed', e);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.everyMs ?? 5 * 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}

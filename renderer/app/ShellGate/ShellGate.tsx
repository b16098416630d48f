// Asks the core for its state first: normal → the app; recovery (the start-up check failed) → only the
// recovery screen, in the PC's language (the stored setting is in the damaged file).
// It waits for the start-up reads (app/boot.ts) so that the app renders once, with its data, in the user's language.
import { useEffect, useState, type ReactNode } from 'react';
import type { ShellStatus } from '../../../shared/contract/backup';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { RecoveryScreen } from '../../features/backup/RecoveryScreen';
import { i18n } from '../../i18n';
import { closeBoot, peekBoot, startBoot } from '../boot';
import { formatDateTime, formatNumber } from '../format';

export function ShellGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<ShellStatus | 'normal' | null>(null);
  useEffect(() => {
    // While the start-up reads are on their way: the date and number formats the list needs (ICU data, read once).
    formatDateTime(0, i18n.language);
    formatNumber(0, i18n.language);
    void startBoot().then(async (r) => {
      if (r.ok && r.value.mode === 'recovery') {
        const lang = (navigator.language ?? 'en').slice(0, 2) as Language;
        if (LANGUAGES.includes(lang)) await i18n.changeLanguage(lang);
        setStatus(r.value);
      } else {
        const language = peekBoot('settings.get', {})?.language;
        if (language && i18n.language !== language) await i18n.changeLanguage(language);
        setStatus('normal');
      }
    });
  }, []);
  // The app has rendered with the start-up answers: from now on every read asks the core.
  useEffect(() => {
    if (status !== null) closeBoot();
  }, [status]);
  if (status === null) return null;
  if (status !== 'normal') return <RecoveryScreen status={status} />;
  return <>{children}</>;
}

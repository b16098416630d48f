// Asks the core for its state first: normal → the app; recovery (the start-up check failed) → only the
// recovery screen, in the PC's language (the stored setting is in the damaged file).
import { useEffect, useState, type ReactNode } from 'react';
import type { ShellStatus } from '../../../shared/contract/backup';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { RecoveryScreen } from '../../features/backup/RecoveryScreen';
import { i18n } from '../../i18n';
import { invoke } from '../../platform';

export function ShellGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<ShellStatus | 'normal' | null>(null);
  useEffect(() => {
    void invoke('shell.status', {}).then(async (r) => {
      if (r.ok && r.value.mode === 'recovery') {
        const lang = (navigator.language ?? 'en').slice(0, 2) as Language;
        if (LANGUAGES.includes(lang)) await i18n.changeLanguage(lang);
        setStatus(r.value);
      } else {
        setStatus('normal');
      }
    });
  }, []);
  if (status === null) return null;
  if (status !== 'normal') return <RecoveryScreen status={status} />;
  return <>{children}</>;
}

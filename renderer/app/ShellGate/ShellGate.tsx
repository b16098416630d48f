// Asks the core for its state first: normal → the app; recovery (the start-up check failed) → only the
// recovery screen, in the PC's language (the stored setting is in the damaged file). In host mode
// (docs/rules.md §12) a desk the host does not know (never paired, or removed) → the pairing screen.
// It waits for the start-up reads (app/boot.ts) so that the app renders once, with its data, in the user's language.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Reply } from '../../../shared/contract/errors';
import type { ShellStatus } from '../../../shared/contract/backup';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { RecoveryScreen } from '../../features/backup/RecoveryScreen';
import { PairingScreen } from '../../features/host/PairingScreen';
import { i18n } from '../../i18n';
import { invoke, onUnpaired } from '../../platform';
import { closeBoot, peekBoot, startBoot } from '../boot';

const pcLanguage = async () => {
  const lang = (navigator.language ?? 'en').slice(0, 2) as Language;
  if (LANGUAGES.includes(lang)) await i18n.changeLanguage(lang);
};

export function ShellGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<ShellStatus | 'normal' | 'unpaired' | null>(null);
  const decide = useCallback(async (r: Reply<ShellStatus>) => {
    if (r.ok && r.value.mode === 'recovery') {
      await pcLanguage();
      setStatus(r.value);
    } else if (!r.ok && r.error.code === 'DESK_NOT_PAIRED') {
      await pcLanguage();
      setStatus('unpaired');
    } else {
      const language = peekBoot('settings.get', {})?.language;
      if (language && i18n.language !== language) await i18n.changeLanguage(language);
      setStatus('normal');
    }
  }, []);
  useEffect(() => {
    void startBoot().then(decide);
    return onUnpaired(() => setStatus('unpaired'));
  }, [decide]);
  // The app has rendered with the start-up answers: from now on every read asks the core.
  useEffect(() => {
    if (status !== null) closeBoot();
  }, [status]);
  if (status === null) return null;
  if (status === 'unpaired') return <PairingScreen onPaired={() => void invoke('shell.status', {}).then(decide)} />;
  if (status !== 'normal') return <RecoveryScreen status={status} />;
  return <>{children}</>;
}

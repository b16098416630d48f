// App-wide settings in React: the language (persisted by the core) and the clock offset to the core.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '../../shared/contract/app';
import type { Language } from '../../shared/domain/vocabulary';
import { i18n } from '../i18n';
import { invoke } from '../platform';
import { useLiveRefresh } from './live';
import { peekBoot } from './boot';

interface SettingsCtx {
  settings: AppSettings | null;
  language: Language;
  setLanguage(l: Language): Promise<void>;
  refresh(): Promise<void>;
}
const Ctx = createContext<SettingsCtx>({
  settings: null,
  language: 'en',
  setLanguage: async () => undefined,
  refresh: async () => undefined,
});

export function SettingsProvider({ children }: { children: ReactNode }) {
  // Read at start-up (app/boot.ts; ShellGate has switched to its language already).
  const [booted] = useState(() => peekBoot('settings.get', {}));
  const [settings, setSettings] = useState<AppSettings | null>(booted ?? null);
  const refresh = useCallback(async () => {
    const r = await invoke('settings.get', {});
    if (r.ok) {
      setSettings(r.value);
      if (i18n.language !== r.value.language) await i18n.changeLanguage(r.value.language);
      document.documentElement.lang = r.value.language;
    }
  }, []);
  useEffect(() => {
    if (booted) document.documentElement.lang = booted.language;
    else void refresh();
  }, [refresh, booted]);
  useLiveRefresh(
    (m) => m.type === 'settings.changed' || m.type === 'resync',
    () => void refresh(),
  );
  const setLanguage = useCallback(async (language: Language) => {
    await i18n.changeLanguage(language);
    document.documentElement.lang = language;
    const r = await invoke('settings.setLanguage', { language });
    if (r.ok) setSettings(r.value);
  }, []);
  return (
    <Ctx.Provider value={{ settings, language: settings?.language ?? 'en', setLanguage, refresh }}>
      {children}
    </Ctx.Provider>
  );
}

export const useSettings = () => useContext(Ctx);

/** A campaign's label: the dealership's own campaigns by their name as typed, the defaults translated. */
export function useCampaignLabel(): (id: string) => string {
  const { t } = useTranslation();
  const labels = useContext(Ctx).settings?.campaignLabels;
  return useCallback((id: string) => labels?.[id] ?? t(`domain:campaign.${id}`, { defaultValue: id }), [labels, t]);
}

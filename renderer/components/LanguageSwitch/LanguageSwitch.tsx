import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { useSettings } from '../../app/settings';

/** EN / FR / DE / IT — the choice is saved by the core and survives a restart. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useSettings();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app:language.label')}
      value={language}
      onChange={(v) => void setLanguage(v as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
      data-testid="language-switch"
    />
  );
}

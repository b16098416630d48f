import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { useSettings } from '../../app/settings';

/**
 * EN / FR / DE / IT — the choice is saved by the core and survives a restart. A radio group of small buttons, not
 * a SegmentedControl: its floating indicator measures the page (a forced layout of the whole first screen at start-up).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useSettings();
  return (
    <Group gap={2} role="radiogroup" aria-label={t('app:language.label')} data-testid="language-switch" wrap="nowrap">
      {LANGUAGES.map((l) => (
        <Button
          key={l}
          size="compact-xs"
          variant={l === language ? 'filled' : 'default'}
          role="radio"
          aria-checked={l === language}
          onClick={() => {
            if (l !== language) void setLanguage(l as Language);
          }}
        >
          {l.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

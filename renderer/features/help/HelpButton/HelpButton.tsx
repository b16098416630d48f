import { ActionIcon, Tooltip } from '@mantine/core';
import { IconQuestionMark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The "?" in the header: the help pages, from every screen. */
export function HelpButton() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('desk:help.open')}>
      <ActionIcon
        component="a"
        href="#/help"
        variant="light"
        radius="xl"
        size="lg"
        aria-label={t('desk:help.open')}
        data-testid="help-button"
      >
        <IconQuestionMark size={18} />
      </ActionIcon>
    </Tooltip>
  );
}

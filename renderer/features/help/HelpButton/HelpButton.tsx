import { ActionIcon } from '@mantine/core';
import { IconQuestionMark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HoverTooltip } from '../../../components/HoverTooltip';

/** The "?" in the header: the help pages, from every screen (its tooltip mounted on first hover: cold start). */
export function HelpButton() {
  const { t } = useTranslation();
  return (
    <HoverTooltip label={t('desk:help.open')}>
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
    </HoverTooltip>
  );
}

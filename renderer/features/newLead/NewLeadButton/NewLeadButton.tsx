import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "New lead" in the header, reachable from every screen. */
export function NewLeadButton() {
  const { t } = useTranslation();
  return (
    <Button component="a" href="#/new" size="xs" leftSection={<IconPlus size={16} />} data-testid="new-lead-button">
      {t('desk:newLead.button')}
    </Button>
  );
}

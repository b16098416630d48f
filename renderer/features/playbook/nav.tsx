// Navigation entries of the playbook and the import (added to the frame through app/slots.ts).
import { NavLink } from '@mantine/core';
import { IconCalendarCheck, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function MyDayNav({ here }: { here: string }) {
  const { t } = useTranslation();
  return (
    <NavLink
      href="#/my-day"
      label={t('playbook:nav.myDay')}
      leftSection={<IconCalendarCheck size={18} />}
      active={here.startsWith('my-day')}
      data-testid="nav-my-day"
    />
  );
}

export function ImportNav({ here }: { here: string }) {
  const { t } = useTranslation();
  return (
    <NavLink
      href="#/import"
      label={t('playbook:nav.import')}
      leftSection={<IconFileImport size={18} />}
      active={here.startsWith('import')}
      data-testid="nav-import"
    />
  );
}

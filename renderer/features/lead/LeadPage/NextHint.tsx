// What to do next on this lead, in one line (the playbook card of a later release goes further).
import { Alert } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { hintKey } from './next';
import { formatDateTime } from '../../../app/format';

export function NextHint({ detail }: { detail: LeadDetail }) {
  const { t, i18n } = useTranslation();
  const l = detail.lead;
  const key = hintKey(l);
  const final = key === 'final';
  return (
    <Alert color={final ? 'gray' : 'blue'} icon={final ? <IconLock size={18} /> : <IconInfoCircle size={18} />} data-testid="next-hint" data-hint={key} py={8}>
      {t(`desk:next.${key}`, { n: l.contactAttempts, at: formatDateTime(l.appointmentAt ?? l.recontactAt, i18n.language) })}
    </Alert>
  );
}

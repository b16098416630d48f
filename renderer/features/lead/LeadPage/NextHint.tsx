// What to do next on this lead, in one line (the playbook card of a later release goes further).
import { Alert } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import type { ActionId } from '../../../../shared/domain/vocabulary';
import { isFinal, isPendingRecontact } from '../../../../shared/rules/actions';
import { formatDateTime } from '../../../app/format';

/** The button the desk most likely needs now. */
export function primaryAction(d: LeadDetail): ActionId | null {
  const l = d.lead;
  if (isPendingRecontact(l)) return 'contactAgain';
  if (isFinal(l)) return null;
  if (l.contactAttempts === 0 || (l.status === 'assigned' && l.lastOutcome !== 'reached')) return 'recordContact';
  if (l.status === 'assigned') return 'makeAppointment';
  return 'closedInSale';
}

export function NextHint({ detail }: { detail: LeadDetail }) {
  const { t, i18n } = useTranslation();
  const l = detail.lead;
  let key: string;
  if (isPendingRecontact(l)) key = 'pendingRecontact';
  else if (isFinal(l)) key = 'final';
  else if (l.contactAttempts === 0) key = 'firstContact';
  else if (l.status === 'assigned' && l.lastOutcome !== 'reached') key = 'tryAgain';
  else if (l.status === 'assigned') key = 'appointment';
  else key = 'close';
  const final = key === 'final';
  return (
    <Alert color={final ? 'gray' : 'blue'} icon={final ? <IconLock size={18} /> : <IconInfoCircle size={18} />} data-testid="next-hint" data-hint={key} py={8}>
      {t(`desk:next.${key}`, { n: l.contactAttempts, at: formatDateTime(l.appointmentAt ?? l.recontactAt, i18n.language) })}
    </Alert>
  );
}

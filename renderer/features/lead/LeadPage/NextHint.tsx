// What to do next on this lead, in one line (the playbook card of a later release goes further).
import { Alert } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { hintKey } from './next';
import { guidance } from '../../../../shared/rules/guidance';
import type { NextStep } from '../../../../shared/rules/nextStep';
import { formatDateTime } from '../../../app/format';

/** `step`: the lead's next step (playbook.step), the same the Next-step card shows: one source for both. */
export function NextHint({ detail, step }: { detail: LeadDetail; step?: Pick<NextStep, 'kind' | 'reason'> | null }) {
  const { t, i18n } = useTranslation();
  const l = detail.lead;
  const key = step ? guidance(step, l).hint : hintKey(l);
  const final = key === 'final';
  // The step's own words where it has them (the card says the same), the banner's own with the dates otherwise.
  const text =
    step && !['final', 'pendingRecontact', 'close'].includes(key) ? t(`playbook:reason.${step.reason}`) : null;
  return (
    <Alert
      color={final ? 'gray' : 'blue'}
      icon={final ? <IconLock size={18} /> : <IconInfoCircle size={18} />}
      data-testid="next-hint"
      data-hint={key}
      py={8}
    >
      {text ??
        t(`desk:next.${key}`, {
          n: l.contactAttempts,
          at: formatDateTime(l.appointmentAt ?? l.recontactAt, i18n.language),
        })}
    </Alert>
  );
}

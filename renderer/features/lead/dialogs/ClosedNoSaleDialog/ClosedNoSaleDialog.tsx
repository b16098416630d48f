// Closed No Sale: a reason from the manual's list, flat and in its order (no invented category headings);
// Other needs notes; Not current owner needs the end-of-ownership date (written to the vehicle). Under the
// manual's one category, Not interested now, Contact Again is shown but not pickable: it is set only by the
// Contact Again action.
import { Radio, Stack, Text, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSE_REASON_CATEGORY,
  PICKABLE_CLOSE_REASONS,
  type CloseReason,
} from '../../../../../shared/domain/vocabulary';
import { closedNoSale } from '../../../../../shared/rules/actions';
import { DateTimeField } from '../../../../components/DateTimeField';
import { DialogFrame } from '../DialogFrame';
import { useLeadAction, useRuleContext, type LeadActionProps } from '../../shared/useLeadAction';

export function ClosedNoSaleDialog(p: LeadActionProps) {
  const { t } = useTranslation();
  const ctx = useRuleContext(p.coreNow);
  const a = useLeadAction('leads.closedNoSale', p);
  const l = p.detail.lead;
  const [reason, setReason] = useState<CloseReason | null>(null);
  const [notes, setNotes] = useState('');
  const [eoo, setEoo] = useState<number | null>(null);
  useEffect(() => {
    if (p.opened) {
      setReason(null);
      setNotes(l.managementNotes ?? '');
      setEoo(null);
      a.setError(null);
    }
  }, [p.opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = () => {
    const input = { reason, notes: notes.trim() || null, endOfOwnership: reason === 'not_current_owner' ? eoo : null };
    void a.submit(input, closedNoSale(l, input, ctx()));
  };
  return (
    <DialogFrame
      title={t('desk:action.closedNoSale')}
      opened={p.opened}
      onClose={p.onClose}
      onSubmit={save}
      busy={a.busy}
      error={a.generalError(['reason', 'notes', 'endOfOwnership'])}
      testId="dialog-closedNoSale"
    >
      <Radio.Group
        label={t('desk:field.closeReason')}
        required
        value={reason ?? ''}
        onChange={(v) => {
          a.setError(null);
          setReason(v as CloseReason);
        }}
        error={a.fieldError('reason')}
        data-testid="close-reason"
      >
        <Stack gap={4} mt={6}>
          {PICKABLE_CLOSE_REASONS.map((r) => (
            <Radio key={r} value={r} data-testid={`close-reason-${r}`} label={t(`domain:closeReason.${r}`)} />
          ))}
          <Stack gap={4} mt={4} data-testid="close-category-not_interested_now">
            <Text size="xs" c="dimmed" fw={600}>
              {t(`domain:closeCategory.${CLOSE_REASON_CATEGORY.contact_again}`)}
            </Text>
            <Radio
              value="contact_again"
              disabled
              data-testid="close-reason-contact_again"
              label={t('domain:closeReason.contact_again')}
              description={t('desk:closedNoSale.contactAgainOnly')}
              ml="sm"
            />
          </Stack>
        </Stack>
      </Radio.Group>
      {reason === 'not_current_owner' && (
        <DateTimeField
          dateOnly
          label={t('desk:field.endOfOwnership')}
          value={eoo}
          onChange={a.touch(setEoo)}
          required
          error={a.fieldError('endOfOwnership')}
          testId="close-eoo"
          choices={[{ at: dayjs(p.detail.now).startOf('day').valueOf(), label: t('desk:common.today') }]}
        />
      )}
      <Textarea
        label={t('desk:field.managementNotes')}
        value={notes}
        onChange={(e) => {
          a.setError(null);
          setNotes(e.currentTarget.value);
        }}
        autosize
        minRows={3}
        maxLength={4000}
        required={reason === 'other'}
        description={reason === 'other' ? t('desk:closedNoSale.notesNeeded') : undefined}
        error={a.fieldError('notes')}
        data-testid="close-notes"
      />
    </DialogFrame>
  );
}

// Closed In Sale: asks the VIN when the lead has none; without a previous appointment the lead
// management notes are mandatory (docs/rules.md §3).
import { Alert, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closedInSale } from '../../../../../shared/rules/actions';
import { isValidVin } from '../../../../../shared/rules/vin';
import { VinField } from '../../../../components/VinField';
import { DialogFrame } from '../DialogFrame';
import { useLeadAction, useRuleContext, type LeadActionProps } from '../../shared/useLeadAction';

export function ClosedInSaleDialog(p: LeadActionProps) {
  const { t } = useTranslation();
  const ctx = useRuleContext(p.coreNow);
  const a = useLeadAction('leads.closedInSale', p);
  const l = p.detail.lead;
  const [vin, setVin] = useState('');
  const [notes, setNotes] = useState('');
  useEffect(() => {
    if (p.opened) {
      setVin('');
      setNotes(l.managementNotes ?? '');
      a.setError(null);
    }
  }, [p.opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const needsVin = !isValidVin(l.vin);
  const needsNotes = l.appointmentAt === null;
  const save = () => {
    const input = { vin: needsVin ? vin.trim() || null : null, notes: notes.trim() || null };
    void a.submit(input, closedInSale(l, input, ctx()));
  };
  return (
    <DialogFrame
      title={t('desk:action.closedInSale')}
      opened={p.opened}
      onClose={p.onClose}
      onSubmit={save}
      busy={a.busy}
      error={a.generalError(['vin', 'notes'])}
      testId="dialog-closedInSale"
    >
      {needsVin && (
        <Alert color="yellow" data-testid="closed-sale-vin-needed">
          {t('desk:closedInSale.vinNeeded')}
        </Alert>
      )}
      {needsVin ? (
        <VinField
          value={vin}
          onChange={(v) => {
            a.setError(null);
            setVin(v);
          }}
          required
          error={a.fieldError('vin')}
          testId="closed-sale-vin"
        />
      ) : (
        <TextInput
          label={t('desk:field.vin')}
          value={l.vin ?? ''}
          readOnly
          styles={{ input: { fontFamily: 'monospace' } }}
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
        required={needsNotes}
        description={needsNotes ? t('desk:closedInSale.notesNeeded') : undefined}
        error={a.fieldError('notes')}
        data-testid="closed-sale-notes"
      />
    </DialogFrame>
  );
}

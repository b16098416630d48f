// Contact Again: a future date-time. The lead closes as Not interested now → Contact again, and a
// follow-up lead is created on that date. Until then the date may still change.
import { Alert } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactAgain, isPendingRecontact } from '../../../../../shared/rules/actions';
import { DateTimeField } from '../../../../components/DateTimeField';
import { DialogFrame } from '../DialogFrame';
import { recontactChoices } from '../../shared/choices';
import { useLeadAction, useRuleContext, type LeadActionProps } from '../../shared/useLeadAction';

export function ContactAgainDialog(p: LeadActionProps) {
  const { t } = useTranslation();
  const ctx = useRuleContext(p.coreNow);
  const a = useLeadAction('leads.contactAgain', p);
  const l = p.detail.lead;
  const [when, setWhen] = useState<number | null>(null);
  useEffect(() => {
    if (p.opened) {
      setWhen(l.recontactAt);
      a.setError(null);
    }
  }, [p.opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const now = p.detail.now;
  const choices = useMemo(
    () => recontactChoices(now).map((c) => ({ at: c.at, label: t(`desk:contactAgain.${c.key}`) })),
    [now, t],
  );
  const save = () => {
    if (when === null) {
      a.setError({ code: 'RECONTACT_REQUIRED', field: 'recontactAt' });
      return;
    }
    const input = { recontactAt: when };
    void a.submit(input, contactAgain(l, input, ctx()));
  };
  const err = a.error?.code === 'RECONTACT_REQUIRED' ? t('desk:contactAgain.required') : a.fieldError('recontactAt');
  return (
    <DialogFrame
      title={t('desk:action.contactAgain')}
      opened={p.opened}
      onClose={p.onClose}
      onSubmit={save}
      busy={a.busy}
      error={a.error?.code === 'RECONTACT_REQUIRED' ? null : a.generalError(['recontactAt'])}
      testId="dialog-contactAgain"
    >
      <Alert color="blue">
        {isPendingRecontact(l) ? t('desk:contactAgain.change') : t('desk:contactAgain.explain')}
      </Alert>
      <DateTimeField
        label={t('desk:field.recontactAt')}
        value={when}
        onChange={a.touch(setWhen)}
        min={now}
        choices={choices}
        required
        error={err}
        testId="recontact-at"
      />
    </DialogFrame>
  );
}

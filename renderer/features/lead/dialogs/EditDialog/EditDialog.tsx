// Edit: request details, VIN, notes, customer notes (docs/rules.md §3). Only the changed fields are sent.
import { Select, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../../shared/domain/vocabulary';
import { edit } from '../../../../../shared/rules/actions';
import { DateTimeField } from '../../../../components/DateTimeField';
import { VinField } from '../../../../components/VinField';
import { DialogFrame } from '../DialogFrame';
import { LONG, TEXT_FIELDS, TIME_FIELDS, changes, fromLead, type Form, type TextField } from './form';
import { useLeadAction, useRuleContext, type LeadActionProps } from '../../shared/useLeadAction';

export function EditDialog(p: LeadActionProps) {
  const { t } = useTranslation();
  const ctx = useRuleContext(p.coreNow);
  const a = useLeadAction('leads.edit', p);
  const l = p.detail.lead;
  const [f, setF] = useState<Form>(() => fromLead(l));
  useEffect(() => {
    if (p.opened) {
      setF(fromLead(l));
      a.setError(null);
    }
  }, [p.opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((s) => ({ ...s, [k]: v }));
  const save = () => {
    const input = changes(l, f);
    if (Object.keys(input).length === 0) {
      p.onClose();
      return;
    }
    if ((input.firstName !== undefined && !input.firstName) || (input.lastName !== undefined && !input.lastName)) {
      a.setError({
        code: 'NAME_REQUIRED',
        field: input.firstName !== undefined && !input.firstName ? 'firstName' : 'lastName',
      });
      return;
    }
    void a.submit(input, edit(l, input, ctx()));
  };
  const text = (k: TextField) => {
    const props = {
      label: t(`desk:field.${k}`),
      value: f[k],
      onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value),
      error: a.fieldError(k),
      'data-testid': `edit-${k}`,
    };
    return LONG.includes(k) ? (
      <Textarea {...props} autosize minRows={2} style={{ gridColumn: '1 / -1' }} />
    ) : (
      <TextInput {...props} />
    );
  };
  const all = [...TEXT_FIELDS, ...TIME_FIELDS, 'language'];
  return (
    <DialogFrame
      title={t('desk:action.edit')}
      opened={p.opened}
      onClose={p.onClose}
      onSubmit={save}
      busy={a.busy}
      error={a.generalError(all)}
      testId="dialog-edit"
      size="xl"
    >
      <Title order={5}>{t('desk:section.request')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text('firstName')}
        {text('lastName')}
        {text('email')}
        {text('phone')}
        {text('otherPhone')}
        <Select
          label={t('desk:field.language')}
          value={f.language}
          onChange={(v) => v && set('language', v as Language)}
          allowDeselect={false}
          data={LANGUAGES.map((x) => ({ value: x, label: t(`desk:language.${x}`) }))}
          data-testid="edit-language"
        />
        {text('country')}
        {text('state')}
        {text('city')}
        {text('zip')}
        {text('requestFor')}
        {text('requestDetails')}
        {TIME_FIELDS.map((k) => (
          <DateTimeField
            key={k}
            label={t(`desk:field.${k}`)}
            value={f[k]}
            onChange={(v) => set(k, v)}
            clearable
            error={a.fieldError(k)}
            testId={`edit-${k}`}
          />
        ))}
        {text('additionalServices')}
        {text('customerNotes')}
      </SimpleGrid>
      <Title order={5}>{t('desk:section.vehicle')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <VinField value={f.vin} onChange={(v) => set('vin', v)} error={a.fieldError('vin')} testId="edit-vin" />
      </SimpleGrid>
      <Title order={5}>{t('desk:section.notes')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text('campaignNotes')}
        {text('managementNotes')}
      </SimpleGrid>
    </DialogFrame>
  );
}

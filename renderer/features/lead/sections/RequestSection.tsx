// Request Details: the customer's data and request, preferred date-times, appointment and recontact.
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { asLeadName } from '../../../../shared/domain/lead';
import { formatDateTime } from '../../../app/format';
import { Field, Section } from './Field';

export function RequestSection({ detail }: { detail: LeadDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const l = detail.lead;
  return (
    <Section title={t('desk:section.request')} testId="section-request">
      <Field name="name">{asLeadName(l)}</Field>
      <Field name="firstName">{l.firstName}</Field>
      <Field name="lastName">{l.lastName}</Field>
      <Field name="email">
        {l.email ? (
          <Anchor href={`mailto:${l.email}`} size="sm">
            {l.email}
          </Anchor>
        ) : null}
      </Field>
      <Field name="phone">
        {l.phone ? (
          <Anchor href={`tel:${l.phone}`} size="sm">
            {l.phone}
          </Anchor>
        ) : null}
      </Field>
      <Field name="otherPhone">{l.otherPhone}</Field>
      <Field name="language">{t(`desk:language.${l.language}`)}</Field>
      <Field name="country">{l.country}</Field>
      <Field name="state">{l.state}</Field>
      <Field name="city">{l.city}</Field>
      <Field name="zip">{l.zip}</Field>
      <Field name="requestFor">{l.requestFor}</Field>
      <Field name="requestDetails" span>
        {l.requestDetails}
      </Field>
      <Field name="preferredAt1">{formatDateTime(l.preferredAt1, lang)}</Field>
      <Field name="preferredAt2">{formatDateTime(l.preferredAt2, lang)}</Field>
      <Field name="preferredAt3">{formatDateTime(l.preferredAt3, lang)}</Field>
      <Field name="appointmentAt">{formatDateTime(l.appointmentAt, lang)}</Field>
      <Field name="recontactAt">{formatDateTime(l.recontactAt, lang)}</Field>
      <Field name="additionalServices">{l.additionalServices}</Field>
      <Field name="customerNotes" span>
        {l.customerNotes}
      </Field>
    </Section>
  );
}

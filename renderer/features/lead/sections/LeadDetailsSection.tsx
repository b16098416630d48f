// AS Lead Details: status, campaign, source, type, Recontacted, Master AS Lead, days, consents.
import { Anchor, Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCampaignLabel } from '../../../app/settings';
import type { LeadDetail } from '../../../../shared/contract/models';
import { CONSENTS } from '../../../../shared/domain/vocabulary';
import { StatusBadge } from '../../../components/StatusBadge';
import { daysBetween, formatDateTime } from '../../../app/format';
import { Field, Section, YesNo } from './Field';

export function LeadDetailsSection({ detail, now }: { detail: LeadDetail; now: number }) {
  const { t, i18n } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const lang = i18n.language;
  const l = detail.lead;
  return (
    <Section title={t('desk:section.leadDetails')} testId="section-lead-details">
      <Field name="status">
        <StatusBadge status={l.status} frozen={l.frozen} />
      </Field>
      <Field name="campaign">{campaignLabel(l.campaign)}</Field>
      <Field name="source">{t(`domain:source.${l.source}`)}</Field>
      <Field name="leadType">{t(`domain:leadType.${l.leadType}`)}</Field>
      <Field name="createdAt">{formatDateTime(l.createdAt, lang)}</Field>
      <Field name="assignedAt">{formatDateTime(l.assignedAt, lang)}</Field>
      <Field name="daysFromCreation">{String(daysBetween(l.createdAt, now))}</Field>
      <Field name="assignee">{detail.assigneeName}</Field>
      <Field name="recontacted">
        <YesNo value={l.recontacted} />
      </Field>
      <Field name="masterLead">
        {l.masterLeadId !== null ? (
          <Anchor href={`#/lead/${l.masterLeadId}`} size="sm" data-testid="master-lead-link">
            {detail.masterLeadNumber ?? `#${l.masterLeadId}`}
          </Anchor>
        ) : null}
      </Field>
      <Field name="followUpLead">
        {l.followUpLeadId !== null ? (
          <Anchor href={`#/lead/${l.followUpLeadId}`} size="sm" data-testid="follow-up-link">
            {detail.followUpLeadNumber ?? `#${l.followUpLeadId}`}
          </Anchor>
        ) : null}
      </Field>
      <Field name="campaignNotes" span>
        {l.campaignNotes}
      </Field>
      <Field name="consents" span>
        <Group gap={6} data-testid="consents">
          {CONSENTS.map((c) => (
            <Badge
              key={c}
              size="sm"
              variant={l.consents[c] ? 'light' : 'outline'}
              color={l.consents[c] ? 'green' : 'gray'}
              data-consent={c}
              data-value={l.consents[c] ? 'yes' : 'no'}
            >
              {t(`desk:consent.${c}`)}: {l.consents[c] ? t('desk:common.yes') : t('desk:common.no')}
            </Badge>
          ))}
        </Group>
      </Field>
    </Section>
  );
}

// Qualification Details: attempt slots 1–5, first contact, SLA flags, management date, close reason, notes.
import { Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { formatDateTime } from '../../../app/format';
import { Field, Section, SlaState, YesNo } from './Field';
import { CLOSE_REASON_CATEGORY } from '../../../../shared/domain/vocabulary';

export function QualificationSection({ detail }: { detail: LeadDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const l = detail.lead;
  const slots = useMemo(
    () => [...detail.contacts].sort((a, b) => a.at - b.at || a.id - b.id).slice(0, 5),
    [detail.contacts],
  );
  return (
    <Section title={t('desk:section.qualification')} testId="section-qualification">
      {[0, 1, 2, 3, 4].map((i) => {
        const c = slots[i];
        return (
          <Field key={i} name={`attempt${i + 1}`}>
            {c ? (
              <Group gap={4} data-testid={`attempt-${i + 1}`}>
                <Text size="sm">{formatDateTime(c.at, lang)}</Text>
                <Text size="sm" c="dimmed">
                  · {t(`domain:channel.${c.channel}`)} · {t(`domain:outcome.${c.outcome}`)}
                </Text>
              </Group>
            ) : null}
          </Field>
        );
      })}
      <Field name="contactAttempts">{String(l.contactAttempts)}</Field>
      <Field name="firstContact">
        <YesNo value={l.firstContactAt !== null} />
      </Field>
      <Field name="firstContactAt">{formatDateTime(l.firstContactAt, lang)}</Field>
      <Field name="sla1">
        <Group gap={6}>
          <SlaState state={detail.sla.sla1} />
          <Text size="xs" c="dimmed">
            {t('desk:sla.due', { at: formatDateTime(detail.sla.sla1DueAt, lang) })}
          </Text>
        </Group>
      </Field>
      <Field name="sla2">
        <Group gap={6}>
          <SlaState state={detail.sla.sla2} />
          <Text size="xs" c="dimmed">
            {t('desk:sla.due', { at: formatDateTime(detail.sla.sla2DueAt, lang) })}
          </Text>
        </Group>
      </Field>
      <Field name="qualifiedAt">{formatDateTime(l.qualifiedAt, lang)}</Field>
      <Field name="closeReason">
        {/* Only Contact Again has a category in the manual (Not Interested Now → Contact Again). */}
        {l.closeReason
          ? (CLOSE_REASON_CATEGORY[l.closeReason]
              ? `${t(`domain:closeCategory.${CLOSE_REASON_CATEGORY[l.closeReason]}`)} → `
              : '') + t(`domain:closeReason.${l.closeReason}`)
          : null}
      </Field>
      <Field name="closedAt">{formatDateTime(l.closedAt, lang)}</Field>
      <Field name="lostAt">{detail.sla.lostAt !== null ? formatDateTime(detail.sla.lostAt, lang) : null}</Field>
      <Field name="managementNotes" span>
        {l.managementNotes}
      </Field>
    </Section>
  );
}

// The next step of a lead (contact playbook) with a one-click way to do it: record the call's outcome,
// or send the e-mail (template in the customer's language, editable before it is queued).
// The lead page places it: <NextStepCard leadId={id} onChanged={reload} />.
import { Accordion, Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { call, AppCallError } from '../../../platform';
import { formatDateTime } from '../../../app/format';
import { StepBadge } from '../StepBadge';
import { SendEmailModal } from './SendEmailModal';
import { showUndoContact } from './undoContact';
import { DealerMissing } from '../DealerMissing';

type Step = Output<'playbook.step'>;
const OUTCOMES = ['reached', 'no_answer', 'voicemail', 'busy', 'invalid_number'] as const;
const CALL_STEPS = new Set(['call', 'voicemail', 'callAgain', 'qualify', 'book', 'sendEmail']);

export function NextStepCard({ leadId, onChanged }: { leadId: number; onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [emailOpen, setEmailOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await call('playbook.step', { id: leadId }));
      setError(null);
    } catch (e) {
      setError(e instanceof AppCallError ? e.error.code : 'INTERNAL');
    }
  }, [leadId]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async () => {
    await load();
    onChanged?.();
  };
  const record = async (outcome: (typeof OUTCOMES)[number]) => {
    if (!data) return;
    setBusy(true);
    try {
      const detail = await call('leads.recordContact', {
        id: leadId,
        version: data.version,
        input: { direction: 'outbound', channel: 'phone', outcome },
      });
      showUndoContact(t, detail, () => onChanged?.());
      await changed();
    } catch (e) {
      notifications.show({
        message: t(`errors:code.${e instanceof AppCallError ? e.error.code : 'INTERNAL'}`, {
          defaultValue: e instanceof AppCallError ? e.error.code : 'INTERNAL',
        }),
        color: 'red',
      });
    } finally {
      setBusy(false);
    }
  };

  if (error)
    return (
      <Alert color="red" data-testid="next-step-error">
        {t(`errors:code.${error}`, { defaultValue: error })}
      </Alert>
    );
  if (!data) return null;
  const { step } = data;
  const slot = step.slot ? t(`playbook:slot.${step.slot}`) : '';
  return (
    <Card withBorder data-testid="next-step-card" data-kind={step.kind}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{t('playbook:myDay.step')}</Title>
            <StepBadge kind={step.kind} due={data.due} />
            {data.due && (
              <Text size="sm" c="red" fw={600}>
                {t('playbook:dueNow')}
              </Text>
            )}
          </Group>
          {step.deadline !== null && (
            <Text size="sm" c="dimmed">
              {t('playbook:deadline', { time: formatDateTime(step.deadline, i18n.language) })}
            </Text>
          )}
        </Group>
        <Text data-testid="next-step-reason">{t(`playbook:reason.${step.reason}`)}</Text>
        {step.suggestedAt !== null && (
          <Text size="sm" data-testid="next-step-suggested">
            {slot
              ? t('playbook:suggested', { time: formatDateTime(step.suggestedAt, i18n.language), slot })
              : t('playbook:suggestedAt', { time: formatDateTime(step.suggestedAt, i18n.language) })}
          </Text>
        )}
        {step.failedCalls > 0 && (
          <Text size="sm" c="dimmed">
            {t('playbook:failedCalls', { count: step.failedCalls })}
          </Text>
        )}
        <DealerMissing
          missing={[
            ...(data.scripts.phone_script.missing ?? []),
            ...(data.scripts.voicemail.missing ?? []),
            ...(data.scripts.email_no_answer.missing ?? []),
          ]}
        />
        {data.phoneValid === false && (
          <Alert color="yellow" p="xs">
            {t('playbook:phoneInvalid')}
          </Alert>
        )}
        {CALL_STEPS.has(step.kind) && step.kind !== 'sendEmail' && (
          <Group gap="xs" aria-label={t('playbook:outcome.title')}>
            {OUTCOMES.map((o) => (
              <Button
                key={o}
                size="xs"
                variant={o === 'reached' ? 'filled' : 'light'}
                disabled={busy}
                onClick={() => void record(o)}
                data-testid={`outcome-${o}`}
              >
                {t(`playbook:outcome.${o}`)}
              </Button>
            ))}
          </Group>
        )}
        {step.kind !== 'none' && (
          <Group>
            <Button
              size="xs"
              color="grape"
              variant={step.kind === 'sendEmail' ? 'filled' : 'outline'}
              disabled={!data.email || busy}
              onClick={() => setEmailOpen(true)}
              data-testid="send-email"
            >
              {t('playbook:sendEmail.button')}
            </Button>
            {!data.email && (
              <Text size="xs" c="dimmed">
                {t('playbook:sendEmail.noAddress')}
              </Text>
            )}
          </Group>
        )}
        <Accordion
          variant="contained"
          defaultValue={
            step.kind === 'voicemail' ? 'voicemail' : step.kind === 'call' || step.kind === 'callAgain' ? 'phone' : null
          }
        >
          <Accordion.Item value="phone">
            <Accordion.Control>{t('playbook:script.phone')}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="script-phone">
                {data.scripts.phone_script.body}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="voicemail">
            <Accordion.Control>{t('playbook:script.voicemail')}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="script-voicemail">
                {data.scripts.voicemail.body}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
      {emailOpen && data.email && (
        <SendEmailModal
          leadId={leadId}
          version={data.version}
          to={data.email}
          initial={data.scripts.email_no_answer}
          onClose={() => setEmailOpen(false)}
          onSent={() => {
            setEmailOpen(false);
            void changed();
          }}
        />
      )}
    </Card>
  );
}

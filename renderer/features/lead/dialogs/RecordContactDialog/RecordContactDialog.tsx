// Record contact: direction, channel, outcome, the customer's verbatim and the answer given.
// The time is the save time, set by the app (docs/rules.md §3).
import { Chip, Group, Input, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  DIRECTIONS,
  OUTCOMES,
  type Channel,
  type Direction,
  type Outcome,
} from '../../../../../shared/domain/vocabulary';
import { recordContact } from '../../../../../shared/rules/actions';
import { DialogFrame } from '../DialogFrame';
import { useLeadAction, useRuleContext, type LeadActionProps } from '../../shared/useLeadAction';

export function RecordContactDialog(p: LeadActionProps) {
  const { t } = useTranslation();
  const ctx = useRuleContext(p.coreNow);
  const a = useLeadAction('leads.recordContact', p);
  const [direction, setDirection] = useState<Direction>('outbound');
  const [channel, setChannel] = useState<Channel>('phone');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [verbatim, setVerbatim] = useState('');
  const [answer, setAnswer] = useState('');
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  useEffect(() => {
    if (p.opened) {
      setDirection('outbound');
      setChannel(p.detail.lead.phone || !p.detail.lead.email ? 'phone' : 'email');
      setOutcome(null);
      setVerbatim('');
      setAnswer('');
      setOutcomeMissing(false);
      a.setError(null);
    }
  }, [p.opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = () => {
    if (!outcome) {
      setOutcomeMissing(true);
      return;
    }
    const input = { direction, channel, outcome, verbatim: verbatim.trim() || null, answer: answer.trim() || null };
    void a.submit(input, recordContact(p.detail.lead, input, ctx()));
  };
  return (
    <DialogFrame
      title={t('desk:action.recordContact')}
      opened={p.opened}
      onClose={p.onClose}
      onSubmit={save}
      busy={a.busy}
      error={a.generalError(['outcome', 'verbatim', 'answer'])}
      testId="dialog-recordContact"
    >
      <Text size="sm" c="dimmed">
        {t('desk:contact.attemptNumber', { n: p.detail.lead.contactAttempts + 1 })}
      </Text>
      <Input.Wrapper label={t('desk:contacts.direction')}>
        <div>
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            data-testid="contact-direction"
            data={DIRECTIONS.map((d) => ({ value: d, label: t(`domain:direction.${d}`) }))}
          />
        </div>
      </Input.Wrapper>
      <Input.Wrapper label={t('desk:contacts.channel')}>
        <Chip.Group value={channel} onChange={(v) => setChannel(v as Channel)}>
          <Group gap={6} data-testid="contact-channel">
            {CHANNELS.map((c) => (
              <Chip key={c} value={c} size="sm" data-value={c}>
                {t(`domain:channel.${c}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Input.Wrapper
        label={t('desk:contacts.outcome')}
        required
        error={outcomeMissing && !outcome ? t('desk:contact.outcomeRequired') : a.fieldError('outcome')}
      >
        <Chip.Group
          value={outcome ?? ''}
          onChange={(v) => {
            a.setError(null);
            setOutcome(v as Outcome);
          }}
        >
          <Group gap={6} data-testid="contact-outcome">
            {OUTCOMES.map((o) => (
              <Chip key={o} value={o} size="sm" data-value={o}>
                {t(`domain:outcome.${o}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Textarea
        label={t('desk:contacts.verbatim')}
        value={verbatim}
        onChange={(e) => setVerbatim(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
        data-testid="contact-verbatim"
        error={a.fieldError('verbatim')}
      />
      <Textarea
        label={t('desk:contacts.answer')}
        value={answer}
        onChange={(e) => setAnswer(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
        data-testid="contact-answer"
        error={a.fieldError('answer')}
      />
    </DialogFrame>
  );
}

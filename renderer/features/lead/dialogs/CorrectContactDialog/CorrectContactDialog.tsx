// The manager corrects a contact recorded by mistake: direction, channel, outcome and the notes (the time stays).
// The core writes old → new in the history and recomputes attempts, first contact and SLA 1 in one transaction.
import { Chip, Group, Input, SegmentedControl, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../../shared/contract/models';
import {
  CHANNELS,
  DIRECTIONS,
  OUTCOMES,
  type Channel,
  type Direction,
  type Outcome,
} from '../../../../../shared/domain/vocabulary';
import { AppCallError, call } from '../../../../platform';
import { DialogFrame } from '../DialogFrame';

type Contact = LeadDetail['contacts'][number];

export function CorrectContactDialog({
  detail,
  contact,
  onClose,
  onDone,
}: {
  detail: LeadDetail;
  contact: Contact;
  onClose(): void;
  onDone(d: LeadDetail): void;
}) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>(contact.direction);
  const [channel, setChannel] = useState<Channel>(contact.channel);
  const [outcome, setOutcome] = useState<Outcome>(contact.outcome);
  const [verbatim, setVerbatim] = useState(contact.verbatim ?? '');
  const [answer, setAnswer] = useState(contact.answer ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await call('leads.correctContact', {
          id: detail.lead.id,
          version: detail.lead.version,
          contactId: contact.id,
          input: { direction, channel, outcome, verbatim: verbatim.trim() || null, answer: answer.trim() || null },
        }),
      );
    } catch (e) {
      const code = e instanceof AppCallError ? e.error.code : 'INTERNAL';
      setError(t(`errors:code.${code}`, { defaultValue: code }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogFrame
      title={t('desk:contacts.correctTitle')}
      opened
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      error={error}
      testId="dialog-correctContact"
    >
      <Input.Wrapper label={t('desk:contacts.direction')}>
        <div>
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            data={DIRECTIONS.map((d) => ({ value: d, label: t(`domain:direction.${d}`) }))}
          />
        </div>
      </Input.Wrapper>
      <Input.Wrapper label={t('desk:contacts.channel')}>
        <Chip.Group value={channel} onChange={(v) => setChannel(v as Channel)}>
          <Group gap={6}>
            {CHANNELS.map((c) => (
              <Chip key={c} value={c} size="sm">
                {t(`domain:channel.${c}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Input.Wrapper label={t('desk:contacts.outcome')} required>
        <Chip.Group value={outcome} onChange={(v) => setOutcome(v as Outcome)}>
          <Group gap={6} data-testid="correct-outcome">
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
      />
      <Textarea
        label={t('desk:contacts.answer')}
        value={answer}
        onChange={(e) => setAnswer(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
    </DialogFrame>
  );
}

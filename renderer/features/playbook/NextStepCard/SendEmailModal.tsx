// "Send e-mail": the template in the customer's language, editable, queued in the outbox with the contact recorded.
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, AppCallError } from '../../../platform';
import { DealerMissing } from '../DealerMissing';

export function SendEmailModal({
  leadId,
  version,
  to,
  initial,
  onClose,
  onSent,
}: {
  leadId: number;
  version: number;
  to: string;
  initial: { subject: string; body: string; missing?: string[] };
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const r = await call('playbook.sendEmail', { id: leadId, version, subject, body });
      notifications.show({ message: t('playbook:emailQueued', { subject: r.subject }), color: 'green' });
      onSent();
    } catch (e) {
      const code = e instanceof AppCallError ? e.error.code : 'INTERNAL';
      notifications.show({
        message: t(`errors:code.${code}`, { defaultValue: t(`import:errors.${code}`, { defaultValue: code }) }),
        color: 'red',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('playbook:sendEmail.title', { to })} size="lg">
      <Stack>
        <DealerMissing missing={initial.missing} />
        <TextInput
          label={t('playbook:sendEmail.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          data-testid="email-subject"
        />
        <Textarea
          label={t('playbook:sendEmail.body')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={8}
          data-testid="email-body"
        />
        <Group justify="flex-end">
          <Button
            onClick={() => void send()}
            loading={busy}
            disabled={!subject.trim() || !body.trim()}
            data-testid="email-send"
          >
            {t('playbook:sendEmail.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

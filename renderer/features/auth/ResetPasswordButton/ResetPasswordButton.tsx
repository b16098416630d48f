// Settings → People (the manager): Reset password — after a confirmation, a temporary password shown once; the
// person's open sessions end and they choose their own at the next sign-in (docs/rules.md §12).
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemporaryPassword } from '../../../../shared/contract/auth';
import { invoke } from '../../../platform';
import { TemporaryPasswords } from '../TemporaryPasswords';

export function ResetPasswordButton({
  user,
  onReset,
}: {
  user: { id: number; name: string; email: string | null };
  /** After the reset (the person now has a password, no lock). */
  onReset?: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<TemporaryPassword | null>(null);
  const reset = async () => {
    setBusy(true);
    const r = await invoke('people.resetPassword', { userId: user.id });
    setBusy(false);
    setAsking(false);
    if (!r.ok) {
      notifications.show({ color: 'red', message: t(`errors:code.${r.error.code}`) });
      return;
    }
    setShown({ userId: user.id, name: user.name, login: user.email ?? user.name, password: r.value.temporaryPassword });
    onReset?.();
  };
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => setAsking(true)}
        data-testid={`user-reset-password-${user.id}`}
      >
        {t('auth:reset.button')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('auth:reset.confirmTitle', { name: user.name })}>
        <Stack>
          <Text size="sm">{t('auth:reset.confirm', { name: user.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('people:action.cancel')}
            </Button>
            <Button color="orange" loading={busy} onClick={() => void reset()} data-testid="reset-password-confirm">
              {t('auth:reset.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {shown && (
        <TemporaryPasswords
          title={t('auth:reset.title', { name: shown.name })}
          message={t('auth:reset.once', { name: shown.name })}
          done={t('auth:reset.done')}
          passwords={[shown]}
          onClose={() => setShown(null)}
        />
      )}
    </>
  );
}

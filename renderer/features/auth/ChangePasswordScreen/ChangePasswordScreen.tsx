// The forced change after a temporary password (host mode): current, new, repeated; the policy's refusals are
// the core's (PASSWORD_TOO_WEAK, PASSWORD_SAME, PASSWORD_IS_NAME, PASSWORD_WRONG), translated.
import { Alert, Button, Card, Center, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../../shared/contract/auth';
import { invoke } from '../../../platform';

export function ChangePasswordScreen({
  user,
  onChanged,
  onSignOut,
}: {
  user: SignedInUser | null;
  onChanged: () => void;
  onSignOut: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  const submit = async () => {
    if (next !== again) return setError({ field: 'again', text: t('auth:change.mismatch') });
    setBusy(true);
    setError(null);
    const r = await invoke('auth.changePassword', { current, next });
    setBusy(false);
    if (r.ok) return onChanged();
    setError({ field: r.error.field ?? null, text: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }) });
  };
  const at = (field: string) => (error?.field === field ? error.text : null);
  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" padding="xl" w={460} component="main">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Stack gap={4}>
              <Title order={2}>{t('auth:change.title')}</Title>
              {user && <Text fw={500}>{user.name}</Text>}
              <Text size="sm" c="dimmed">
                {t('auth:change.intro')}
              </Text>
            </Stack>
            <PasswordInput
              label={t('auth:change.current')}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              autoComplete="current-password"
              error={at('current')}
              required
              autoFocus
              data-testid="change-current"
            />
            <PasswordInput
              label={t('auth:change.next')}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              autoComplete="new-password"
              error={at('next')}
              required
              data-testid="change-next"
            />
            <PasswordInput
              label={t('auth:change.confirm')}
              value={again}
              onChange={(e) => setAgain(e.currentTarget.value)}
              autoComplete="new-password"
              error={at('again')}
              required
              data-testid="change-again"
            />
            {error && error.field === null && (
              <Alert color="red" role="alert" data-testid="change-error">
                {error.text}
              </Alert>
            )}
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => void onSignOut()}>
                {t('auth:change.signOut')}
              </Button>
              <Button type="submit" loading={busy} data-testid="change-submit">
                {t('auth:change.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}

// The forced change after a temporary password (host mode), before the app opens; signing out is the way back.
import { Button, Card, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../../shared/contract/auth';
import { ChangePasswordForm } from '../ChangePasswordForm';

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
  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" padding="xl" w={460} component="main">
        <Stack>
          <Stack gap={4}>
            <Title order={2}>{t('auth:change.title')}</Title>
            {user && <Text fw={500}>{user.name}</Text>}
            <Text size="sm" c="dimmed">
              {t('auth:change.intro')}
            </Text>
          </Stack>
          <ChangePasswordForm
            onChanged={onChanged}
            autoFocus
            extra={
              <Button variant="subtle" onClick={() => void onSignOut()}>
                {t('auth:change.signOut')}
              </Button>
            }
          />
        </Stack>
      </Card>
    </Center>
  );
}

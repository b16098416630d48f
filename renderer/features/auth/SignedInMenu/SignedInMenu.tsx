// Header (host mode): the signed-in person and Sign out — instead of the "who is at the desk" switch.
import { Button, Menu, Text } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../useAuth';

export function SignedInMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  if (!user) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconUserCircle size={18} />}
          data-testid="signed-in-user"
          aria-label={t('auth:menu.signedInAs', { name: user.name })}
        >
          {user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs">{t('auth:menu.signedInAs', { name: user.name })}</Text>
        </Menu.Label>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()} data-testid="sign-out">
          {t('auth:menu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

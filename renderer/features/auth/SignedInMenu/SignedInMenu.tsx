// Header (host mode): the signed-in person, Change password and Sign out — instead of the "who is at the desk" switch.
import { Button, Menu, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../ChangePasswordForm';
import { useAuth } from '../useAuth';

export function SignedInMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  return (
    <>
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
          <Menu.Item
            leftSection={<IconKey size={16} />}
            onClick={() => setChanging(true)}
            data-testid="change-password"
          >
            {t('auth:menu.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()} data-testid="sign-out">
            {t('auth:menu.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changing} onClose={() => setChanging(false)} title={t('auth:menu.changePassword')}>
        <ChangePasswordForm
          onChanged={() => {
            setChanging(false);
            notifications.show({ color: 'green', message: t('auth:menu.passwordChanged') });
          }}
        />
      </Modal>
    </>
  );
}

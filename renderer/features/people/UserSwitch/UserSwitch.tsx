// Header: "who is at the desk". Anyone may switch; a person with a PIN types it. The page reloads so that
// lists, language and permissions follow the new person.
import { Button, Group, Menu, Modal, PasswordInput, Text } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';
import { SignedInMenu } from '../../auth/SignedInMenu';
import { useAuth } from '../../auth/useAuth';
import { useCurrentUser, usePeople, type UserRow } from '../usePeople';

/** With sign-in (host mode) the header shows who signed in, with Sign out; otherwise who is at the desk. */
export function UserSwitch() {
  return useAuth().signInRequired ? <SignedInMenu /> : <DeskSwitch />;
}

function DeskSwitch() {
  const { t } = useTranslation();
  const cur = useCurrentUser();
  // Everyone: the menu reloads the list when it opens (the start-up list is one site's for a person of a site).
  const { users, reload } = usePeople(true);
  const [pinFor, setPinFor] = useState<UserRow | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const go = async (u: UserRow, p?: string) => {
    const r = await invoke('people.switch', { userId: u.id, ...(p ? { pin: p } : {}) });
    if (!r.ok) {
      setError(t(`errors:code.${r.error.code}`));
      return;
    }
    setPinFor(null);
    window.location.reload();
  };
  const pick = (u: UserRow) => {
    setError(null);
    setPin('');
    if (u.hasPin) setPinFor(u);
    else void go(u);
  };
  return (
    <>
      <Menu position="bottom-end" onOpen={() => void reload()}>
        <Menu.Target>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconUserCircle size={18} />}
            data-testid="user-switch"
            aria-label={`${cur?.user?.name ?? t('people:switch.nobody')} · ${t('people:switch.label')}`}
          >
            {cur?.user?.name ?? t('people:switch.nobody')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('people:switch.label')}</Menu.Label>
          {users
            .filter((u) => u.active)
            .map((u) => (
              <Menu.Item
                key={u.id}
                onClick={() => pick(u)}
                data-testid={`switch-user-${u.id}`}
                disabled={u.id === cur?.user?.id}
              >
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{u.name}</Text>
                  <Text size="xs" c="dimmed">
                    {u.roles.map((r) => t(`people:role.${r}`)).join(', ')}
                  </Text>
                </Group>
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={pinFor !== null}
        onClose={() => setPinFor(null)}
        title={t('people:switch.pinTitle', { name: pinFor?.name ?? '' })}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pinFor) void go(pinFor, pin);
          }}
        >
          <PasswordInput
            label={t('people:field.pin')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            error={error}
            autoFocus
            data-testid="pin-input"
          />
          <Group justify="flex-end" mt="md">
            <Button type="submit" data-testid="pin-ok">
              {t('people:switch.ok')}
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}

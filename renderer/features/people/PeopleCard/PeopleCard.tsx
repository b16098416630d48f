// Settings → People: who works the desk, their roles and absences; the manager adds and edits people and
// moves an absent person's open leads (to someone, or through the assignment rules).
import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeTag } from '../../../i18n';
import { invoke } from '../../../platform';
import { ResetPasswordButton } from '../../auth/ResetPasswordButton';
import { useAuth } from '../../auth/useAuth';
import { UserEditor } from '../UserEditor';
import { useCan } from '../useCan';
import { usePeople, type UserRow } from '../usePeople';
import { SettingsCard } from '../../../components/SettingsCard';
import { useSites } from '../../sites/useSites';

export function PeopleCard() {
  const { t, i18n } = useTranslation();
  const { users, reload } = usePeople();
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [moving, setMoving] = useState<UserRow | null>(null);
  const [target, setTarget] = useState<string | null>('rules');
  const { can: manage, why } = useCan('people.save');
  // Several sites, a site's manager: their site's people only (the group-wide ones are listed, a group manager's to
  // edit — docs/rules.md §11.8).
  const sites = useSites().info;
  const editable = (u: UserRow) => manage && !(sites?.multi && sites.scope.fixed && u.siteId == null);
  const { signInRequired, user: me } = useAuth();
  const formatTime = (ms: number) =>
    new Intl.DateTimeFormat(localeTag(i18n.language), { timeStyle: 'short' }).format(ms);
  const move = async () => {
    if (!moving) return;
    const r = await invoke('leads.bulkReassign', {
      fromUserId: moving.id,
      toUserId: target === 'rules' || target === 'queue' ? null : Number(target),
      byRules: target === 'rules',
    });
    if (!r.ok) {
      notifications.show({ color: 'red', message: t(`errors:code.${r.error.code}`) });
      return;
    }
    notifications.show({ color: 'green', message: t('people:bulk.done', { count: r.value.moved }) });
    setMoving(null);
  };
  return (
    <SettingsCard
      testId="people-card"
      title={t('people:people.title')}
      help={t('people:people.help')}
      readOnly={why}
      action={
        manage && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid="user-add"
          >
            {t('people:people.add')}
          </Button>
        )
      }
    >
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people:field.name')}</Table.Th>
            <Table.Th>{t('people:field.roles')}</Table.Th>
            <Table.Th>{t('people:field.email')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} data-testid={`user-row-${u.id}`}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {u.name}
                  </Text>
                  {!u.active && (
                    <Badge size="xs" color="gray">
                      {t('people:people.inactive')}
                    </Badge>
                  )}
                  {u.absentNow && (
                    <Badge size="xs" color="orange">
                      {t('people:people.absent')}
                    </Badge>
                  )}
                  {u.hasPin && (
                    <Badge size="xs" variant="outline">
                      PIN
                    </Badge>
                  )}
                  {signInRequired && !u.hasPassword && u.active && (
                    <Badge size="xs" color="yellow" data-testid={`user-no-password-${u.id}`}>
                      {t('auth:people.noPassword')}
                    </Badge>
                  )}
                  {u.lockedUntil !== null && (
                    <Badge size="xs" color="red" data-testid={`user-locked-${u.id}`}>
                      {t('auth:people.locked', { time: formatTime(u.lockedUntil) })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.roles.map((r) => t(`people:role.${r}`)).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.email ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                {manage && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {editable(u) && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(u)}
                        data-testid={`user-edit-${u.id}`}
                      >
                        {t('people:action.edit')}
                      </Button>
                    )}
                    <Button size="compact-xs" variant="subtle" onClick={() => setMoving(u)}>
                      {t('people:bulk.button')}
                    </Button>
                    {/* One's own password: Change password in the header (a reset would end this very session). */}
                    {editable(u) && !(signInRequired && u.id === me?.id) && (
                      <ResetPasswordButton user={u} onReset={() => void reload()} />
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <UserEditor
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
          notifications.show({ color: 'green', message: t('people:people.saved') });
        }}
      />
      <Modal
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={t('people:bulk.title', { name: moving?.name ?? '' })}
      >
        <Stack>
          <Select
            label={t('people:bulk.to')}
            value={target}
            onChange={setTarget}
            allowDeselect={false}
            data={[
              { value: 'rules', label: t('people:bulk.byRules') },
              { value: 'queue', label: t('people:assign.queue') },
              ...users
                .filter((u) => u.active && u.id !== moving?.id)
                .map((u) => ({ value: String(u.id), label: u.name })),
            ]}
          />
          <Group justify="flex-end">
            <Button onClick={() => void move()}>{t('people:bulk.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </SettingsCard>
  );
}

// Temporary passwords shown once (demo data, the manager's reset): user name and password with copy buttons,
// and the warning that they will not be shown again (docs/rules.md §12).
import { ActionIcon, Alert, Button, CopyButton, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TemporaryPassword } from '../../../../shared/contract/auth';

function Copy({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('auth:reset.copied') : t('auth:reset.copy')} withArrow>
          <ActionIcon variant="subtle" onClick={copy} aria-label={`${t('auth:reset.copy')}: ${label}`}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

export function TemporaryPasswords({
  title,
  message,
  done,
  passwords,
  onClose,
}: {
  title: string;
  message: string;
  done: string;
  passwords: TemporaryPassword[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack data-testid="temporary-passwords">
        <Alert color="yellow">{message}</Alert>
        <Table>
          <Table.Tbody>
            {passwords.map((p) => (
              <Table.Tr key={p.userId} data-testid={`temporary-password-${p.userId}`}>
                <Table.Td>
                  <Text fw={500}>{p.name}</Text>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" c="dimmed" data-testid="temporary-login">
                      {p.login}
                    </Text>
                    <Copy value={p.login} label={t('auth:reset.login')} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text ff="monospace" size="lg" data-testid="temporary-password">
                      {p.password}
                    </Text>
                    <Copy value={p.password} label={t('auth:reset.password')} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="temporary-passwords-done">
            {done}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

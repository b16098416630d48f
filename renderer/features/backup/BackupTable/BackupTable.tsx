// The backups (newest first) with date, size, check result and a Restore button behind a confirmation.
// After a restore the page reloads: every screen then reads the restored database. Without `canRestore` (someone who
// may not restore) the list only.
import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntryOut } from '../../../../shared/contract/backup';
import { formatDateTime, formatMegabytes } from '../../../app/format';
import { invoke } from '../../../platform';

export const formatSize = formatMegabytes;

export function BackupTable({ backups, canRestore = true }: { backups: BackupEntryOut[]; canRestore?: boolean }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<BackupEntryOut | null>(null);
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    const r = await invoke('backup.restore', { file: chosen.file });
    setBusy(false);
    if (!r.ok) {
      notifications.show({ color: 'red', message: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }) });
      return;
    }
    setChosen(null);
    notifications.show({ color: 'green', message: t('shell:backup.restored') });
    setTimeout(() => window.location.reload(), 600);
  };
  if (backups.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="backup-empty">
        {t('shell:backup.empty')}
      </Text>
    );
  return (
    <>
      <Table striped data-testid="backup-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shell:backup.col.date')}</Table.Th>
            <Table.Th>{t('shell:backup.col.file')}</Table.Th>
            <Table.Th>{t('shell:backup.col.size')}</Table.Th>
            {backups.some((b) => b.check) && <Table.Th>{t('shell:backup.col.check')}</Table.Th>}
            {canRestore && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b) => (
            <Table.Tr key={b.file} data-testid={`backup-row-${b.file}`}>
              <Table.Td>{formatDateTime(b.at, i18n.language)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {b.file}
                </Text>
              </Table.Td>
              <Table.Td>{formatSize(b.size, i18n.language)}</Table.Td>
              {backups.some((x) => x.check) && (
                <Table.Td>
                  {b.check && (
                    <Badge color={b.check === 'ok' ? 'green' : 'red'} variant="light">
                      {t(`shell:backup.check.${b.check}`)}
                    </Badge>
                  )}
                </Table.Td>
              )}
              {canRestore && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    disabled={b.check === 'damaged'}
                    onClick={() => setChosen(b)}
                    data-testid="backup-restore"
                  >
                    {t('shell:backup.restore')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={chosen !== null} onClose={() => setChosen(null)} title={t('shell:backup.confirm.title')} centered>
        <Text size="sm">
          {chosen && t('shell:backup.confirm.body', { date: formatDateTime(chosen.at, i18n.language) })}
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setChosen(null)}>
            {t('shell:backup.confirm.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void restore()} data-testid="backup-restore-confirm">
            {t('shell:backup.confirm.ok')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

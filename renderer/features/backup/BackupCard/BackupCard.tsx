// Settings → Data & backups: where the data lives, the backups (restore with a confirmation), back up
// now, and export of the whole database file. Backing up, restoring and exporting are the group's (a group manager's
// with several sites): others see the backups, read-only.
import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntryOut, ShellStatus } from '../../../../shared/contract/backup';
import { ReadOnlyNote } from '../../../components/ReadOnlyNote';
import { invoke } from '../../../platform';
import { useCan } from '../../people/useCan';
import { BackupTable } from '../BackupTable';
import { ExportControl } from '../ExportControl';

export function BackupCard() {
  const { t } = useTranslation();
  // backup.create, backup.restore and backup.export: one permission (shared/contract/permissions.ts).
  const { can, why } = useCan('backup.create');
  const [status, setStatus] = useState<ShellStatus | null>(null);
  const [backups, setBackups] = useState<BackupEntryOut[]>([]);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    const [s, l] = await Promise.all([invoke('shell.status', {}), invoke('backup.list', { check: false })]);
    if (s.ok) setStatus(s.value);
    if (l.ok) setBackups(l.value.backups);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const backupNow = async () => {
    setBusy(true);
    const r = await invoke('backup.create', {});
    setBusy(false);
    if (r.ok) notifications.show({ color: 'green', message: t('shell:backup.created', { file: r.value.file }) });
    else
      notifications.show({ color: 'red', message: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }) });
    await load();
  };
  if (!status) return null;
  return (
    <Card withBorder data-testid="backup-card">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('shell:backup.title')}</Title>
          {can && (
            <Button loading={busy} onClick={() => void backupNow()} data-testid="backup-now">
              {t('shell:backup.backupNow')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('shell:backup.help')}
        </Text>
        <ReadOnlyNote why={why} testId="backup-card-readonly" />
        <Text size="xs" c="dimmed" ff="monospace">
          {t('shell:backup.database', { path: status.dbPath })}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {t('shell:backup.folder', { dir: status.backupDir })}
        </Text>
        <BackupTable backups={backups} canRestore={can} />
        <Divider />
        <Title order={5}>{t('shell:backup.export.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('shell:backup.export.help')}
        </Text>
        <ExportControl
          status={status}
          disabled={!can}
          label={status.saveDialog ? t('shell:backup.export.button') : t('shell:backup.export.save')}
        />
      </Stack>
    </Card>
  );
}

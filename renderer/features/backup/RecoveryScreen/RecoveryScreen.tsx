// Recovery mode: the start-up check found the database damaged (or it could not be opened). One clear
// screen: what happened, the checked backups to restore, and export of the damaged file for support.
// No other screen runs: the core refuses every other channel until a backup is restored.
import { Alert, Card, Container, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntryOut, ShellStatus } from '../../../../shared/contract/backup';
import { LANGUAGES } from '../../../../shared/domain/vocabulary';
import { invoke } from '../../../platform';
import { BackupTable } from '../BackupTable';
import { ExportControl } from '../ExportControl';

export function RecoveryScreen({ status }: { status: ShellStatus }) {
  const { t, i18n } = useTranslation();
  const [backups, setBackups] = useState<BackupEntryOut[] | null>(null);
  useEffect(() => {
    void invoke('backup.list', { check: true }).then((r) => setBackups(r.ok ? r.value.backups : []));
  }, []);
  const usable = backups?.filter((b) => b.check === 'ok') ?? [];
  return (
    <Container size="md" py="xl" data-testid="recovery-screen">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>ASLM Desk</Title>
          <SegmentedControl
            size="xs"
            value={i18n.language}
            onChange={(l) => void i18n.changeLanguage(l)}
            data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
            aria-label={t('app:language.label')}
            data-testid="recovery-language"
          />
        </Group>
        <Alert color="red" icon={<IconAlertTriangle />} title={t('shell:recovery.title')}>
          <Stack gap="xs">
            {status.problem?.code ? (
              <Text size="sm" data-testid="recovery-refusal">
                {t(`errors:code.${status.problem.code}`, status.problem.params ?? {})}
              </Text>
            ) : (
              <>
                <Text size="sm">
                  {t(status.problem?.kind === 'unopenable' ? 'shell:recovery.unopenable' : 'shell:recovery.damaged')}
                </Text>
                <Text size="sm">{t('shell:recovery.what')}</Text>
              </>
            )}
          </Stack>
        </Alert>
        <Card withBorder>
          <Stack>
            <Title order={4}>{t('shell:recovery.backups')}</Title>
            <Text size="xs" c="dimmed" ff="monospace">
              {t('shell:backup.folder', { dir: status.backupDir })}
            </Text>
            {backups === null ? (
              <Group>
                <Loader size="sm" />
                <Text size="sm">{t('shell:recovery.checking')}</Text>
              </Group>
            ) : (
              <>
                {usable.length === 0 && (
                  <Text size="sm" c="red" data-testid="recovery-no-backups">
                    {t('shell:recovery.noBackups')}
                  </Text>
                )}
                <BackupTable backups={backups} />
              </>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack>
            <Title order={5}>{t('shell:recovery.exportDamaged')}</Title>
            <ExportControl
              status={status}
              label={status.saveDialog ? t('shell:recovery.exportDamaged') : t('shell:backup.export.save')}
            />
            <Text size="xs" c="dimmed" ff="monospace">
              {t('shell:backup.database', { path: status.dbPath })}
            </Text>
            {status.problem && (
              <Text size="xs" c="dimmed" ff="monospace">
                {t('shell:recovery.detail', { detail: status.problem.detail })}
              </Text>
            )}
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
}

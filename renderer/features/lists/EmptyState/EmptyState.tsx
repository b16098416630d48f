import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDatabasePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemporaryPassword } from '../../../../shared/contract/auth';
import { invoke } from '../../../platform';
import { TemporaryPasswords } from '../../auth/TemporaryPasswords';

/** An empty database: say what the app is for and offer realistic demo data. */
export function EmptyState({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The managers' temporary passwords, shown once before the lists open (docs/rules.md §12).
  const [passwords, setPasswords] = useState<TemporaryPassword[]>([]);
  const load = async () => {
    setBusy(true);
    const r = await invoke('demo.load', { leads: 2000 });
    setBusy(false);
    if (!r.ok) setError(t(`errors:code.${r.error.code}`));
    else if (r.value.passwords.length > 0) setPasswords(r.value.passwords);
    else onLoaded();
  };
  return (
    <Card withBorder padding="xl" maw={640} mx="auto" mt="xl" data-testid="empty-state">
      <Stack align="center" ta="center">
        <IconDatabasePlus size={48} stroke={1.4} />
        <Title order={3}>{t('app:empty.title')}</Title>
        <Text c="dimmed">{t('app:empty.body')}</Text>
        <Button onClick={load} loading={busy} data-testid="load-demo">
          {t('app:empty.loadDemo')}
        </Button>
        {error && <Text c="red">{error}</Text>}
      </Stack>
      {passwords.length > 0 && (
        <TemporaryPasswords
          title={t('auth:temporary.title')}
          message={t('auth:temporary.once')}
          done={t('auth:temporary.done')}
          passwords={passwords}
          onClose={() => {
            setPasswords([]);
            onLoaded();
          }}
        />
      )}
    </Card>
  );
}

import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDatabasePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';

/** An empty database: say what the app is for and offer realistic demo data. */
export function EmptyState({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    const r = await invoke('demo.load', { leads: 2000 });
    setBusy(false);
    if (r.ok) onLoaded();
    else setError(t(`errors:code.${r.error.code}`));
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
    </Card>
  );
}

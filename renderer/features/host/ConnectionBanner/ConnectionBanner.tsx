// "The host cannot be reached — retrying…" (docs/rules.md §12): shown while calls fail with NETWORK or the
// live-update stream is down; the app retries by itself with backoff, "Retry now" does not wait. Open dialogs
// keep their values meanwhile; when the host is back every screen re-reads what it shows.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReachable } from '../../../app/live';
import { isHostMode, platformName, retryNow } from '../../../platform';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const reachable = useReachable();
  const [busy, setBusy] = useState(false);
  if (reachable) return null;
  const remote = isHostMode() || platformName === 'electron';
  return (
    <Alert color="orange" mb="sm" data-testid="connection-banner" role="alert">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t(remote ? 'host:banner.host' : 'host:banner.local')}</Text>
        <Button
          size="xs"
          variant="white"
          loading={busy}
          onClick={() => {
            setBusy(true);
            void retryNow().finally(() => setBusy(false));
          }}
          data-testid="connection-retry"
        >
          {t('host:banner.retry')}
        </Button>
      </Group>
    </Alert>
  );
}

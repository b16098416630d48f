// Export of the whole database file: Electron asks where with its save dialog; browser mode takes a typed
// full path (suggested: the user's home folder). In recovery mode the core copies the damaged file as it is.
// `disabled`: shown, not usable (someone who may not export).
import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShellStatus } from '../../../../shared/contract/backup';
import { invoke } from '../../../platform';

export function ExportControl({
  status,
  label,
  disabled = false,
}: {
  status: ShellStatus;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(status.exportSuggestion);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await invoke('backup.export', { target: status.saveDialog ? null : target });
    setBusy(false);
    if (!r.ok) {
      setError(t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }));
      return;
    }
    if (r.value.path)
      notifications.show({ color: 'green', message: t('shell:backup.export.done', { path: r.value.path }) });
  };
  if (status.saveDialog) {
    return (
      <Group>
        <Button
          variant="light"
          loading={busy}
          disabled={disabled}
          onClick={() => void run()}
          data-testid="backup-export"
        >
          {label}
        </Button>
        {error && <span role="alert">{error}</span>}
      </Group>
    );
  }
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        label={t('shell:backup.export.path')}
        value={target}
        disabled={disabled}
        error={error}
        onChange={(e) => setTarget(e.currentTarget.value)}
        data-testid="backup-export-path"
      />
      <Button
        variant="light"
        loading={busy}
        disabled={disabled || !target.trim()}
        onClick={() => void run()}
        data-testid="backup-export"
      >
        {label}
      </Button>
    </Group>
  );
}

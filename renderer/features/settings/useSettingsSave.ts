// Saving one settings card: the channel's reply refreshes the app-wide settings (campaign lists, time zone…);
// a refusal is kept as { field, message } so the card shows it next to that field.
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/contract/errors';
import { useSettings } from '../../app/settings';

export interface SaveError {
  field: string | null;
  message: string;
}

export function useSettingsSave() {
  const { t } = useTranslation();
  const { refresh } = useSettings();
  const [error, setError] = useState<SaveError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<{ ok: true } | { ok: false; error: AppErrorShape }>): Promise<boolean> => {
    setBusy(true);
    try {
      const r = await fn();
      if (!r.ok) {
        setError({
          field: r.error.field ?? null,
          message: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code, ...(r.error.params ?? {}) }),
        });
        return false;
      }
      setError(null);
      await refresh();
      notifications.show({ color: 'green', message: t('settings:common.saved') });
      return true;
    } finally {
      setBusy(false);
    }
  };
  /** The message when the refusal belongs to `field` (or to a field under it: `openingHours.2`). */
  const fieldError = (field: string): string | undefined =>
    error && error.field !== null && (error.field === field || error.field.startsWith(`${field}.`))
      ? error.message
      : undefined;
  return { run, error, setError, fieldError, busy };
}

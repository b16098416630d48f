// The password change's fields: current, new, repeated. The policy's refusals are the core's (PASSWORD_TOO_WEAK,
// PASSWORD_SAME, PASSWORD_IS_NAME, PASSWORD_WRONG), translated next to their field.
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';

export function ChangePasswordForm({
  onChanged,
  extra,
  autoFocus = false,
}: {
  onChanged: () => void;
  extra?: ReactNode;
  /** On a screen of its own (in a modal, Mantine focuses the field marked data-autofocus). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  const submit = async () => {
    if (next !== again) return setError({ field: 'again', text: t('auth:change.mismatch') });
    setBusy(true);
    setError(null);
    const r = await invoke('auth.changePassword', { current, next });
    setBusy(false);
    if (r.ok) return onChanged();
    setError({ field: r.error.field ?? null, text: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }) });
  };
  const at = (field: string) => (error?.field === field ? error.text : null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <PasswordInput
          label={t('auth:change.current')}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          autoComplete="current-password"
          error={at('current')}
          required
          autoFocus={autoFocus}
          data-autofocus
          data-testid="change-current"
        />
        <PasswordInput
          label={t('auth:change.next')}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          autoComplete="new-password"
          error={at('next')}
          required
          data-testid="change-next"
        />
        <PasswordInput
          label={t('auth:change.confirm')}
          value={again}
          onChange={(e) => setAgain(e.currentTarget.value)}
          autoComplete="new-password"
          error={at('again')}
          required
          data-testid="change-again"
        />
        {error && error.field === null && (
          <Alert color="red" role="alert" data-testid="change-error">
            {error.text}
          </Alert>
        )}
        <Group justify={extra ? 'space-between' : 'flex-end'}>
          {extra}
          <Button type="submit" loading={busy} data-testid="change-submit">
            {t('auth:change.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

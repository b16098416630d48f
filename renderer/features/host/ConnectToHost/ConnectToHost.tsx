// Settings → Data → Host & desks, in the desktop app on its own (docs/rules.md §12.1): a manager connects this PC to
// the dealership's host with the address and the pairing code the host shows (the fingerprint, if typed, is checked
// before anything is sent); the app then restarts as a desk. A desk's manager can leave the host the same way back.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';

type Err = { code: string; field?: string } | null;
const FIELDS = ['hostUrl', 'code', 'deskName', 'fingerprint'] as const;

export function ConnectToHost() {
  const { t } = useTranslation();
  const [v, setV] = useState({ hostUrl: '', code: '', deskName: '', fingerprint: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Err>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await invoke('desk.connectToHost', {
      hostUrl: v.hostUrl,
      code: v.code,
      deskName: v.deskName,
      ...(v.fingerprint.trim() ? { fingerprint: v.fingerprint } : {}),
    });
    setBusy(false);
    if (r.ok) setDone(r.value.hostUrl);
    else setError(r.error);
  };
  // An error names its field when it has one (the code, the address…); otherwise it shows under the form.
  const fieldOf = (err: Err) => {
    if (!err) return null;
    if (err.field && (FIELDS as readonly string[]).includes(err.field)) return err.field;
    if (err.code === 'PAIRING_CODE_INVALID' || err.code === 'PAIRING_RATE_LIMITED') return 'code';
    if (err.code === 'HOST_ADDRESS_INVALID') return 'hostUrl';
    if (err.code === 'FINGERPRINT_INVALID' || err.code === 'HOST_FINGERPRINT_MISMATCH') return 'fingerprint';
    return null;
  };
  const at = fieldOf(error);
  const msg = (field: string) => (error && at === field ? t(`errors:code.${error.code}`) : null);
  if (done)
    return (
      <Alert color="green" data-testid="connect-done">
        {t('host:connect.done', { host: done })}
      </Alert>
    );
  const input = (field: (typeof FIELDS)[number], extra: { placeholder?: string; description?: string } = {}) => (
    <TextInput
      label={t(`host:connect.${field}`)}
      value={v[field]}
      onChange={(e) => setV({ ...v, [field]: e.currentTarget.value })}
      error={msg(field)}
      data-testid={`connect-${field}`}
      {...extra}
    />
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="connect-form">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('host:connect.title')}
        </Text>
        <Text size="sm">{t('host:connect.help')}</Text>
        {input('hostUrl', { placeholder: 'https://front-desk-pc:5443/' })}
        <Group grow align="flex-start">
          {input('code', { placeholder: '123456' })}
          {input('deskName', { description: t('host:pair.deskNameHelp') })}
        </Group>
        {input('fingerprint', { description: t('host:connect.fingerprintHelp'), placeholder: 'AB:CD:…' })}
        {error && !at && <Alert color="red">{t(`errors:code.${error.code}`)}</Alert>}
        <Group>
          <Button type="submit" loading={busy} data-testid="connect-submit">
            {t('host:connect.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A desk (desktop app) leaves its host after a confirmation: it restarts as the single-PC app. */
export function LeaveHost() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<{ done: boolean; error: string | null }>({ done: false, error: null });
  const leave = async () => {
    const r = await invoke('desk.leaveHost', {});
    setState(r.ok ? { done: true, error: null } : { done: false, error: t(`errors:code.${r.error.code}`) });
    setAsking(false);
  };
  if (state.done) return <Alert color="green">{t('host:leave.done')}</Alert>;
  return (
    <Stack gap="xs">
      {asking ? (
        <Alert color="orange" title={t('host:leave.button')}>
          <Text size="sm">{t('host:leave.confirm')}</Text>
          <Group mt="xs">
            <Button size="xs" color="red" onClick={() => void leave()} data-testid="leave-confirm">
              {t('host:leave.button')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setAsking(false)}>
              {t('host:leave.cancel')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group>
          <Button size="xs" variant="default" color="red" onClick={() => setAsking(true)} data-testid="leave-host">
            {t('host:leave.button')}
          </Button>
        </Group>
      )}
      {state.error && <Alert color="red">{state.error}</Alert>}
    </Stack>
  );
}

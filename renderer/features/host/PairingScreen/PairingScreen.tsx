// Host mode (docs/rules.md §12): a browser on the LAN that is not paired yet. The host's address is this
// page's; the IT person reads the 6-digit code on the host (console or Settings) and names the desk.
import { Alert, Button, Card, Center, Code, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../../shared/contract';
import { platformName, setDeskToken } from '../../../platform';
import { LeaveHost } from '../ConnectToHost';

interface Paired {
  deskId: number;
  token: string;
  fingerprint: string;
}

export function PairingScreen({ onPaired }: { onPaired(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; field?: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setError({ code: 'PAIRING_CODE_INVALID', field: 'code' });
    if (!name.trim()) return setError({ code: 'INVALID_INPUT', field: 'deskName' });
    setBusy(true);
    let r: Reply<Paired>;
    try {
      const res = await fetch('/api/pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: code.trim(), deskName: name.trim() }),
      });
      r = (await res.json()) as Reply<Paired>;
    } catch {
      r = { ok: false, error: { code: 'NETWORK' } };
    }
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setDeskToken(r.value.token);
    onPaired();
  };
  // The desktop desk was removed from its host: it can go back to being a single PC, then connect again from Settings.
  if (platformName === 'electron')
    return (
      <Center mih="100vh" p="md">
        <Alert color="orange" maw={520} title={t('host:pair.title')} data-testid="pairing-screen">
          <Text size="sm" mb="sm">
            {t('errors:code.DESK_NOT_PAIRED')} {t('host:pair.desktop')}
          </Text>
          <LeaveHost />
        </Alert>
      </Center>
    );
  const msg = (field?: string) =>
    error && (error.field === field || (!field && !error.field)) ? t(`errors:code.${error.code}`) : null;
  return (
    <Center mih="100vh" p="md">
      <Card withBorder maw={480} w="100%" padding="lg" data-testid="pairing-screen">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={3}>{t('host:pair.title')}</Title>
            <Text size="sm">{t('host:pair.help')}</Text>
            <Text size="sm">
              {t('host:pair.host')} <Code>{window.location.host}</Code>
            </Text>
            {msg() && <Alert color="red">{msg()}</Alert>}
            <TextInput
              label={t('host:pair.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              maxLength={6}
              autoComplete="off"
              error={msg('code')}
              data-testid="pair-code"
            />
            <TextInput
              label={t('host:pair.deskName')}
              description={t('host:pair.deskNameHelp')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={60}
              error={msg('deskName')}
              data-testid="pair-name"
            />
            <Text size="xs" c="dimmed">
              {t('host:pair.fingerprint')}
            </Text>
            <Button type="submit" loading={busy} data-testid="pair-submit">
              {t('host:pair.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}

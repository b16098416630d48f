// Settings → E-mail (SMTP): the account (the password is write-only: the core answers passwordSet), the
// "send test e-mail" button, and the outbox (waiting / sent / failed with the server's reason, send again).
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem, SmtpSettings } from '../../../../shared/contract/mail';
import { formatDateTime } from '../../../app/format';
import { AppCallError, call } from '../../../platform';
import { mailReason } from '../mailReason';
import { SettingsCard } from '../../../components/SettingsCard';
import { useCan } from '../../people/useCan';

const COLORS: Record<string, string> = {
  queued: 'blue',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  cancelled: 'gray',
  expired: 'gray',
};

export function SmtpSettingsCard() {
  const { t, i18n } = useTranslation();
  // The account, its test and the outbox's send-again: all the group's (shared/contract/permissions.ts); the account's
  // state and the outbox stay shown to everyone.
  const { can, why } = useCan('mail.settings.set');
  const [v, setV] = useState<SmtpSettings | null>(null);
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ field?: string; message: string; reply?: string | null } | null>(null);
  const [outbox, setOutbox] = useState<{ items: OutboxItem[]; counts: Record<string, number> } | null>(null);
  const loadOutbox = useCallback(() => void call('mail.outbox.list', { limit: 10 }).then(setOutbox), []);
  useEffect(() => {
    void call('mail.settings.get', {}).then((s) => {
      setV(s);
      setTestTo(s.dealerMailbox || s.from);
    });
    loadOutbox();
  }, [loadOutbox]);
  if (!v) return null;

  const message = (e: unknown) => {
    const err =
      e instanceof AppCallError ? e.error : { code: 'INTERNAL' as const, field: undefined, params: undefined };
    return {
      field: err.field,
      message: t(`errors:code.${err.code}`, { ...(err.params ?? {}), defaultValue: err.code }),
    };
  };
  const save = async () => {
    setFieldError(null);
    try {
      const s = await call('mail.settings.set', {
        host: v.host,
        port: v.port,
        tls: v.tls,
        user: v.user,
        from: v.from,
        dealerMailbox: v.dealerMailbox,
        ...(clearPassword ? { password: '' } : password ? { password } : {}),
      });
      setV(s);
      setPassword('');
      setClearPassword(false);
      notifications.show({ message: t('mail:settings.saved'), color: 'green' });
    } catch (e) {
      const m = message(e);
      setFieldError(m);
      notifications.show({ message: m.message, color: 'red' });
    }
  };
  const test = async () => {
    setBusy(true);
    setFieldError(null);
    try {
      // The values on screen, saved or not: the password typed, else the stored one.
      const r = await call('mail.test', {
        to: testTo,
        account: {
          host: v.host,
          port: v.port,
          tls: v.tls,
          user: v.user,
          from: v.from,
          dealerMailbox: v.dealerMailbox,
          ...(password ? { password } : {}),
        },
      });
      notifications.show({ message: t('mail:settings.testSent', { to: r.to }), color: 'green' });
    } catch (e) {
      const m = message(e);
      const reply =
        e instanceof AppCallError && e.error.code !== 'SMTP_FAILED' && e.error.params?.reason !== undefined
          ? String(e.error.params.reason)
          : null;
      setFieldError({ ...m, field: m.field ?? 'test', reply });
      notifications.show({ message: m.message, color: 'red', autoClose: 10_000 });
    } finally {
      setBusy(false);
      loadOutbox();
    }
  };
  const retry = async (id: number) => {
    try {
      await call('mail.outbox.retry', { id });
    } catch (e) {
      notifications.show({ message: message(e).message, color: 'red' });
    }
    loadOutbox();
  };
  const err = (f: string) => (fieldError?.field === f ? fieldError.message : undefined);
  const c = outbox?.counts ?? {};

  return (
    <SettingsCard testId="smtp-settings" title={t('mail:settings.title')} help={t('mail:settings.hint')} readOnly={why}>
      <Group grow align="flex-start">
        <TextInput
          label={t('mail:settings.host')}
          value={v.host}
          disabled={!can}
          error={err('host')}
          onChange={(e) => setV({ ...v, host: e.currentTarget.value })}
          data-testid="smtp-host"
        />
        <NumberInput
          label={t('mail:settings.port')}
          min={1}
          max={65535}
          value={v.port}
          disabled={!can}
          onChange={(n) => setV({ ...v, port: Number(n) || 587 })}
          maw={120}
        />
        <Select
          label={t('mail:settings.tls')}
          value={v.tls}
          disabled={!can}
          allowDeselect={false}
          maw={160}
          data={(['none', 'starttls', 'tls'] as const).map((m) => ({
            value: m,
            label: t(`mail:settings.tlsMode.${m}`),
          }))}
          onChange={(m) => m && setV({ ...v, tls: m as SmtpSettings['tls'] })}
          data-testid="smtp-tls"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('mail:settings.user')}
          value={v.user}
          disabled={!can}
          onChange={(e) => setV({ ...v, user: e.currentTarget.value })}
          autoComplete="off"
        />
        <PasswordInput
          label={t('mail:settings.password')}
          value={password}
          disabled={!can}
          error={err('password')}
          autoComplete="new-password"
          description={v.passwordSet ? t('mail:settings.passwordSet') : undefined}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid="smtp-password"
        />
      </Group>
      {v.passwordSet && (
        <Checkbox
          label={t('mail:settings.passwordClear')}
          checked={clearPassword}
          disabled={!can}
          onChange={(e) => setClearPassword(e.currentTarget.checked)}
        />
      )}
      <Group grow align="flex-start">
        <TextInput
          label={t('mail:settings.from')}
          value={v.from}
          disabled={!can}
          error={err('from')}
          onChange={(e) => setV({ ...v, from: e.currentTarget.value })}
        />
        <TextInput
          label={t('mail:settings.dealerMailbox')}
          value={v.dealerMailbox}
          disabled={!can}
          error={err('dealerMailbox')}
          onChange={(e) => setV({ ...v, dealerMailbox: e.currentTarget.value })}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t(`mail:settings.secretStore.${v.secretStore}`, { defaultValue: v.secretStore })}
      </Text>
      {can && (
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <TextInput
              label={t('mail:settings.testTo')}
              value={testTo}
              error={err('to') ?? err('test')}
              onChange={(e) => setTestTo(e.currentTarget.value)}
              w={280}
            />
            <Button
              variant="light"
              loading={busy}
              disabled={!testTo}
              onClick={() => void test()}
              data-testid="smtp-test"
            >
              {t('mail:settings.test')}
            </Button>
          </Group>
          <Button onClick={() => void save()} data-testid="smtp-save">
            {t('mail:settings.save')}
          </Button>
        </Group>
      )}
      {fieldError?.reply && (
        <Text size="xs" c="dimmed" ff="monospace" data-testid="smtp-test-reply">
          {t('mail:settings.serverReply', { reply: fieldError.reply })}
        </Text>
      )}
      <Title order={5}>{t('mail:settings.outbox')}</Title>
      <Text size="sm">
        {t('mail:settings.outboxCounts', {
          queued: (c.queued ?? 0) + (c.sending ?? 0),
          sent: c.sent ?? 0,
          failed: c.failed ?? 0,
        })}
      </Text>
      {outbox && outbox.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mail:settings.empty')}
        </Text>
      )}
      {outbox && outbox.items.length > 0 && (
        <Table verticalSpacing={4} data-testid="outbox">
          <Table.Tbody>
            {outbox.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(o.sentAt ?? o.dueAt, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <Badge color={COLORS[o.state]} variant="light">
                    {t(`mail:state.${o.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{o.to}</Table.Td>
                <Table.Td>
                  {o.subject}
                  {o.lastError && (
                    <Text size="xs" c="red">
                      {t('mail:settings.lastError', { reason: mailReason(t, o.lastError) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {o.state === 'failed' && can && (
                    <Button size="compact-xs" variant="light" onClick={() => void retry(o.id)}>
                      {t('mail:settings.retry')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SettingsCard>
  );
}

// The first-run setup (issue 16, item 4): on a new database, a short guided setup — the dealership, time zone and
// opening hours, the manager's account, optionally the mail server with a test — through the existing channels
// (settings.setDealer, settings.setRules, people.save, mail.settings.set, mail.test). Skippable; either way
// settings.setSetupDone ends it. Loaded lazily (App): nobody downloads it once the setup is done.
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmtpSettingsInput } from '../../../../shared/contract/mail';
import type { RuleSettings } from '../../../../shared/domain/settings';
import { useSettings } from '../../../app/settings';
import { useAuth } from '../../auth/useAuth';
import { AppCallError, call } from '../../../platform';
import { TIME_ZONES } from '../../settings/BusinessRulesCard/BusinessRulesCard';
import { OpeningHoursEditor } from '../../settings/OpeningHoursEditor';

const EMPTY_SMTP: SmtpSettingsInput = {
  host: '',
  port: 587,
  tls: 'starttls',
  user: '',
  password: '',
  from: '',
  dealerMailbox: '',
};

export function SetupWizard({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { settings, refresh } = useSettings();
  const [step, setStep] = useState(0);
  const [dealer, setDealer] = useState({ name: '', phone: '', email: '', address: '' });
  const [rules, setRules] = useState<RuleSettings | null>(null);
  const [manager, setManager] = useState({ id: 0, name: '', email: '' });
  // The manager's password (docs/rules.md §12): optional here, for when the database is later hosted; with
  // sign-in required the manager chose one at the forced change before reaching this wizard.
  const [password, setPassword] = useState('');
  const { signInRequired } = useAuth();
  const [smtp, setSmtp] = useState<SmtpSettingsInput>(EMPTY_SMTP);
  const [testTo, setTestTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [tested, setTested] = useState<string | null>(null);

  useEffect(() => {
    if (!settings) return;
    setDealer(settings.dealer);
    setRules(settings.rules as RuleSettings);
  }, [settings === null]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void call('people.current', {}).then((c) => {
      const u = c.user;
      if (u) setManager({ id: u.id, name: u.name, email: u.email ?? '' });
    });
  }, []);

  const fail = (e: unknown) => {
    const err = e instanceof AppCallError ? e.error : { code: 'INTERNAL', field: undefined, params: undefined };
    setError({
      field: err.field,
      message: t(`errors:code.${err.code}`, { ...(err.params ?? {}), defaultValue: err.code }),
    });
  };
  const run = async (fn: () => Promise<unknown>, next: number) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setStep(next);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const finish = async (skip: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (!skip && smtp.host)
        await call('mail.settings.set', { ...smtp, ...(smtp.password ? {} : { password: undefined }) });
      await call('settings.setSetupDone', { done: true });
      await refresh();
      onDone?.();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const test = async () => {
    setBusy(true);
    setError(null);
    setTested(null);
    try {
      const r = await call('mail.test', { to: testTo, account: smtp });
      setTested(t('mail:settings.testSent', { to: r.to }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  const general =
    error && !['name', 'email', 'phone', 'address', 'host', 'from', 'to', 'next'].includes(error.field ?? '')
      ? error.message
      : null;
  if (!settings || !rules) return null;

  return (
    <Card withBorder padding="xl" maw={820} mx="auto" mt="md" data-testid="setup-wizard">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('settings:setup.title')}</Title>
          <Button variant="subtle" onClick={() => void finish(true)} disabled={busy} data-testid="setup-skip">
            {t('settings:setup.skip')}
          </Button>
        </Group>
        <Text c="dimmed" size="sm">
          {t('settings:setup.intro')}
        </Text>
        {general && (
          <Alert color="red" data-testid="setup-error">
            {general}
          </Alert>
        )}
        <Stepper active={step} size="sm">
          <Stepper.Step label={t('settings:setup.step.dealer')}>
            <Stack gap="xs" mt="sm">
              <TextInput
                label={t('settings:dealer.name')}
                value={dealer.name}
                required
                error={err('name')}
                data-testid="setup-dealer-name"
                onChange={(e) => setDealer({ ...dealer, name: e.currentTarget.value })}
              />
              <Group grow>
                <TextInput
                  label={t('settings:dealer.phone')}
                  value={dealer.phone}
                  error={err('phone')}
                  data-testid="setup-dealer-phone"
                  onChange={(e) => setDealer({ ...dealer, phone: e.currentTarget.value })}
                />
                <TextInput
                  label={t('settings:dealer.email')}
                  value={dealer.email}
                  error={err('email')}
                  data-testid="setup-dealer-email"
                  onChange={(e) => setDealer({ ...dealer, email: e.currentTarget.value })}
                />
              </Group>
              <TextInput
                label={t('settings:dealer.address')}
                value={dealer.address}
                data-testid="setup-dealer-address"
                onChange={(e) => setDealer({ ...dealer, address: e.currentTarget.value })}
              />
              <Group justify="flex-end">
                <Button
                  loading={busy}
                  disabled={!dealer.name.trim()}
                  data-testid="setup-next"
                  onClick={() => void run(() => call('settings.setDealer', dealer), 1)}
                >
                  {t('settings:setup.next')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('settings:setup.step.hours')}>
            <Stack gap="xs" mt="sm">
              <Select
                label={t('settings:rules.timeZone')}
                data={TIME_ZONES.includes(rules.timeZone) ? TIME_ZONES : [rules.timeZone, ...TIME_ZONES]}
                value={rules.timeZone}
                allowDeselect={false}
                searchable
                w={260}
                data-testid="setup-timeZone"
                onChange={(v) => v && setRules({ ...rules, timeZone: v })}
              />
              <OpeningHoursEditor
                value={rules.openingHours}
                disabled={false}
                onChange={(openingHours) => setRules({ ...rules, openingHours })}
                errorFor={(d) => (error?.field === `openingHours.${d}` ? error.message : undefined)}
              />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('settings:setup.back')}
                </Button>
                <Button
                  loading={busy}
                  data-testid="setup-next"
                  onClick={() => void run(() => call('settings.setRules', rules), 2)}
                >
                  {t('settings:setup.next')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('settings:setup.step.manager')}>
            <Stack gap="xs" mt="sm">
              <Text size="sm" c="dimmed">
                {t('settings:setup.managerHelp')}
              </Text>
              <Group grow>
                <TextInput
                  label={t('settings:setup.managerName')}
                  value={manager.name}
                  required
                  data-testid="setup-manager-name"
                  onChange={(e) => setManager({ ...manager, name: e.currentTarget.value })}
                />
                <TextInput
                  label={t('settings:setup.managerEmail')}
                  value={manager.email}
                  data-testid="setup-manager-email"
                  onChange={(e) => setManager({ ...manager, email: e.currentTarget.value })}
                />
              </Group>
              {!signInRequired && (
                <PasswordInput
                  label={t('auth:setup.password')}
                  description={t('auth:setup.passwordHint')}
                  value={password}
                  autoComplete="new-password"
                  error={err('next')}
                  data-testid="setup-manager-password"
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
              )}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(1)}>
                  {t('settings:setup.back')}
                </Button>
                <Button
                  loading={busy}
                  disabled={!manager.name.trim()}
                  data-testid="setup-next"
                  onClick={() =>
                    void run(
                      () =>
                        call('people.save', {
                          id: manager.id,
                          name: manager.name,
                          email: manager.email.trim() || null,
                          language: settings.language,
                          roles: ['manager'],
                        }).then(async () => {
                          // A first password (the manager has none yet: the current one is empty).
                          if (password) await call('auth.changePassword', { current: '', next: password });
                          setPassword('');
                        }),
                      3,
                    )
                  }
                >
                  {t('settings:setup.next')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('settings:setup.step.mail')}>
            <Stack gap="xs" mt="sm">
              <Text size="sm" c="dimmed">
                {t('settings:setup.mailHelp')}
              </Text>
              <Group grow align="flex-start">
                <TextInput
                  label={t('mail:settings.host')}
                  value={smtp.host}
                  error={err('host')}
                  data-testid="setup-smtp-host"
                  onChange={(e) => setSmtp({ ...smtp, host: e.currentTarget.value })}
                />
                <NumberInput
                  label={t('mail:settings.port')}
                  min={1}
                  max={65535}
                  value={smtp.port}
                  maw={120}
                  data-testid="setup-smtp-port"
                  onChange={(n) => setSmtp({ ...smtp, port: Number(n) || 587 })}
                />
                <Select
                  label={t('mail:settings.tls')}
                  value={smtp.tls}
                  allowDeselect={false}
                  maw={160}
                  data-testid="setup-smtp-tls"
                  data={(['none', 'starttls', 'tls'] as const).map((m) => ({
                    value: m,
                    label: t(`mail:settings.tlsMode.${m}`),
                  }))}
                  onChange={(m) => m && setSmtp({ ...smtp, tls: m as SmtpSettingsInput['tls'] })}
                />
              </Group>
              <Group grow align="flex-start">
                <TextInput
                  label={t('mail:settings.user')}
                  value={smtp.user}
                  autoComplete="off"
                  onChange={(e) => setSmtp({ ...smtp, user: e.currentTarget.value })}
                />
                <PasswordInput
                  label={t('mail:settings.password')}
                  value={smtp.password ?? ''}
                  autoComplete="new-password"
                  onChange={(e) => setSmtp({ ...smtp, password: e.currentTarget.value })}
                />
              </Group>
              <TextInput
                label={t('mail:settings.from')}
                value={smtp.from}
                error={err('from')}
                data-testid="setup-smtp-from"
                onChange={(e) => setSmtp({ ...smtp, from: e.currentTarget.value })}
              />
              <Group align="flex-end">
                <TextInput
                  label={t('mail:settings.testTo')}
                  value={testTo}
                  error={err('to')}
                  w={280}
                  data-testid="setup-test-to"
                  onChange={(e) => setTestTo(e.currentTarget.value)}
                />
                <Button
                  variant="light"
                  loading={busy}
                  disabled={!testTo || !smtp.host}
                  onClick={() => void test()}
                  data-testid="setup-test"
                >
                  {t('mail:settings.test')}
                </Button>
              </Group>
              {tested && (
                <Text size="sm" c="green" data-testid="setup-test-ok">
                  {tested}
                </Text>
              )}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(2)}>
                  {t('settings:setup.back')}
                </Button>
                <Button loading={busy} data-testid="setup-finish" onClick={() => void finish(false)}>
                  {t('settings:setup.finish')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
        </Stepper>
      </Stack>
    </Card>
  );
}

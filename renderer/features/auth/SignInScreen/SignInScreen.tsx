// The sign-in screen (host mode): user name or e-mail and password; the core's answer translated (a lock says
// until when). The language can be chosen here: the desk's own is known only after sign-in.
import {
  Alert,
  Button,
  Card,
  Center,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { LANGUAGES } from '../../../../shared/domain/vocabulary';
import { i18n, localeTag } from '../../../i18n';
import { invoke } from '../../../platform';

export function SignInScreen({
  notice,
  onSignedIn,
}: {
  notice: string | null;
  onSignedIn: (r: Output<'auth.signIn'>) => void;
}) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await invoke('auth.signIn', { login, password });
    setBusy(false);
    if (r.ok) return onSignedIn(r.value);
    const until = r.error.params?.until;
    const when =
      typeof until === 'number'
        ? new Intl.DateTimeFormat(localeTag(i18n.language), { timeStyle: 'short' }).format(until)
        : '';
    setPassword('');
    setError(t(`errors:code.${r.error.code}`, { until: when, defaultValue: r.error.code }));
  };
  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" padding="xl" w={420} component="main">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Stack gap={4}>
              <Title order={2}>{t('auth:signIn.title')}</Title>
              <Text size="sm" c="dimmed">
                {t('auth:signIn.intro')}
              </Text>
            </Stack>
            {notice && !error && (
              <Alert color="blue" data-testid="sign-in-notice">
                {t(`errors:code.${notice}`)}
              </Alert>
            )}
            <TextInput
              label={t('auth:signIn.login')}
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
              autoComplete="username"
              required
              autoFocus
              data-testid="sign-in-login"
            />
            <PasswordInput
              label={t('auth:signIn.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
              data-testid="sign-in-password"
            />
            {error && (
              <Alert color="red" icon={<IconLock size={18} />} role="alert" data-testid="sign-in-error">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy} data-testid="sign-in-submit">
              {t('auth:signIn.submit')}
            </Button>
            <SegmentedControl
              size="xs"
              aria-label={t('auth:signIn.language')}
              value={LANGUAGES.includes(i18n.language as never) ? i18n.language : 'en'}
              onChange={(l) => void i18n.changeLanguage(l)}
              data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
            />
          </Stack>
        </form>
      </Card>
    </Center>
  );
}

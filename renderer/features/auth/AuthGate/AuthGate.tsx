// Before the app: asks the core whether sign-in is required (host mode). Nobody signed in → the sign-in screen; a
// temporary password → the change-password screen; then the app. A session that ends while working (expired,
// signed out elsewhere, password reset by the manager) brings the sign-in screen back over the same address, so
// the person returns where they were.
import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Output } from '../../../../shared/contract';
import { LANGUAGES, type Language } from '../../../../shared/domain/vocabulary';
import { i18n } from '../../../i18n';
import { invoke, onSessionLost, setSessionToken } from '../../../platform';
import { peekBoot } from '../../../app/boot';
import { AuthContext, type AuthState } from '../useAuth';

type Status = Output<'auth.status'>;

// Loaded only when shown (host mode): the single-PC mode's start-up bundle does not carry them.
const SignInScreen = lazy(() => import('../SignInScreen').then((m) => ({ default: m.SignInScreen })));
const ChangePasswordScreen = lazy(() =>
  import('../ChangePasswordScreen').then((m) => ({ default: m.ChangePasswordScreen })),
);
const waiting = (
  <Center h="100vh">
    <Loader />
  </Center>
);

/** Before sign-in the desk's language is not readable (it is behind the sign-in): the browser's. */
async function browserLanguage() {
  const lang = (navigator.language ?? 'en').slice(0, 2) as Language;
  if (LANGUAGES.includes(lang) && i18n.language !== lang) await i18n.changeLanguage(lang);
}

export function AuthGate({ children }: { children: ReactNode }) {
  // Read at start-up with the other first reads (app/boot.ts): the app renders at once when no sign-in is asked.
  const [status, setStatus] = useState<Status | null>(() => {
    const booted = peekBoot('auth.status', {});
    return booted && (!booted.signInRequired || booted.user) ? booted : null;
  });
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await invoke('auth.status', {});
    // A core that does not answer (recovery mode is handled before this gate) opens the app as before.
    const s = r.ok ? r.value : { signInRequired: false, user: null, mustChangePassword: false };
    if (s.signInRequired && !s.user) await browserLanguage();
    setStatus(s);
  }, []);
  useEffect(() => {
    if (status === null) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at mount: later changes come from the screens
  }, [load]);
  useEffect(
    () =>
      onSessionLost((code) => {
        if (code === 'PASSWORD_CHANGE_REQUIRED') {
          setStatus((s) => (s ? { ...s, mustChangePassword: true } : s));
          return;
        }
        // Calls in flight after the first refusal carry no session any more: "expired" says more, it stays.
        setNotice((n) => (n === 'SESSION_EXPIRED' ? n : code));
        setStatus((s) => (s ? { ...s, user: null, mustChangePassword: false } : s));
      }),
    [],
  );
  const signOut = useCallback(async () => {
    await invoke('auth.signOut', {});
    setSessionToken(null);
    // A clean page for the next person (nothing of this one's lists kept in memory); the address stays.
    window.location.reload();
  }, []);
  const auth = useMemo<AuthState>(
    () => ({ signInRequired: status?.signInRequired ?? false, user: status?.user ?? null, signOut }),
    [status, signOut],
  );
  if (status === null) return waiting;
  if (status.signInRequired && !status.user)
    return (
      <Suspense fallback={waiting}>
        <SignInScreen
          notice={notice}
          onSignedIn={(r) => {
            setSessionToken(r.token);
            setNotice(null);
            setStatus({ signInRequired: true, user: r.user, mustChangePassword: r.mustChangePassword });
          }}
        />
      </Suspense>
    );
  if (status.signInRequired && status.mustChangePassword)
    return (
      <Suspense fallback={waiting}>
        <ChangePasswordScreen
          user={status.user}
          onChanged={() => setStatus({ ...status, mustChangePassword: false })}
          onSignOut={signOut}
        />
      </Suspense>
    );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

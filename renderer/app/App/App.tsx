import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { AppFrame } from '../AppFrame';
import { Routes } from '../routes';
import { navigate, useRoute } from '../router';
import { useSettings } from '../settings';

// The first-run setup is loaded only when it is shown (a new database, or #/setup).
const SetupWizard = lazy(() => import('../../features/setup/SetupWizard').then((m) => ({ default: m.SetupWizard })));

export function App() {
  const { path } = useRoute();
  const { settings } = useSettings();
  const setup = path[0] === 'setup' || (settings !== null && !settings.setupDone && settings.dealer.name === '');
  return (
    <AppFrame>
      {setup ? (
        <Suspense
          fallback={
            <Center p="xl">
              <Loader />
            </Center>
          }
        >
          <SetupWizard
            onDone={() => {
              if (path[0] === 'setup') navigate('/list/assigned');
            }}
          />
        </Suspense>
      ) : (
        <Routes path={path} />
      )}
    </AppFrame>
  );
}

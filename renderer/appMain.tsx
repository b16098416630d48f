// The app itself: React, Mantine, i18next and every screen's first code. Loaded by main.tsx once the start-up reads
// have left, so that its download, compilation and evaluation overlap with the core's answers.
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app/App';
import { AppInfoProvider } from './app/appInfo';
import { SettingsProvider } from './app/settings';
import { ShellGate } from './app/ShellGate';
import { AuthGate } from './features/auth/AuthGate';
import { ThemeProvider } from './app/theme';

initI18n('en');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider>
      <Notifications position="top-right" />
      <ShellGate>
        <AuthGate>
          <SettingsProvider>
            <AppInfoProvider>
              <App />
            </AppInfoProvider>
          </SettingsProvider>
        </AuthGate>
      </ShellGate>
    </ThemeProvider>
  </StrictMode>,
);

import './bootStart';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
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

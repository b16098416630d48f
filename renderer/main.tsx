import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app/App';
import { AppInfoProvider } from './app/appInfo';
import { SettingsProvider } from './app/settings';
import { ShellGate } from './app/ShellGate';

initI18n('en');
const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <ShellGate>
        <SettingsProvider>
          <AppInfoProvider>
            <App />
          </AppInfoProvider>
        </SettingsProvider>
      </ShellGate>
    </MantineProvider>
  </StrictMode>,
);

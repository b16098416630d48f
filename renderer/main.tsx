import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import { Badge, MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app/App';
import { AppInfoProvider } from './app/appInfo';
import { SettingsProvider } from './app/settings';
import { ShellGate } from './app/ShellGate';

initI18n('en');
// Badges never cut their text ("ASSIG…"): a label too long for its column wraps onto a second line.
const theme = createTheme({
  primaryColor: 'indigo', defaultRadius: 'sm',
  components: {
    Badge: Badge.extend({
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', overflow: 'visible', paddingBlock: 1 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
      },
    }),
  },
});

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

import { Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useAppInfo } from '../../../app/appInfo';
import { navigate } from '../../../app/router';
import { TemplateEditor } from '../../playbook/TemplateEditor';
import { PlaybookSettingsCard } from '../../playbook/PlaybookSettingsCard';
import { WatchFolderCard } from '../../import/WatchFolderCard';
import { PeopleCard } from '../../people/PeopleCard';
import { AssignmentRulesCard } from '../../people/AssignmentRulesCard';
import { RegistryCard } from '../../people/RegistryCard';
import { WorkshopCapacityCard } from '../../people/WorkshopCapacityCard';
import { SmtpSettingsCard } from '../../mail/SmtpSettingsCard';
import { NotifySettingsCard } from '../../notifications/NotifySettingsCard';
import { BackupCard } from '../../backup/BackupCard';
import { HostCard } from '../../host/HostCard';
import { DealershipCard } from '../DealershipCard';
import { BusinessRulesCard } from '../BusinessRulesCard';
import { CampaignsCard } from '../CampaignsCard';
import { SitesCard } from '../../sites/SitesCard';

/** The settings tabs, in order; the URL is #/settings/<tab>. */
export const SETTINGS_TABS = ['general', 'people', 'playbook', 'import', 'email', 'data'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

/**
 * Settings in tabs (#/settings/<tab>); only the open tab is mounted. Each card shows itself read-only to whoever may
 * not use its save channel (people/useCan.ts: the manager's, or with several sites a group manager's).
 */
export function SettingsScreen({ tab }: { tab?: string | undefined }) {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  const active: SettingsTab = (SETTINGS_TABS as readonly string[]).includes(tab ?? '')
    ? (tab as SettingsTab)
    : 'general';
  const panel = (id: SettingsTab, children: ReactNode) => (
    <Tabs.Panel value={id} pt="md">
      <Stack>{children}</Stack>
    </Tabs.Panel>
  );
  return (
    <Stack>
      <Title order={2} data-testid="settings-title">
        {t('app:nav.settings')}
      </Title>
      <Tabs value={active} onChange={(v) => v && navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List>
          {SETTINGS_TABS.map((id) => (
            <Tabs.Tab key={id} value={id} data-testid={`settings-tab-${id}`}>
              {t(`settings:tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {panel(
          'general',
          <>
            <Card withBorder>
              <Group justify="space-between">
                <div>
                  <Text fw={600}>{t('app:language.label')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('app:language.help')}
                  </Text>
                </div>
                <LanguageSwitch />
              </Group>
            </Card>
            <DealershipCard />
            <BusinessRulesCard />
            <CampaignsCard />
          </>,
        )}
        {panel(
          'people',
          <>
            <SitesCard />
            <PeopleCard />
            <AssignmentRulesCard />
            <WorkshopCapacityCard />
          </>,
        )}
        {panel(
          'playbook',
          <>
            <PlaybookSettingsCard />
            <TemplateEditor />
          </>,
        )}
        {panel(
          'import',
          <>
            <WatchFolderCard />
            <RegistryCard />
          </>,
        )}
        {panel(
          'email',
          <>
            <SmtpSettingsCard />
            <NotifySettingsCard />
          </>,
        )}
        {panel(
          'data',
          <>
            <HostCard />
            <BackupCard />
          </>,
        )}
      </Tabs>
      {info && (
        <Text size="sm" c="dimmed">
          {t('app:about', { version: info.version, mode: info.mode, zone: info.timeZone })}
        </Text>
      )}
    </Stack>
  );
}

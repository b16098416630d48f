import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useAppInfo } from '../../../app/appInfo';
import { TemplateEditor } from '../../playbook/TemplateEditor';
import { PlaybookSettingsCard } from '../../playbook/PlaybookSettingsCard';
import { WatchFolderCard } from '../../import/WatchFolderCard';
import { PeopleCard } from '../../people/PeopleCard';
import { AssignmentRulesCard } from '../../people/AssignmentRulesCard';
import { RegistryCard } from '../../people/RegistryCard';
import { WorkshopCapacityCard } from '../../people/WorkshopCapacityCard';
import { useCurrentUser } from '../../people/usePeople';
import { SmtpSettingsCard } from '../../mail/SmtpSettingsCard';
import { NotifySettingsCard } from '../../notifications/NotifySettingsCard';
import { BackupCard } from '../../backup/BackupCard';

/** Settings: the language now; dealer, SLA figures, opening hours, SMTP… are added by their features. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  const manage = useCurrentUser()?.canManage ?? false;
  return (
    <Stack>
      <Title order={2} data-testid="settings-title">{t('app:nav.settings')}</Title>
      <Card withBorder>
        <Group justify="space-between">
          <div>
            <Text fw={600}>{t('app:language.label')}</Text>
            <Text size="sm" c="dimmed">{t('app:language.help')}</Text>
          </div>
          <LanguageSwitch />
        </Group>
      </Card>
      <PeopleCard />
      <AssignmentRulesCard />
      <RegistryCard manage={manage} />
      <WorkshopCapacityCard manage={manage} />
      <PlaybookSettingsCard />
      <TemplateEditor />
      <WatchFolderCard />
      <SmtpSettingsCard />
      <NotifySettingsCard />
      <BackupCard />
      {info && <Text size="sm" c="dimmed">{t('app:about', { version: info.version, mode: info.mode, zone: info.timeZone })}</Text>}
    </Stack>
  );
}

// Settings → General → Campaigns: the six standard campaigns (read-only, translated) and the dealership's own,
// added and removed here (settings.setCampaigns); a campaign that leads use cannot be removed (CAMPAIGN_IN_USE).
import { ActionIcon, Alert, Badge, Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CAMPAIGNS } from '../../../../shared/domain/vocabulary';
import { useSettings } from '../../../app/settings';
import { invoke } from '../../../platform';
import { useCan } from '../../people/useCan';
import { useSettingsSave } from '../useSettingsSave';
import { SettingsCard } from '../../../components/SettingsCard';

export function CampaignsCard() {
  const { t } = useTranslation();
  const { can: manage, why } = useCan('settings.setCampaigns');
  const { settings } = useSettings();
  const [draft, setDraft] = useState('');
  const { run, error, busy } = useSettingsSave();
  if (!settings) return null;
  const extra = settings.campaigns
    .filter((c) => !(DEFAULT_CAMPAIGNS as readonly string[]).includes(c))
    .map((id) => ({ id, label: settings.campaignLabels[id] ?? id }));
  const names = extra.map((c) => c.label);
  const save = (list: string[]) => run(() => invoke('settings.setCampaigns', { campaigns: list }));
  const add = async () => {
    if (draft.trim() && (await save([...names, draft]))) setDraft('');
  };
  const addError = error && error.field?.startsWith('campaigns.') ? error.message : undefined;
  const otherError = error && !error.field?.startsWith('campaigns.') ? error.message : null;
  return (
    <SettingsCard
      testId="campaigns-card"
      title={t('settings:campaigns.title')}
      help={t('settings:campaigns.help')}
      readOnly={why}
    >
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('settings:campaigns.defaults')}
        </Text>
        <Group gap="xs">
          {DEFAULT_CAMPAIGNS.map((c) => (
            <Badge key={c} variant="light" color="gray" tt="none" data-testid={`campaign-default-${c}`}>
              {t(`domain:campaign.${c}`)}
            </Badge>
          ))}
        </Group>
      </div>
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('settings:campaigns.extra')}
        </Text>
        {extra.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settings:campaigns.none')}
          </Text>
        )}
        <Group gap="xs">
          {extra.map((c) => (
            <Badge
              key={c.id}
              variant="light"
              tt="none"
              size="lg"
              data-testid={`campaign-extra-${c.id}`}
              rightSection={
                manage ? (
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    aria-label={t('settings:campaigns.remove', { campaign: c.label })}
                    data-testid={`campaign-remove-${c.id}`}
                    onClick={() => void save(names.filter((x) => x !== c.label))}
                  >
                    ×
                  </ActionIcon>
                ) : undefined
              }
            >
              {c.label}
            </Badge>
          ))}
        </Group>
      </div>
      {otherError && (
        <Alert color="red" data-testid="campaigns-error">
          {otherError}
        </Alert>
      )}
      {manage && (
        <Group align="flex-start" gap="xs">
          <TextInput
            label={t('settings:campaigns.name')}
            value={draft}
            maxLength={60}
            w={300}
            error={addError}
            data-testid="campaign-name"
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void add();
            }}
          />
          <Button
            mt={25}
            variant="light"
            loading={busy}
            disabled={!draft.trim()}
            onClick={() => void add()}
            data-testid="campaign-add"
          >
            {t('settings:campaigns.add')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

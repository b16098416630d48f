// Settings → General → Dealership: name, e-mail, phone, address (used in the customers' e-mails and the reports).
import { Alert, Button, Group, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '../../../../shared/contract/app';
import { useSettings } from '../../../app/settings';
import { invoke } from '../../../platform';
import { useSettingsSave } from '../useSettingsSave';
import { SettingsCard } from '../../../components/SettingsCard';

type Dealer = AppSettings['dealer'];
const FIELDS = ['name', 'email', 'phone'] as const;

export function DealershipCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [d, setD] = useState<Dealer | null>(null);
  const { run, error, fieldError, busy } = useSettingsSave();
  useEffect(() => {
    if (settings && !d) setD(settings.dealer);
  }, [settings, d]);
  if (!d) return null;
  const general = error && !['name', 'email', 'phone', 'address'].includes(error.field ?? '') ? error.message : null;
  return (
    <SettingsCard testId="dealer-card" title={t('settings:dealer.title')} help={t('settings:dealer.help')}>
      {!manage && (
        <Text size="sm" c="dimmed" data-testid="dealer-readonly">
          {t('settings:common.readOnly')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {FIELDS.map((f) => (
          <TextInput
            key={f}
            label={t(`settings:dealer.${f}`)}
            value={d[f]}
            disabled={!manage}
            data-testid={`dealer-${f}`}
            maxLength={f === 'phone' ? 40 : f === 'email' ? 254 : 120}
            error={fieldError(f)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setD((s) => s && { ...s, [f]: v });
            }}
          />
        ))}
      </SimpleGrid>
      <Textarea
        label={t('settings:dealer.address')}
        value={d.address}
        disabled={!manage}
        autosize
        minRows={2}
        maxLength={300}
        data-testid="dealer-address"
        error={fieldError('address')}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setD((s) => s && { ...s, address: v });
        }}
      />
      {general && (
        <Alert color="red" data-testid="dealer-error">
          {general}
        </Alert>
      )}
      {manage && (
        <Group justify="flex-end">
          <Button
            loading={busy}
            data-testid="dealer-save"
            onClick={() =>
              void run(async () => {
                const r = await invoke('settings.setDealer', d);
                if (r.ok) setD(r.value.dealer);
                return r;
              })
            }
          >
            {t('settings:common.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

// Settings → General → Dealership: name, e-mail, phone, address (used in the customers' e-mails and the reports).
// With several sites, the site in view's own identity or the group's (useSiteSettings, docs/rules.md §11.8).
import { Alert, Button, Group, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';
import { SettingsCard } from '../../../components/SettingsCard';
import { SiteValuesNote } from '../../sites/SiteValuesNote';
import { useSiteSettings } from '../../sites/useSiteSettings';

const FIELDS = ['name', 'email', 'phone'] as const;

export function DealershipCard() {
  const { t } = useTranslation();
  const s = useSiteSettings('dealer', {
    groupChannel: 'settings.setDealer',
    readGroup: async () => {
      const r = await invoke('settings.get', {});
      return r.ok ? r.value.dealer : null;
    },
    saveGroup: async (d) => {
      const r = await invoke('settings.setDealer', d);
      return r.ok ? { ok: true, value: r.value.dealer } : r;
    },
  });
  const d = s.value;
  if (!d) return null;
  const general = s.general([...FIELDS, 'address']);
  return (
    <SettingsCard
      testId="dealer-card"
      title={t('settings:dealer.title')}
      help={t('settings:dealer.help')}
      readOnly={s.why}
    >
      <SiteValuesNote s={s} manage={s.can} testId="dealer" />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {FIELDS.map((f) => (
          <TextInput
            key={f}
            label={t(`settings:dealer.${f}`)}
            value={d[f]}
            disabled={!s.editable}
            data-testid={`dealer-${f}`}
            maxLength={f === 'phone' ? 40 : f === 'email' ? 254 : 120}
            error={s.fieldError(f)}
            onChange={(e) => s.setValue({ ...d, [f]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      <Textarea
        label={t('settings:dealer.address')}
        value={d.address}
        disabled={!s.editable}
        autosize
        minRows={2}
        maxLength={300}
        data-testid="dealer-address"
        error={s.fieldError('address')}
        onChange={(e) => s.setValue({ ...d, address: e.currentTarget.value })}
      />
      {general && (
        <Alert color="red" data-testid="dealer-error">
          {general}
        </Alert>
      )}
      {s.can && (
        <Group justify="flex-end">
          <Button loading={s.busy} data-testid="dealer-save" onClick={() => void s.save()}>
            {t('settings:common.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

// Settings → Workshop: how many appointments a day the workshop takes (shown beside the date picker when booking).
// With several sites, the site in view's own capacity or the group's (useSiteSettings, docs/rules.md §11.8).
import { Alert, Button, Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';
import { SettingsCard } from '../../../components/SettingsCard';
import { SiteValuesNote } from '../../sites/SiteValuesNote';
import { useSiteSettings } from '../../sites/useSiteSettings';

export function WorkshopCapacityCard() {
  const { t } = useTranslation();
  const s = useSiteSettings('capacity', {
    groupChannel: 'workshop.setCapacity',
    // "All sites" in view (or one site): the group's.
    readGroup: async () => {
      const r = await invoke('workshop.load', { days: 1 });
      return r.ok ? r.value.capacity : null;
    },
    saveGroup: async (capacity) => {
      const r = await invoke('workshop.setCapacity', { capacity });
      return r.ok ? { ok: true, value: r.value.capacity } : r;
    },
  });
  if (s.value === null) return null;
  const general = s.general([]);
  return (
    <SettingsCard
      testId="workshop-card"
      title={t('people:workshop.title')}
      help={t('people:workshop.help')}
      readOnly={s.why}
    >
      <SiteValuesNote s={s} manage={s.can} testId="workshop" />
      <Group align="flex-end">
        <NumberInput
          label={t('people:workshop.capacity')}
          min={0}
          max={500}
          value={s.value}
          onChange={(v) => s.setValue(Math.max(0, Math.min(500, Number(v) || 0)))}
          disabled={!s.editable}
          data-testid="workshop-capacity"
          w={200}
        />
        {s.can && (
          <Button onClick={() => void s.save()} loading={s.busy} data-testid="workshop-save">
            {t('people:action.save')}
          </Button>
        )}
      </Group>
      {general && (
        <Alert color="red" data-testid="workshop-error">
          {general}
        </Alert>
      )}
    </SettingsCard>
  );
}

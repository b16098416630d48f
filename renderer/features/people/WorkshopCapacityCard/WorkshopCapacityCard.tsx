// Settings → Workshop: how many appointments a day the workshop takes (shown beside the date picker when booking).
import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';
import { SettingsCard } from '../../../components/SettingsCard';

export function WorkshopCapacityCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [capacity, setCapacity] = useState<number>(8);
  useEffect(() => {
    void invoke('workshop.load', { days: 1 }).then((r) => {
      if (r.ok) setCapacity(r.value.capacity);
    });
  }, []);
  const save = async () => {
    const r = await invoke('workshop.setCapacity', { capacity });
    notifications.show(
      r.ok
        ? { color: 'green', message: t('people:workshop.saved') }
        : { color: 'red', message: t(`errors:code.${r.error.code}`) },
    );
  };
  return (
    <SettingsCard testId="workshop-card" title={t('people:workshop.title')} help={t('people:workshop.help')}>
      <Group align="flex-end">
        <NumberInput
          label={t('people:workshop.capacity')}
          min={0}
          max={500}
          value={capacity}
          onChange={(v) => setCapacity(Math.max(0, Math.min(500, Number(v) || 0)))}
          disabled={!manage}
          w={200}
        />
        <Button onClick={() => void save()} disabled={!manage}>
          {t('people:action.save')}
        </Button>
      </Group>
    </SettingsCard>
  );
}

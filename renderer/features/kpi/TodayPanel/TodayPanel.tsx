// Today, whatever the period: leads not managed yet, SLA at risk, overdue, appointments today — and the
// settings of the manager's daily digest (shown to all, changed by whoever may: kpi.setDigestSettings).
import { Card, Group, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DigestSettings, KpiMetric } from '../../../../shared/contract/kpi';
import { ReadOnlyNote } from '../../../components/ReadOnlyNote';
import { invoke } from '../../../platform';
import { useCan } from '../../people/useCan';
import { FigureButton } from '../FigureButton';

const ITEMS: [KpiMetric, keyof Dashboard['today'], string, string][] = [
  ['now_unmanaged', 'unmanaged', 'unmanaged', 'orange'],
  ['now_at_risk', 'atRisk', 'atRisk', 'yellow'],
  ['now_overdue', 'overdue', 'overdue', 'red'],
  ['now_appointments_today', 'appointmentsToday', 'appointments', 'blue'],
];

export function TodayPanel({ d, period }: { d: Dashboard; period: string }) {
  const { t, i18n } = useTranslation();
  const { can, why } = useCan('kpi.setDigestSettings');
  const [digest, setDigest] = useState<DigestSettings | null>(null);
  useEffect(() => {
    void invoke('kpi.digestSettings', {}).then((r) => {
      if (r.ok) setDigest(r.value);
    });
  }, []);
  const save = async (s: DigestSettings) => {
    setDigest(s);
    const r = await invoke('kpi.setDigestSettings', s);
    if (r.ok) notifications.show({ message: t('kpi:digest.saved'), color: 'green' });
  };
  return (
    <Card withBorder padding="md" data-testid="kpi-today">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text fw={600}>{t('kpi:section.today')}</Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xl">
            {ITEMS.map(([metric, key, label, color]) => {
              const filter = { metric, from: d.today.dayFrom, to: d.today.dayTo, at: d.now };
              return (
                <Stack key={metric} gap={0}>
                  <Text size="xs" c="dimmed">
                    {t(`kpi:today.${label}`)}
                  </Text>
                  <FigureButton
                    value={d.today[key]}
                    filter={filter}
                    period={period}
                    lang={i18n.language}
                    testId={`today-${label}`}
                    size="xl"
                    color={color}
                    label={t(`kpi:today.${label}`)}
                  />
                </Stack>
              );
            })}
          </SimpleGrid>
        </Stack>
        {digest && (
          <Stack gap={4} maw={360} data-testid="digest-settings">
            <Group gap="sm">
              <Switch
                checked={digest.enabled}
                disabled={!can}
                label={t('kpi:digest.enabled')}
                onChange={(e) => void save({ ...digest, enabled: e.currentTarget.checked })}
              />
              <NumberInput
                w={90}
                min={0}
                max={23}
                value={digest.hour}
                disabled={!can}
                label={t('kpi:digest.hour')}
                suffix=":00"
                onBlur={(e) => {
                  const h = Number.parseInt(e.currentTarget.value, 10);
                  if (Number.isInteger(h) && h >= 0 && h <= 23 && h !== digest.hour) void save({ ...digest, hour: h });
                }}
              />
            </Group>
            <ReadOnlyNote why={why} testId="digest-readonly" />
          </Stack>
        )}
      </Group>
    </Card>
  );
}

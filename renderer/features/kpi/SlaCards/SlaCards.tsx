// SLA 1, 2, 3 and the 1-business-day rate against their targets: rate, traffic light, and the met /
// missed / pending counts, each opening the leads behind it.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard, KpiFilter, KpiMetric } from '../../../../shared/contract/kpi';
import { figureFilter, slaRate, trafficLight, type Light } from '../../../../shared/rules/kpi/figures';
import { formatDateTime, formatPercent } from '../../../app/format';
import { FigureButton } from '../FigureButton';

const COLOR: Record<Light, string> = { green: 'green', amber: 'orange', red: 'red', none: 'gray' };

export function SlaCards({ d, period }: { d: Dashboard; period: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = d.period;
  const w3 = { from: d.sla3.from, to: d.sla3.at, at: d.sla3.at };
  const cards: {
    id: 'sla1' | 'sla2' | 'sla3' | 'bd';
    f: { met: number; missed: number; pending: number };
    target: number | null;
    base: { from: number; to: number; at: number };
    note?: string;
  }[] = [
    { id: 'sla1', f: d.totals.sla1, target: d.targets.sla1, base: p },
    { id: 'sla2', f: d.totals.sla2, target: d.targets.sla2, base: p },
    {
      id: 'sla3',
      f: d.sla3,
      target: d.targets.sla3,
      base: w3,
      note: t('kpi:sla.sla3Window', { from: formatDateTime(d.sla3.from, lang), at: formatDateTime(d.sla3.at, lang) }),
    },
    { id: 'bd', f: d.totals.bd, target: null, base: p },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      {cards.map((c) => {
        const rate = slaRate(c.f);
        const light = c.target === null ? null : trafficLight(rate, c.target);
        const fig = (state: 'met' | 'missed' | 'pending'): KpiFilter =>
          figureFilter(c.base, `${c.id}_${state}` as KpiMetric);
        return (
          <Card key={c.id} withBorder padding="md" data-testid={`sla-card-${c.id}`}>
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t(`kpi:sla.${c.id}`)}
              </Text>
              <Group justify="space-between" align="flex-end">
                <Text fz={30} fw={700} lh={1} data-testid={`sla-rate-${c.id}`}>
                  {formatPercent(rate, lang)}
                </Text>
                {light && (
                  <Tooltip label={t(`kpi:light.${light}`)}>
                    <Badge
                      color={COLOR[light]}
                      variant="filled"
                      size="lg"
                      data-testid={`sla-light-${c.id}`}
                      data-light={light}
                    >
                      {t('kpi:col.target')} {formatPercent(c.target, lang)}
                    </Badge>
                  </Tooltip>
                )}
              </Group>
              <Group gap="md">
                <Text size="sm">
                  {t('kpi:col.met')}:{' '}
                  <FigureButton
                    value={c.f.met}
                    filter={fig('met')}
                    period={period}
                    lang={lang}
                    testId={`fig-${c.id}-met`}
                    color="green"
                  />
                </Text>
                <Text size="sm">
                  {t('kpi:col.missed')}:{' '}
                  <FigureButton
                    value={c.f.missed}
                    filter={fig('missed')}
                    period={period}
                    lang={lang}
                    testId={`fig-${c.id}-missed`}
                    color="red"
                  />
                </Text>
                {c.id !== 'sla3' && (
                  <Text size="sm">
                    {t('kpi:col.pending')}:{' '}
                    <FigureButton
                      value={c.f.pending}
                      filter={fig('pending')}
                      period={period}
                      lang={lang}
                      testId={`fig-${c.id}-pending`}
                    />
                  </Text>
                )}
              </Group>
              {c.note && (
                <Text size="xs" c="dimmed">
                  {c.note}
                </Text>
              )}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

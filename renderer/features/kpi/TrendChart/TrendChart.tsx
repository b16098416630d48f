// The 12-week trend: SLA 1 and SLA 2 rates (lines, with the target) over the leads assigned (bars).
import '@mantine/charts/styles.css'; // with the screens that use it, not in the start-up CSS
import { CompositeChart } from '@mantine/charts';
import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Trend } from '../../../../shared/contract/kpi';
import { slaRate } from '../../../../shared/rules/kpi/figures';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function TrendChart({ trend, target }: { trend: Trend; target: number }) {
  const { t } = useTranslation();
  const data = trend.weeks.map((w) => ({
    week: w.spec.slice(5),
    assigned: w.assigned,
    sla1: pct(slaRate(w.sla1)),
    sla2: pct(slaRate(w.sla2)),
  }));
  return (
    <Card withBorder padding="md" data-testid="kpi-trend">
      <Text fw={600} mb="sm">
        {t('kpi:section.trend')}
      </Text>
      <CompositeChart
        h={260}
        data={data}
        dataKey="week"
        withLegend
        withRightYAxis
        yAxisProps={{ domain: [0, 100], unit: ' %' }}
        rightYAxisProps={{ allowDecimals: false }}
        referenceLines={[
          {
            y: Math.round(target * 100),
            label: `${t('kpi:chart.target')} ${Math.round(target * 100)} %`,
            color: 'red.6',
          },
        ]}
        series={[
          { name: 'assigned', label: t('kpi:chart.assigned'), type: 'bar', color: 'blue.1', yAxisId: 'right' },
          { name: 'sla1', label: t('kpi:chart.sla1'), type: 'line', color: 'green.7' },
          { name: 'sla2', label: t('kpi:chart.sla2'), type: 'line', color: 'violet.6' },
        ]}
        connectNulls={false}
        curveType="linear"
      />
    </Card>
  );
}

// The manual's "SLA & KPI" section: the Aftersales Manager's dashboard for a period.
import { Alert, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDayRange } from '../../../app/format';
import { evaluatedKey, type AsOf } from '../../../../shared/rules/kpi/period';
import { navigate } from '../../../app/router';
import { KpiSiteContext, useKpi } from '../api';
import { Breakdowns } from '../Breakdowns';
import { Indicators } from '../Indicators';
import { PeriodPicker } from '../PeriodPicker';
import { ReportButtons } from '../ReportButtons';
import { SitePicker } from '../SitePicker';
import { SiteTable } from '../SiteTable';
import { SlaCards } from '../SlaCards';
import { TodayPanel } from '../TodayPanel';
import { TrendChart } from '../TrendChart';

export function KpiScreen({ period }: { period: string }) {
  const { t, i18n } = useTranslation();
  // When the figures are evaluated: as at the end of the period (what the report said then) or as of now.
  const [asOf, setAsOf] = useState<AsOf>('end');
  // Several sites: whose figures (undefined: the core's default, all sites for a group-wide person).
  const [siteId, setSiteId] = useState<number | null | undefined>(undefined);
  const { dashboard: d, trend, error } = useKpi(period, asOf, siteId);
  const setPeriod = (p: string) => navigate(`/kpi?period=${encodeURIComponent(p)}`);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} data-testid="kpi-title">
          {t('kpi:title')}
        </Title>
        <ReportButtons period={period} asOf={asOf} siteId={siteId} />
      </Group>
      <Group gap="sm" wrap="wrap">
        <PeriodPicker value={period} onChange={setPeriod} />
        <SegmentedControl
          value={asOf}
          onChange={(v) => setAsOf(v as AsOf)}
          data-testid="kpi-as-of"
          aria-label={t('kpi:ui.asOf')}
          data={[
            { value: 'end', label: t('kpi:ui.asOfEnd') },
            { value: 'now', label: t('kpi:ui.asOfNow') },
          ]}
        />
        {d && <SitePicker d={d} onChange={setSiteId} />}
      </Group>
      {error && <Alert color="red">{t(`errors:code.${error.code}`, { defaultValue: t('kpi:ui.error') })}</Alert>}
      {!d && !error && <Loader />}
      {d && (
        <KpiSiteContext.Provider value={d.sites?.siteId ?? null}>
          <Text size="sm" c="dimmed" data-testid="kpi-period-text">
            <span data-testid="kpi-period-days">
              {formatDayRange(d.period.firstDay, d.period.lastDay, i18n.language)}
            </span>{' '}
            ·{' '}
            <span data-testid="kpi-evaluated">
              {t(`kpi:evaluated.${evaluatedKey(d.period)}`, { at: formatDateTime(d.period.at, i18n.language) })}
            </span>{' '}
            · {t('kpi:ui.clickHint')}
          </Text>
          <SiteTable d={d} period={period} onChoose={setSiteId} />
          <TodayPanel d={d} period={period} />
          <SlaCards d={d} period={period} />
          {trend && <TrendChart trend={trend} target={d.targets.sla1} />}
          <Indicators d={d} period={period} />
          <Breakdowns d={d} period={period} />
        </KpiSiteContext.Provider>
      )}
    </Stack>
  );
}

// Several sites, all of them (docs/rules.md §11): each site's figures of the period and the group's total (their
// sum); a site's name shows that site's dashboard, every count opens its leads.
import { Anchor, Card, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, Dashboard, KpiCounts } from '../../../../shared/contract/kpi';
import { figureFilter, ratio, slaRate } from '../../../../shared/rules/kpi/figures';
import { formatPercent } from '../../../app/format';
import { FigureButton } from '../FigureButton';
import { FigureColumns } from '../FigureColumns';

export function SiteTable({
  d,
  period,
  onChoose,
}: {
  d: Dashboard;
  period: string;
  onChoose: (siteId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!d.sites || d.sites.siteId !== null) return null;
  const row = (r: KpiCounts, id: string, siteId: number | null) => {
    const fb = (value: number, m: Parameters<typeof figureFilter>[1], col: string) => (
      <FigureButton
        value={value}
        filter={figureFilter(d.period, m, siteId === null ? {} : { siteId })}
        period={period}
        lang={lang}
        testId={`site-${id}-${col}`}
      />
    );
    return (
      <>
        <Table.Td ta="right">{fb(r.assigned, 'assigned', 'assigned')}</Table.Td>
        <Table.Td ta="right">{formatPercent(slaRate(r.sla1), lang)}</Table.Td>
        <Table.Td ta="right">{formatPercent(slaRate(r.sla2), lang)}</Table.Td>
        <Table.Td ta="right">{formatPercent(slaRate(r.bd), lang)}</Table.Td>
        <Table.Td ta="right">
          {fb(r.appointment, 'appointment', 'appointment')}{' '}
          <Text span size="xs" c="dimmed">
            {formatPercent(ratio(r.appointment, r.assigned), lang)}
          </Text>
        </Table.Td>
        <Table.Td ta="right">{fb(r.closedSale, 'closed_sale', 'closed-sale')}</Table.Td>
        <Table.Td ta="right">{fb(r.closedNoSale, 'closed_no_sale', 'closed-no-sale')}</Table.Td>
        <Table.Td ta="right" data-testid={`site-${id}-contacts`}>
          {r.contacts}
        </Table.Td>
      </>
    );
  };
  return (
    <Card withBorder padding="md" data-testid="kpi-sites">
      <Text fw={600} mb="sm">
        {t('kpi:site.section')}
      </Text>
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <FigureColumns />
          </Table.Thead>
          <Table.Tbody>
            {d.sites.bySite.map((r: BreakdownRow) => (
              <Table.Tr key={String(r.key)}>
                <Table.Td>
                  <Anchor component="button" onClick={() => onChoose(Number(r.key))} data-testid={`site-${r.key}-name`}>
                    {r.label}
                  </Anchor>
                </Table.Td>
                {row(r, String(r.key), Number(r.key))}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('kpi:site.total')}</Table.Td>
              {row(d.totals, 'total', null)}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}

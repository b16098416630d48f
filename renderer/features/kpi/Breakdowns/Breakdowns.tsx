// The figures by assignee, campaign, source and lead type; every count opens its leads.
import { Card, ScrollArea, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, Dashboard } from '../../../../shared/contract/kpi';
import { figureFilter, ratio, slaRate, type FilterDims } from '../../../../shared/rules/kpi/figures';
import { formatPercent } from '../../../app/format';
import { FigureButton } from '../FigureButton';
import { FigureColumns } from '../FigureColumns';

type Dim = 'assignee' | 'campaign' | 'source' | 'leadType';
const ROWS: Record<Dim, (d: Dashboard) => BreakdownRow[]> = {
  assignee: (d) => d.byAssignee,
  campaign: (d) => d.byCampaign,
  source: (d) => d.bySource,
  leadType: (d) => d.byLeadType,
};
const dims = (dim: Dim, key: string | null): FilterDims => {
  switch (dim) {
    case 'assignee':
      return { assigneeId: key === null ? null : Number(key) };
    case 'campaign':
      return { campaign: key ?? '' };
    case 'source':
      return { source: key as FilterDims['source'] };
    case 'leadType':
      return { leadType: key as FilterDims['leadType'] };
  }
};

export function Breakdowns({ d, period }: { d: Dashboard; period: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = (dim: Dim, r: BreakdownRow): string => {
    if (dim === 'assignee') return r.label ?? t('kpi:breakdown.unassigned');
    const kind = dim === 'leadType' ? 'leadType' : dim;
    return t(`domain:${kind}.${r.key}`, { defaultValue: r.key ?? '' });
  };
  return (
    <Card withBorder padding="md" data-testid="kpi-breakdowns">
      <Text fw={600} mb="sm">
        {t('kpi:section.breakdowns')}
      </Text>
      <Tabs defaultValue="assignee" keepMounted={false}>
        <Tabs.List>
          {(Object.keys(ROWS) as Dim[]).map((dim) => (
            <Tabs.Tab key={dim} value={dim} data-testid={`breakdown-tab-${dim}`}>
              {t(`kpi:breakdown.${dim}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(Object.keys(ROWS) as Dim[]).map((dim) => (
          <Tabs.Panel key={dim} value={dim} pt="xs">
            <ScrollArea>
              <Table striped highlightOnHover data-testid={`breakdown-${dim}`}>
                <Table.Thead>
                  <FigureColumns />
                </Table.Thead>
                <Table.Tbody>
                  {ROWS[dim](d).map((r) => {
                    const f = (m: Parameters<typeof figureFilter>[1]) => figureFilter(d.period, m, dims(dim, r.key));
                    const fb = (value: number, m: Parameters<typeof figureFilter>[1], id: string) => (
                      <FigureButton
                        value={value}
                        filter={f(m)}
                        period={period}
                        lang={lang}
                        testId={`bd-${dim}-${r.key ?? 'none'}-${id}`}
                      />
                    );
                    return (
                      <Table.Tr key={String(r.key)}>
                        <Table.Td>{label(dim, r)}</Table.Td>
                        <Table.Td ta="right">{fb(r.assigned, 'assigned', 'assigned')}</Table.Td>
                        <Table.Td ta="right">
                          {formatPercent(slaRate(r.sla1), lang)}{' '}
                          <Text span size="xs" c="dimmed">
                            ({fb(r.sla1.missed, 'sla1_missed', 'sla1-missed')} ✗)
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {formatPercent(slaRate(r.sla2), lang)}{' '}
                          <Text span size="xs" c="dimmed">
                            ({fb(r.sla2.missed, 'sla2_missed', 'sla2-missed')} ✗)
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{formatPercent(slaRate(r.bd), lang)}</Table.Td>
                        <Table.Td ta="right">
                          {fb(r.appointment, 'appointment', 'appointment')}{' '}
                          <Text span size="xs" c="dimmed">
                            {formatPercent(ratio(r.appointment, r.assigned), lang)}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {fb(r.closedSale, 'closed_sale', 'closed-sale')}{' '}
                          <Text span size="xs" c="dimmed">
                            {formatPercent(ratio(r.closedSale, r.assigned), lang)}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{fb(r.closedNoSale, 'closed_no_sale', 'closed-no-sale')}</Table.Td>
                        <Table.Td ta="right">{r.contacts}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}

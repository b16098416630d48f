// The header row of the KPI tables that show a period's figures per row (the breakdowns, the sites): a blank cell for
// the row's name, then the figures' columns in the order their rows give them.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const FIGURE_COLUMNS = [
  'assigned',
  'sla1',
  'sla2',
  'bd',
  'appointment',
  'closedSale',
  'closedNoSale',
  'contacts',
] as const;

export function FigureColumns() {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th />
      {FIGURE_COLUMNS.map((c) => (
        <Table.Th key={c} ta="right">
          {c === 'sla1' ? 'SLA 1' : c === 'sla2' ? 'SLA 2' : c === 'bd' ? t('kpi:chart.bd') : t(`kpi:col.${c}`)}
        </Table.Th>
      ))}
    </Table.Tr>
  );
}

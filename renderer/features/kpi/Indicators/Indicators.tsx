// The standard's manager indicators (docs/rules.md §6): volume, contacts (total, per lead, by channel and outcome),
// rate processed within 1 business day, appointment rate, conversion, close-no-sale reasons.
import { Card, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contract/kpi';
import { figureFilter, ratio, slaRate } from '../../../../shared/rules/kpi/figures';
import { formatNumber, formatPercent } from '../../../app/format';
import { FigureButton } from '../FigureButton';

export function Indicators({ d, period }: { d: Dashboard; period: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = d.period;
  const tot = d.totals;
  const fb = (v: number, m: Parameters<typeof figureFilter>[1], id: string, dims = {}) => (
    <FigureButton value={v} filter={figureFilter(p, m, dims)} period={period} lang={lang} testId={`ind-${id}`} />
  );
  const rows: [string, React.ReactNode, string?][] = [
    [t('kpi:ind.assigned'), fb(tot.assigned, 'assigned', 'assigned')],
    [t('kpi:ind.contacts'), formatNumber(tot.contacts, lang)],
    [t('kpi:ind.perLead'), tot.assigned ? formatNumber(tot.contacts / tot.assigned, lang, 2) : '—'],
    [t('kpi:ind.bdRate'), fb(tot.bd.met, 'bd_met', 'bd-met'), formatPercent(slaRate(tot.bd), lang)],
    [
      t('kpi:ind.appointmentRate'),
      fb(tot.appointment, 'appointment', 'appointment'),
      formatPercent(ratio(tot.appointment, tot.assigned), lang),
    ],
    [
      t('kpi:ind.keptRate'),
      fb(tot.kept, 'appointment_kept', 'kept'),
      formatPercent(ratio(tot.kept, tot.kept + tot.noShow), lang),
    ],
    [t('kpi:ind.noShow'), fb(tot.noShow, 'appointment_no_show', 'no-show')],
    [
      t('kpi:ind.conversion'),
      fb(tot.closedSale, 'closed_sale', 'closed-sale'),
      formatPercent(ratio(tot.closedSale, tot.assigned), lang),
    ],
    [t('kpi:ind.closedNoSale'), fb(tot.closedNoSale, 'closed_no_sale', 'closed-no-sale')],
    [t('kpi:ind.lost'), fb(tot.lost, 'lost', 'lost')],
    [
      t('kpi:section.attention'),
      fb(tot.attention, 'attention', 'attention'),
      formatPercent(ratio(tot.attention, tot.assigned), lang),
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }}>
      <Card withBorder padding="md" data-testid="kpi-indicators">
        <Text fw={600} mb="sm">
          {t('kpi:section.indicators')}
        </Text>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value, rate]) => (
              <Table.Tr key={label}>
                <Table.Td>{label}</Table.Td>
                <Table.Td ta="right">{value}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {rate ?? ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="md" data-testid="kpi-contacts">
        <Text fw={600} mb="sm">
          {t('kpi:section.contacts')}
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kpi:col.channel')}</Table.Th>
              <Table.Th>{t('kpi:col.outcome')}</Table.Th>
              <Table.Th ta="right">{t('kpi:col.contacts')}</Table.Th>
              <Table.Th ta="right">{t('kpi:col.leads')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.contactsByType.map((c) => (
              <Table.Tr key={`${c.channel}-${c.outcome}`}>
                <Table.Td>{t(`domain:channel.${c.channel}`, { defaultValue: c.channel })}</Table.Td>
                <Table.Td>{t(`domain:outcome.${c.outcome}`, { defaultValue: c.outcome })}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.contacts, lang)}</Table.Td>
                <Table.Td ta="right">
                  {fb(c.leads, 'contacts', `contacts-${c.channel}-${c.outcome}`, {
                    channel: c.channel,
                    outcome: c.outcome,
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {d.contactsByType.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('kpi:list.none')}
          </Text>
        )}
      </Card>
      <Card withBorder padding="md" data-testid="kpi-reasons">
        <Text fw={600} mb="sm">
          {t('kpi:section.reasons')}
        </Text>
        <Table>
          <Table.Tbody>
            {d.closeReasons.map((r) => (
              <Table.Tr key={r.reason}>
                <Table.Td>
                  {t([`domain:closeReason.${r.reason}`, `domain:reason.${r.reason}`], { defaultValue: r.reason })}
                </Table.Td>
                <Table.Td ta="right">
                  {fb(r.count, 'closed_no_sale', `reason-${r.reason}`, { closeReason: r.reason })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {d.closeReasons.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('kpi:list.none')}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}

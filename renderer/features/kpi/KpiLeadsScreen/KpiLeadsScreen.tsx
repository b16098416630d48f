// The leads behind a dashboard figure (kpi.leads), in the list's columns, paged.
import { Alert, Anchor, Button, Group, Pagination, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignLabel } from '../../../app/settings';
import type { AppErrorShape } from '../../../../shared/contract';
import type { KpiFilter } from '../../../../shared/contract/kpi';
import type { ListPage } from '../../../../shared/contract/leads';
import { SlaBadge } from '../../../components/SlaBadge';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatDateTime, formatNumber } from '../../../app/format';
import { invoke } from '../../../platform';
import { siteCode } from '../../sites/SiteCode';
import { sitesShown, useSites } from '../../sites/useSites';

const PAGE = 50;

export function KpiLeadsScreen({ filter, period }: { filter: KpiFilter | null; period: string }) {
  const { t, i18n } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const lang = i18n.language;
  const [page, setPage] = useState(0);
  // Each lead's site when the figure is of every site (docs/rules.md §11.8): the filter's site, else the header's.
  const { info: siteInfo } = useSites();
  const sites = useMemo(
    () =>
      filter?.siteId === null
        ? siteInfo?.scope.fixed
          ? null
          : sitesShown(siteInfo, true)
        : filter?.siteId === undefined
          ? sitesShown(siteInfo)
          : null,
    [siteInfo, filter?.siteId],
  );
  const [data, setData] = useState<ListPage | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const key = JSON.stringify(filter);
  useEffect(() => {
    setPage(0);
  }, [key]);
  useEffect(() => {
    if (!filter) return;
    let live = true;
    void invoke('kpi.leads', { filter, page, pageSize: PAGE }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [key, page]); // eslint-disable-line react-hooks/exhaustive-deps
  const back = `#/kpi?period=${encodeURIComponent(period)}`;
  const dims = filter
    ? [
        filter.assigneeId !== undefined
          ? filter.assigneeId === null
            ? t('kpi:breakdown.unassigned')
            : `${t('kpi:list.assignee')} #${filter.assigneeId}`
          : null,
        filter.campaign ? campaignLabel(filter.campaign) : null,
        filter.source ? t(`domain:source.${filter.source}`, { defaultValue: filter.source }) : null,
        filter.leadType ? t(`domain:leadType.${filter.leadType}`, { defaultValue: filter.leadType }) : null,
        filter.closeReason ? t(`domain:closeReason.${filter.closeReason}`, { defaultValue: filter.closeReason }) : null,
        filter.channel ? t(`domain:channel.${filter.channel}`, { defaultValue: filter.channel }) : null,
        filter.outcome ? t(`domain:outcome.${filter.outcome}`, { defaultValue: filter.outcome }) : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <Stack gap="xs">
      <Group>
        <Button
          component="a"
          href={back}
          variant="subtle"
          size="xs"
          leftSection={<IconArrowLeft size={16} />}
          data-testid="kpi-back"
        >
          {t('kpi:list.back')}
        </Button>
      </Group>
      <Title order={2} data-testid="kpi-leads-title">
        {filter ? t(`kpi:metric.${filter.metric}`) : t('kpi:list.title')}
      </Title>
      {filter && !filter.metric.startsWith('now_') && (
        <Text size="sm" c="dimmed">
          {formatDateTime(filter.from, lang)} – {formatDateTime(filter.to, lang)} ·{' '}
          {t('kpi:period.asOf', { at: formatDateTime(filter.at, lang) })}
          {dims ? ` · ${dims}` : ''}
        </Text>
      )}
      {!filter && <Alert color="red">{t('kpi:ui.error')}</Alert>}
      {error && <Alert color="red">{t(`errors:code.${error.code}`, { defaultValue: error.code })}</Alert>}
      {data && (
        <Text size="sm" fw={600} data-testid="kpi-leads-total" data-total={data.total}>
          {t('kpi:list.count', { count: data.total, formatted: formatNumber(data.total, lang) })}
        </Text>
      )}
      <ScrollArea>
        <Table striped highlightOnHover data-testid="kpi-lead-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kpi:list.number')}</Table.Th>
              <Table.Th>{t('domain:field.name', { defaultValue: t('kpi:list.name') })}</Table.Th>
              <Table.Th>{t('kpi:list.assignedAt')}</Table.Th>
              <Table.Th>{t('domain:field.status', { defaultValue: t('kpi:list.status') })}</Table.Th>
              <Table.Th>{t('domain:field.source', { defaultValue: 'Source' })}</Table.Th>
              <Table.Th>{t('kpi:list.campaign')}</Table.Th>
              <Table.Th ta="right">
                {t('domain:field.contactAttempts', { defaultValue: t('kpi:col.contacts') })}
              </Table.Th>
              <Table.Th>{t('kpi:list.assignee')}</Table.Th>
              <Table.Th>{t('domain:field.sla', { defaultValue: 'SLA' })}</Table.Th>
              {sites && <Table.Th data-column="site">{t('sites:field.site')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.rows ?? []).map((r) => (
              <Table.Tr key={r.id} data-lead-id={r.id} data-number={r.number}>
                <Table.Td>
                  <Anchor href={`#/lead/${r.id}`} size="sm">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td fw={r.leadType === 'customer_driven' ? 700 : 400}>{r.name}</Table.Td>
                <Table.Td>{formatDateTime(r.assignedAt, lang)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status} frozen={r.frozen} />
                </Table.Td>
                <Table.Td>{t(`domain:source.${r.source}`, { defaultValue: r.source })}</Table.Td>
                <Table.Td>{campaignLabel(r.campaign)}</Table.Td>
                <Table.Td ta="right">{r.contactAttempts}</Table.Td>
                <Table.Td>{r.assigneeName ?? '—'}</Table.Td>
                <Table.Td>
                  <SlaBadge lead={r} now={data?.at ?? 0} />
                </Table.Td>
                {sites && <Table.Td data-column="site">{siteCode(r.siteId, sites)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {data && data.total === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('kpi:list.none')}
        </Text>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} />
        </Group>
      )}
    </Stack>
  );
}

// The list of a view: the manual's columns plus assignee and SLA badge; sortable, searchable, paged;
// arrows move the selection and Enter opens the lead.
import { ActionIcon, Alert, Anchor, Group, Pagination, ScrollArea, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconRefresh, IconSearch, IconSelector } from '@tabler/icons-react';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignLabel } from '../../../app/settings';
import type { ListRow, SortKey } from '../../../../shared/contract/leads';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { StatusBadge } from '../../../components/StatusBadge';
import { SlaBadge } from '../../../components/SlaBadge';
import { daysBetween, formatDateTime, formatNumber } from '../../../app/format';
import { navigate } from '../../../app/router';
import { useLeadList, type ListState } from './useLeadList';
import { UpdatedAgo } from './UpdatedAgo';
import { DueNowLink, NextStepCell, useNextSteps } from '../../playbook/NextStepColumn';
import { AssigneeFilter } from '../../people/AssigneeFilter';
import type { ListPrintQuery } from '../../../../shared/contract/listPrint';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'domain:field.name' },
  { key: 'createdAt', label: 'domain:field.createdAt' },
  { key: 'status', label: 'domain:field.status' },
  { key: 'source', label: 'domain:field.source' },
  { key: 'campaign', label: 'domain:field.campaign' },
  { key: 'contactAttempts', label: 'domain:field.contactAttempts' },
  { key: 'daysFromCreation', label: 'domain:field.daysFromCreation' },
  { key: 'assignee', label: 'domain:field.assigneeId' },
  { key: 'sla', label: 'domain:field.sla' },
];

export function LeadList({ view, onCount, onQuery }: {
  view: ListView; onCount?: (n: number) => void;
  /** The query behind what the list shows (view, search, assignee, order), e.g. for Print. */
  onQuery?: (q: ListPrintQuery) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [state, setState] = useState<ListState>({ search: '', sort: 'default', dir: 'asc', page: 0, pageSize: 50 });
  const [selected, setSelected] = useState(0);
  const [who, setWho] = useState('all');
  const tableRef = useRef<HTMLTableSectionElement>(null);
  useEffect(() => { setState((s) => ({ ...s, search: debounced, page: 0 })); setSelected(0); }, [debounced]);
  useEffect(() => { setState((s) => ({ ...s, page: 0, sort: 'default', dir: 'asc' })); setSelected(0); }, [view]);
  const { data, error, loading, reload } = useLeadList(view, state);
  useEffect(() => { if (data) onCount?.(data.total); }, [data, onCount]);
  useEffect(() => {
    onQuery?.({ view, search: state.search || undefined, sort: state.sort, dir: state.dir, assigneeId: state.assigneeId, unassigned: state.unassigned });
  }, [onQuery, view, state.search, state.sort, state.dir, state.assigneeId, state.unassigned]);

  const sortBy = (key: SortKey) => setState((s) => ({
    ...s, page: 0, sort: key, dir: s.sort === key && s.dir === 'asc' ? 'desc' : 'asc',
  }));
  const rows = data?.rows ?? [];
  const steps = useNextSteps(rows.map((r) => r.id), data?.at);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setSelected((i) => Math.min(rows.length - 1, i + 1)); }
    if (e.key === 'ArrowUp') { e.preventDefault(); setSelected((i) => Math.max(0, i - 1)); }
    if (e.key === 'Enter' && rows[selected]) navigate(`/lead/${rows[selected].id}`);
  };
  useEffect(() => {
    tableRef.current?.querySelector<HTMLElement>(`[data-row-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const sortLabel = state.sort === 'default' ? t('app:list.defaultOrder') : t(COLUMNS.find((c) => c.key === state.sort)!.label);

  return (
    <div>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text size="sm" c="dimmed" data-testid="list-summary">
          {t('app:list.items', { count: data?.total ?? 0, formatted: formatNumber(data?.total ?? 0, lang) })} • {t('app:list.sortedBy', { column: sortLabel })} • <UpdatedAgo at={data?.at ?? null} /> • <DueNowLink />
          <ActionIcon variant="subtle" size="sm" ml={4} onClick={() => void reload()} loading={loading} aria-label={t('desk:list.refresh')} data-testid="list-refresh">
            <IconRefresh size={14} />
          </ActionIcon>
        </Text>
        <Group gap="xs">
        <AssigneeFilter value={who} onChange={(v, q) => { setWho(v); setState((s) => ({ ...s, page: 0, assigneeId: q.assigneeId, unassigned: q.unassigned })); setSelected(0); }} />
        <TextInput
          placeholder={t('app:list.searchPlaceholder')} aria-label={t('app:list.searchPlaceholder')}
          leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={onKey} w={320} data-testid="list-search"
        />
        </Group>
      </Group>
      {error && <Alert color="red" mb="xs">{t(`errors:code.${error.code}`)}</Alert>}
      <ScrollArea>
        <Table highlightOnHover striped="even" verticalSpacing={6} tabIndex={0} onKeyDown={onKey} data-testid="lead-table" aria-rowcount={data?.total}>
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => (
                <Table.Th key={c.key} aria-sort={state.sort === c.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <UnstyledButton onClick={() => sortBy(c.key)} data-testid={`sort-${c.key}`}>
                    <Group gap={4} wrap="nowrap">
                      <Text fw={600} size="sm">{t(c.label)}</Text>
                      {state.sort === c.key ? (state.dir === 'asc' ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />) : <IconSelector size={14} opacity={0.4} />}
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              ))}
              <Table.Th><Text fw={600} size="sm">{t('playbook:myDay.step')}</Text></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={tableRef}>
            {rows.map((r, i) => (
              <Row key={r.id} r={r} i={i} selected={i === selected} now={data?.at ?? 0} lang={lang} onSelect={setSelected} step={steps.get(r.id)} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {data && data.total === 0 && <Text c="dimmed" ta="center" py="lg">{t('app:list.noMatch')}</Text>}
      {pages > 1 && (
        <Group justify="center" mt="sm">
          <Pagination total={pages} value={state.page + 1} onChange={(p) => setState((s) => ({ ...s, page: p - 1 }))} siblings={1} boundaries={1} />
        </Group>
      )}
    </div>
  );
}

/** One row; memoized so that moving the selection re-renders two rows, not fifty. */
const Row = memo(function Row({ r, i, selected, now, lang, onSelect, step }: { r: ListRow; i: number; selected: boolean; now: number; lang: string; onSelect(i: number): void; step: Parameters<typeof NextStepCell>[0]['step'] }) {
  const { t } = useTranslation();
  const campaignLabel = useCampaignLabel();
  return (
    <Table.Tr data-row-index={i} data-lead-id={r.id} data-selected={selected || undefined} bg={selected ? 'var(--mantine-color-blue-light)' : undefined}
      onClick={() => onSelect(i)} onDoubleClick={() => navigate(`/lead/${r.id}`)} style={{ cursor: 'pointer' }}>
      <Table.Td><Anchor href={`#/lead/${r.id}`} fw={r.leadType === 'customer_driven' ? 700 : 400}>{r.name}</Anchor></Table.Td>
      <Table.Td>{formatDateTime(r.createdAt, lang)}</Table.Td>
      <Table.Td><StatusBadge status={r.status} frozen={r.frozen} /></Table.Td>
      <Table.Td>{t(`domain:source.${r.source}`)}</Table.Td>
      <Table.Td>{campaignLabel(r.campaign)}</Table.Td>
      <Table.Td ta="right">{r.contactAttempts}</Table.Td>
      <Table.Td ta="right">{daysBetween(r.createdAt, now || r.createdAt)}</Table.Td>
      <Table.Td>{r.assigneeName ?? '—'}</Table.Td>
      <Table.Td><SlaBadge lead={r} now={now} /></Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}><NextStepCell step={step} /></Table.Td>
    </Table.Tr>
  );
});

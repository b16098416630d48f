// The list of a view: the manual's columns plus assignee, SLA badge and next step; sortable, searchable, paged;
// arrows move the selection and Enter opens the lead. Search, sort, filter and page live in the address
// (useListUrlState); the columns (shown, order, width) and the page size are the person's (useListPrefs).
import { ActionIcon, Alert, Group, Pagination, Select, Table, Text, TextInput, useMantineTheme } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRefresh, IconSearch, IconUserExclamation } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignLabel } from '../../../app/settings';
import type { SortKey } from '../../../../shared/contract/leads';
import { PAGE_SIZES, type ListColumn, type ListPrefs } from '../../../../shared/domain/listLayout';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { formatNumber } from '../../../app/format';
import { navigate } from '../../../app/router';
import { useLeadList, type ListState } from './useLeadList';
import { useListUrlState } from './useListUrlState';
import { useListPrefs } from './useListPrefs';
import { UpdatedAgo } from './UpdatedAgo';
import { ColumnHeader } from './ColumnHeader';
import { COLUMN_DEFS } from './columns';
import { ColumnsMenu } from '../ColumnsMenu';
import { DueNowLink, useNextSteps } from '../../playbook/NextStepColumn';
import { AssigneeFilter, assigneeQuery } from '../../people/AssigneeFilter';
import { useCurrentUser } from '../../people/usePeople';
import type { ListPrintQuery } from '../../../../shared/contract/listPrint';
import { useFirstRows } from './useFirstRows';
import { useSitesShown } from '../../sites/useSites';
import { memoOne, memoT, Row } from './LeadRow';

/** Views whose default order is the newest first (electron/core/listService.ts: closed lists descend). */
const CLOSED_VIEWS = new Set<ListView>(['closed_sale', 'closed_no_sale', 'lost']);

export function LeadList({
  view,
  onCount,
  onQuery,
}: {
  view: ListView;
  onCount?: (n: number) => void;
  /** The query behind what the list shows (view, search, assignee, order), e.g. for Print. */
  onQuery?: (q: ListPrintQuery) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const anyCampaignLabel = useCampaignLabel();
  // Each campaign's label asked of i18next once (a page repeats the same few campaigns).
  const campaignLabel = useMemo(() => memoOne(anyCampaignLabel), [anyCampaignLabel]);
  const [url, setUrl] = useListUrlState(view);
  const { prefs, ready, save } = useListPrefs();
  const me = useCurrentUser()?.user?.id;
  const [search, setSearch] = useState(url.q);
  const [debounced] = useDebouncedValue(search, 200);
  const [selected, setSelected] = useState(0);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  // The address changed under us (Back, a View menu link): the search box follows it.
  useEffect(() => {
    setSearch(url.q);
  }, [url.q]);
  useEffect(() => {
    if (debounced !== url.q) {
      setUrl({ q: debounced, page: 0 });
      setSelected(0);
    }
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const waitsForMe = url.who === 'mine' && me === undefined;
  const state: ListState = useMemo(
    () => ({
      search: url.q,
      sort: url.sort,
      dir: url.dir,
      page: url.page,
      pageSize: prefs.pageSize,
      ...assigneeQuery(url.who, me),
    }),
    [url, prefs.pageSize, me],
  );
  const { data, error, loading, reload } = useLeadList(view, state, ready && !waitsForMe);
  useEffect(() => {
    if (data) onCount?.(data.total);
  }, [data, onCount]);
  useEffect(() => {
    onQuery?.({
      view,
      search: state.search || undefined,
      sort: state.sort,
      dir: state.dir,
      assigneeId: state.assigneeId,
      unassigned: state.unassigned,
    });
  }, [onQuery, view, state.search, state.sort, state.dir, state.assigneeId, state.unassigned]);

  const sortBy = (key: SortKey) =>
    setUrl({ page: 0, sort: key, dir: url.sort === key && url.dir === 'asc' ? 'desc' : 'asc' });
  const rows = data?.rows ?? [];
  const firstRows = useFirstRows(tableRef, rows, selected);
  const theme = useMantineTheme();
  const steps = useNextSteps(
    rows.map((r) => r.id),
    data?.at,
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected((i) => Math.min(rows.length - 1, i + 1));
    }
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected((i) => Math.max(0, i - 1));
    }
    if (e.key === 'Enter' && rows[selected]) navigate(`/lead/${rows[selected].id}`);
  };
  // The selection moved: keep it in view (not on the first render — the first row is in view, and scrolling would
  // force a layout while the list mounts).
  const shown = useRef(false);
  useEffect(() => {
    if (!shown.current) {
      shown.current = true;
      return;
    }
    tableRef.current
      ?.querySelector<HTMLElement>(`[data-row-index="${selected}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const sortColumn = Object.values(COLUMN_DEFS).find((c) => c.sort === url.sort);
  const sortLabel =
    url.sort === 'default' || !sortColumn
      ? t(CLOSED_VIEWS.has(view) ? 'lists:defaultOrderClosed' : 'app:list.defaultOrder')
      : t(sortColumn.label);
  // Each lead's site only where leads of several sites are listed together (docs/rules.md §11.8).
  const sites = useSitesShown();
  const omitted = useMemo<ListColumn[]>(() => (sites ? [] : ['site']), [sites]);
  const columns = useMemo(
    () => prefs.order.filter((c) => !prefs.hidden.includes(c) && !omitted.includes(c)),
    [prefs.order, prefs.hidden, omitted],
  ); // stable: rows stay memoized
  // The rows' translations, each asked of i18next once a page: 50–200 rows repeat the same few labels.
  const cellT = useMemo(() => memoT(t), [t, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const setPrefs = (p: Partial<ListPrefs>) => save({ ...prefs, ...p });
  const resize = (c: ListColumn, w: number) => setPrefs({ widths: { ...prefs.widths, [c]: w } });

  return (
    <div>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" data-testid="list-summary">
          {t('app:list.items', { count: data?.total ?? 0, formatted: formatNumber(data?.total ?? 0, lang) })} •{' '}
          <span data-testid="list-sorted-by">{t('app:list.sortedBy', { column: sortLabel })}</span> •{' '}
          <UpdatedAgo at={data?.at ?? null} /> • <DueNowLink />
          <ActionIcon
            variant="subtle"
            size="sm"
            ml={4}
            onClick={() => void reload()}
            loading={loading}
            aria-label={t('desk:list.refresh')}
            data-testid="list-refresh"
          >
            <IconRefresh size={14} />
          </ActionIcon>
        </Text>
        {/* The list toolbar: filter, search, columns; further tools (e.g. printing) go at the end of this group. */}
        <Group gap="xs" data-testid="list-toolbar">
          <AssigneeFilter
            value={url.who}
            onChange={(v) => {
              setUrl({ who: v, page: 0 });
              setSelected(0);
            }}
          />
          <TextInput
            placeholder={t('app:list.searchPlaceholder')}
            aria-label={t('app:list.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            onKeyDown={onKey}
            w={300}
            data-testid="list-search"
          />
          <ColumnsMenu prefs={prefs} omitted={omitted} onChange={save} />
        </Group>
      </Group>
      {error && (
        <Alert color="red" mb="xs">
          {t(`errors:code.${error.code}`)}
        </Alert>
      )}
      {/* The browser's own horizontal scrolling: Mantine's ScrollArea measures the whole table after the first layout
          and sets its scrollbars, which lays the table out a second time (cold start). */}
      <div style={TABLE_SCROLL} data-testid="lead-table-scroll">
        <Table
          highlightOnHover
          striped="even"
          verticalSpacing={6}
          horizontalSpacing={6}
          tabIndex={0}
          onKeyDown={onKey}
          data-testid="lead-table"
          aria-rowcount={data?.total}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <ColumnHeader
                  key={c}
                  column={c}
                  width={prefs.widths[c]}
                  sort={url.sort}
                  dir={url.dir}
                  onSort={sortBy}
                  onResize={resize}
                />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={tableRef}>
            {(rows.length > firstRows ? rows.slice(0, firstRows) : rows).map((r, i) => (
              <Row
                key={r.id}
                r={r}
                i={i}
                selected={i === selected}
                now={data?.at ?? 0}
                lang={lang}
                t={cellT}
                campaignLabel={campaignLabel}
                onSelect={setSelected}
                step={steps.get(r.id)}
                columns={columns}
                theme={theme}
                sites={sites}
              />
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {data && data.total === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('app:list.noMatch')}
        </Text>
      )}
      <Group justify="space-between" mt="sm" wrap="wrap" gap="xs">
        <Group gap={6} wrap="nowrap" data-testid="list-legend">
          <IconUserExclamation size={14} aria-hidden />
          <Text size="xs" c="dimmed">
            {t('lists:legend.customerDriven')}
          </Text>
        </Group>
        {pages > 1 && (
          <Pagination
            total={pages}
            value={url.page + 1}
            onChange={(p) => setUrl({ page: p - 1 })}
            siblings={1}
            boundaries={1}
            data-testid="list-pagination"
          />
        )}
        <Select
          size="xs"
          w={150}
          label={t('lists:pageSize.label')}
          data-testid="page-size"
          // Its options only while open: a dropdown kept mounted is positioned at once (a forced layout at start-up).
          comboboxProps={{ keepMounted: false }}
          allowDeselect={false}
          value={String(prefs.pageSize)}
          data={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
          onChange={(v) => {
            if (v) {
              setPrefs({ pageSize: Number(v) as ListPrefs['pageSize'] });
              setUrl({ page: 0 });
            }
          }}
        />
      </Group>
    </div>
  );
}

const TABLE_SCROLL = { overflowX: 'auto' } as const;

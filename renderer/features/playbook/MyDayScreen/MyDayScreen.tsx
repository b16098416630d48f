// "My day": the current user's open leads with their next step, due first, customer-driven first then
// SLA deadline. A row opens its next step beside the list, with the one-click actions.
import { Anchor, Badge, Card, Grid, Group, Pagination, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { call } from '../../../platform';
import { formatDateTime, formatNumber } from '../../../app/format';
import { StepBadge } from '../StepBadge';
import { currentQuery } from '../../../app/router';
import { NextStepCard } from '../NextStepCard';
import { siteCode } from '../../sites/SiteCode';
import { useSitesShown } from '../../sites/useSites';

type Page = Output<'playbook.myDay'>;
const PAGE_SIZE = 50;

export function MyDayScreen() {
  const { t, i18n } = useTranslation();
  const [dueOnly, setDueOnly] = useState(() => currentQuery().get('due') === '1');
  const [everyone, setEveryone] = useState(() => currentQuery().get('all') === '1');
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  // Each lead's site when every site's leads are listed (several sites, "All sites" in view).
  const sites = useSitesShown();

  const load = useCallback(async () => {
    const q = { page, pageSize: PAGE_SIZE };
    setData(
      everyone ? await call('playbook.list', { due: dueOnly, ...q }) : await call('playbook.myDay', { dueOnly, ...q }),
    );
  }, [dueOnly, everyone, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const when = (r: Page['rows'][number]) => {
    const at = r.due ? r.step.dueAt : (r.step.suggestedAt ?? r.step.dueAt);
    return at === null ? '' : formatDateTime(at, i18n.language);
  };
  return (
    <Stack>
      <div>
        <Title order={2} data-testid="myday-title">
          {t('playbook:myDay.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('playbook:myDay.subtitle')}
        </Text>
      </div>
      <Group>
        <Switch
          label={t('playbook:myDay.dueOnly')}
          checked={dueOnly}
          onChange={(e) => {
            setDueOnly(e.currentTarget.checked);
            setPage(0);
          }}
          data-testid="myday-due-only"
        />
        <Switch
          label={t('playbook:myDay.everyone')}
          checked={everyone}
          onChange={(e) => {
            setEveryone(e.currentTarget.checked);
            setPage(0);
          }}
          data-testid="myday-everyone"
        />
        {data && (
          <Text size="sm" data-testid="myday-summary">
            {t('playbook:myDay.summary', {
              due: formatNumber(data.due, i18n.language),
              total: formatNumber(data.open, i18n.language),
            })}
          </Text>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: selected ? 7 : 12 }}>
          <Card withBorder p={0}>
            {data && data.rows.length === 0 ? (
              <Text p="md" c="dimmed" data-testid="myday-empty">
                {t('playbook:myDay.empty')}
              </Text>
            ) : (
              <Table highlightOnHover data-testid="myday-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('playbook:myDay.lead')}</Table.Th>
                    <Table.Th>{t('playbook:myDay.step')}</Table.Th>
                    <Table.Th>{t('playbook:myDay.when')}</Table.Th>
                    <Table.Th>{t('playbook:myDay.assignee')}</Table.Th>
                    {sites && <Table.Th data-column="site">{t('sites:field.site')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data?.rows.map((r) => (
                    <Table.Tr
                      key={r.leadId}
                      onClick={() => setSelected(r.leadId)}
                      style={{ cursor: 'pointer' }}
                      data-lead-id={r.leadId}
                      bg={selected === r.leadId ? 'var(--mantine-color-blue-light)' : undefined}
                    >
                      <Table.Td>
                        <Text fw={500} size="sm">
                          {r.name}
                        </Text>
                        <Group gap={4}>
                          <Text size="xs" c="dimmed">
                            {r.number}
                          </Text>
                          {r.leadType === 'customer_driven' && (
                            <Badge size="xs" variant="dot">
                              {t('domain:leadType.customer_driven', { defaultValue: 'Customer Driven' })}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <StepBadge kind={r.step.kind} due={r.due} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={r.due ? 'red' : undefined}>
                          {r.due ? `${t('playbook:dueNow')} · ` : ''}
                          {when(r)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.assigneeName ?? t('playbook:myDay.unassigned')}</Text>
                      </Table.Td>
                      {sites && (
                        <Table.Td data-column="site" fz="sm">
                          {siteCode(r.siteId, sites)}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          {data && data.total > PAGE_SIZE && (
            <Pagination
              mt="sm"
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={page + 1}
              onChange={(p) => setPage(p - 1)}
            />
          )}
        </Grid.Col>
        {selected !== null && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack>
              <NextStepCard key={selected} leadId={selected} onChanged={() => void load()} />
              <Anchor href={`#/lead/${selected}`} size="sm" data-testid="myday-open-lead">
                {t('playbook:myDay.openLead')}
              </Anchor>
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

import { Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { useAppInfo } from '../../../app/appInfo';
import { EmptyState } from '../EmptyState';
import { LeadList } from '../LeadList';
import { PrintListButton } from '../PrintListButton';
import type { ListPrintQuery } from '../../../../shared/contract/listPrint';

/** A list view of the "View" menu: "Service Dealers - <view>". */
export function ListScreen({ view }: { view: ListView }) {
  const { t } = useTranslation();
  const { info, refresh } = useAppInfo();
  // What the list shows now (view, search, assignee, order): what Print prints.
  const [query, setQuery] = useState<ListPrintQuery | null>(null);
  if (info && !info.hasLeads) return <EmptyState onLoaded={() => void refresh()} />;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} data-testid="list-title">
          {t(`domain:view.${view}`)}
        </Title>
        <PrintListButton query={query?.view === view ? query : null} />
      </Group>
      <LeadList view={view} onQuery={setQuery} />
    </Stack>
  );
}

import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { useAppInfo } from '../../../app/appInfo';
import { EmptyState } from '../EmptyState';
import { LeadList } from '../LeadList';

/** A list view of the "View" menu: "Service Dealers - <view>". */
export function ListScreen({ view }: { view: ListView }) {
  const { t } = useTranslation();
  const { info, refresh } = useAppInfo();
  if (info && info.leadCount === 0) return <EmptyState onLoaded={() => void refresh()} />;
  return (
    <Stack gap="xs">
      <Title order={2} data-testid="list-title">{t(`domain:view.${view}`)}</Title>
      <LeadList view={view} />
    </Stack>
  );
}

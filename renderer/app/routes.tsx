// The screens by route. Each feature adds its route here.
// Only the lists (the first screen) are in the start-up bundle; every other screen is its own chunk, loaded on
// first visit (React.lazy): the KPI charts, the import, the settings… never slow down the cold start.
import { lazy, Suspense, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIST_VIEWS, type ListView } from '../../shared/domain/vocabulary';
import { Placeholder } from '../components/Placeholder';
import { ListScreen } from '../features/lists/ListScreen';
import { parseFilter } from '../features/kpi/api';
import { currentQuery } from './router';

const LeadPage = lazy(() => import('../features/lead/LeadPage').then((m) => ({ default: m.LeadPage })));
const NewLeadScreen = lazy(() =>
  import('../features/newLead/NewLeadScreen').then((m) => ({ default: m.NewLeadScreen })),
);
const HelpScreen = lazy(() => import('../features/help/HelpScreen').then((m) => ({ default: m.HelpScreen })));
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const ImportScreen = lazy(() => import('../features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const MyDayScreen = lazy(() => import('../features/playbook/MyDayScreen').then((m) => ({ default: m.MyDayScreen })));
const KpiScreen = lazy(() => import('../features/kpi/KpiScreen').then((m) => ({ default: m.KpiScreen })));
const KpiLeadsScreen = lazy(() =>
  import('../features/kpi/KpiLeadsScreen').then((m) => ({ default: m.KpiLeadsScreen })),
);

export function Routes({ path }: { path: string[] }): ReactNode {
  return (
    <Suspense
      fallback={
        <Center h={200}>
          <Loader size="sm" data-testid="route-loading" />
        </Center>
      }
    >
      <Route path={path} />
    </Suspense>
  );
}

function Route({ path }: { path: string[] }): ReactNode {
  const { t } = useTranslation();
  const [head, arg] = path;
  switch (head) {
    case undefined:
    case 'list':
      return (
        <ListScreen view={(LIST_VIEWS as readonly string[]).includes(arg ?? '') ? (arg as ListView) : 'assigned'} />
      );
    case 'lead': {
      const id = Number(arg);
      return Number.isInteger(id) && id > 0 ? <LeadPage key={id} id={id} /> : <Placeholder title={t('app:nav.lead')} />;
    }
    case 'new':
      return <NewLeadScreen />;
    case 'kpi': {
      const q = currentQuery();
      const period = q.get('period') || 'this-week';
      return arg === 'leads' ? (
        <KpiLeadsScreen filter={parseFilter(q.get('f'))} period={period} />
      ) : (
        <KpiScreen period={period} />
      );
    }
    case 'help':
      return <HelpScreen />;
    case 'my-day':
      return <MyDayScreen />;
    case 'import':
      return <ImportScreen />;
    case 'settings':
      return <SettingsScreen tab={arg} />;
    default:
      return <ListScreen view="assigned" />;
  }
}

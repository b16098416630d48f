// The screens by route. Each feature adds its route here.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_VIEWS, type ListView } from '../../shared/domain/vocabulary';
import { Placeholder } from '../components/Placeholder';
import { ListScreen } from '../features/lists/ListScreen';
import { LeadPage } from '../features/lead/LeadPage';
import { NewLeadScreen } from '../features/newLead/NewLeadScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { MyDayScreen } from '../features/playbook/MyDayScreen';
import { KpiScreen } from '../features/kpi/KpiScreen';
import { KpiLeadsScreen } from '../features/kpi/KpiLeadsScreen';
import { parseFilter } from '../features/kpi/api';
import { currentQuery } from './router';

export function Routes({ path }: { path: string[] }): ReactNode {
  const { t } = useTranslation();
  const [head, arg] = path;
  switch (head) {
    case undefined:
    case 'list':
      return <ListScreen view={(LIST_VIEWS as readonly string[]).includes(arg ?? '') ? (arg as ListView) : 'assigned'} />;
    case 'lead': {
      const id = Number(arg);
      return Number.isInteger(id) && id > 0 ? <LeadPage key={id} id={id} /> : <Placeholder title={t('app:nav.lead')} />;
    }
    case 'new':
      return <NewLeadScreen />;
    case 'kpi': {
      const q = currentQuery();
      const period = q.get('period') || 'this-week';
      return arg === 'leads' ? <KpiLeadsScreen filter={parseFilter(q.get('f'))} period={period} /> : <KpiScreen period={period} />;
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

// Header: the site in view (docs/rules.md §11). Only with several sites: a group-wide person chooses "All sites" or
// one site (remembered per person by the core; the page reloads so that lists and counts follow); a person of one
// site sees its name.
import { Badge, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';
import { useSites } from '../useSites';

const ALL = 'all';

export function SiteSwitch() {
  const { t } = useTranslation();
  const { info } = useSites();
  if (!info?.multi) return null;
  const { scope, sites } = info;
  if (scope.fixed)
    return (
      <Badge variant="light" data-testid="site-badge">
        {sites.find((s) => s.id === scope.siteId)?.name ?? ''}
      </Badge>
    );
  const choose = async (value: string | null) => {
    const r = await invoke('sites.choose', { siteId: value === null || value === ALL ? null : Number(value) });
    if (r.ok) window.location.reload();
  };
  return (
    <Select
      size="xs"
      w={180}
      aria-label={t('sites:choice.label')}
      data-testid="site-switch"
      allowDeselect={false}
      value={scope.siteId === null ? ALL : String(scope.siteId)}
      data={[
        { value: ALL, label: t('sites:choice.all') },
        ...sites.map((s) => ({ value: String(s.id), label: s.name })),
      ]}
      onChange={(v) => void choose(v)}
    />
  );
}

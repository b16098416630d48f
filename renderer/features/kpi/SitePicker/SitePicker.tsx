// Several sites (docs/rules.md §11): whose figures the dashboard shows. A group-wide person chooses all sites (rolled
// up, with each site's row) or one site; a person of one site sees its name. Nothing with one site.
import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contract/kpi';

const ALL = 'all';

export function SitePicker({ d, onChange }: { d: Dashboard; onChange: (siteId: number | null) => void }) {
  const { t } = useTranslation();
  const s = d.sites;
  if (!s) return null;
  if (s.fixed)
    return (
      <Text size="sm" fw={600} data-testid="kpi-site">
        {t('kpi:site.one', { name: s.list.find((x) => x.id === s.siteId)?.name ?? '' })}
      </Text>
    );
  return (
    <Select
      size="sm"
      w={220}
      allowDeselect={false}
      aria-label={t('kpi:site.label')}
      data-testid="kpi-site-picker"
      value={s.siteId === null ? ALL : String(s.siteId)}
      onChange={(v) => onChange(v === null || v === ALL ? null : Number(v))}
      data={[{ value: ALL, label: t('kpi:site.all') }, ...s.list.map((x) => ({ value: String(x.id), label: x.name }))]}
    />
  );
}

// A site field (docs/rules.md §11): shown only when there are several sites — a person's site in the people editor
// ("Whole group" for a manager; a site's manager: their site only), a new lead's site for a group-wide person.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSites } from '../useSites';

const GROUP = 'group';

export function SiteField(props: {
  value: number | null | undefined;
  onChange(siteId: number | null): void;
  /** Offer "Whole group" (a person's site: managers only). */
  group?: boolean;
  error?: string | null | undefined;
  testId?: string;
  /** A new lead's site: only a group-wide person chooses it (the site in view first). */
  newLead?: boolean;
}) {
  const { t } = useTranslation();
  const { info } = useSites();
  if (!info?.multi || (props.newLead && info.scope.fixed)) return null;
  const { onChange, error, testId = 'site-field' } = props;
  // A person of one site keeps the people they edit at it (docs/rules.md §11.8): neither the group nor another site.
  const { fixed, siteId: own } = info.scope;
  const group = (props.group ?? false) && !fixed;
  const sites = fixed ? info.sites.filter((s) => s.id === own) : info.sites;
  const value = props.value === undefined && props.newLead ? (info.scope.siteId ?? undefined) : props.value;
  return (
    <Select
      label={t('sites:field.site')}
      data-testid={testId}
      allowDeselect={false}
      value={value === undefined ? null : value === null ? (group ? GROUP : null) : String(value)}
      data={[
        ...(group ? [{ value: GROUP, label: t('sites:field.groupWide') }] : []),
        ...sites.map((s) => ({ value: String(s.id), label: s.name })),
      ]}
      error={error}
      onChange={(v) => v !== null && onChange(v === GROUP ? null : Number(v))}
    />
  );
}

// Above a settings card whose values may be a site's own (docs/rules.md §11.8): nothing with one site; with "All
// sites" in view, that these are the group's values and which sites have their own; with one site in view, the
// "Same as the group" switch and what it means for the person at the desk.
import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SiteSettingKey, SiteSettingsState } from '../useSiteSettings';

export function SiteValuesNote<K extends SiteSettingKey>({
  s,
  manage,
  testId,
}: {
  s: SiteSettingsState<K>;
  manage: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!s.multi) return null;
  if (s.site === null)
    return (
      <Stack gap={2} data-testid={`${testId}-group-note`}>
        <Text size="sm" fw={500}>
          {t('sites:values.group')}
        </Text>
        {s.ownSites.length > 0 && (
          <Text size="sm" c="dimmed" data-testid={`${testId}-own-sites`}>
            {t('sites:values.ownSites', { names: s.ownSites.join(', ') })}
          </Text>
        )}
      </Stack>
    );
  const site = s.site.name;
  const inherited = s.fixed ? 'sites:values.inheritedSite' : 'sites:values.inheritedGroup';
  return (
    <Stack gap={4} data-testid={`${testId}-site-note`}>
      <Text size="sm" fw={500}>
        {t('sites:values.site', { site })}
      </Text>
      <Switch
        label={t('sites:values.same')}
        checked={s.same}
        disabled={!manage}
        data-testid={`${testId}-same`}
        onChange={(e) => s.setSame(e.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed">
        {s.same
          ? `${t('sites:values.inherited', { site })} ${manage ? t(inherited, { site }) : ''}`
          : t('sites:values.own', { site })}
      </Text>
    </Stack>
  );
}

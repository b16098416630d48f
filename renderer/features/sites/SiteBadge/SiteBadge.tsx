// A lead's site as a badge (docs/rules.md §11.8): its name on the lead page, its short code (the name as title) in the
// header search's results. Nothing for a lead without a site in its reply (one site).
import { Badge } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SiteOfLead } from '../useSites';

export function SiteBadge({
  siteId,
  sites,
  named = false,
  testId,
}: {
  siteId: number | undefined;
  /** The sites by id (null: not loaded, or not to be shown). */
  sites: Map<number, SiteOfLead> | null;
  /** The site's name (else its code). */
  named?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (siteId === undefined || !sites) return null;
  const s = sites.get(siteId);
  const name = s?.name ?? String(siteId);
  return (
    <Badge
      variant="outline"
      color="grape"
      size={named ? 'md' : 'sm'}
      radius="sm"
      tt="none"
      leftSection={named ? <IconBuildingStore size={12} aria-hidden /> : undefined}
      title={t('sites:field.siteOf', { name })}
      data-site-id={siteId}
      data-testid={testId}
      style={{ flexShrink: 0 }}
    >
      {named ? name : (s?.code ?? String(siteId))}
    </Badge>
  );
}

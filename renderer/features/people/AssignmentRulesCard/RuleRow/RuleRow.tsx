// One assignment rule of Settings → Assignment rules: what it matches (campaign, source, lead type, request for),
// whom it routes to, whether it is active, and — with several sites and "All sites" in view — its site. An error of
// the saved list (`rules.N.field`) shows on the rule's field it names.
import { ActionIcon, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LEAD_TYPES, SOURCES } from '../../../../../shared/domain/vocabulary';
import { useCampaignLabel } from '../../../../app/settings';
import type { Rule } from '../ruleOrder';

const ANY = '';
type Option = { value: string; label: string };

export interface RuleRowProps {
  rule: Rule;
  /** The rule's index in the saved list (test ids, error fields). */
  index: number;
  /** Its number in its site's order. */
  number: number;
  campaigns: readonly string[];
  /** The people and pools it may route to. */
  targets: Option[];
  /** The sites to choose from ("All sites" with several sites), else null: no Site field. */
  sites: Option[] | null;
  error: { code: string; field?: string } | null;
  manage: boolean;
  canUp: boolean;
  canDown: boolean;
  onChange(patch: Partial<Rule>): void;
  onSite(siteId: number): void;
  onMove(d: -1 | 1): void;
  onRemove(): void;
}

export function RuleRow(p: RuleRowProps) {
  const { t } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const { rule: r, index: i, manage } = p;
  // The field an error names: the site and the campaign on theirs, anything else of the rule on its target.
  const field = p.error?.field?.startsWith(`rules.${i}.`) ? p.error.field.slice(`rules.${i}.`.length) : null;
  const errorOn = (f: 'siteId' | 'campaign' | 'target') =>
    field !== null && (f === 'target' ? field !== 'siteId' && field !== 'campaign' : field === f)
      ? t(`errors:code.${p.error!.code}`, { defaultValue: p.error!.code })
      : null;
  const opt = (values: readonly string[], ns: string): Option[] => [
    { value: ANY, label: t('people:rules.any') },
    ...values.map((v) => ({
      value: v,
      label: ns === 'domain:campaign' ? campaignLabel(v) : t(`${ns}.${v}`, { defaultValue: v }),
    })),
  ];
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid={`rule-${i}`}>
      <Text size="sm" fw={700} w={20}>
        {p.number}.
      </Text>
      {p.sites && (
        <Select
          label={t('sites:field.site')}
          w={150}
          data={p.sites}
          data-testid={`rule-site-${i}`}
          allowDeselect={false}
          value={r.siteId === undefined ? null : String(r.siteId)}
          onChange={(v) => v !== null && p.onSite(Number(v))}
          error={errorOn('siteId')}
          disabled={!manage}
        />
      )}
      <Select
        label={t('domain:field.campaign')}
        w={170}
        data={opt(p.campaigns, 'domain:campaign')}
        value={r.campaign ?? ANY}
        onChange={(v) => p.onChange({ campaign: v || null })}
        error={errorOn('campaign')}
        disabled={!manage}
      />
      <Select
        label={t('domain:field.source')}
        w={130}
        data={opt(SOURCES, 'domain:source')}
        value={r.source ?? ANY}
        onChange={(v) => p.onChange({ source: (v || null) as Rule['source'] })}
        disabled={!manage}
      />
      <Select
        label={t('domain:field.leadType')}
        w={150}
        data={opt(LEAD_TYPES, 'domain:leadType')}
        value={r.leadType ?? ANY}
        onChange={(v) => p.onChange({ leadType: (v || null) as Rule['leadType'] })}
        disabled={!manage}
      />
      <TextInput
        label={t('people:rules.requestFor')}
        w={150}
        value={r.requestFor ?? ''}
        onChange={(e) => p.onChange({ requestFor: e.currentTarget.value || null })}
        disabled={!manage}
      />
      <Select
        label={t('people:rules.target')}
        w={200}
        data={p.targets}
        data-testid={`rule-target-${i}`}
        allowDeselect={false}
        value={r.targetUserId ? `u:${r.targetUserId}` : r.targetRole ? `r:${r.targetRole}` : null}
        onChange={(v) =>
          p.onChange(
            v?.startsWith('u:')
              ? { targetUserId: Number(v.slice(2)), targetRole: null }
              : { targetRole: (v?.slice(2) ?? null) as Rule['targetRole'], targetUserId: null },
          )
        }
        error={errorOn('target')}
        disabled={!manage}
      />
      <Switch
        label={t('people:rules.active')}
        checked={r.active ?? true}
        onChange={(e) => p.onChange({ active: e.currentTarget.checked })}
        disabled={!manage}
      />
      {manage && (
        <Group gap={2}>
          <ActionIcon
            variant="subtle"
            disabled={!p.canUp}
            onClick={() => p.onMove(-1)}
            aria-label={t('people:rules.up')}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            disabled={!p.canDown}
            onClick={() => p.onMove(1)}
            aria-label={t('people:rules.down')}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={p.onRemove} aria-label={t('people:rules.remove')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}

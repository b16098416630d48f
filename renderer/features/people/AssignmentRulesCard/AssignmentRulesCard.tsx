// Settings → Assignment rules: an ordered list (the first rule that matches and finds someone available wins); each
// rule on campaign, source, lead type and request-for routes to a person or a role's pool. Several sites (docs/rules.md
// §11.8): the rules shown and saved are the site in view's (named in the title); with "All sites" every site's, one
// block per site in its own order (ruleOrder.ts), each rule with its Site field. A rule routes only to its site's
// people or group-wide ones, so its target choices are those and the pools. The header's site choice reloads the page.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Language } from '../../../../shared/domain/vocabulary';
import { printPdf } from '../../kpi/api';
import { useSettings } from '../../../app/settings';
import { invoke } from '../../../platform';
import { useCan } from '../useCan';
import { usePeople } from '../usePeople';
import { useSites } from '../../sites/useSites';
import { SettingsCard } from '../../../components/SettingsCard';
import { RuleRow } from './RuleRow';
import { blocks, moved, neighbour, withSite, type Rule } from './ruleOrder';

const NEW_RULE: Rule = {
  campaign: null,
  source: null,
  leadType: null,
  requestFor: null,
  targetUserId: null,
  targetRole: 'booking_operator',
  active: true,
};

export function AssignmentRulesCard() {
  const { t, i18n } = useTranslation();
  const { users } = usePeople();
  const { settings } = useSettings();
  const { info } = useSites();
  const [rules, setRules] = useState<Rule[]>([]);
  const [error, setError] = useState<{ code: string; field?: string } | null>(null);
  useEffect(() => {
    void invoke('assignment.rules.get', {}).then((r) => {
      if (r.ok) setRules(r.value.rules.map(({ id: _i, position: _p, ...x }) => x));
    });
  }, []);
  const { can: manage, why } = useCan('assignment.rules.set');
  // Several sites: "All sites" in view (every site's rules, each with its site) or the one site in view.
  const allSites = info?.multi === true && info.scope.siteId === null ? info.sites : null;
  const inView = info?.multi ? info.sites.find((s) => s.id === info.scope.siteId) : undefined;
  const siteName = (id: number | undefined) => info?.sites.find((s) => s.id === id)?.name ?? '';
  const set = (i: number, patch: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    const r = await invoke('assignment.rules.set', { rules });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setRules(r.value.rules.map(({ id: _i, position: _p, ...x }) => x));
    notifications.show({ color: 'green', message: t('people:rules.saved') });
  };
  // The saved rules (of the site in view) as an A4 PDF to hand to the staff (docs/rules.md §7), printed like the KPI
  // report.
  const [printing, setPrinting] = useState(false);
  const print = async () => {
    setPrinting(true);
    const r = await invoke('assignment.rules.print', { language: i18n.language as Language });
    setPrinting(false);
    if (!r.ok) {
      notifications.show({ color: 'red', message: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }) });
      return;
    }
    printPdf(r.value);
  };
  const pools = ROLES.map((r) => ({ value: `r:${r}`, label: t('people:rules.pool', { role: t(`people:role.${r}`) }) }));
  // A rule's people: active, of its site or group-wide (a rule not yet given a site: the group-wide ones); the person
  // already chosen stays listed, so that a refusal (ASSIGNEE_OTHER_SITE) shows on what is chosen.
  const targets = (r: Rule) => {
    const site = allSites ? (r.siteId ?? null) : inView?.id;
    return [
      ...pools,
      ...users
        .filter(
          (u) => u.id === r.targetUserId || (u.active && (site === undefined || u.siteId == null || u.siteId === site)),
        )
        .map((u) => ({ value: `u:${u.id}`, label: u.name })),
    ];
  };
  const siteOptions = allSites?.map((s) => ({ value: String(s.id), label: s.name })) ?? null;
  const shown = blocks(rules, allSites);
  return (
    <SettingsCard
      testId="rules-card"
      title={inView ? t('people:rules.titleSite', { site: inView.name }) : t('people:rules.title')}
      help={allSites ? `${t('people:rules.help')} ${t('people:rules.siteOrder')}` : t('people:rules.help')}
      readOnly={why}
    >
      {rules.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('people:rules.none')}
        </Text>
      )}
      {shown.map((b) => (
        <Stack
          key={b.siteId ?? 'none'}
          gap="xs"
          data-testid={allSites ? `rules-site-${b.siteId ?? 'none'}` : undefined}
        >
          {allSites && (
            <Title order={5} c={b.siteId === undefined ? 'orange' : undefined}>
              {b.siteId === undefined ? t('people:rules.noSite') : siteName(b.siteId)}
            </Title>
          )}
          {allSites && b.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('people:rules.none')}
            </Text>
          )}
          {b.items.map(({ rule, index }, n) => (
            <RuleRow
              key={index}
              rule={rule}
              index={index}
              number={n + 1}
              campaigns={settings?.campaigns ?? []}
              targets={targets(rule)}
              sites={siteOptions}
              error={error}
              manage={manage}
              canUp={neighbour(rules, index, -1) >= 0}
              canDown={neighbour(rules, index, 1) >= 0}
              onChange={(patch) => set(index, patch)}
              onSite={(siteId) => setRules(withSite(rules, index, siteId))}
              onMove={(d) => setRules(moved(rules, index, d))}
              onRemove={() => setRules(rules.filter((_, j) => j !== index))}
            />
          ))}
        </Stack>
      ))}
      {error && !error.field?.startsWith('rules.') && (
        <Text c="red" size="sm">
          {t(`errors:code.${error.code}`, { defaultValue: error.code })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPrinter size={14} />}
          loading={printing}
          onClick={() => void print()}
          data-testid="rules-print"
        >
          {t('people:rules.print')}
        </Button>
      </Group>
      {manage && (
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            data-testid="rule-add"
            onClick={() => setRules([...rules, NEW_RULE])}
          >
            {t('people:rules.add')}
          </Button>
          <Button onClick={() => void save()} data-testid="rules-save">
            {t('people:action.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

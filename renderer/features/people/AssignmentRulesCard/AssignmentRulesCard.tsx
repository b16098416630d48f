// Settings → Assignment rules: an ordered list (the first rule that matches and finds someone available
// wins); each rule on campaign, source, lead type and request-for routes to a person or a role's pool.
import { ActionIcon, Button, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/contract';
import { LEAD_TYPES, ROLES, SOURCES, type Language } from '../../../../shared/domain/vocabulary';
import { printPdf } from '../../kpi/api';
import { useSettings, useCampaignLabel } from '../../../app/settings';
import { invoke } from '../../../platform';
import { useCurrentUser, usePeople } from '../usePeople';
import { SettingsCard } from '../../../components/SettingsCard';

type Rule = Input<'assignment.rules.set'>['rules'][number];
const ANY = '';

export function AssignmentRulesCard() {
  const { t, i18n } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const cur = useCurrentUser();
  const { users } = usePeople();
  const { settings } = useSettings();
  const [rules, setRules] = useState<Rule[]>([]);
  const [error, setError] = useState<{ code: string; field?: string } | null>(null);
  useEffect(() => {
    void invoke('assignment.rules.get', {}).then((r) => {
      if (r.ok) setRules(r.value.rules.map(({ id: _i, position: _p, ...x }) => x));
    });
  }, []);
  const manage = cur?.canManage ?? false;
  const set = (i: number, patch: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const moveRule = (i: number, d: -1 | 1) => {
    const n = [...rules];
    const [x] = n.splice(i, 1);
    n.splice(i + d, 0, x!);
    setRules(n);
  };
  const save = async () => {
    const r = await invoke('assignment.rules.set', { rules });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    notifications.show({ color: 'green', message: t('people:rules.saved') });
  };
  // The saved rules as an A4 PDF to hand to the staff (docs/rules.md §7), printed like the KPI report.
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
  const opt = (values: readonly string[], ns: string) => [
    { value: ANY, label: t('people:rules.any') },
    ...values.map((v) => ({
      value: v,
      label: ns === 'domain:campaign' ? campaignLabel(v) : t(`${ns}.${v}`, { defaultValue: v }),
    })),
  ];
  const targets = [
    ...ROLES.map((r) => ({ value: `r:${r}`, label: t('people:rules.pool', { role: t(`people:role.${r}`) }) })),
    ...users.filter((u) => u.active).map((u) => ({ value: `u:${u.id}`, label: u.name })),
  ];
  return (
    <SettingsCard testId="rules-card" title={t('people:rules.title')} help={t('people:rules.help')}>
      {rules.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('people:rules.none')}
        </Text>
      )}
      {rules.map((r, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="wrap" data-testid={`rule-${i}`}>
          <Text size="sm" fw={700} w={20}>
            {i + 1}.
          </Text>
          <Select
            label={t('domain:field.campaign')}
            w={170}
            data={opt(settings?.campaigns ?? [], 'domain:campaign')}
            value={r.campaign ?? ANY}
            onChange={(v) => set(i, { campaign: v || null })}
            disabled={!manage}
          />
          <Select
            label={t('domain:field.source')}
            w={130}
            data={opt(SOURCES, 'domain:source')}
            value={r.source ?? ANY}
            onChange={(v) => set(i, { source: (v || null) as Rule['source'] })}
            disabled={!manage}
          />
          <Select
            label={t('domain:field.leadType')}
            w={150}
            data={opt(LEAD_TYPES, 'domain:leadType')}
            value={r.leadType ?? ANY}
            onChange={(v) => set(i, { leadType: (v || null) as Rule['leadType'] })}
            disabled={!manage}
          />
          <TextInput
            label={t('people:rules.requestFor')}
            w={150}
            value={r.requestFor ?? ''}
            onChange={(e) => set(i, { requestFor: e.currentTarget.value || null })}
            disabled={!manage}
          />
          <Select
            label={t('people:rules.target')}
            w={200}
            data={targets}
            data-testid={`rule-target-${i}`}
            allowDeselect={false}
            value={r.targetUserId ? `u:${r.targetUserId}` : r.targetRole ? `r:${r.targetRole}` : null}
            onChange={(v) =>
              set(
                i,
                v?.startsWith('u:')
                  ? { targetUserId: Number(v.slice(2)), targetRole: null }
                  : { targetRole: (v?.slice(2) ?? null) as Rule['targetRole'], targetUserId: null },
              )
            }
            error={error?.field?.startsWith(`rules.${i}.`) ? t(`errors:code.${error.code}`) : null}
            disabled={!manage}
          />
          <Switch
            label={t('people:rules.active')}
            checked={r.active ?? true}
            onChange={(e) => set(i, { active: e.currentTarget.checked })}
            disabled={!manage}
          />
          {manage && (
            <Group gap={2}>
              <ActionIcon
                variant="subtle"
                disabled={i === 0}
                onClick={() => moveRule(i, -1)}
                aria-label={t('people:rules.up')}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={i === rules.length - 1}
                onClick={() => moveRule(i, 1)}
                aria-label={t('people:rules.down')}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => setRules(rules.filter((_, j) => j !== i))}
                aria-label={t('people:rules.remove')}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
      ))}
      {error && !error.field?.startsWith('rules.') && (
        <Text c="red" size="sm">
          {t(`errors:code.${error.code}`)}
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
            onClick={() =>
              setRules([
                ...rules,
                {
                  campaign: null,
                  source: null,
                  leadType: null,
                  requestFor: null,
                  targetUserId: null,
                  targetRole: 'booking_operator',
                  active: true,
                },
              ])
            }
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

// Settings → General → Business rules: time zone, opening hours, public holidays, SLA figures and targets,
// Lost Sale and appointment-expiry limits, the reminder hour (settings.setRules). With several sites, the site in
// view's own figures or the group's (useSiteSettings, docs/rules.md §11.8); the time zone and the reminder hour stay
// the group's.
import { Alert, Button, Divider, Group, NumberInput, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../platform';
import { HolidaysEditor } from '../HolidaysEditor';
import { OpeningHoursEditor } from '../OpeningHoursEditor';
import { SettingsCard } from '../../../components/SettingsCard';
import { SiteValuesNote } from '../../sites/SiteValuesNote';
import { useSiteSettings } from '../../sites/useSiteSettings';

export const TIME_ZONES = [
  'Europe/Rome',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Zurich',
  'Europe/Vienna',
  'Europe/Brussels',
  'Europe/Luxembourg',
  'Europe/Amsterdam',
  'Europe/Madrid',
  'Europe/Lisbon',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Monaco',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Athens',
  'UTC',
];

type IntKey = 'sla1Hours' | 'sla2Days' | 'sla3WindowDays' | 'lostAfterDays' | 'appointmentExpiryDays' | 'reminderHour';
const LIMITS: Record<IntKey, [number, number]> = {
  sla1Hours: [1, 720],
  sla2Days: [1, 365],
  sla3WindowDays: [1, 365],
  lostAfterDays: [1, 365],
  appointmentExpiryDays: [1, 365],
  reminderHour: [0, 23],
};
const TARGETS = ['sla1Target', 'sla2Target', 'sla3Target'] as const;
const KNOWN = ['timeZone', 'openingHours', 'holidays', ...Object.keys(LIMITS), ...TARGETS];
/** The group's for every site (docs/rules.md §11.8): not part of a site's own figures. */
const GROUP_ONLY = new Set<string>(['timeZone', 'reminderHour']);

export function BusinessRulesCard() {
  const { t } = useTranslation();
  const s = useSiteSettings('rules', {
    groupChannel: 'settings.setRules',
    readGroup: async () => {
      const res = await invoke('settings.get', {});
      return res.ok ? res.value.rules : null;
    },
    saveGroup: async (rules) => {
      const res = await invoke('settings.setRules', rules);
      return res.ok ? { ok: true, value: res.value.rules } : res;
    },
    toSite: (rules, group) => ({ ...rules, timeZone: group.timeZone, reminderHour: group.reminderHour }),
  });
  const r = s.value;
  const { fieldError } = s;
  if (!r) return null;
  const setR = s.setValue;
  const editable = (k: string) => s.editable && !(s.site !== null && GROUP_ONLY.has(k));
  const groupOnly = (k: string) => (s.site !== null && GROUP_ONLY.has(k) ? t('sites:values.groupOnly') : undefined);
  const int = (k: IntKey) => {
    const [min, max] = LIMITS[k];
    return (
      <NumberInput
        key={k}
        label={t(`settings:rules.${k}`)}
        min={min}
        max={max}
        allowDecimal={false}
        value={r[k]}
        disabled={!editable(k)}
        description={groupOnly(k)}
        data-testid={`rules-${k}`}
        error={fieldError(k)}
        onChange={(v) => setR({ ...r, [k]: Math.min(max, Math.max(min, Math.round(Number(v) || min))) })}
      />
    );
  };
  const zones = TIME_ZONES.includes(r.timeZone) ? TIME_ZONES : [r.timeZone, ...TIME_ZONES];
  const general = s.general(KNOWN);
  return (
    <SettingsCard
      testId="business-rules-card"
      title={t('settings:rules.title')}
      help={t('settings:rules.help')}
      readOnly={s.why}
    >
      <SiteValuesNote s={s} manage={s.can} testId="rules" />
      <Select
        label={t('settings:rules.timeZone')}
        data={zones}
        value={r.timeZone}
        allowDeselect={false}
        searchable
        w={260}
        disabled={!editable('timeZone')}
        description={groupOnly('timeZone')}
        data-testid="rules-timeZone"
        error={fieldError('timeZone')}
        onChange={(v) => v && setR({ ...r, timeZone: v })}
      />
      <OpeningHoursEditor
        value={r.openingHours}
        onChange={(openingHours) => setR({ ...r, openingHours })}
        disabled={!s.editable}
        errorFor={(day) => fieldError(`openingHours.${day}`)}
      />
      <HolidaysEditor
        value={r.holidays}
        onChange={(holidays) => setR({ ...r, holidays })}
        disabled={!s.editable}
        error={fieldError('holidays')}
      />
      <Divider label={t('settings:rules.sla')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {int('sla1Hours')}
        {int('sla2Days')}
        {int('sla3WindowDays')}
        {TARGETS.map((k) => (
          <NumberInput
            key={k}
            label={t(`settings:rules.${k}`)}
            min={0}
            max={100}
            suffix=" %"
            value={Math.round(r[k] * 1000) / 10}
            disabled={!s.editable}
            data-testid={`rules-${k}`}
            error={fieldError(k)}
            decimalScale={1}
            onChange={(v) => setR({ ...r, [k]: Math.min(100, Math.max(0, Number(v) || 0)) / 100 })}
          />
        ))}
      </SimpleGrid>
      <Divider label={t('settings:rules.deadlines')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {int('lostAfterDays')}
        {int('appointmentExpiryDays')}
        {int('reminderHour')}
      </SimpleGrid>
      {general && (
        <Alert color="red" data-testid="rules-error">
          {general}
        </Alert>
      )}
      {s.can && (
        <Group justify="flex-end">
          <Button loading={s.busy} data-testid="rules-save" onClick={() => void s.save()}>
            {t('settings:common.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

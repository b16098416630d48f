// Settings → General → Business rules: time zone, opening hours, public holidays, SLA figures and targets,
// Lost Sale and appointment-expiry limits, the reminder hour (settings.setRules).
import { Alert, Button, Divider, Group, NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSettings } from '../../../../shared/domain/settings';
import { useSettings } from '../../../app/settings';
import { invoke } from '../../../platform';
import { HolidaysEditor } from '../HolidaysEditor';
import { OpeningHoursEditor } from '../OpeningHoursEditor';
import { useSettingsSave } from '../useSettingsSave';
import { SettingsCard } from '../../../components/SettingsCard';

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

export function BusinessRulesCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [r, setR] = useState<RuleSettings | null>(null);
  const { run, error, fieldError, busy } = useSettingsSave();
  useEffect(() => {
    if (settings && !r) setR(settings.rules);
  }, [settings, r]);
  if (!r) return null;
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
        disabled={!manage}
        data-testid={`rules-${k}`}
        error={fieldError(k)}
        onChange={(v) => setR({ ...r, [k]: Math.min(max, Math.max(min, Math.round(Number(v) || min))) })}
      />
    );
  };
  const zones = TIME_ZONES.includes(r.timeZone) ? TIME_ZONES : [r.timeZone, ...TIME_ZONES];
  const general =
    error && !KNOWN.some((k) => error.field === k || error.field?.startsWith(`${k}.`)) ? error.message : null;
  return (
    <SettingsCard testId="business-rules-card" title={t('settings:rules.title')} help={t('settings:rules.help')}>
      {!manage && (
        <Text size="sm" c="dimmed">
          {t('settings:common.readOnly')}
        </Text>
      )}
      <Select
        label={t('settings:rules.timeZone')}
        data={zones}
        value={r.timeZone}
        allowDeselect={false}
        searchable
        w={260}
        disabled={!manage}
        data-testid="rules-timeZone"
        error={fieldError('timeZone')}
        onChange={(v) => v && setR({ ...r, timeZone: v })}
      />
      <OpeningHoursEditor
        value={r.openingHours}
        onChange={(openingHours) => setR({ ...r, openingHours })}
        disabled={!manage}
        errorFor={(day) => fieldError(`openingHours.${day}`)}
      />
      <HolidaysEditor
        value={r.holidays}
        onChange={(holidays) => setR({ ...r, holidays })}
        disabled={!manage}
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
            disabled={!manage}
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
      {manage && (
        <Group justify="flex-end">
          <Button
            loading={busy}
            data-testid="rules-save"
            onClick={() =>
              void run(async () => {
                const res = await invoke('settings.setRules', r);
                if (res.ok) setR(res.value.rules);
                return res;
              })
            }
          >
            {t('settings:common.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

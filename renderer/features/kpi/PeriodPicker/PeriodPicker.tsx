// The period of the dashboard: this/last week, this/last month, or a custom range of days.
import '@mantine/dates/styles.css'; // with the screens that use it, not in the start-up CSS
import { Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { PERIOD_PRESETS } from '../../../../shared/rules/kpi/period';
import { localeTag } from '../../../i18n';

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t, i18n } = useTranslation();
  const preset = (PERIOD_PRESETS as readonly string[]).includes(value) ? value : 'custom';
  const m = RANGE.exec(value);
  const range: [string | null, string | null] = m ? [m[1]!, m[2]!] : [null, null];
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        value={preset}
        data-testid="kpi-period"
        data={[...PERIOD_PRESETS, 'custom'].map((p) => ({ value: p, label: t(`kpi:period.${p}`) }))}
        onChange={(p) => {
          if (p !== 'custom') onChange(p);
          else {
            const today = new Date();
            onChange(`${ymd(new Date(today.getFullYear(), today.getMonth(), 1))}..${ymd(today)}`);
          }
        }}
      />
      {preset === 'custom' && (
        <DatePickerInput
          type="range"
          value={range}
          locale={localeTag(i18n.language)}
          w={260}
          aria-label={t('kpi:period.custom')}
          data-testid="kpi-range"
          onChange={(v) => {
            const [a, b] = v as [string | Date | null, string | Date | null];
            if (a && b)
              onChange(
                `${typeof a === 'string' ? a.slice(0, 10) : ymd(a)}..${typeof b === 'string' ? b.slice(0, 10) : ymd(b)}`,
              );
          }}
        />
      )}
    </Group>
  );
}

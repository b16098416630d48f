// A date-time (or date) field in the user's language: epoch ms in, epoch ms out (this PC's zone).
import { Chip, Group, Stack } from '@mantine/core';
import { DatePickerInput, DateTimePicker, DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/de';
import 'dayjs/locale/fr';
import 'dayjs/locale/it';
import 'dayjs/locale/en-gb';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';

dayjs.extend(localizedFormat);
const DAYJS_LOCALE: Record<string, string> = { en: 'en-gb', fr: 'fr', de: 'de', it: 'it' };
export const dayjsLocale = (lang: string): string => DAYJS_LOCALE[lang] ?? 'en-gb';

const toMs = (v: string | null): number | null => (v ? dayjs(v).valueOf() : null);
const toStr = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : dayjs(ms).format('YYYY-MM-DD HH:mm:ss');

export interface Choice {
  at: number;
  label?: string;
}

interface Props {
  label: ReactNode;
  value: number | null;
  onChange(v: number | null): void;
  error?: ReactNode;
  /** Earliest selectable moment (the core's now). */
  min?: number;
  /** One-click choices shown under the field. */
  choices?: Choice[];
  dateOnly?: boolean;
  required?: boolean;
  clearable?: boolean;
  testId?: string;
}

export function DateTimeField({
  label,
  value,
  onChange,
  error,
  min,
  choices,
  dateOnly,
  required,
  clearable,
  testId,
}: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const common = {
    label,
    error,
    required,
    clearable,
    value: toStr(value),
    onChange: (v: string | null) => onChange(toMs(v)),
    minDate: min !== undefined ? dayjs(min).format('YYYY-MM-DD') : undefined,
    'data-testid': testId,
  };
  return (
    <DatesProvider settings={{ locale: dayjsLocale(lang), firstDayOfWeek: 1 }}>
      <Stack gap={6}>
        {dateOnly ? <DatePickerInput {...common} valueFormat="L" /> : <DateTimePicker {...common} valueFormat="L LT" />}
        {choices && choices.length > 0 && (
          <Group gap={6} data-testid={testId ? `${testId}-choices` : undefined}>
            {choices.map((c, i) => (
              <Chip
                key={`${c.at}-${i}`}
                size="xs"
                checked={value === c.at}
                onChange={() => onChange(c.at)}
                data-testid={testId ? `${testId}-choice-${i}` : undefined}
              >
                {c.label ? `${c.label} · ` : ''}
                {dateOnly ? formatDate(c.at, lang) : formatDateTime(c.at, lang)}
              </Chip>
            ))}
          </Group>
        )}
      </Stack>
    </DatesProvider>
  );
}

// A date-time (or date) field in the user's language: epoch ms in, epoch ms out (this PC's zone). The date is
// typed in the language's format (25/11/2026 14:30, 25.11.2026 14:30) or picked from the calendar button.
import '@mantine/dates/styles.css'; // with the screens that use it, not in the start-up CSS
import { ActionIcon, Chip, Group, Popover, Stack, TextInput } from '@mantine/core';
import { DatePicker, DatesProvider, InlineDateTimePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import 'dayjs/locale/de';
import 'dayjs/locale/fr';
import 'dayjs/locale/it';
import 'dayjs/locale/en-gb';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';
import { parseDateTime } from './parseDateTime';

dayjs.extend(localizedFormat);
const DAYJS_LOCALE: Record<string, string> = { en: 'en-gb', fr: 'fr', de: 'de', it: 'it' };
export const dayjsLocale = (lang: string): string => DAYJS_LOCALE[lang] ?? 'en-gb';

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
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const locale = dayjsLocale(lang);
  const fmt = dateOnly ? 'L' : 'L LT';
  const show = (ms: number | null) => (ms === null ? '' : dayjs(ms).locale(locale).format(fmt));
  const [text, setText] = useState(() => show(value));
  const [bad, setBad] = useState(false);
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  // The value this field last emitted: a change from outside (a choice, the calendar, a reset) rewrites the text.
  const emitted = useRef<number | null>(value);
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(show(value));
      setBad(false);
    }
  }, [value, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const emit = (ms: number | null) => {
    emitted.current = ms;
    onChange(ms);
  };
  const type = (v: string) => {
    setText(v);
    const p = parseDateTime(v, { dateOnly });
    setBad(p.kind === 'invalid');
    if (p.kind === 'ok') {
      if (p.ms !== value) emit(p.ms);
    } else if (value !== null) emit(null);
  };
  const pick = (v: string | null) => {
    const ms = v ? dayjs(v).valueOf() : null;
    emitted.current = ms;
    setText(show(ms));
    setBad(false);
    onChange(ms);
    if (dateOnly) setOpen(false);
  };
  const example = dayjs('2026-11-25T14:30:00').locale(locale).format(fmt);
  const invalid = bad && touched ? t('app:dateField.invalid', { example }) : null;
  const pickerProps = {
    value: toStr(value),
    onChange: pick,
    minDate: min !== undefined ? dayjs(min).format('YYYY-MM-DD') : undefined,
  };
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <Stack gap={6}>
        <TextInput
          label={label}
          required={required}
          value={text}
          placeholder={example}
          error={invalid ?? error}
          onChange={(e) => type(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          data-testid={testId}
          autoComplete="off"
          rightSectionWidth={clearable && text ? 60 : 34}
          rightSection={
            <Group gap={2} wrap="nowrap">
              {clearable && text && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('a11y:clear')}
                  onClick={() => {
                    setText('');
                    setBad(false);
                    emit(null);
                  }}
                  data-testid={testId ? `${testId}-clear` : undefined}
                >
                  ×
                </ActionIcon>
              )}
              <Popover opened={open} onChange={setOpen} position="bottom-end" shadow="md" trapFocus withinPortal>
                <Popover.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={t('app:dateField.calendar')}
                    aria-expanded={open}
                    onClick={() => setOpen((o) => !o)}
                    data-testid={testId ? `${testId}-calendar` : undefined}
                  >
                    <IconCalendar size={16} aria-hidden />
                  </ActionIcon>
                </Popover.Target>
                <Popover.Dropdown>
                  {dateOnly ? (
                    <DatePicker {...pickerProps} />
                  ) : (
                    <InlineDateTimePicker {...pickerProps} defaultTimeValue="09:00" onSubmit={() => setOpen(false)} />
                  )}
                </Popover.Dropdown>
              </Popover>
            </Group>
          }
        />
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

// The week's opening hours, Monday first: per day an open/closed switch labelled by its state and the opening and closing times, typed as
// 24-hour HH:MM (the dealer's clock whatever the PC's locale; a malformed time is refused next to its day).
import { Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleSettings } from '../../../../shared/domain/settings';

type Hours = RuleSettings['openingHours'];
const ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
const DEFAULT_SPAN = { open: '08:30', close: '18:30' };

export function OpeningHoursEditor({
  value,
  onChange,
  disabled,
  errorFor,
}: {
  value: Hours;
  onChange(v: Hours): void;
  disabled: boolean;
  errorFor(day: number): string | undefined;
}) {
  const { t } = useTranslation();
  const set = (day: number, span: Hours[number]) =>
    onChange(value.map((s, i) => (i === day ? span : s)) as unknown as Hours);
  return (
    <Stack gap={6} data-testid="opening-hours">
      <Text fw={600} size="sm">
        {t('settings:rules.openingHours')}
      </Text>
      {ORDER.map((day) => {
        const span = value[day];
        const err = errorFor(day);
        return (
          <Stack key={day} gap={2}>
            <Group gap="md" align="center" wrap="nowrap">
              <Text size="sm" w={110}>
                {t(`settings:days.${day}`)}
              </Text>
              <Switch
                label={t(span ? 'settings:rules.openDay' : 'settings:rules.closed')}
                checked={span !== null}
                disabled={disabled}
                w={120}
                data-testid={`hours-${day}-switch`}
                onChange={(e) => set(day, e.currentTarget.checked ? DEFAULT_SPAN : null)}
              />
              {span && (
                <>
                  <TextInput
                    aria-label={`${t(`settings:days.${day}`)} ${t('settings:rules.open')}`}
                    value={span.open}
                    disabled={disabled}
                    w={90}
                    data-testid={`hours-${day}-open`}
                    error={!!err}
                    placeholder="08:30"
                    maxLength={5}
                    inputMode="numeric"
                    onChange={(e) => set(day, { ...span, open: e.currentTarget.value.trim() })}
                  />
                  <Text size="sm">–</Text>
                  <TextInput
                    aria-label={`${t(`settings:days.${day}`)} ${t('settings:rules.close')}`}
                    value={span.close}
                    disabled={disabled}
                    w={90}
                    data-testid={`hours-${day}-close`}
                    error={!!err}
                    placeholder="08:30"
                    maxLength={5}
                    inputMode="numeric"
                    onChange={(e) => set(day, { ...span, close: e.currentTarget.value.trim() })}
                  />
                </>
              )}
            </Group>
            {err && (
              <Text size="xs" c="red" data-testid={`hours-${day}-error`}>
                {err}
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

// Public holidays: a sorted list of local dates (YYYY-MM-DD) with add and remove.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format';

const label = (d: string, lang: string) => formatDay(d, lang, 'long');

export function HolidaysEditor({
  value,
  onChange,
  disabled,
  error,
}: {
  value: string[];
  onChange(v: string[]): void;
  disabled: boolean;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft)) return;
    onChange([...new Set([...value, draft])].sort());
    setDraft('');
  };
  return (
    <Stack gap={6} data-testid="holidays">
      <div>
        <Text fw={600} size="sm">
          {t('settings:rules.holidays')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('settings:rules.holidaysHelp')}
        </Text>
      </div>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings:rules.noHolidays')}
        </Text>
      )}
      <Group gap="xs">
        {value.map((d) => (
          <Group
            key={d}
            gap={4}
            wrap="nowrap"
            px="xs"
            py={2}
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}
            data-testid={`holiday-${d}`}
          >
            <Text size="sm">{label(d, i18n.language)}</Text>
            {!disabled && (
              <ActionIcon
                size="sm"
                variant="subtle"
                color="red"
                aria-label={t('settings:rules.removeHoliday', { date: d })}
                data-testid={`holiday-remove-${d}`}
                onClick={() => onChange(value.filter((x) => x !== d))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
      </Group>
      {!disabled && (
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            label={t('settings:rules.holidayDate')}
            value={draft}
            w={180}
            data-testid="holiday-input"
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
            }}
          />
          <Button variant="light" onClick={add} disabled={!draft} data-testid="holiday-add">
            {t('settings:rules.addHoliday')}
          </Button>
        </Group>
      )}
      {error && (
        <Text size="xs" c="red" data-testid="holidays-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}

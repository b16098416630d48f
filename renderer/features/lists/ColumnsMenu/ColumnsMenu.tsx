// The list toolbar's "Columns" button: show or hide each column, move it up or down, back to the defaults. A column
// that does not apply (`omitted`: the site with one site or one site in view) is not offered and keeps its place.
import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_LIST_PREFS,
  REQUIRED_COLUMNS,
  type ListColumn,
  type ListPrefs,
} from '../../../../shared/domain/listLayout';
import { COLUMN_DEFS } from '../LeadList/columns';

export function ColumnsMenu({
  prefs,
  omitted = [],
  onChange,
}: {
  prefs: ListPrefs;
  omitted?: readonly ListColumn[];
  onChange(p: ListPrefs): void;
}) {
  const { t } = useTranslation();
  const offered = prefs.order.filter((c) => !omitted.includes(c));
  // Swaps a column with the offered one above or below it (an omitted one between them stays where it is).
  const move = (i: number, by: -1 | 1) => {
    const a = offered[i];
    const b = offered[i + by];
    if (!a || !b) return;
    const order = prefs.order.map((c) => (c === a ? b : c === b ? a : c));
    onChange({ ...prefs, order });
  };
  const toggle = (c: ListColumn, shown: boolean) =>
    onChange({ ...prefs, hidden: shown ? prefs.hidden.filter((h) => h !== c) : [...prefs.hidden, c] });
  return (
    <Popover position="bottom-end" shadow="md" width={340} withinPortal>
      <Popover.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns size={16} />} data-testid="columns-menu">
          {t('lists:columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="columns-dropdown">
        <Text fw={600} size="sm" mb={4}>
          {t('lists:columns.title')}
        </Text>
        <Stack gap={2}>
          {offered.map((c, i) => {
            const label = t(COLUMN_DEFS[c].label);
            return (
              <Group key={c} justify="space-between" wrap="nowrap" gap="xs" data-testid={`column-item-${c}`}>
                <Checkbox
                  size="xs"
                  label={label}
                  checked={!prefs.hidden.includes(c)}
                  disabled={REQUIRED_COLUMNS.includes(c)}
                  onChange={(e) => toggle(c, e.currentTarget.checked)}
                  data-testid={`column-shown-${c}`}
                />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('lists:columns.moveUp', { column: label })}
                    data-testid={`column-up-${c}`}
                  >
                    <IconArrowUp size={14} />
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    disabled={i === offered.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('lists:columns.moveDown', { column: label })}
                    data-testid={`column-down-${c}`}
                  >
                    <IconArrowDown size={14} />
                  </ActionIcon>
                </Group>
              </Group>
            );
          })}
        </Stack>
        <Text size="xs" c="dimmed" mt="xs">
          {t('lists:columns.help')}
        </Text>
        <Button
          variant="subtle"
          size="xs"
          mt={4}
          onClick={() => onChange({ ...DEFAULT_LIST_PREFS, pageSize: prefs.pageSize })}
          data-testid="columns-reset"
        >
          {t('lists:columns.reset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}

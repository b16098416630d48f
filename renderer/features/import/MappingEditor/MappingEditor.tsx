// Column mapping: each column of the file → a lead field (or not imported), values for rows that do not
// say (campaign, source, lead type, language), the date order, and the saved presets (saved only by whoever may:
// without `onSavePreset` they are only chosen).
import { Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignLabel } from '../../../app/settings';
import { LANGUAGES, LEAD_TYPES, SOURCES } from '../../../../shared/domain/vocabulary';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../shared/import/mapping';

export interface MappingEditorProps {
  headers: string[];
  sample: string[][];
  mapping: ImportMapping;
  campaigns: string[];
  presets: string[];
  preset: string | null;
  onChange(m: ImportMapping): void;
  onPreset(name: string | null): void;
  onSavePreset?: ((name: string) => void) | undefined;
}

export function MappingEditor({
  headers,
  sample,
  mapping,
  campaigns,
  presets,
  preset,
  onChange,
  onPreset,
  onSavePreset,
}: MappingEditorProps) {
  const { t } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const [presetName, setPresetName] = useState(preset ?? '');
  const fieldOf = (h: string) =>
    (Object.entries(mapping.columns) as [ImportField, string][]).find(([, col]) => col === h)?.[0] ?? null;
  const setField = (h: string, f: string | null) => {
    const columns = { ...mapping.columns };
    for (const [k, col] of Object.entries(columns)) if (col === h) delete columns[k as ImportField];
    if (f) columns[f as ImportField] = h;
    onChange({ ...mapping, columns });
  };
  const setDefault = (k: keyof ImportMapping['defaults'], v: string | null) =>
    onChange({ ...mapping, defaults: { ...mapping.defaults, [k]: v ?? undefined } });
  const fieldOptions = [
    { value: '', label: t('import:notImported') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`import:fields.${f}`) })),
  ];
  const label = (prefix: string) => (v: string) => ({ value: v, label: t(`${prefix}.${v}`, { defaultValue: v }) });

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={4}>{t('import:mapping')}</Title>
          <Group align="flex-end">
            <Select
              label={t('import:preset')}
              placeholder={t('import:presetNone')}
              data={presets}
              value={preset}
              clearable
              onChange={(v) => {
                onPreset(v);
                setPresetName(v ?? '');
              }}
              data-testid="import-preset"
            />
            {onSavePreset && (
              <>
                <TextInput
                  label={t('import:presetName')}
                  value={presetName}
                  onChange={(e) => setPresetName(e.currentTarget.value)}
                  data-testid="import-preset-name"
                />
                <Button
                  variant="light"
                  disabled={!presetName.trim()}
                  onClick={() => onSavePreset(presetName.trim())}
                  data-testid="import-preset-save"
                >
                  {t('import:saveAsPreset')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        <Table data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import:column')}</Table.Th>
              <Table.Th>{t('import:field')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {headers.map((h, i) => (
              <Table.Tr key={h}>
                <Table.Td>
                  <Text fw={500} size="sm">
                    {h}
                  </Text>
                </Table.Td>
                <Table.Td w={280}>
                  <Select
                    size="xs"
                    data={fieldOptions}
                    value={fieldOf(h) ?? ''}
                    onChange={(v) => setField(h, v || null)}
                    allowDeselect={false}
                    searchable
                    data-testid={`map-${i}`}
                    aria-label={h}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {sample
                      .map((r) => r[i] ?? '')
                      .filter(Boolean)
                      .slice(0, 3)
                      .join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fw={600} size="sm">
          {t('import:defaults')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          <Select
            label={t('import:fields.campaign')}
            data={campaigns.map((v) => ({ value: v, label: campaignLabel(v) }))}
            value={mapping.defaults.campaign ?? null}
            clearable
            onChange={(v) => setDefault('campaign', v)}
            data-testid="default-campaign"
          />
          <Select
            label={t('import:fields.source')}
            data={SOURCES.map(label('domain:source'))}
            value={mapping.defaults.source ?? null}
            clearable
            onChange={(v) => setDefault('source', v)}
            data-testid="default-source"
          />
          <Select
            label={t('import:fields.leadType')}
            data={LEAD_TYPES.map(label('domain:leadType'))}
            value={mapping.defaults.leadType ?? null}
            clearable
            onChange={(v) => setDefault('leadType', v)}
            data-testid="default-leadType"
          />
          <Select
            label={t('import:fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
            value={mapping.defaults.language ?? null}
            clearable
            onChange={(v) => setDefault('language', v)}
          />
          <Select
            label={t('import:dateOrder')}
            data={[
              { value: 'dmy', label: t('import:dateOrderDmy') },
              { value: 'mdy', label: t('import:dateOrderMdy') },
            ]}
            value={mapping.dateOrder}
            allowDeselect={false}
            onChange={(v) => onChange({ ...mapping, dateOrder: (v as 'dmy' | 'mdy') ?? 'dmy' })}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

// The preview: summary, what the mapping still lacks, the first rows with their state, the duplicates
// of open leads with a skip/merge choice each, and the rejected rows (line, reason) with a download.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/import';

const STATE_COLOR = { new: 'green', already: 'gray', duplicate: 'orange', rejected: 'red' } as const;

export interface PreviewPanelProps {
  preview: ImportPreview;
  decisions: Record<number, 'skip' | 'merge'>;
  onDecide(line: number, action: 'skip' | 'merge'): void;
  onDecideAll(action: 'skip' | 'merge'): void;
  onDownloadRejected(): void;
}

export function PreviewPanel({ preview: p, decisions, onDecide, onDecideAll, onDownloadRejected }: PreviewPanelProps) {
  const { t } = useTranslation();
  const reason = (code: string, firstLine?: number) =>
    t(`import:rowError.${code}`, { line: firstLine ?? '', defaultValue: code });
  return (
    <Stack>
      <Text fw={600} data-testid="import-summary">
        {t('import:summary', p.summary)}
      </Text>
      {p.missing.map((m) => (
        <Alert key={m} color="yellow" p="xs" data-testid={`missing-${m}`}>
          {t(`import:missing.${m}`)}
        </Alert>
      ))}
      <Card withBorder p={0}>
        <Title order={5} p="sm">
          {t('import:previewTitle')}
        </Title>
        <ScrollArea>
          <Table striped data-testid="preview-table" fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import:line')}</Table.Th>
                <Table.Th />
                {p.headers.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.rows.map((r) => (
                <Table.Tr key={r.line} data-state={r.state}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" color={STATE_COLOR[r.state]} title={r.code ? reason(r.code) : undefined}>
                      {t(`import:state.${r.state}`)}
                    </Badge>
                  </Table.Td>
                  {p.headers.map((h, i) => (
                    <Table.Td key={h} style={{ whiteSpace: 'pre-wrap', maxWidth: 240 }}>
                      {r.cells[i] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Card>
      {p.duplicates.length > 0 && (
        <Card withBorder data-testid="duplicates">
          <Group justify="space-between" mb="xs">
            <Title order={5}>{t('import:duplicatesTitle')}</Title>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => onDecideAll('skip')}>
                {t('import:skipAll')}
              </Button>
              <Button size="xs" variant="light" onClick={() => onDecideAll('merge')}>
                {t('import:mergeAll')}
              </Button>
            </Group>
          </Group>
          <Stack gap={6}>
            {p.duplicates.map((d) => (
              <Group key={d.line} justify="space-between" data-testid={`duplicate-${d.line}`}>
                <Text size="sm">
                  {t('import:line')} {d.line} · <b>{d.name}</b> —{' '}
                  {t('import:duplicateOf', { by: t(`import:by.${d.by}`), number: d.leadNumber, name: d.leadName })}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={decisions[d.line] ?? 'skip'}
                  onChange={(v) => onDecide(d.line, v as 'skip' | 'merge')}
                  data={[
                    { value: 'skip', label: t('import:skip') },
                    { value: 'merge', label: t('import:merge') },
                  ]}
                />
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {p.rejected.length > 0 && (
        <Card withBorder data-testid="rejected">
          <Group justify="space-between" mb="xs">
            <Title order={5}>{t('import:rejectedTitle')}</Title>
            <Button size="xs" variant="light" onClick={onDownloadRejected} data-testid="download-rejected">
              {t('import:downloadRejected')}
            </Button>
          </Group>
          <Table fz="sm">
            <Table.Tbody>
              {p.rejected.slice(0, 200).map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td w={80}>
                    {t('import:line')} {r.line}
                  </Table.Td>
                  <Table.Td>{reason(r.code, r.firstLine)}</Table.Td>
                  <Table.Td c="dimmed">
                    {r.field ? t(`import:fields.${r.field}`) : ''}
                    {r.value ? ` = "${r.value}"` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}

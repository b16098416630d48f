// Settings → Vehicle registry: import the DMS export (CSV or XLSX); the report lists the rows refused
// with their line and reason; a re-import updates the known VINs.
import { Alert, Button, FileButton, Table } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { invoke } from '../../../platform';
import { fileToBase64 } from '../../import/ImportScreen/files';
import { SettingsCard } from '../../../components/SettingsCard';
import { useCan } from '../useCan';

export function RegistryCard() {
  const { t } = useTranslation();
  const { can: manage, why } = useCan('vehicles.import');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Output<'vehicles.import'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (f: File | null) => {
    if (!f) return;
    setBusy(true);
    setError(null);
    setReport(null);
    const r = await invoke('vehicles.import', { name: f.name, base64: await fileToBase64(f) });
    setBusy(false);
    if (r.ok) setReport(r.value);
    else setError(t(`errors:code.${r.error.code}`));
  };
  return (
    <SettingsCard
      testId="registry-card"
      title={t('people:registry.title')}
      help={t('people:registry.help')}
      readOnly={why}
      action={
        <FileButton onChange={(f) => void pick(f)} accept=".csv,.txt,.xlsx">
          {(props) => (
            <Button
              {...props}
              loading={busy}
              disabled={!manage}
              leftSection={<IconUpload size={16} />}
              data-testid="registry-import"
            >
              {t('people:registry.import')}
            </Button>
          )}
        </FileButton>
      }
    >
      {error && <Alert color="red">{error}</Alert>}
      {report && (
        <>
          <Alert color={report.rejected.length ? 'yellow' : 'green'} data-testid="registry-report">
            {t('people:registry.summary', {
              file: report.fileName,
              total: report.total,
              inserted: report.inserted,
              updated: report.updated,
              rejected: report.rejected.length,
            })}
          </Alert>
          {report.rejected.length > 0 && (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people:registry.lineHead')}</Table.Th>
                  <Table.Th>{t('people:registry.reasonHead')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejected.slice(0, 200).map((x) => (
                  <Table.Tr key={x.line}>
                    <Table.Td>{x.line}</Table.Td>
                    <Table.Td>
                      {t(`people:registry.reason.${x.code}`, { line: x.value ?? '' })}
                      {x.field
                        ? ` (${t(`people:registry.field.${x.field}`)}${x.value && x.code !== 'DUPLICATE_IN_FILE' ? ` = "${x.value}"` : ''})`
                        : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </SettingsCard>
  );
}

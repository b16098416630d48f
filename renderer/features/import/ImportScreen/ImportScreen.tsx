// Import leads from a file: choose it, check the detected encoding/delimiter and the column mapping,
// look at the preview (states, duplicates with skip/merge, rejected rows), then import in one go.
import { Alert, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportReport } from '../../../../shared/contract/import';
import type { ImportMapping } from '../../../../shared/import/mapping';
import { useAppInfo } from '../../../app/appInfo';
import { useSettings } from '../../../app/settings';
import { AppCallError, call } from '../../../platform';
import { useCan } from '../../people/useCan';
import { MappingEditor } from '../MappingEditor';
import { PreviewPanel } from '../PreviewPanel';
import { fileToBase64, saveText } from './files';

interface Chosen {
  name: string;
  base64: string;
}

export function ImportScreen() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { refresh } = useAppInfo();
  // Importing is everyone's; the group's presets are saved by whoever may (shared/contract/permissions.ts).
  const presetsCan = useCan('import.presets.save').can;
  const [file, setFile] = useState<Chosen | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [preset, setPreset] = useState<string | null>(null);
  const [presets, setPresets] = useState<string[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, 'skip' | 'merge'>>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadPresets = useCallback(
    async () => setPresets((await call('import.presets.list', {})).map((p) => p.name)),
    [],
  );
  useEffect(() => {
    void loadPresets();
  }, [loadPresets]);

  const fail = (e: unknown) => {
    setError(e instanceof AppCallError ? e.error.code : 'INTERNAL');
    setReason(e instanceof AppCallError && typeof e.error.params?.reason === 'string' ? e.error.params.reason : null);
  };
  const runPreview = async (f: Chosen, opts: { mapping?: ImportMapping | null; preset?: string | null }) => {
    setBusy(true);
    setError(null);
    try {
      const p = await call('import.preview', { ...f, mapping: opts.mapping ?? null, preset: opts.preset ?? null });
      setPreview(p);
      setMapping(p.mapping);
      setPreset(p.preset);
    } catch (e) {
      fail(e);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (f: File | null) => {
    if (!f) return;
    const chosen = { name: f.name, base64: await fileToBase64(f) };
    setFile(chosen);
    setReport(null);
    setDecisions({});
    await runPreview(chosen, { preset });
  };
  const changeMapping = (m: ImportMapping) => {
    setMapping(m);
    if (file) void runPreview(file, { mapping: m });
  };
  const changePreset = (name: string | null) => {
    setPreset(name);
    if (file) void runPreview(file, { preset: name });
  };
  const savePreset = async (name: string) => {
    if (!mapping) return;
    try {
      await call('import.presets.save', { name, source: mapping.defaults.source ?? null, mapping });
      setPreset(name);
      await loadPresets();
      notifications.show({ message: name, color: 'green' });
    } catch (e) {
      fail(e);
    }
  };
  const downloadRejected = async () => {
    if (!file) return;
    try {
      const r = await call('import.rejectedCsv', { ...file, mapping });
      saveText(r.fileName, r.content);
    } catch (e) {
      fail(e);
    }
  };
  const commit = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const decided = Object.entries(decisions).map(([line, action]) => ({ line: Number(line), action }));
      const r = await call('import.commit', { ...file, mapping, decisions: decided });
      setReport(r);
      await refresh();
      await runPreview(file, { mapping });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const toImport = preview ? preview.summary.valid + Object.values(decisions).filter((d) => d === 'merge').length : 0;
  return (
    <Stack>
      <Title order={2} data-testid="import-title">
        {t('import:title')}
      </Title>
      <Card withBorder>
        <Group>
          <FileButton
            onChange={(f) => void choose(f)}
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button leftSection={<IconUpload size={16} />} {...props} data-testid="import-choose">
                {t('import:chooseFile')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {file ? file.name : t('import:dropHint')}
          </Text>
        </Group>
        {preview && (
          <Text size="sm" mt="xs" data-testid="import-detected">
            {t('import:detected', {
              format: preview.format.toUpperCase(),
              encoding: preview.encoding ?? 'XLSX',
              delimiter: preview.delimiter
                ? t(`import:delimiter.${preview.delimiter}`, { defaultValue: preview.delimiter })
                : '—',
            })}
          </Text>
        )}
        {preview?.cp1252Lines && preview.cp1252Lines.length > 0 && (
          <Alert color="yellow" mt="xs" data-testid="import-mixed-encoding">
            {t('import:mixedEncoding', {
              count: preview.cp1252Lines.length,
              lines: preview.cp1252Lines.slice(0, 12).join(', ') + (preview.cp1252Lines.length > 12 ? ', …' : ''),
            })}
          </Alert>
        )}
      </Card>
      {error && (
        <Alert color="red" data-testid="import-error">
          {t(`import:errors.${error}`, { defaultValue: t(`errors:code.${error}`, { defaultValue: error }) })}
          {reason && (
            <Text size="sm" mt={4} data-testid="import-error-reason">
              {t(`import:unreadable.${reason}`, { defaultValue: '' })}
            </Text>
          )}
        </Alert>
      )}
      {report && (
        <Alert color="green" data-testid="import-report">
          <Text>
            {t('import:report', {
              imported: report.imported,
              merged: report.merged,
              skipped: report.skippedDuplicates,
              already: report.already,
              rejected: report.rejected.length,
            })}
          </Text>
          {report.imported > 0 && (
            <Button mt="xs" size="xs" component="a" href="#/list/not_managed" data-testid="import-show-new">
              {t('import:showNew')}
            </Button>
          )}
        </Alert>
      )}
      {preview && mapping && (
        <>
          <MappingEditor
            headers={preview.headers}
            sample={preview.rows.slice(0, 5).map((r) => r.cells)}
            mapping={mapping}
            campaigns={settings?.campaigns ?? []}
            presets={presets}
            preset={preset}
            onChange={changeMapping}
            onPreset={changePreset}
            onSavePreset={presetsCan ? (n) => void savePreset(n) : undefined}
          />
          <PreviewPanel
            preview={preview}
            decisions={decisions}
            onDecide={(line, a) => setDecisions((d) => ({ ...d, [line]: a }))}
            onDecideAll={(a) => setDecisions(Object.fromEntries(preview.duplicates.map((d) => [d.line, a])))}
            onDownloadRejected={() => void downloadRejected()}
          />
          <Group justify="flex-end">
            <Button
              size="md"
              onClick={() => void commit()}
              loading={busy}
              disabled={toImport === 0}
              data-testid="import-commit"
            >
              {busy ? t('import:importing') : t('import:commit', { count: toImport })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

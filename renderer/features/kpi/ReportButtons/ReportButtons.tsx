// The report of the chosen period: print the A4 PDF, or save it, the XLSX workbook or the contact tracking CSV.
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypePdf, IconPrinter, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/vocabulary';
import type { AsOf } from '../../../../shared/rules/kpi/period';
import { invoke } from '../../../platform';
import { printPdf, saveFile } from '../api';

type Action = 'print' | 'pdf' | 'xlsx' | 'csv';

/** `siteId`: several sites, whose figures (null = all sites; undefined = the core's default for the person). */
export function ReportButtons({
  period,
  asOf = 'end',
  siteId,
}: {
  period: string;
  asOf?: AsOf;
  siteId?: number | null;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<Action | null>(null);
  const run = async (a: Action) => {
    setBusy(a);
    const r = await invoke('kpi.report', {
      period,
      format: a === 'print' ? 'pdf' : a,
      language: i18n.language as Language,
      asOf,
      ...(siteId === undefined ? {} : { siteId }),
    });
    setBusy(null);
    if (!r.ok) {
      notifications.show({ color: 'red', message: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }) });
      return;
    }
    if (a === 'print') printPdf(r.value);
    else saveFile(r.value);
  };
  const btn = (a: Action, icon: React.ReactNode, label: string) => (
    <Button
      key={a}
      size="xs"
      variant={a === 'print' ? 'filled' : 'light'}
      leftSection={icon}
      loading={busy === a}
      onClick={() => void run(a)}
      data-testid={`report-${a}`}
    >
      {label}
    </Button>
  );
  return (
    <Group gap="xs">
      {btn('print', <IconPrinter size={16} />, t('kpi:report.print'))}
      {btn('pdf', <IconFileTypePdf size={16} />, t('kpi:report.pdf'))}
      {btn('xlsx', <IconFileSpreadsheet size={16} />, t('kpi:report.xlsx'))}
      {btn('csv', <IconTable size={16} />, t('kpi:report.csv'))}
    </Group>
  );
}

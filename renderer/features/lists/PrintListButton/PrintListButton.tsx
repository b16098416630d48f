// The list view's Print action (the manual's "print format"): the list as it is filtered, searched and
// sorted on screen — every row, not only the page — as an A4 PDF made by the core (lists.print), opened in
// the print dialog, or saved.
import { ActionIcon, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListPrintQuery } from '../../../../shared/contract/listPrint';
import type { Language } from '../../../../shared/domain/vocabulary';
import { invoke } from '../../../platform';
import { printPdf, saveFile } from '../../kpi/api';
import { HoverTooltip } from '../../../components/HoverTooltip';

export function PrintListButton({ query }: { query: ListPrintQuery | null }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const run = async (a: 'print' | 'pdf') => {
    if (!query) return;
    setBusy(a);
    const r = await invoke('lists.print', { ...query, language: i18n.language as Language });
    setBusy(null);
    if (!r.ok) {
      notifications.show({
        color: 'red',
        message: t(`errors:code.${r.error.code}`, { defaultValue: t('listPrint:error') }),
      });
      return;
    }
    if (a === 'print') printPdf(r.value);
    else saveFile(r.value);
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPrinter size={16} />}
        loading={busy === 'print'}
        disabled={!query}
        onClick={() => void run('print')}
        aria-label={t('listPrint:menu')}
        data-testid="list-print"
      >
        {t('listPrint:button')}
      </Button>
      <HoverTooltip label={t('listPrint:download')}>
        <ActionIcon
          size="md"
          variant="light"
          loading={busy === 'pdf'}
          disabled={!query}
          onClick={() => void run('pdf')}
          aria-label={t('listPrint:download')}
          data-testid="list-print-pdf"
        >
          <IconDownload size={16} />
        </ActionIcon>
      </HoverTooltip>
    </Group>
  );
}

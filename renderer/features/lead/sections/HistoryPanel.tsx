// The history panel (append-only): date, field, user, old value, new value — newest first.
import { ScrollArea, Table, Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { formatDateTime } from '../../../app/format';
import { mailReasonInText } from '../../mail/mailReason';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** A contact's history row: "#2 outbound/phone/no_answer". */
const CONTACT = /^#(\d+) (\w+)\/(\w+)\/(\w+)$/;
const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const MAIL_STATE = /^(queued|sending|sent|failed|cancelled|expired): ([\s\S]*)$/;
const VOCAB_FIELDS: Record<string, string> = {
  status: 'status',
  source: 'source',
  leadType: 'leadType',
  closeReason: 'closeReason',
  closeCategory: 'closeCategory',
  campaign: 'campaign',
};

export const HistoryPanel = memo(function HistoryPanel({ history }: { history: LeadDetail['history'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = useMemo(() => [...history].sort((a, b) => b.at - a.at || b.id - a.id), [history]);
  const value = (field: string, v: string | null): string => {
    if (v === null) return '—';
    const c = field === 'contact' || field === 'contactUndone' || field === 'contactCorrected' ? CONTACT.exec(v) : null;
    if (c)
      return `#${c[1]} ${t(`domain:direction.${c[2]}`)} · ${t(`domain:channel.${c[3]}`)} · ${t(`domain:outcome.${c[4]}`)}`;
    if (ISO.test(v)) return formatDateTime(Date.parse(v), lang);
    // An e-mail's delivery: "sent: Subject → address (server reply)" with the state translated.
    const m = field === 'emailDelivery' ? MAIL_STATE.exec(v) : null;
    if (m)
      return `${t(`mail:state.${m[1]}`, { defaultValue: m[1] })}: ${mailReasonInText(t, m[2]!).replace(ISO_IN_TEXT, (x) => formatDateTime(Date.parse(x), lang))}`;
    if (v === 'true' || v === 'false') return t(v === 'true' ? 'desk:common.yes' : 'desk:common.no');
    const ns = VOCAB_FIELDS[field];
    return ns ? t(`domain:${ns}.${v}`, { defaultValue: v }) : v;
  };
  const fieldLabel = (f: string) => {
    // Consent changes (issue 5) read "Consents: by e-mail"; other rows by the field's label.
    const c = /^consents\.(\w+)$/.exec(f);
    if (c) return `${t('desk:field.consents')}: ${t(`domain:consent.${c[1]}`, { defaultValue: c[1] })}`;
    return t(`desk:field.${f}`, {
      defaultValue: t(`domain:field.${f}`, {
        defaultValue: t(`people:historyField.${f.replace('.', '_')}`, {
          defaultValue: t(`mail:field.${f}`, { defaultValue: f }),
        }),
      }),
    });
  };
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('desk:history.empty')}
      </Text>
    );
  return (
    <ScrollArea>
      <Table striped verticalSpacing={4} data-testid="history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('desk:history.at')}</Table.Th>
            <Table.Th>{t('desk:history.field')}</Table.Th>
            <Table.Th>{t('desk:history.user')}</Table.Th>
            <Table.Th>{t('desk:history.old')}</Table.Th>
            <Table.Th>{t('desk:history.new')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((h) => (
            <Table.Tr key={h.id} data-field={h.field}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at, lang)}</Table.Td>
              <Table.Td>{fieldLabel(h.field)}</Table.Td>
              <Table.Td>{h.userId === null ? t('desk:history.system') : h.userName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {value(h.field, h.oldValue)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {value(h.field, h.newValue)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
});

// The contact log (the standard's Customer Contact Tracking Table): every contact, newest first.
import { Badge, Button, ScrollArea, Table, Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { isUnsuccessful } from '../../../../shared/domain/lead';
import { formatDateTime } from '../../../app/format';

/** `onCorrect`: the manager's "Correct" button on each row (a contact recorded by mistake). */
export const ContactLog = memo(function ContactLog({
  contacts,
  onCorrect,
}: {
  contacts: LeadDetail['contacts'];
  onCorrect?: (c: LeadDetail['contacts'][number]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = useMemo(() => [...contacts].sort((a, b) => b.at - a.at || b.id - a.id), [contacts]);
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="contact-log-empty">
        {t('desk:contacts.empty')}
      </Text>
    );
  return (
    <ScrollArea>
      <Table striped verticalSpacing={4} data-testid="contact-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('desk:contacts.at')}</Table.Th>
            <Table.Th>{t('desk:contacts.direction')}</Table.Th>
            <Table.Th>{t('desk:contacts.channel')}</Table.Th>
            <Table.Th>{t('desk:contacts.outcome')}</Table.Th>
            <Table.Th>{t('desk:contacts.verbatim')}</Table.Th>
            <Table.Th>{t('desk:contacts.answer')}</Table.Th>
            <Table.Th>{t('desk:contacts.user')}</Table.Th>
            {onCorrect && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id} data-outcome={c.outcome}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.at, lang)}</Table.Td>
              <Table.Td>{t(`domain:direction.${c.direction}`)}</Table.Td>
              <Table.Td>{t(`domain:channel.${c.channel}`)}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={isUnsuccessful(c) ? 'orange' : 'green'}>
                  {t(`domain:outcome.${c.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.verbatim}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.answer}</Table.Td>
              <Table.Td>{c.userName ?? t('desk:history.system')}</Table.Td>
              {onCorrect && (
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onCorrect(c)}
                    data-testid={`correct-contact-${c.id}`}
                  >
                    {t('desk:contacts.correct')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
});

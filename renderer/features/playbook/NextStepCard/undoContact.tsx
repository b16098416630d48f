// The one-click outcome's undo: a notification with "Undo" for 10 s. The core removes the contact only while
// nothing else happened to the lead (same version) and writes it in the history.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { AppCallError, call } from '../../../platform';

export const UNDO_SECONDS = 10;

export function showUndoContact(t: TFunction, detail: LeadDetail, onUndone: () => void): void {
  const contact = [...detail.contacts].sort((a, b) => b.at - a.at || b.id - a.id)[0];
  if (!contact) return;
  const id = `undo-contact-${detail.lead.id}-${contact.id}`;
  const undo = async () => {
    notifications.hide(id);
    try {
      await call('leads.undoContact', { id: detail.lead.id, version: detail.lead.version, contactId: contact.id });
      notifications.show({ message: t('playbook:undone'), color: 'blue' });
    } catch (e) {
      const code = e instanceof AppCallError ? e.error.code : 'INTERNAL';
      notifications.show({ message: t(`errors:code.${code}`, { defaultValue: code }), color: 'red' });
    }
    onUndone();
  };
  notifications.show({
    id,
    color: 'green',
    autoClose: UNDO_SECONDS * 1000,
    message: (
      <Group justify="space-between" wrap="nowrap" data-testid="undo-contact-note">
        <Text size="sm">{t('playbook:recorded')}</Text>
        <Button size="compact-xs" variant="light" onClick={() => void undo()} data-testid="undo-contact">
          {t('playbook:undo')}
        </Button>
      </Group>
    ),
  });
}

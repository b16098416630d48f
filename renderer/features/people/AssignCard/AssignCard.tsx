// Lead page side card: who must respond, and (for the manager, or the alternate while the manager is
// away) reassignment. The SLA clock does not restart: the date assigned to dealer stays.
import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINAL_STATUSES } from '../../../../shared/domain/vocabulary';
import type { LeadSlotProps } from '../../lead/slots';
import { invoke } from '../../../platform';
import { useCurrentUser, usePeople } from '../usePeople';

const QUEUE = 'queue';

export function AssignCard({ detail, onChanged }: LeadSlotProps) {
  const { t } = useTranslation();
  const cur = useCurrentUser();
  const { users } = usePeople();
  const l = detail.lead;
  const [to, setTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const final = FINAL_STATUSES.includes(l.status);
  const save = async () => {
    if (to === null) return;
    setBusy(true);
    const r = await invoke('leads.reassign', {
      id: l.id,
      version: l.version,
      assigneeId: to === QUEUE ? null : Number(to),
    });
    setBusy(false);
    if (!r.ok) {
      notifications.show({ color: 'red', message: t(`errors:code.${r.error.code}`) });
      return;
    }
    setTo(null);
    onChanged(r.value);
    notifications.show({ color: 'green', message: t('people:assign.done') });
  };
  return (
    <Card withBorder padding="md" data-testid="assign-card">
      <Stack gap="xs">
        <Title order={5}>{t('people:assign.title')}</Title>
        <Text size="sm" data-testid="assignee-name">
          {detail.assigneeName ?? t('people:assign.queue')}
        </Text>
        {cur?.canManage && !final && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              size="xs"
              style={{ flex: 1 }}
              placeholder={t('people:assign.choose')}
              value={to}
              onChange={setTo}
              data-testid="assign-select"
              aria-label={t('people:assign.choose')}
              data={[
                { value: QUEUE, label: t('people:assign.queue') },
                ...users
                  .filter((u) => u.active && u.id !== l.assigneeId)
                  .map((u) => ({
                    value: String(u.id),
                    label: u.absentNow ? `${u.name} (${t('people:people.absent')})` : u.name,
                  })),
              ]}
            />
            <Button
              size="xs"
              onClick={() => void save()}
              loading={busy}
              disabled={to === null}
              data-testid="assign-save"
            >
              {t('people:assign.save')}
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('people:assign.slaKept')}
        </Text>
      </Stack>
    </Card>
  );
}

// "Was the appointment kept?" (docs/rules.md §6): once the appointment time has passed, the desk
// records whether the customer came (Arrived) or not (No-show). An indicator for the manager's report,
// not a step of the process: it leaves the status as it is (see shared/rules/actions/appointmentKept.ts).
import { Badge, Button, Group, Paper, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserCheck, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { canRecordAppointmentKept, hadAppointment } from '../../../../shared/rules/actions/appointmentKept';
import { formatDateTime } from '../../../app/format';
import { invoke } from '../../../platform';

interface Props {
  detail: LeadDetail;
  now: number;
  onDone(d: LeadDetail): void;
  onStale(): void;
}

export function AppointmentKept({ detail, now, onDone, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'arrived' | 'noShow' | null>(null);
  const { lead } = detail;
  if (!hadAppointment(lead)) return null;
  const why = canRecordAppointmentKept(lead, now);
  const reason = why ? t(`errors:code.${why.code}`) : null;
  const stateLabel = (kept: boolean) => t(kept ? 'desk:kept.arrived' : 'desk:kept.noShow');
  const record = async (kept: boolean) => {
    setBusy(kept ? 'arrived' : 'noShow');
    const r = await invoke('leads.recordAppointmentKept', { id: lead.id, version: lead.version, kept });
    setBusy(null);
    if (!r.ok) {
      notifications.show({
        color: r.error.code === 'VERSION_CONFLICT' ? 'orange' : 'red',
        message: t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }),
      });
      if (r.error.code === 'VERSION_CONFLICT') onStale();
      return;
    }
    onDone(r.value);
    notifications.show({
      color: 'green',
      message: t('desk:kept.saved', { state: stateLabel(kept) }),
      withBorder: true,
    });
  };
  const button = (kept: boolean) => {
    const b = (
      <Button
        size="xs"
        variant={lead.appointmentKept === kept ? 'filled' : 'light'}
        color={kept ? 'green' : 'orange'}
        leftSection={kept ? <IconUserCheck size={16} /> : <IconUserX size={16} />}
        loading={busy === (kept ? 'arrived' : 'noShow')}
        data-testid={`kept-${kept ? 'arrived' : 'noshow'}`}
        data-disabled={reason ? true : undefined}
        aria-disabled={reason ? true : undefined}
        aria-pressed={lead.appointmentKept === kept}
        onClick={(e) => {
          if (reason) {
            e.preventDefault();
            return;
          }
          void record(kept);
        }}
      >
        {stateLabel(kept)}
      </Button>
    );
    return reason ? (
      <Tooltip label={reason} withArrow multiline maw={320}>
        <span>{b}</span>
      </Tooltip>
    ) : (
      b
    );
  };
  return (
    <Paper withBorder p="xs" data-testid="appointment-kept">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            {t('desk:kept.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('desk:kept.of', { at: formatDateTime(lead.appointmentAt, i18n.language) })}
          </Text>
          <Badge
            variant="light"
            color={lead.appointmentKept === null ? 'gray' : lead.appointmentKept ? 'green' : 'orange'}
            data-testid="kept-state"
          >
            {lead.appointmentKept === null
              ? t('desk:kept.unknown')
              : t('desk:kept.recorded', { state: stateLabel(lead.appointmentKept) })}
          </Badge>
        </Group>
        <Group gap="xs">
          {button(true)}
          {button(false)}
        </Group>
      </Group>
    </Paper>
  );
}

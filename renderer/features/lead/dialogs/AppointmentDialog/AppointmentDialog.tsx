// Make an Appointment: a date and time in the future (the customer's preferred date-times and the
// next slots as one-click choices) and "send e-mail to the customer". Pressed again, it reschedules.
import { Alert, Checkbox, Grid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { invoke } from '../../../../platform';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { makeAppointment } from '../../../../../shared/rules/actions';
import { DateTimeField, type Choice } from '../../../../components/DateTimeField';
import { formatDateTime } from '../../../../app/format';
import { DialogFrame } from '../DialogFrame';
import { appointmentSlots, type LoadDay } from '../../shared/choices';
import { WorkshopLoad } from '../../../people/WorkshopLoad';
import { useLeadAction, useRuleContext, type LeadActionProps } from '../../shared/useLeadAction';

export function AppointmentDialog(p: LeadActionProps) {
  const { t, i18n } = useTranslation();
  const ctx = useRuleContext(p.coreNow);
  const a = useLeadAction('leads.makeAppointment', p);
  const l = p.detail.lead;
  const [when, setWhen] = useState<number | null>(null);
  const [sendEmail, setSendEmail] = useState(Boolean(l.email));
  useEffect(() => {
    if (p.opened) {
      setWhen(null);
      setSendEmail(Boolean(l.email));
      a.setError(null);
    }
  }, [p.opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const now = p.detail.now;
  // The workshop load: the one-click slots skip closed days and days at or over capacity (undefined while it
  // loads: no slot is offered that might be a full day; null when it could not be read: working days only). The
  // lead's site's load (several sites, docs/rules.md §11.8), whatever site is in view.
  const [load, setLoad] = useState<LoadDay[] | null | undefined>(undefined);
  const siteId = l.siteId;
  useEffect(() => {
    if (p.opened) void invoke('workshop.load', { days: 30, siteId }).then((r) => setLoad(r.ok ? r.value.days : null));
  }, [p.opened, siteId]);
  const choices = useMemo<Choice[]>(() => {
    const preferred = [l.preferredAt1, l.preferredAt2, l.preferredAt3]
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => x !== null && x > now)
      .map(({ x, i }) => ({ at: x!, label: t('desk:appointment.preferred', { n: i + 1 }) }));
    const slots = load === undefined ? [] : appointmentSlots(now, load).map((x) => ({ at: x }));
    return [...preferred, ...slots];
  }, [l.preferredAt1, l.preferredAt2, l.preferredAt3, now, t, load]);
  const save = () => {
    if (when === null) {
      a.setError({ code: 'APPOINTMENT_REQUIRED', field: 'appointmentAt' });
      return;
    }
    const input = { appointmentAt: when, sendEmail };
    void a.submit(input, makeAppointment(l, input, ctx())).then(async (done) => {
      if (!done || !sendEmail || !l.email) return;
      // The confirmation is queued in the outbox; without a mail server it cannot leave: say so now, not never.
      const smtp = await invoke('mail.settings.get', {});
      if (smtp.ok && !smtp.value.host) {
        notifications.show({
          color: 'yellow',
          autoClose: false,
          withBorder: true,
          title: t('desk:appointment.notSentTitle'),
          message: t('desk:appointment.notSent'),
          id: 'appointment-not-sent',
        });
      }
    });
  };
  const err = a.error?.code === 'APPOINTMENT_REQUIRED' ? t('desk:appointment.required') : a.fieldError('appointmentAt');
  return (
    <DialogFrame
      title={t('desk:action.makeAppointment')}
      opened={p.opened}
      onClose={p.onClose}
      onSubmit={save}
      busy={a.busy}
      error={a.error?.code === 'APPOINTMENT_REQUIRED' ? null : a.generalError(['appointmentAt'])}
      testId="dialog-makeAppointment"
      size="xl"
    >
      {l.status === 'appointment' && l.appointmentAt !== null && (
        <Alert color="blue" data-testid="appointment-reschedule">
          {t('desk:appointment.reschedule', { at: formatDateTime(l.appointmentAt, i18n.language) })}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <DateTimeField
            label={t('desk:field.appointmentAt')}
            value={when}
            onChange={a.touch(setWhen)}
            min={now}
            choices={choices}
            required
            error={err}
            testId="appointment-at"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>{p.opened && <WorkshopLoad siteId={siteId} />}</Grid.Col>
      </Grid>
      <Checkbox
        label={t('desk:appointment.sendEmail')}
        checked={sendEmail}
        onChange={(e) => setSendEmail(e.currentTarget.checked)}
        disabled={!l.email}
        description={l.email ? l.email : t('desk:appointment.noEmail')}
        data-testid="appointment-send-email"
      />
    </DialogFrame>
  );
}

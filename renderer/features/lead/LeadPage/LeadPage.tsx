// The lead page: header with the action buttons, the manual's four sections, contact log and
// history, and a right-hand column where other features stack their cards (slots.ts).
import { Alert, Button, Card, Center, Grid, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionId } from '../../../../shared/domain/vocabulary';
import type { LeadDetail } from '../../../../shared/contract/models';
import { navigate } from '../../../app/router';
import { useLiveRefresh } from '../../../app/live';
import { LeadHeader } from '../LeadHeader';
import { AppointmentKept } from '../AppointmentKept';
import {
  ContactLog,
  HistoryPanel,
  LeadDetailsSection,
  QualificationSection,
  RequestSection,
  VehicleSection,
} from '../sections';
import { AppointmentDialog } from '../dialogs/AppointmentDialog';
import { ClosedInSaleDialog } from '../dialogs/ClosedInSaleDialog';
import { ClosedNoSaleDialog } from '../dialogs/ClosedNoSaleDialog';
import { ContactAgainDialog } from '../dialogs/ContactAgainDialog';
import { EditDialog } from '../dialogs/EditDialog';
import { RecordContactDialog } from '../dialogs/RecordContactDialog';
import type { LeadActionProps } from '../shared/useLeadAction';
import { useLead } from '../shared/useLead';
import { leadSideSlots } from '../slots';
import { NextHint } from './NextHint';
import { CorrectContactDialog } from '../dialogs/CorrectContactDialog';
import { useCurrentUser } from '../../people/usePeople';
import { primaryAction } from './next';
import { guidance } from '../../../../shared/rules/guidance';
import type { NextStep } from '../../../../shared/rules/nextStep';
import { invoke } from '../../../platform';

const DIALOGS: Record<ActionId, ComponentType<LeadActionProps>> = {
  edit: EditDialog,
  recordContact: RecordContactDialog,
  makeAppointment: AppointmentDialog,
  closedInSale: ClosedInSaleDialog,
  closedNoSale: ClosedNoSaleDialog,
  contactAgain: ContactAgainDialog,
};

export function LeadPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { detail, error, reload, setDetail, coreNow } = useLead(id);
  const [open, setOpen] = useState<ActionId | null>(null);
  const [tick, setTick] = useState(0);
  const cur = useCurrentUser();
  // The next step (the same channel as the Next-step card): the banner and the highlighted button follow it.
  const [step, setStep] = useState<Pick<NextStep, 'kind' | 'reason'> | null>(null);
  const version = detail?.lead.version;
  useEffect(() => {
    let live = true;
    setStep(null);
    if (version !== undefined)
      void invoke('playbook.step', { id }).then((r) => {
        if (live && r.ok) setStep(r.value.step);
      });
    return () => {
      live = false;
    };
  }, [id, version]);
  const [correcting, setCorrecting] = useState<LeadDetail['contacts'][number] | null>(null);
  useEffect(() => {
    const i = setInterval(() => setTick((n) => n + 1), 60_000);
    return () => clearInterval(i);
  }, []);
  useEffect(() => {
    setOpen(null);
  }, [id]);
  // Changed on another desk: read again — but not under an open dialog (its values and the version it started
  // from stay; saving on a stale version is refused with VERSION_CONFLICT): once it closes.
  const dialogOpen = open !== null || correcting !== null;
  const pending = useRef(false);
  const busy = useRef(dialogOpen);
  busy.current = dialogOpen;
  useLiveRefresh(
    (m) => m.type === 'resync' || ('leadId' in m && m.leadId === id),
    () => {
      if (busy.current) pending.current = true;
      else void reload();
    },
  );
  useEffect(() => {
    if (!dialogOpen && pending.current) {
      pending.current = false;
      void reload();
    }
  }, [dialogOpen, reload]);
  const close = useCallback(() => setOpen(null), []);
  const stale = useCallback(() => {
    void reload();
  }, [reload]);
  if (error) {
    return (
      <Alert color="red" title={t('desk:lead.notFound')} data-testid="lead-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t(`errors:code.${error.code}`)}</Text>
          <Button size="xs" variant="default" onClick={() => navigate('/list/assigned')}>
            {t('desk:lead.backToList')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!detail)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const now = coreNow() + tick * 0;
  const props = (a: ActionId): LeadActionProps => ({
    detail,
    coreNow,
    opened: open === a,
    onClose: close,
    onDone: setDetail,
    onStale: stale,
  });
  return (
    <Stack gap="sm" data-testid="lead-page" data-lead-id={detail.lead.id} data-version={detail.lead.version}>
      <LeadHeader
        detail={detail}
        now={now}
        onAction={setOpen}
        primary={step ? guidance(step, detail.lead).primary : primaryAction(detail)}
      />
      <NextHint detail={detail} step={step} />
      <AppointmentKept detail={detail} now={now} onDone={setDetail} onStale={stale} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: leadSideSlots.length ? 8 : 12 }}>
          <Stack gap="sm">
            <LeadDetailsSection detail={detail} now={now} />
            <RequestSection detail={detail} />
            <VehicleSection detail={detail} onEdit={detail.actions.edit?.enabled ? () => setOpen('edit') : undefined} />
            <QualificationSection detail={detail} />
            <Card withBorder padding="md">
              <Tabs defaultValue="contacts" keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="contacts" data-testid="tab-contacts">
                    {t('desk:contacts.title', { count: detail.contacts.length })}
                  </Tabs.Tab>
                  <Tabs.Tab value="history" data-testid="tab-history">
                    {t('desk:history.title', { count: detail.history.length })}
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="contacts" pt="sm">
                  <ContactLog contacts={detail.contacts} onCorrect={cur?.canManage ? setCorrecting : undefined} />
                </Tabs.Panel>
                <Tabs.Panel value="history" pt="sm">
                  <HistoryPanel history={detail.history} />
                </Tabs.Panel>
              </Tabs>
            </Card>
          </Stack>
        </Grid.Col>
        {leadSideSlots.length > 0 && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="sm" data-testid="lead-side">
              {leadSideSlots.map((Slot, i) => (
                <Slot key={i} detail={detail} coreNow={coreNow} onChanged={setDetail} reload={reload} />
              ))}
            </Stack>
          </Grid.Col>
        )}
      </Grid>
      {(Object.keys(DIALOGS) as ActionId[]).map((a) => {
        const D = DIALOGS[a];
        return <D key={a} {...props(a)} />;
      })}
      {correcting && (
        <CorrectContactDialog
          detail={detail}
          contact={correcting}
          onClose={() => setCorrecting(null)}
          onDone={(d) => {
            setCorrecting(null);
            setDetail(d);
          }}
        />
      )}
    </Stack>
  );
}

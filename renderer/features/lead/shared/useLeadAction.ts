// Runs one action of the lead page: the same pure rule first (instant feedback next to the field),
// then the channel with the lead's version; the main process's refusal comes back next to its field.
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelName, Input } from '../../../../shared/contract';
import type { LeadDetail } from '../../../../shared/contract/models';
import type { Result } from '../../../../shared/rules/errors';
import { defaultRuleSettings } from '../../../../shared/domain/settings';
import type { RuleContext } from '../../../../shared/rules/context';
import { useAppInfo } from '../../../app/appInfo';
import { useSettings } from '../../../app/settings';
import { invoke } from '../../../platform';

export type ActionChannel =
  | 'leads.edit'
  | 'leads.recordContact'
  | 'leads.makeAppointment'
  | 'leads.closedInSale'
  | 'leads.closedNoSale'
  | 'leads.contactAgain';
export interface FieldError {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}

export interface LeadActionProps {
  detail: LeadDetail;
  coreNow(): number;
  opened: boolean;
  onClose(): void;
  /** The fresh detail the action returned. */
  onDone(d: LeadDetail): void;
  /** The lead changed meanwhile: reload it. */
  onStale(): void;
}

/** The rule context the renderer uses: the core's now and the dealer's rule settings. */
export function useRuleContext(coreNow: () => number): () => RuleContext {
  const { settings } = useSettings();
  const { info } = useAppInfo();
  return useCallback(
    () => ({
      now: coreNow(),
      user: { id: info?.currentUser?.id ?? null, name: info?.currentUser?.name ?? '' },
      settings: settings?.rules ?? defaultRuleSettings(info?.timeZone ?? 'UTC'),
    }),
    [coreNow, settings, info],
  );
}

export function useLeadAction<C extends ActionChannel>(
  channel: C,
  p: Pick<LeadActionProps, 'detail' | 'onDone' | 'onStale' | 'onClose'>,
) {
  const { t } = useTranslation();
  const { refresh } = useAppInfo();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FieldError | null>(null);
  const submit = useCallback(
    async (input: Input<C>['input'], local?: Result<unknown>) => {
      if (local && !local.ok) {
        setError(local.error);
        return false;
      }
      setBusy(true);
      const r = await invoke(channel, { id: p.detail.lead.id, version: p.detail.lead.version, input } as Input<C>);
      setBusy(false);
      if (!r.ok) {
        if (r.error.code === 'VERSION_CONFLICT') {
          notifications.show({
            color: 'orange',
            title: t('desk:action.staleTitle'),
            message: t('errors:code.VERSION_CONFLICT'),
          });
          p.onClose();
          p.onStale();
          return false;
        }
        setError(r.error);
        return false;
      }
      setError(null);
      p.onDone(r.value as LeadDetail);
      p.onClose();
      notifications.show({
        color: 'green',
        message: t(`desk:action.done.${channel.slice('leads.'.length)}`),
        withBorder: true,
      });
      void refresh();
      return true;
    },
    [channel, p, t, refresh],
  );
  const fieldError = useCallback(
    (field: string) => (error && error.field === field ? t(`errors:code.${error.code}`, error.params ?? {}) : null),
    [error, t],
  );
  /** An error that belongs to no field of the form: shown on top of the dialog. */
  const generalError = (fields: string[]) =>
    error && (!error.field || !fields.includes(error.field))
      ? t(`errors:code.${error.code}`, error.params ?? {})
      : null;
  /** Wraps a field setter so that editing the field clears the error shown. */
  const touch = useCallback(
    <T>(fn: (v: T) => void) =>
      (v: T) => {
        setError(null);
        fn(v);
      },
    [],
  );
  return { submit, busy, error, setError, fieldError, generalError, touch };
}

export type { ChannelName };

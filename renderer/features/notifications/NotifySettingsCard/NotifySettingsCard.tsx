// Settings → Notifications: SLA 1 "at risk" hours, managers' copies, e-mail to the assignee.
import { Button, Group, NumberInput, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { AppCallError, call } from '../../../platform';
import { SettingsCard } from '../../../components/SettingsCard';
import { useCan } from '../../people/useCan';

type S = Output<'notifications.settings.get'>;

export function NotifySettingsCard() {
  const { t } = useTranslation();
  const { can, why } = useCan('notifications.settings.set');
  const [v, setV] = useState<S | null>(null);
  useEffect(() => {
    void call('notifications.settings.get', {}).then(setV);
  }, []);
  if (!v) return null;
  const save = async () => {
    try {
      setV(await call('notifications.settings.set', v));
      notifications.show({ message: t('notify:settings.saved'), color: 'green' });
    } catch (e) {
      const code = e instanceof AppCallError ? e.error.code : 'INTERNAL';
      notifications.show({ message: t(`errors:code.${code}`, { defaultValue: code }), color: 'red' });
    }
  };
  return (
    <SettingsCard
      testId="notify-settings"
      title={t('notify:settings.title')}
      help={t('notify:settings.hint')}
      readOnly={why}
    >
      <NumberInput
        label={t('notify:settings.sla1RiskHours')}
        min={1}
        max={72}
        w={260}
        value={v.sla1RiskHours}
        disabled={!can}
        data-testid="notify-sla1RiskHours"
        onChange={(n) => setV({ ...v, sla1RiskHours: Math.min(72, Math.max(1, Number(n) || 1)) })}
      />
      <Switch
        label={t('notify:settings.copyManagers')}
        checked={v.copyManagers}
        disabled={!can}
        onChange={(e) => setV({ ...v, copyManagers: e.currentTarget.checked })}
      />
      <Switch
        label={t('notify:settings.copyAlternates')}
        checked={v.copyAlternates}
        disabled={!can}
        onChange={(e) => setV({ ...v, copyAlternates: e.currentTarget.checked })}
      />
      <Switch
        label={t('notify:settings.emailAssignee')}
        checked={v.emailAssignee}
        disabled={!can}
        onChange={(e) => setV({ ...v, emailAssignee: e.currentTarget.checked })}
      />
      {can && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} data-testid="notify-save">
            {t('notify:settings.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

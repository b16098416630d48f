// Settings → contact playbook figures: attempts before the e-mail, the working-hours window, when to propose closing.
import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { call } from '../../../platform';
import { SettingsCard } from '../../../components/SettingsCard';
import { useCan } from '../../people/useCan';

type Figures = Output<'playbook.settings.get'>;

export function PlaybookSettingsCard() {
  const { t } = useTranslation();
  const { can, why } = useCan('playbook.settings.set');
  const [v, setV] = useState<Figures | null>(null);
  useEffect(() => {
    void call('playbook.settings.get', {}).then(setV);
  }, []);
  if (!v) return null;
  const num = (k: keyof Figures, min: number, max: number) => (
    <NumberInput
      label={t(`playbook:settings.${k}`)}
      min={min}
      max={max}
      value={v[k]}
      disabled={!can}
      onChange={(n) => setV({ ...v, [k]: Math.max(min, Math.min(max, Number(n) || min)) })}
      data-testid={`pb-${k}`}
    />
  );
  const save = async () => {
    setV(await call('playbook.settings.set', v));
    notifications.show({ message: t('playbook:settings.saved'), color: 'green' });
  };
  return (
    <SettingsCard
      testId="playbook-settings"
      title={t('playbook:settings.title')}
      help={t('playbook:settings.help')}
      readOnly={why}
    >
      <Group grow>
        {num('attemptsBeforeEmail', 1, 10)}
        {num('emailWindowWorkingHours', 1, 400)}
        {num('closeAfterEmailWorkingHours', 1, 400)}
      </Group>
      {can && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} data-testid="pb-save">
            {t('templates:editor.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}

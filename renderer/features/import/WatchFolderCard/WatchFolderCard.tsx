// Settings → watched folder: files dropped there are imported automatically (done/ or failed/ + report).
import { Button, Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchFolderSettings } from '../../../../shared/contract/import';
import { AppCallError, call } from '../../../platform';
import { SettingsCard } from '../../../components/SettingsCard';
import { useCan } from '../../people/useCan';

export function WatchFolderCard() {
  const { t } = useTranslation();
  const { can, why } = useCan('import.watchFolder.set');
  const [v, setV] = useState<WatchFolderSettings | null>(null);
  const [presets, setPresets] = useState<string[]>([]);
  useEffect(() => {
    void call('import.watchFolder.get', {}).then(setV);
    void call('import.presets.list', {}).then((p) => setPresets(p.map((x) => x.name)));
  }, []);
  if (!v) return null;
  const save = async () => {
    try {
      setV(await call('import.watchFolder.set', v));
      notifications.show({ message: t('import:watch.title'), color: 'green' });
    } catch (e) {
      const code = e instanceof AppCallError ? e.error.code : 'INTERNAL';
      notifications.show({
        message: t(`import:errors.${code}`, { defaultValue: t(`errors:code.${code}`, { defaultValue: code }) }),
        color: 'red',
      });
    }
  };
  const scan = async () => {
    const r = await call('import.watchFolder.scan', {});
    notifications.show({
      message: t('import:watch.scanned', { count: r.length, imported: r.reduce((n, x) => n + x.imported, 0) }),
      color: r.every((x) => x.ok) ? 'green' : 'orange',
    });
  };
  return (
    <SettingsCard testId="watch-folder" title={t('import:watch.title')} help={t('import:watch.hint')} readOnly={why}>
      <Switch
        label={t('import:watch.enabled')}
        checked={v.enabled}
        disabled={!can}
        data-testid="watch-enabled"
        onChange={(e) => setV({ ...v, enabled: e.currentTarget.checked })}
      />
      <Group grow>
        <TextInput
          label={t('import:watch.path')}
          value={v.path}
          disabled={!can}
          data-testid="watch-path"
          onChange={(e) => setV({ ...v, path: e.currentTarget.value })}
        />
        <Select
          label={t('import:preset')}
          placeholder={t('import:presetNone')}
          data={presets}
          value={v.preset}
          disabled={!can}
          clearable
          onChange={(p) => setV({ ...v, preset: p })}
        />
        <NumberInput
          label={t('import:watch.interval')}
          min={5}
          max={3600}
          value={v.intervalSeconds}
          disabled={!can}
          onChange={(n) => setV({ ...v, intervalSeconds: Number(n) || 30 })}
        />
      </Group>
      <Group justify="flex-end">
        <Button variant="light" disabled={!v.path} onClick={() => void scan()} data-testid="watch-scan">
          {t('import:watch.scanNow')}
        </Button>
        {can && (
          <Button onClick={() => void save()} data-testid="watch-save">
            {t('templates:editor.save')}
          </Button>
        )}
      </Group>
    </SettingsCard>
  );
}

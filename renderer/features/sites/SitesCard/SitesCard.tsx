// Settings → People & assignment → Sites (docs/rules.md §11): the dealer group's sites, added and renamed by the
// manager (sites.save). With one site nothing else in the app changes; a second one brings the site choice, fields
// and filters.
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsCard } from '../../../components/SettingsCard';
import { invoke } from '../../../platform';
import { useCan } from '../../people/useCan';
import { useSites, type SitesInfo } from '../useSites';

type Site = SitesInfo['sites'][number];

export function SitesCard() {
  const { t } = useTranslation();
  const { can: manage, why } = useCan('sites.save');
  const { info, reload } = useSites();
  const [error, setError] = useState<string | null>(null);
  // One site: only the manager sees the card (to add a second one).
  if (!info || (!info.multi && !manage)) return null;
  const save = async (site: { id?: number; code: string; name: string }): Promise<boolean> => {
    const r = await invoke('sites.save', site);
    if (!r.ok) {
      setError(t(`errors:code.${r.error.code}`, { defaultValue: r.error.code }));
      return false;
    }
    setError(null);
    await reload();
    return true;
  };
  return (
    <SettingsCard testId="sites-card" title={t('sites:card.title')} help={t('sites:card.help')} readOnly={why}>
      <Stack gap="xs">
        {info.sites.map((s) => (
          <SiteRow key={`${s.id}:${s.code}:${s.name}`} site={s} manage={manage} save={save} />
        ))}
        {manage && <SiteRow manage save={save} />}
        {error && (
          <Alert color="red" data-testid="sites-error">
            {error}
          </Alert>
        )}
      </Stack>
    </SettingsCard>
  );
}

/** One site's code and name (a new one when `site` is absent). */
function SiteRow(props: {
  site?: Site;
  manage: boolean;
  save(site: { id?: number; code: string; name: string }): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { site, manage, save } = props;
  const [code, setCode] = useState(site?.code ?? '');
  const [name, setName] = useState(site?.name ?? '');
  const changed = code.trim() !== (site?.code ?? '') || name.trim() !== (site?.name ?? '');
  const testId = site ? `site-${site.id}` : 'site-new';
  const submit = async () => {
    if ((await save({ ...(site ? { id: site.id } : {}), code, name })) && !site) {
      setCode('');
      setName('');
    }
  };
  return (
    <Group align="end" wrap="nowrap" data-testid={testId}>
      <TextInput
        label={t('sites:card.code')}
        w={110}
        value={code}
        disabled={!manage}
        onChange={(e) => setCode(e.currentTarget.value)}
        data-testid={`${testId}-code`}
      />
      <TextInput
        label={t('sites:card.name')}
        style={{ flex: 1 }}
        value={name}
        disabled={!manage}
        onChange={(e) => setName(e.currentTarget.value)}
        data-testid={`${testId}-name`}
      />
      {manage && (
        <Button
          variant={site ? 'default' : 'filled'}
          disabled={!changed || !code.trim() || !name.trim()}
          onClick={() => void submit()}
          data-testid={`${testId}-save`}
        >
          {site ? t('sites:card.rename') : t('sites:card.add')}
        </Button>
      )}
    </Group>
  );
}

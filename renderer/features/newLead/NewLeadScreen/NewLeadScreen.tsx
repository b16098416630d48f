// New lead: a spontaneous request (phone call, walk-in, e-mail to the dealer). It starts in
// Assigned to Dealer; the same creation rule as the core checks it first.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewLead } from '../../../../shared/contract/inputs';
import { defaultRuleSettings } from '../../../../shared/domain/settings';
import {
  CONSENTS,
  DEFAULT_CAMPAIGNS,
  LANGUAGES,
  LEAD_TYPES,
  SOURCES,
  type Language,
  type LeadType,
  type Source,
} from '../../../../shared/domain/vocabulary';
import { initialLead } from '../../../../shared/rules/newLead';
import { normalizePhone, phoneCountry } from '../../../../shared/people/phone';
import { useCurrentUser, usePeople } from '../../people/usePeople';
import { useAppInfo } from '../../../app/appInfo';
import { navigate } from '../../../app/router';
import { useSettings, useCampaignLabel } from '../../../app/settings';
import { DateTimeField } from '../../../components/DateTimeField';
import { VinField } from '../../../components/VinField';
import { invoke } from '../../../platform';
import { emptyForm, toInput, type NewLeadForm, type TextKey } from './form';
import { SiteField } from '../../sites/SiteField';

const LONG: TextKey[] = ['requestDetails', 'customerNotes', 'campaignNotes', 'additionalServices'];
/** The fields of this form: an error on one of them is shown under it, any other on top. */
const FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'otherPhone',
  'vin',
  'campaign',
  'assigneeId',
  'country',
  'state',
  'city',
  'zip',
  'requestFor',
  'requestDetails',
  'customerNotes',
  'campaignNotes',
  'additionalServices',
];

export function NewLeadScreen() {
  const { t } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const { settings, language } = useSettings();
  const { info, refresh } = useAppInfo();
  const [f, setF] = useState<NewLeadForm>(() => emptyForm(language));
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<{ code: string; field?: string } | null>(null);
  /** The lead's site, chosen by a group-wide person when there are several sites (else the core decides). */
  const [siteId, setSiteId] = useState<number | undefined>(undefined);
  const campaigns = settings?.campaigns ?? [...DEFAULT_CAMPAIGNS];
  const current = useCurrentUser();
  const { users } = usePeople();
  const me = current?.user?.id ?? null;
  // Creating a lead for someone else needs the manage permission (the core checks it too): others see themselves only.
  const assignees = users.filter((u) => u.active && (current?.canManage || u.id === me));
  const assigneeValue = f.assigneeId === undefined ? me : f.assigneeId;
  const setText = (k: TextKey, v: string) => {
    if (err?.field === k) setErr(null);
    setF((s) => ({ ...s, text: { ...s.text, [k]: v } }));
  };
  const fieldErr = (k: string) => (err?.field === k ? t(`errors:code.${err.code}`) : null);
  const text = (k: TextKey, required = false) => {
    const props = {
      label: t(`desk:field.${k}`),
      value: f.text[k],
      required,
      'data-testid': `new-${k}`,
      onChange: (e: { currentTarget: { value: string } }) => setText(k, e.currentTarget.value),
      error: fieldErr(k),
      description: phoneWarning(k),
    };
    return LONG.includes(k) ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
  };
  /** libphonenumber's view of a well-formed number for the customer's country: a warning, as the import flags it. */
  function phoneWarning(k: TextKey): string | null {
    if ((k !== 'phone' && k !== 'otherPhone') || !f.text[k].trim() || fieldErr(k)) return null;
    const n = normalizePhone(f.text[k], f.text.country || null, f.language);
    return n && !n.valid
      ? t('desk:newLead.phoneUnverified', { country: phoneCountry(f.text.country || null, f.language) })
      : null;
  }
  const submit = async () => {
    const input = toInput(f, me);
    if (!input.firstName && !input.lastName) {
      setErr({ code: 'NAME_REQUIRED', field: 'lastName' });
      return;
    }
    const local = initialLead(input as NewLead, {
      now: info?.now ?? Date.now(),
      settings: settings?.rules ?? defaultRuleSettings(),
      campaigns,
    });
    if (!local.ok) {
      setErr(local.error);
      return;
    }
    if (!input.firstName || !input.lastName) {
      setErr({ code: 'NAME_REQUIRED', field: input.firstName ? 'lastName' : 'firstName' });
      return;
    }
    setBusy(true);
    const r = await invoke('leads.create', siteId === undefined ? input : { ...input, siteId });
    setBusy(false);
    if (!r.ok) {
      setErr(r.error);
      return;
    }
    notifications.show({ color: 'green', message: t('desk:newLead.created', { number: r.value.lead.number }) });
    void refresh();
    navigate(`/lead/${r.value.lead.id}`);
  };
  const general = err && !FIELDS.includes(err.field ?? '') ? t(`errors:code.${err.code}`) : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="new-lead"
    >
      <Stack gap="sm" maw={1100}>
        <Group justify="space-between">
          <Title order={2}>{t('desk:newLead.title')}</Title>
          <Group gap="xs">
            <Button variant="default" onClick={() => window.history.back()}>
              {t('desk:common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="new-save">
              {t('desk:newLead.save')}
            </Button>
          </Group>
        </Group>
        {general && (
          <Alert color="red" data-testid="new-error">
            {general}
          </Alert>
        )}
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('desk:newLead.customer')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {text('firstName', true)}
            {text('lastName', true)}
            <Select
              label={t('desk:field.language')}
              value={f.language}
              allowDeselect={false}
              data-testid="new-language"
              onChange={(v) => v && setF((s) => ({ ...s, language: v as Language }))}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`desk:language.${l}`) }))}
            />
            {text('email')}
            {text('phone')}
            {text('otherPhone')}
            {text('country')}
            {text('state')}
            {text('city')}
            {text('zip')}
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('desk:newLead.request')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Select
              label={t('desk:field.leadType')}
              value={f.leadType}
              allowDeselect={false}
              data-testid="new-leadType"
              onChange={(v) => v && setF((s) => ({ ...s, leadType: v as LeadType }))}
              data={LEAD_TYPES.map((x) => ({ value: x, label: t(`domain:leadType.${x}`) }))}
            />
            <Select
              label={t('desk:field.source')}
              value={f.source}
              allowDeselect={false}
              data-testid="new-source"
              onChange={(v) => v && setF((s) => ({ ...s, source: v as Source }))}
              data={SOURCES.map((x) => ({ value: x, label: t(`domain:source.${x}`) }))}
            />
            <Select
              label={t('desk:field.campaign')}
              value={f.campaign}
              allowDeselect={false}
              data-testid="new-campaign"
              error={fieldErr('campaign')}
              searchable
              onChange={(v) => v && setF((s) => ({ ...s, campaign: v }))}
              data={campaigns.map((x) => ({ value: x, label: campaignLabel(x) }))}
            />
            <SiteField
              newLead
              value={siteId}
              onChange={(v) => v !== null && setSiteId(v)}
              error={fieldErr('siteId')}
              testId="new-site"
            />
            <Select
              label={t('desk:field.assignee')}
              value={assigneeValue === null ? 'none' : String(assigneeValue)}
              allowDeselect={false}
              data-testid="new-assignee"
              error={fieldErr('assigneeId')}
              onChange={(v) => {
                if (err?.field === 'assigneeId') setErr(null);
                setF((s) => ({ ...s, assigneeId: !v || v === 'none' ? null : Number(v) }));
              }}
              data={[
                ...assignees.map((u) => ({ value: String(u.id), label: u.name })),
                { value: 'none', label: t('desk:newLead.unassigned') },
              ]}
            />
            {text('requestFor')}
            {f.preferred.map((p, i) => (
              <DateTimeField
                key={i}
                label={t(`desk:field.preferredAt${i + 1}`)}
                value={p}
                clearable
                min={info?.now}
                testId={`new-preferredAt${i + 1}`}
                onChange={(v) =>
                  setF((s) => {
                    const pr = [...s.preferred] as NewLeadForm['preferred'];
                    pr[i] = v;
                    return { ...s, preferred: pr };
                  })
                }
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
            {text('requestDetails')}
            {text('customerNotes')}
            {text('additionalServices')}
            {text('campaignNotes')}
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('desk:section.vehicle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <VinField value={f.text.vin} onChange={(v) => setText('vin', v)} error={fieldErr('vin')} testId="new-vin" />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('desk:field.consents')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {CONSENTS.map((c) => (
              <Checkbox
                key={c}
                label={t(`desk:consent.${c}`)}
                checked={f.consents[c]}
                data-testid={`new-consent-${c}`}
                onChange={(e) => {
                  const v = e.currentTarget.checked;
                  setF((s) => ({ ...s, consents: { ...s.consents, [c]: v } }));
                }}
              />
            ))}
          </SimpleGrid>
        </Card>
      </Stack>
    </form>
  );
}

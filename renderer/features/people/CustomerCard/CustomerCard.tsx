// Lead page side card: the customer (identity, phone check, consents with their changes in history),
// their history (earlier leads, vehicles and service contracts) and the privacy requests: export all
// data held on them, erase/anonymize (manager).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignLabel } from '../../../app/settings';
import type { CustomerDetail } from '../../../../shared/contract/people';
import { CONSENTS, type ConsentKey, type Language } from '../../../../shared/domain/vocabulary';
import { formatDate } from '../../../app/format';
import type { LeadSlotProps } from '../../lead/slots';
import { invoke } from '../../../platform';
import { saveFile } from '../../kpi/api';
import { useCurrentUser } from '../usePeople';

export function CustomerCard({ detail, reload }: LeadSlotProps) {
  const { t, i18n } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const cur = useCurrentUser();
  const id = detail.lead.customerId;
  const [c, setC] = useState<CustomerDetail | null>(null);
  const [erasing, setErasing] = useState(false);
  const load = useCallback(async () => {
    if (id !== null) {
      const r = await invoke('customers.get', { id });
      if (r.ok) setC(r.value);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load, detail.lead.version]);
  if (id === null || !c) return null;
  const cu = c.customer;
  const fail = (code: string) => notifications.show({ color: 'red', message: t(`errors:code.${code}`) });
  const setConsent = async (k: ConsentKey, v: boolean) => {
    const r = await invoke('customers.setConsents', { id, leadId: detail.lead.id, consents: { [k]: v } });
    if (!r.ok) {
      fail(r.error.code);
      return;
    }
    setC(r.value);
    await reload();
  };
  const exportAs = async (format: 'json' | 'xlsx' | 'pdf') => {
    const r = await invoke('customers.export', { id, format, language: i18n.language as Language });
    if (r.ok) saveFile(r.value);
    else fail(r.error.code);
  };
  const erase = async () => {
    const r = await invoke('customers.erase', { id, confirm: true });
    setErasing(false);
    if (!r.ok) {
      fail(r.error.code);
      return;
    }
    notifications.show({ color: 'green', message: t('people:customer.erased') });
    await reload();
  };
  const others = c.leads.filter((l) => l.id !== detail.lead.id);
  return (
    <Card withBorder padding="md" data-testid="customer-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t('people:customer.title')}</Title>
          {cu.dmsId && (
            <Badge variant="light" size="sm">
              DMS {cu.dmsId}
            </Badge>
          )}
        </Group>
        {cu.anonymizedAt !== null ? (
          <Alert color="gray">
            {t('people:customer.anonymized', { date: formatDate(cu.anonymizedAt, i18n.language) })}
          </Alert>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {`${cu.firstName} ${cu.lastName}`.trim()}
            </Text>
            {cu.phone && (
              <Group gap={6}>
                <Text size="sm">{cu.phoneE164 ?? cu.phone}</Text>
                {cu.phoneValid === false && (
                  <Badge color="red" size="xs" data-testid="phone-invalid">
                    {t('people:customer.phoneInvalid')}
                  </Badge>
                )}
              </Group>
            )}
            <Text size="sm" fw={500} mt={4}>
              {t('people:customer.consents')}
            </Text>
            <SimpleGrid cols={2} spacing={4}>
              {CONSENTS.map((k) => (
                <Checkbox
                  key={k}
                  size="xs"
                  label={t(`domain:consent.${k}`)}
                  checked={cu.consents[k]}
                  onChange={(e) => void setConsent(k, e.currentTarget.checked)}
                  data-testid={`consent-${k}`}
                />
              ))}
            </SimpleGrid>
          </>
        )}
        <Text size="sm" fw={500} mt={4}>
          {t('people:customer.history', { count: others.length })}
        </Text>
        {others.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('people:customer.noOther')}
          </Text>
        )}
        {others.slice(0, 10).map((l) => (
          <Group key={l.id} gap={6} wrap="nowrap">
            <Anchor size="xs" href={`#/lead/${l.id}`}>
              {l.number}
            </Anchor>
            <Text size="xs">
              {formatDate(l.assignedAt, i18n.language)} · {t(`domain:status.${l.status}`)} · {campaignLabel(l.campaign)}
            </Text>
          </Group>
        ))}
        {c.vehicles.length > 0 && (
          <Text size="sm" fw={500} mt={4}>
            {t('people:customer.vehicles')}
          </Text>
        )}
        {c.vehicles.map((v) => (
          <Text key={v.id} size="xs">
            <span style={{ fontFamily: 'monospace' }}>{v.vin}</span> {v.model ?? ''}
            {v.serviceContract && (
              <Badge ml={6} size="xs" color="teal">
                {t('people:customer.contract', {
                  type: v.serviceContract,
                  date: formatDate(v.serviceContractExpiry, i18n.language),
                })}
              </Badge>
            )}
          </Text>
        ))}
        <Group gap="xs" mt={4}>
          <Menu>
            <Menu.Target>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconDownload size={12} />}
                data-testid="customer-export"
              >
                {t('people:customer.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['json', 'xlsx', 'pdf'] as const).map((f) => (
                <Menu.Item key={f} onClick={() => void exportAs(f)}>
                  {f.toUpperCase()}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {cur?.canManage && cu.anonymizedAt === null && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={12} />}
              onClick={() => setErasing(true)}
              data-testid="customer-erase"
            >
              {t('people:customer.erase')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={erasing} onClose={() => setErasing(false)} title={t('people:customer.eraseTitle')}>
        <Stack>
          <Text size="sm">{t('people:customer.eraseText', { count: c.leads.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setErasing(false)}>
              {t('people:action.cancel')}
            </Button>
            <Button color="red" onClick={() => void erase()} data-testid="customer-erase-confirm">
              {t('people:customer.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

// Settings → Data: "Host & desks" (docs/rules.md §12): this app's role, the host's addresses and certificate
// fingerprint, a pairing code for the next desk (managers, on a host), and the paired desks (remove one).
import { Alert, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostStatus, PairingCode } from '../../../../shared/contract/host';
import { SettingsCard } from '../../../components/SettingsCard';
import { formatDateTime } from '../../../app/format';
import { useLiveRefresh } from '../../../app/live';
import { invoke, isHostMode, platformName } from '../../../platform';
import { useCan } from '../../people/useCan';
import { ConnectToHost, LeaveHost } from '../ConnectToHost';

export function HostCard() {
  const { t, i18n } = useTranslation();
  // Pairing, removing desks, joining or leaving a host: all the group's (docs/rules.md §11.8).
  const { can: manage, why } = useCan('host.pairingCode');
  const [status, setStatus] = useState<HostStatus | null>(null);
  const [code, setCode] = useState<PairingCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await invoke('host.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), 15_000); // who is connected (not a data refresh)
    return () => clearInterval(id);
  }, [load]);
  useLiveRefresh(
    (m) => m.type === 'resync',
    () => void load(),
  );
  if (!status) return null;
  // Seen from a desk (a browser on the LAN, or the Electron desk), the host answers "host": this app is a desk.
  const role = status.role === 'host' && (isHostMode() || platformName === 'electron') ? 'desk' : status.role;
  const newCode = async () => {
    setError(null);
    const r = await invoke('host.pairingCode', {});
    if (r.ok) setCode(r.value);
    else setError(t(`errors:code.${r.error.code}`));
  };
  const revoke = async (id: number) => {
    const r = await invoke('host.revokeDesk', { id });
    if (r.ok) setStatus(r.value);
    else setError(t(`errors:code.${r.error.code}`));
  };
  return (
    <SettingsCard title={t('host:card.title')} help={t(`host:card.help.${role}`)} testId="host-card" readOnly={why}>
      <Group gap="xs">
        <Text size="sm">{t('host:card.role')}</Text>
        <Badge data-testid="host-role">{t(`host:role.${role}`)}</Badge>
      </Group>
      {status.canConnect && manage && <ConnectToHost />}
      {role === 'desk' && platformName === 'electron' && manage && <LeaveHost />}
      {status.role === 'host' && (
        <Stack gap="xs">
          <Text size="sm">{t('host:card.addresses')}</Text>
          {status.addresses.map((a) => (
            <Code key={a}>{a}</Code>
          ))}
          <Text size="sm">{t('host:card.fingerprint')}</Text>
          <Code block data-testid="host-fingerprint">
            {status.fingerprint}
          </Code>
          {manage && (
            <Group>
              <Button size="xs" onClick={() => void newCode()} data-testid="host-new-code">
                {t('host:card.newCode')}
              </Button>
              {code && (
                <Text size="sm" data-testid="host-code">
                  {t('host:card.code', { code: code.code, until: formatDateTime(code.expiresAt, i18n.language) })}
                </Text>
              )}
            </Group>
          )}
          {error && <Alert color="red">{error}</Alert>}
          <Table data-testid="host-desks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('host:desks.name')}</Table.Th>
                <Table.Th>{t('host:desks.state')}</Table.Th>
                <Table.Th>{t('host:desks.lastSeen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.desks.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>
                    {d.revokedAt !== null
                      ? t('host:desks.removed')
                      : d.connected
                        ? t('host:desks.connected', {
                            address: d.address,
                            since: formatDateTime(d.since ?? 0, i18n.language),
                          })
                        : t('host:desks.offline')}
                  </Table.Td>
                  <Table.Td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt, i18n.language) : '—'}</Table.Td>
                  <Table.Td>
                    {manage && d.revokedAt === null && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => void revoke(d.id)}>
                        {t('host:desks.remove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </SettingsCard>
  );
}

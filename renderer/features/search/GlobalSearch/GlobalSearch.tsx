// The header's search across every list (`/` or Ctrl+K): lead number, phone as caller ID shows it, e-mail,
// part of a VIN, name — results grouped by status; ↑/↓ move, Enter opens the lead.
import { Badge, Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlobalSearchResult } from '../../../../shared/contract/leads';
import { formatNumber } from '../../../app/format';
import { navigate } from '../../../app/router';
import { useShortcuts } from '../../../app/shortcuts';
import { invoke } from '../../../platform';
import { SiteBadge } from '../../sites/SiteBadge';
import { useSitesShown } from '../../sites/useSites';

const PER_GROUP = 5;

export function GlobalSearch() {
  const { t, i18n } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 120);
  const [result, setResult] = useState<GlobalSearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  // Each lead's site when every site's leads are searched (several sites, "All sites" in view).
  const sites = useSitesShown();
  useShortcuts([{ keys: ['/', 'mod+k'], run: () => open() }]);

  useEffect(() => {
    const text = debounced.trim();
    const n = ++seq.current;
    if (!opened || text === '') {
      setResult(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    void invoke('leads.globalSearch', { q: text, limit: PER_GROUP }).then((r) => {
      if (n !== seq.current) return;
      setLoading(false);
      setResult(r.ok ? r.value : null);
      setActive(0);
    });
  }, [debounced, opened]);

  const rows = useMemo(() => result?.groups.flatMap((g) => g.rows) ?? [], [result]);
  const go = (id: number) => {
    close();
    setQ('');
    setResult(null);
    navigate(`/lead/${id}`);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && rows.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % rows.length);
    } else if (e.key === 'ArrowUp' && rows.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + rows.length) % rows.length);
    } else if (e.key === 'Enter' && rows[active]) {
      e.preventDefault();
      go(rows[active].id);
    }
  };
  let index = -1;

  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconSearch size={16} aria-hidden />}
        onClick={open}
        rightSection={<Kbd size="xs">/</Kbd>}
        aria-label={t('search:open')}
        aria-keyshortcuts="/ Control+K"
        data-testid="global-search-button"
      >
        <Text span size="xs" visibleFrom="lg">
          {t('search:button')}
        </Text>
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('search:title')}
        size="lg"
        yOffset="8vh"
        data-testid="global-search"
      >
        <TextInput
          data-autofocus
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={onKey}
          placeholder={t('search:placeholder')}
          aria-label={t('search:placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={loading ? <Loader size="xs" /> : null}
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls="global-search-results"
          aria-activedescendant={rows[active] ? `global-search-${rows[active].id}` : undefined}
          aria-autocomplete="list"
          data-testid="global-search-input"
        />
        <Stack gap="sm" mt="md" id="global-search-results" role="listbox" aria-label={t('search:results')}>
          {result?.tooShort && (
            <Text size="sm" data-testid="global-search-too-short">
              {t('search:tooShort')}
            </Text>
          )}
          {result && !result.tooShort && result.total === 0 && (
            <Text size="sm" data-testid="global-search-none">
              {t('search:none', { q: result.q })}
            </Text>
          )}
          {result?.groups.map((g) => (
            <Stack
              key={g.status}
              gap={4}
              role="group"
              aria-label={t(`domain:status.${g.status}`)}
              data-testid={`global-search-group-${g.status}`}
            >
              <Group gap="xs" justify="space-between">
                <Text size="xs" fw={700} tt="uppercase">
                  {t(`domain:status.${g.status}`)}
                </Text>
                <Badge size="sm" variant="outline" color="dark">
                  {formatNumber(g.count, i18n.language)}
                </Badge>
              </Group>
              {g.rows.map((r) => {
                index++;
                const i = index;
                return (
                  <UnstyledButton
                    key={r.id}
                    id={`global-search-${r.id}`}
                    role="option"
                    aria-selected={i === active}
                    style={{
                      display: 'block',
                      width: '100%',
                      padding: '6px 8px',
                      borderRadius: 'var(--mantine-radius-sm)',
                      background: i === active ? 'var(--mantine-color-blue-light)' : undefined,
                    }}
                    data-active={i === active || undefined}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => go(r.id)}
                    tabIndex={-1}
                    data-testid="global-search-row"
                  >
                    <Group gap="sm" wrap="nowrap">
                      <Text size="sm" ff="monospace">
                        {r.number}
                      </Text>
                      <Text size="sm" fw={500} truncate>
                        {r.name}
                      </Text>
                      <SiteBadge siteId={r.siteId} sites={sites} testId="global-search-site" />
                      {r.assigneeName && (
                        <Text size="xs" ml="auto">
                          {r.assigneeName}
                        </Text>
                      )}
                    </Group>
                  </UnstyledButton>
                );
              })}
              {g.count > g.rows.length && (
                <Text size="xs">
                  {t('search:more', {
                    count: g.count - g.rows.length,
                    n: formatNumber(g.count - g.rows.length, i18n.language),
                  })}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
        <Text size="xs" mt="md">
          {t('search:hint')}
        </Text>
      </Modal>
    </>
  );
}

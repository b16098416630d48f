// The header bell: the current user's notifications (persisted in the core), unread count, mark read;
// each one opens its lead. Polls the core every 30 s (and when opened), in the app and in browser mode.
import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationItem } from '../../../../shared/contract/notifications';
import { formatDateTime } from '../../../app/format';
import { peekBoot } from '../../../app/boot';
import { navigate } from '../../../app/router';
import { call } from '../../../platform';
import { useLiveRefresh } from '../../../app/live';
import { HoverTooltip } from '../../../components/HoverTooltip';

const LANGS = ['en', 'fr', 'de', 'it'] as const;
const POLL_MS = 30_000;

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const lang = (LANGS as readonly string[]).includes(i18n.language) ? (i18n.language as (typeof LANGS)[number]) : 'en';
  const [open, setOpen] = useState(false);
  // The first list was read at start-up (app/boot.ts).
  const [booted] = useState(() => peekBoot('notifications.list', { unreadOnly: false, limit: 30, language: lang }));
  const [items, setItems] = useState<NotificationItem[]>(booted?.items ?? []);
  const [unread, setUnread] = useState(booted?.unread ?? 0);
  const load = useCallback(async () => {
    try {
      const r = await call('notifications.list', { unreadOnly: false, limit: 30, language: lang });
      setItems(r.items);
      setUnread(r.unread);
    } catch {
      /* the next poll tries again */
    }
  }, [lang]);
  const skipFirst = useRef(booted !== undefined);
  useEffect(() => {
    if (skipFirst.current) skipFirst.current = false;
    else void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);
  useLiveRefresh(
    (m) => m.type === 'notifications.new' || m.type === 'resync',
    () => void load(),
  );

  const openItem = async (n: NotificationItem) => {
    if (n.readAt === null) setUnread((await call('notifications.markRead', { ids: [n.id] })).unread);
    setOpen(false);
    if (n.leadId !== null) navigate(`/lead/${n.leadId}`);
    void load();
  };
  const markAll = async () => {
    setUnread((await call('notifications.markRead', { all: true })).unread);
    void load();
  };

  return (
    <Popover opened={open} onChange={setOpen} width={380} position="bottom-end" shadow="md">
      {/* Its tooltip mounted on the first hover (HoverTooltip: start-up cost), beside the bell, not around it; the
          popover's target is the button (its aria-expanded on a button, where ARIA allows it). */}
      <HoverTooltip label={t('notify:bell.label')} disabled={open}>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <Popover.Target>
            <ActionIcon
              variant="light"
              radius="xl"
              size="lg"
              aria-label={`${t('notify:bell.label')}${unread ? ` — ${t('notify:bell.unread', { count: unread })}` : ''}`}
              data-testid="notification-bell"
              data-unread={unread}
              onClick={() => {
                setOpen((o) => !o);
                void load();
              }}
            >
              <IconBell size={18} />
            </ActionIcon>
          </Popover.Target>
        </Indicator>
      </HoverTooltip>
      <Popover.Dropdown data-testid="notification-list">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('notify:bell.label')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => void markAll()}>
            {t('notify:bell.markAll')}
          </Button>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notify:bell.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={4}>
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => void openItem(n)}
                  data-testid="notification-item"
                  data-kind={n.kind}
                  data-lead={n.leadId ?? ''}
                  data-read={n.readAt !== null}
                  title={n.leadId !== null ? t('notify:bell.open') : undefined}
                  style={{
                    padding: 8,
                    borderRadius: 6,
                    background: n.readAt === null ? 'var(--mantine-color-blue-light)' : undefined,
                  }}
                >
                  <Text size="sm" fw={n.readAt === null ? 700 : 500}>
                    {n.title}
                  </Text>
                  <Text size="xs">{n.body}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt, lang)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

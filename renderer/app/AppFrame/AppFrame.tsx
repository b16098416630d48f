// The Mantine app shell: header (name, language), navigation to the manual's sections.
import { AppShell, Badge, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconHelp, IconList, IconSettings } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_VIEWS } from '../../../shared/domain/vocabulary';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ConnectionBanner } from '../../features/host/ConnectionBanner';
import { useAppInfo } from '../appInfo';
import { formatNumber } from '../format';
import { useRoute } from '../router';
import { headerSlots, navSlots } from '../slots';

const NAV_SCROLL = { overflowY: 'auto', minHeight: 0, flex: 1 } as const;

export function AppFrame({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [opened, { toggle }] = useDisclosure();
  const { path } = useRoute();
  const { counts } = useAppInfo();
  const here = path.join('/');
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 270, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Title order={4}>ASLM Desk</Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app:tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {headerSlots.map((Slot, i) => (
              <Slot key={i} />
            ))}
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {/* The browser's own scrolling: Mantine's ScrollArea measures itself as the app first renders (a forced layout). */}
        <div style={NAV_SCROLL}>
          <NavLink label={t('app:nav.view')} leftSection={<IconList size={18} />} defaultOpened childrenOffset={16}>
            {LIST_VIEWS.map((v) => (
              <NavLink
                key={v}
                href={`#/list/${v}`}
                active={here === `list/${v}` || (here === '' && v === 'assigned')}
                label={t(`domain:view.${v}`)}
                data-testid={`nav-${v}`}
                rightSection={
                  counts ? (
                    <Badge size="sm" variant="light" color="gray">
                      {formatNumber(counts[v], i18n.language)}
                    </Badge>
                  ) : null
                }
              />
            ))}
          </NavLink>
          {navSlots.map((Slot, i) => (
            <Slot key={i} here={here} />
          ))}
          <NavLink
            href="#/kpi"
            label={t('app:nav.kpi')}
            leftSection={<IconChartBar size={18} />}
            active={here.startsWith('kpi')}
            data-testid="nav-kpi"
          />
          <NavLink
            href="#/help"
            label={t('app:nav.help')}
            leftSection={<IconHelp size={18} />}
            active={here.startsWith('help')}
            data-testid="nav-help"
          />
          <NavLink
            href="#/settings"
            label={t('app:nav.settings')}
            leftSection={<IconSettings size={18} />}
            active={here.startsWith('settings')}
            data-testid="nav-settings"
          />
        </div>
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

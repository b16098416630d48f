// The lead page header: name, number, status and the six action buttons, always visible. A button
// the shared rules disable says why (errors:code.<CODE>) in its tooltip.
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconArrowLeft,
  IconCalendarEvent,
  IconCircleCheck,
  IconCircleX,
  IconPencil,
  IconPhoneCall,
  IconRepeat,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignLabel } from '../../../app/settings';
import type { LeadDetail } from '../../../../shared/contract/models';
import { ACTIONS, type ActionId } from '../../../../shared/domain/vocabulary';
import { asLeadName } from '../../../../shared/domain/lead';
import { StatusBadge } from '../../../components/StatusBadge';
import { SlaBadge } from '../../../components/SlaBadge';
import { SiteBadge } from '../../sites/SiteBadge';
import { useSitesShown } from '../../sites/useSites';

const ICON: Record<ActionId, ReactNode> = {
  edit: <IconPencil size={16} />,
  recordContact: <IconPhoneCall size={16} />,
  makeAppointment: <IconCalendarEvent size={16} />,
  closedInSale: <IconCircleCheck size={16} />,
  closedNoSale: <IconCircleX size={16} />,
  contactAgain: <IconRepeat size={16} />,
};
const VARIANT: Record<ActionId, string> = {
  edit: 'default',
  recordContact: 'filled',
  makeAppointment: 'light',
  closedInSale: 'light',
  closedNoSale: 'light',
  contactAgain: 'light',
};

interface Props {
  detail: LeadDetail;
  now: number;
  onAction(a: ActionId): void;
  primary: ActionId | null;
}

export function LeadHeader({ detail, now, onAction, primary }: Props) {
  const { t } = useTranslation();
  const campaignLabel = useCampaignLabel();
  const sites = useSitesShown(true);
  const { lead, actions } = detail;
  const slaInput = { ...lead, sla1DueAt: detail.sla.sla1DueAt, sla2DueAt: detail.sla.sla2DueAt };
  return (
    <Paper withBorder p="sm" pos="sticky" top={56} style={{ zIndex: 5 }} data-testid="lead-header">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Group gap="xs" wrap="wrap">
            <Tooltip label={t('desk:lead.back')}>
              <ActionIcon
                variant="subtle"
                onClick={() => window.history.back()}
                aria-label={t('desk:lead.back')}
                data-testid="lead-back"
              >
                <IconArrowLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Title order={2} data-testid="lead-name">
              {asLeadName(lead)}
            </Title>
            <StatusBadge status={lead.status} frozen={lead.frozen} />
            {lead.frozen && (
              <Badge color="gray" variant="outline">
                {t('desk:lead.frozen')}
              </Badge>
            )}
            <SlaBadge lead={slaInput} now={now} />
            <SiteBadge siteId={lead.siteId} sites={sites} named testId="lead-site" />
          </Group>
          <Group gap="xs">
            <Text size="sm" c="dimmed" data-testid="lead-number">
              {lead.number}
            </Text>
            <Text size="sm" c="dimmed">
              · {t(`domain:leadType.${lead.leadType}`)} · {campaignLabel(lead.campaign)}
            </Text>
          </Group>
        </Stack>
        <Group gap={6} wrap="wrap" data-testid="lead-actions">
          {ACTIONS.map((a) => {
            const av = actions[a];
            const reason = av && !av.enabled && av.reason ? t(`errors:code.${av.reason}`) : null;
            const button = (
              <Button
                size="sm"
                leftSection={ICON[a]}
                variant={a === primary ? 'filled' : VARIANT[a] === 'filled' ? 'light' : VARIANT[a]}
                color={a === 'closedNoSale' ? 'gray' : a === 'closedInSale' ? 'green' : undefined}
                data-testid={`action-${a}`}
                data-disabled={reason ? true : undefined}
                aria-disabled={reason ? true : undefined}
                onClick={(e) => {
                  if (reason) {
                    e.preventDefault();
                    return;
                  }
                  onAction(a);
                }}
              >
                {t(`desk:action.${a}`)}
              </Button>
            );
            return reason ? (
              <Tooltip key={a} label={reason} withArrow multiline maw={320}>
                <span data-testid={`action-${a}-wrap`} data-reason={av?.reason ?? ''}>
                  {button}
                </span>
              </Tooltip>
            ) : (
              <span key={a}>{button}</span>
            );
          })}
        </Group>
      </Group>
    </Paper>
  );
}

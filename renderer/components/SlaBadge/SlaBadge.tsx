import { useMantineTheme, type MantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/domain/vocabulary';
import { HoverTooltip } from '../HoverTooltip';
import { plainBadge } from '../PlainBadge';

export interface SlaInput {
  status: Status;
  firstContactAt: number | null;
  qualifiedAt: number | null;
  sla1DueAt: number;
  sla2DueAt: number;
  assignedAt: number;
}

/** Which SLA clock is running and how much is left: the 24-hour first contact, then the 10-day management. */
export function slaCountdown(l: SlaInput, now: number): { kind: 'sla1' | 'sla2'; left: number; total: number } | null {
  if (l.status !== 'assigned' && l.status !== 'appointment') return null;
  if (l.firstContactAt === null) return { kind: 'sla1', left: l.sla1DueAt - now, total: l.sla1DueAt - l.assignedAt };
  if (l.qualifiedAt === null) return { kind: 'sla2', left: l.sla2DueAt - now, total: l.sla2DueAt - l.assignedAt };
  return null;
}

type T = (k: string, o?: Record<string, unknown>) => string;

function humanLeft(ms: number, t: T): string {
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const d = Math.floor(h / 24);
  const text =
    d >= 2
      ? t('app:sla.days', { count: d })
      : h >= 1
        ? t('app:sla.hours', { count: h })
        : t('app:sla.minutes', { count: Math.max(1, Math.floor(abs / 60_000)) });
  return ms >= 0 ? t('app:sla.left', { time: text }) : t('app:sla.overdue', { time: text });
}

/** Time left to the running SLA, turning amber (under a quarter left) then red (overdue). */
export function SlaBadge({ lead, now }: { lead: SlaInput; now: number }) {
  const { t } = useTranslation();
  return slaBadge(lead, now, t, useMantineTheme());
}

/** The same badge with the caller's `t` and theme: a list renders hundreds of them without a hook each. */
export function slaBadge(lead: SlaInput, now: number, t: T, theme: MantineTheme) {
  const c = slaCountdown(lead, now);
  if (!c) return null;
  const color = c.left < 0 ? 'red' : c.left < c.total / 4 ? 'orange' : 'green';
  return (
    <HoverTooltip label={t(`app:sla.${c.kind}Tooltip`)}>
      {plainBadge(
        theme,
        { color, variant: c.left < 0 ? 'filled' : 'light', radius: 'sm' },
        <>
          {t(`app:sla.${c.kind}Short`)} · {humanLeft(c.left, t)}
        </>,
        { 'data-sla': color },
      )}
    </HoverTooltip>
  );
}

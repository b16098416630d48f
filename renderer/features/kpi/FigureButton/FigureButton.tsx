// A figure of the dashboard: a number that opens the list of the leads behind it.
import { Anchor, Text } from '@mantine/core';
import { useContext } from 'react';
import type { KpiFilter } from '../../../../shared/contract/kpi';
import { formatNumber } from '../../../app/format';
import { figureHref, KpiSiteContext } from '../api';

export function FigureButton({
  value,
  filter,
  period,
  lang,
  testId,
  size = 'sm',
  color,
  label,
}: {
  value: number;
  filter: KpiFilter;
  period: string;
  lang: string;
  testId?: string;
  size?: string;
  color?: string;
  label?: string;
}) {
  // The dashboard of one site (of several): its leads only.
  const site = useContext(KpiSiteContext);
  const f = site !== null && filter.siteId === undefined ? { ...filter, siteId: site } : filter;
  if (value === 0)
    return (
      <Text span size={size} c="dimmed" data-testid={testId}>
        0
      </Text>
    );
  return (
    <Anchor
      href={figureHref(f, period)}
      size={size}
      fw={600}
      c={color}
      data-testid={testId}
      aria-label={label ? `${label}: ${value}` : undefined}
      underline="hover"
    >
      {formatNumber(value, lang)}
    </Anchor>
  );
}

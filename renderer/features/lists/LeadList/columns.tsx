// The columns of a lead list: header label, the core's sort key, alignment and the cell of a row.
import { Anchor, Group, Text, type MantineTheme } from '@mantine/core';
import { IconUserExclamation } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import type { ListRow, SortKey } from '../../../../shared/contract/leads';
import type { ListColumn } from '../../../../shared/contract/lists';
import { daysBetween, formatDateTime, formatNumber } from '../../../app/format';
import { HoverTooltip } from '../../../components/HoverTooltip';
import { slaBadge } from '../../../components/SlaBadge';
import { statusBadge } from '../../../components/StatusBadge';
import { nextStepCell, type NextStep } from '../../playbook/NextStepColumn';
import { siteCode } from '../../sites/SiteCode';
import type { SiteOfLead } from '../../sites/useSites';

export interface CellContext {
  now: number;
  lang: string;
  t(key: string, options?: Record<string, unknown>): string;
  campaignLabel(id: string): string;
  step: NextStep | undefined;
  theme: MantineTheme;
  /** The sites when each lead's is shown (several sites, "All sites" in view), else null. */
  sites: Map<number, SiteOfLead> | null;
}
/** `short`: a compact header (the full `label` in its tooltip and in the Columns menu). */
export interface ColumnDef {
  label: string;
  short?: string;
  sort?: SortKey;
  align?: 'right';
  cell(r: ListRow, c: CellContext): ReactNode;
}

// The name cell as Anchor and Group render it, written as plain elements with their classes: a page has 50–200
// of them, and a Mantine component each (props, styles, context) is much of a row's cost on a cold start.
const ANCHOR_CLASS = `mantine-focus-auto ${Anchor.classes.root} ${Text.classes.root} mantine-Text-root mantine-Anchor-root`;
const GROUP_CLASS = `${Group.classes.root} mantine-Group-root`;
const GROUP_STYLE = {
  '--group-gap': 'calc(0.25rem * var(--mantine-scale))',
  '--group-align': 'center',
  '--group-justify': 'flex-start',
  '--group-wrap': 'nowrap',
} as CSSProperties;
const BOLD: CSSProperties = { fontWeight: 700 };
const REGULAR: CSSProperties = { fontWeight: 400 };

export const COLUMN_DEFS: Record<ListColumn, ColumnDef> = {
  name: {
    label: 'domain:field.name',
    sort: 'name',
    cell: (r, c) =>
      r.leadType === 'customer_driven' ? (
        <div className={GROUP_CLASS} style={GROUP_STYLE} data-customer-driven>
          <HoverTooltip label={c.t('lists:legend.customerDrivenIcon')}>
            <IconUserExclamation
              size={14}
              aria-label={c.t('lists:legend.customerDrivenIcon')}
              style={{ flexShrink: 0 }}
            />
          </HoverTooltip>
          <a className={ANCHOR_CLASS} data-underline="hover" href={`#/lead/${r.id}`} style={BOLD}>
            {r.name}
          </a>
        </div>
      ) : (
        <a className={ANCHOR_CLASS} data-underline="hover" href={`#/lead/${r.id}`} style={REGULAR}>
          {r.name}
        </a>
      ),
  },
  createdAt: {
    label: 'domain:field.createdAt',
    sort: 'createdAt',
    cell: (r, c) => <span data-created={r.createdAt}>{formatDateTime(r.createdAt, c.lang)}</span>,
  },
  status: {
    label: 'domain:field.status',
    sort: 'status',
    cell: (r, c) => statusBadge(r, c.t, c.theme),
  },
  source: { label: 'domain:field.source', sort: 'source', cell: (r, c) => c.t(`domain:source.${r.source}`) },
  campaign: { label: 'domain:field.campaign', sort: 'campaign', cell: (r, c) => c.campaignLabel(r.campaign) },
  contactAttempts: {
    label: 'domain:field.contactAttempts',
    short: 'lists:short.contactAttempts',
    sort: 'contactAttempts',
    align: 'right',
    cell: (r, c) => formatNumber(r.contactAttempts, c.lang),
  },
  daysFromCreation: {
    label: 'domain:field.daysFromCreation',
    short: 'lists:short.daysFromCreation',
    sort: 'daysFromCreation',
    align: 'right',
    cell: (r, c) => formatNumber(daysBetween(r.createdAt, c.now || r.createdAt), c.lang),
  },
  assignee: { label: 'domain:field.assigneeId', sort: 'assignee', cell: (r) => r.assigneeName ?? '—' },
  sla: { label: 'domain:field.sla', sort: 'sla', cell: (r, c) => slaBadge(r, c.now, c.t, c.theme) },
  nextStep: { label: 'playbook:myDay.step', cell: (_r, c) => nextStepCell(c.step, c.t, c.theme) },
  // Not sortable: no index orders a view by site.
  site: { label: 'sites:field.site', cell: (r, c) => siteCode(r.siteId, c.sites) },
};

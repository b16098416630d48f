// One row of the lead list, and the memos that keep a page's rows cheap (cold start, issue 16): plain <tr>/<td>
// with Table's own classes and attributes, each label asked of i18next once a page.
import { Table, type MantineTheme } from '@mantine/core';
import { memo } from 'react';
import type { ListRow } from '../../../../shared/contract/leads';
import type { ListColumn } from '../../../../shared/domain/listLayout';
import { navigate } from '../../../app/router';
import { COLUMN_DEFS, type CellContext } from './columns';

/** A one-argument function remembering its answers. */
export function memoOne(f: (id: string) => string): (id: string) => string {
  const seen = new Map<string, string>();
  return (id) => {
    let v = seen.get(id);
    if (v === undefined) seen.set(id, (v = f(id)));
    return v;
  };
}

/** `t` remembering its answers (by key and options), for one language. */
export function memoT(t: CellContext['t']): CellContext['t'] {
  const seen = new Map<string, string>();
  return (key, options) => {
    const k = options ? `${key}\u0000${JSON.stringify(options)}` : key;
    let v = seen.get(k);
    if (v === undefined) {
      v = t(key, options);
      seen.set(k, v);
    }
    return v;
  };
}

const TD_CLASS = `${Table.classes.td} mantine-Table-td`;
const TR_CLASS = `${Table.classes.tr} mantine-Table-tr`;
const ROW = { cursor: 'pointer' } as const;
const SELECTED_ROW = { cursor: 'pointer', background: 'var(--mantine-color-blue-light)' } as const;

/** One row; memoized so that moving the selection re-renders two rows, not fifty. */
export const Row = memo(function Row({
  r,
  i,
  selected,
  now,
  lang,
  t,
  campaignLabel,
  onSelect,
  step,
  columns,
  theme,
  sites,
}: {
  r: ListRow;
  i: number;
  selected: boolean;
  now: number;
  lang: string;
  /** The list's translation and campaign labels (no hook per row: 50–200 rows a page). */
  t: CellContext['t'];
  campaignLabel(id: string): string;
  onSelect(i: number): void;
  step: CellContext['step'];
  columns: ListColumn[];
  theme: MantineTheme;
  sites: CellContext['sites'];
}) {
  const ctx: CellContext = { now, lang, t, campaignLabel, step, theme, sites };
  return (
    // A plain row with what Table.Tr renders (its class, row border, stripes, hover): 50–200 rows a page (cold start).
    <tr
      className={TR_CLASS}
      data-with-row-border
      data-striped="even"
      data-hover
      data-row-index={i}
      data-lead-id={r.id}
      data-lead-type={r.leadType}
      data-selected={selected || undefined}
      onClick={() => onSelect(i)}
      onDoubleClick={() => navigate(`/lead/${r.id}`)}
      style={selected ? SELECTED_ROW : ROW}
    >
      {columns.map((c) => (
        // A plain cell with Table.Td's own class: 500 cells a page, rendered without a component each (cold start).
        <td
          key={c}
          className={TD_CLASS}
          data-column={c}
          style={COLUMN_DEFS[c].align ? { textAlign: COLUMN_DEFS[c].align } : undefined}
        >
          {COLUMN_DEFS[c].cell(r, ctx)}
        </td>
      ))}
    </tr>
  );
});
